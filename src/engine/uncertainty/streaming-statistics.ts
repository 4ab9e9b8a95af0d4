/**
 * Statistics of a stream of Monte Carlo outputs in constant memory: mean and variance by
 * Welford's update, quantiles from a fixed-size uniform reservoir of the values.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireFiniteResult, requireInRange, requireInteger } from '../validate.js';
import type { RandomSource } from './random-source.js';

/** Welford's running mean and variance. */
export interface RunningMoments {
  readonly push: (value: number) => void;
  readonly count: () => number;
  readonly mean: () => number;
  /** Sample variance (n − 1); 0 for fewer than two values. */
  readonly variance: () => number;
  readonly min: () => number;
  readonly max: () => number;
}

/**
 * Running mean and sample variance, one value at a time, in constant memory.
 * @equation δ = x − m; m ← m + δ/k; M2 ← M2 + δ·(x − m); s² = M2/(k − 1)
 * @source Welford (1962) Note on a method for calculating corrected sums of squares and products, Technometrics 4(3) 419–420; Knuth TAOCP vol. 2, 3rd ed., §4.2.2
 * @throws GpError NOT_FINITE when a pushed value is not a finite number
 * @example const m = createRunningMoments(); [1, 2, 4].forEach(m.push); m.mean() // => 2.3333
 */
export function createRunningMoments(): RunningMoments {
  let k = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  return {
    push: (value) => {
      const x = requireFinite(value, 'value');
      k += 1;
      const delta = x - mean;
      mean += delta / k;
      m2 += delta * (x - mean);
      if (x < min) min = x;
      if (x > max) max = x;
    },
    count: () => k,
    mean: () => mean,
    variance: () => (k < 2 ? 0 : Math.max(0, m2 / (k - 1))),
    min: () => min,
    max: () => max,
  };
}

/**
 * The reservoir slot the n-th value (0-based) of a stream takes, or −1 to skip it, so that
 * the reservoir always holds a uniform random sample of the values seen. One slot choice can
 * be shared by several reservoirs fed one value per iteration (they then keep the same iterations).
 * @equation slot(n) = n for n < m; else j = ⌊u·(n+1)⌋, slot = j if j < m, −1 otherwise
 * @source Vitter (1985) Random sampling with a reservoir, ACM TOMS 11(1) 37–57, Algorithm R
 * @param index n, the 0-based position in the stream
 * @param capacity m, the reservoir size
 * @param random the reservoir's own seeded random source
 * @example reservoirSlot(3, 10, createRandomSource(1)) // => 3
 */
export function reservoirSlot(index: number, capacity: number, random: RandomSource): number {
  if (index < capacity) return index;
  const j = Math.floor(random.nextUnit() * (index + 1));
  return j < capacity ? j : -1;
}

/**
 * The p-quantile of sorted values, interpolating between order statistics (R's type 7,
 * Excel PERCENTILE.INC).
 * @equation h = (n − 1)·p; Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
 * @source Hyndman & Fan (1996) Sample quantiles in statistical packages, Am. Stat. 50(4) 361–365, definition 7
 * @param sorted the values in ascending order (non-empty)
 * @param p the probability, 0–1
 * @throws GpError EMPTY when there are no values; OUT_OF_RANGE when p is outside 0–1
 * @example interpolatedQuantileOfSorted([1, 2, 3, 4], 0.5) // => 2.5
 */
export function interpolatedQuantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const prob = requireInRange(p, 0, 1, 'p');
  const n = sorted.length;
  if (n === 0) throw new GpError('EMPTY', 'sorted', 'needs at least one value');
  const h = (n - 1) * prob;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, n - 1)] as number;
  // Equal neighbours give exactly that value (no a + 0·(b − a) rounding).
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * The bound on a reservoir quantile's error in rank: with probability ≥ 1 − δ the estimate's
 * true cumulative probability lies within ε of p (Hoeffding; sampling without replacement is
 * at least as concentrated). Zero when every value fits in the reservoir (exact quantiles).
 * @equation ε = √(ln(2/δ) / (2m)) when n > m, else 0
 * @source Hoeffding (1963) Probability inequalities for sums of bounded random variables, JASA 58(301), Thm 1 and §6
 * @param capacity m, the reservoir size
 * @param count n, the values seen
 * @param delta δ, the probability the bound may fail
 * @throws GpError OUT_OF_RANGE when δ is not in (0, 1) or the sizes are not whole numbers
 * @example reservoirRankErrorBound(10000, 100000, 0.01) // => 0.01628
 */
export function reservoirRankErrorBound(capacity: number, count: number, delta: number): number {
  const m = requireInteger(capacity, 'capacity', 1);
  const n = requireInteger(count, 'count');
  const d = requireFinite(delta, 'delta');
  if (!(d > 0 && d < 1)) throw new GpError('OUT_OF_RANGE', 'delta', `must be in (0, 1), got ${d}`);
  return n <= m ? 0 : requireFiniteResult(Math.sqrt(Math.log(2 / d) / (2 * m)), 'delta');
}

/**
 * The p-quantiles (type 7) of values by selection instead of a full sort: the same order
 * statistics, so the same numbers as interpolatedQuantileOfSorted on the sorted values, in
 * O(n) expected time per p. The values are reordered in place.
 * @equation h = (n − 1)·p; Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x₍k₎ by quickselect
 * @source Hyndman & Fan (1996) Am. Stat. 50(4) 361–365, definition 7; Hoare (1961) Algorithm 65: FIND, CACM 4(7) 321–322
 * @param values the values (finite, non-empty), reordered
 * @param ps the probabilities, each 0–1
 * @throws GpError EMPTY when there are no values; OUT_OF_RANGE when a p is outside 0–1
 * @example quantilesBySelection(Float64Array.of(4, 1, 3, 2), [0.5]) // => [2.5]
 */
export function quantilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new GpError('EMPTY', 'values', 'needs at least one value');
  const hs = ps.map((p, i) => (n - 1) * requireInRange(p, 0, 1, `ps[${i}]`));
  // The ranks nearest the middle first: each selection splits the values for the next ones
  // (after x₍k₎ is selected every value before k is ≤ it and every value after it ≥ it).
  const middle = (n - 1) / 2;
  const order = hs
    .map((h, i) => ({ i, h }))
    .sort((a, z) => Math.abs(a.h - middle) - Math.abs(z.h - middle));
  const selected: number[] = []; // ascending
  const out = new Array<number>(ps.length);
  for (const { i, h } of order) {
    const lo = Math.floor(h);
    let below = -1;
    let above = n;
    for (const k of selected) {
      if (k <= lo) below = k;
      else if (k < above) above = k;
    }
    const a = below === lo ? (values[lo] as number) : selectRank(values, lo, below + 1, above - 1);
    if (below !== lo) selected.splice(selected.filter((k) => k < lo).length, 0, lo);
    // Every value after x₍lo₎ up to the next selected rank is ≥ it and ≤ the values beyond:
    // x₍lo+1₎ is their minimum (one scan, not a selection).
    let b = a;
    if (lo + 1 < n) {
      const last = Math.min(above, n - 1);
      b = values[lo + 1] as number;
      for (let k = lo + 2; k <= last; k++) if ((values[k] as number) < b) b = values[k] as number;
    }
    const x = signedZero(values, lo, a);
    out[i] = x === b ? x : x + (h - lo) * (b - x);
  }
  return out;
}

/**
 * x₍k₎ with the sign a sort gives a zero (−0 before +0), whatever the order selection left the
 * values in, so the quantiles are the sorted values' bitwise.
 */
function signedZero(values: Float64Array, k: number, x: number): number {
  if (x !== 0) return x;
  let negative = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0 || Object.is(v, -0)) negative++;
  }
  return k < negative ? -0 : 0;
}

/** x₍k₎ of values[lo..hi] (inclusive), partitioning them around it (Hoare). */
function selectRank(values: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const a = values[lo] as number;
    const m = values[(lo + hi) >> 1] as number;
    const z = values[hi] as number;
    // Median of three as the pivot.
    const pivot = a < m ? (m < z ? m : a < z ? z : a) : a < z ? a : m < z ? z : m;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/** A fixed-size sample of a stream, for quantiles. */
export interface QuantileReservoir {
  /** Offers a value at the slot from reservoirSlot (−1 skips it). */
  readonly offer: (value: number, slot: number) => void;
  /** Values kept so far. */
  readonly size: () => number;
  /** The p-quantiles of the kept values (type 7), in the order asked. */
  readonly quantiles: (ps: readonly number[]) => number[];
}

/**
 * A quantile reservoir of fixed capacity: memory does not grow with the number of values.
 * @equation reservoir = Algorithm R sample of size min(n, m); Q(p) = type-7 quantile of the reservoir
 * @source Vitter (1985) ACM TOMS 11(1) 37–57, Algorithm R; Hyndman & Fan (1996) definition 7
 * @param capacity m, 1 … 10⁶ values
 * @throws GpError OUT_OF_RANGE when the capacity is not a whole number 1 … 10⁶
 * @example createQuantileReservoir(100).size() // => 0
 */
export function createQuantileReservoir(capacity: number): QuantileReservoir {
  const m = requireInteger(capacity, 'capacity', 1);
  if (m > 1_000_000) throw new GpError('OUT_OF_RANGE', 'capacity', 'must be ≤ 1 000 000');
  const values = new Float64Array(m);
  let size = 0;
  return {
    offer: (value, slot) => {
      if (slot < 0) return;
      values[slot] = value;
      if (slot >= size) size = slot + 1;
    },
    size: () => size,
    quantiles: (ps) => {
      const sorted = values.slice(0, size).sort();
      return ps.map((p) => interpolatedQuantileOfSorted(sorted, p));
    },
  };
}

/** Running moments of several streams, each addressed by its index. */
export interface RunningMomentsBank {
  readonly push: (stream: number, value: number) => void;
  readonly count: (stream: number) => number;
  readonly mean: (stream: number) => number;
  /** Sample variance (n − 1); 0 for fewer than two values. */
  readonly variance: (stream: number) => number;
  readonly min: (stream: number) => number;
  readonly max: (stream: number) => number;
}

/**
 * Running means and variances of several streams in typed arrays: each stream's push repeats
 * createRunningMoments' operations in the same order (equal results), without one closure per stream.
 * @equation per stream: δ = x − m; m ← m + δ/k; M2 ← M2 + δ·(x − m); s² = M2/(k − 1)
 * @source Welford (1962) Technometrics 4(3) 419–420; createRunningMoments (this file)
 * @param streams how many streams, 1 … 10⁶
 * @throws GpError OUT_OF_RANGE when streams is not a whole number 1 … 10⁶; NOT_FINITE when a pushed value is not finite
 * @example const b = createRunningMomentsBank(2); b.push(1, 4); b.mean(1) // => 4
 */
export function createRunningMomentsBank(streams: number): RunningMomentsBank {
  const n = requireInteger(streams, 'streams', 1);
  if (n > 1_000_000) throw new GpError('OUT_OF_RANGE', 'streams', 'must be ≤ 1 000 000');
  const counts = new Float64Array(n);
  const means = new Float64Array(n);
  const m2s = new Float64Array(n);
  const mins = new Float64Array(n).fill(Infinity);
  const maxs = new Float64Array(n).fill(-Infinity);
  return {
    push: (j, value) => {
      const x = Number.isFinite(value) ? value : requireFinite(value, 'value');
      const k = (counts[j] as number) + 1;
      counts[j] = k;
      const mean = means[j] as number;
      const delta = x - mean;
      const next = mean + delta / k;
      means[j] = next;
      m2s[j] = (m2s[j] as number) + delta * (x - next);
      if (x < (mins[j] as number)) mins[j] = x;
      if (x > (maxs[j] as number)) maxs[j] = x;
    },
    count: (j) => counts[j] as number,
    mean: (j) => means[j] as number,
    variance: (j) => {
      const k = counts[j] as number;
      return k < 2 ? 0 : Math.max(0, (m2s[j] as number) / (k - 1));
    },
    min: (j) => mins[j] as number,
    max: (j) => maxs[j] as number,
  };
}

/** Quantile reservoirs of several streams, each addressed by its index. */
export interface QuantileReservoirBank {
  /** Offers stream j's value at the slot from reservoirSlot (−1 skips it). */
  readonly offer: (stream: number, value: number, slot: number) => void;
  readonly size: (stream: number) => number;
  /** Stream j's p-quantiles (type 7), in the order asked. */
  readonly quantiles: (stream: number, ps: readonly number[]) => number[];
  /** A copy of stream j's kept values (in slot order), e.g. for reservoirHistogram. */
  readonly sample: (stream: number) => Float64Array;
}

/**
 * Quantile reservoirs of several streams in one typed array: each behaves as
 * createQuantileReservoir (same kept values, same quantiles), without one closure per stream.
 * @equation reservoir_j = Algorithm R sample of size min(n, m); Q(p) = type-7 quantile of reservoir_j
 * @source Vitter (1985) ACM TOMS 11(1) 37–57, Algorithm R; Hyndman & Fan (1996) definition 7; createQuantileReservoir
 * @param streams how many streams, ≥ 1
 * @param capacity m per stream, 1 … 10⁶ values
 * @throws GpError OUT_OF_RANGE when the sizes are not whole numbers in range
 * @example createQuantileReservoirBank(3, 100).size(2) // => 0
 */
export function createQuantileReservoirBank(
  streams: number,
  capacity: number,
): QuantileReservoirBank {
  const n = requireInteger(streams, 'streams', 1);
  const m = requireInteger(capacity, 'capacity', 1);
  if (m > 1_000_000) throw new GpError('OUT_OF_RANGE', 'capacity', 'must be ≤ 1 000 000');
  const values = new Float64Array(n * m);
  const sizes = new Int32Array(n);
  return {
    offer: (j, value, slot) => {
      if (slot < 0) return;
      values[j * m + slot] = value;
      if (slot >= (sizes[j] as number)) sizes[j] = slot + 1;
    },
    size: (j) => sizes[j] as number,
    quantiles: (j, ps) => {
      const sorted = values.slice(j * m, j * m + (sizes[j] as number)).sort();
      return ps.map((p) => interpolatedQuantileOfSorted(sorted, p));
    },
    sample: (j) => values.slice(j * m, j * m + (sizes[j] as number)),
  };
}

/** Bins of a Monte Carlo output's histogram. */
export const HISTOGRAM_BINS = 20;

/** A histogram of a stream, from its reservoir. */
export interface Histogram {
  /** bins + 1 increasing edges, from the stream's min to its max; [min, max] when min = max. */
  readonly edges: readonly number[];
  /**
   * Iterations per bin (bin i is [edges[i], edges[i+1]), the last one closed), whole numbers
   * summing to the count: exact when every value is in the reservoir, otherwise the reservoir's
   * counts scaled to the count (an estimate).
   */
  readonly counts: readonly number[];
  /** 'exact': every value binned; 'reservoir': estimated from the reservoir's uniform sample. */
  readonly source: 'exact' | 'reservoir';
}

/**
 * Equal-width bin edges from min to max: bins + 1 strictly increasing finite values, the first
 * exactly min and the last exactly max; one bin [min, max] when min = max or when the range is
 * too narrow for that many distinct edges.
 * @equation e_i = (1 − i/b)·min + (i/b)·max, i = 0…b (each term finite, no overflow of max − min)
 * @source Scott (2015) Multivariate Density Estimation, 2nd ed., Wiley, §3.2 (equal-width histogram)
 * @param min the smallest value (finite)
 * @param max the largest value (finite, ≥ min)
 * @param bins b, 1 … 10 000
 * @throws GpError NOT_FINITE for a non-finite end; OUT_OF_RANGE when max < min or bins is not a whole number 1 … 10 000
 * @example histogramEdges(0, 10, 5) // => [0, 2, 4, 6, 8, 10]
 */
export function histogramEdges(min: number, max: number, bins: number): number[] {
  const lo = requireFinite(min, 'min');
  const hi = requireFinite(max, 'max');
  const b = requireInteger(bins, 'bins', 1);
  if (b > 10_000) throw new GpError('OUT_OF_RANGE', 'bins', 'must be ≤ 10 000');
  if (hi < lo) throw new GpError('OUT_OF_RANGE', 'max', `must be ≥ min (${lo}), got ${hi}`);
  if (lo === hi) return [lo, hi];
  const edges = [lo];
  for (let i = 1; i < b; i++) {
    const f = i / b;
    const e = (1 - f) * lo + f * hi;
    // Rounding may leave a too-narrow range without distinct edges: then one bin.
    if (!(e > (edges[i - 1] as number) && e < hi)) return [lo, hi];
    edges.push(e);
  }
  edges.push(hi);
  return edges;
}

/**
 * A histogram of a stream of `count` values from a uniform sample of them (a reservoir):
 * equal-width bins from the stream's min to its max, each sample value counted in its bin;
 * when the sample holds every value the counts are exact, otherwise each bin's count is scaled
 * by count / sample size and rounded to whole iterations by largest remainders, so the counts
 * still sum to the count. A fixed number of bins (20 in the Monte Carlo) keeps options and
 * outputs comparable; Sturges' ⌈log₂ n⌉ + 1 would give 15 bins for 10 000 iterations.
 * @equation c_i = #{x ∈ sample : e_i ≤ x < e_(i+1)} (last bin closed); n > m: ĉ_i = c_i·n/m, then ⌊ĉ_i⌋ + 1 for the n − Σ⌊ĉ_i⌋ largest remainders
 * @source Scott (2015) Multivariate Density Estimation, 2nd ed., Wiley, §3.2; Sturges (1926) JASA 21(153) 65–66; Vitter (1985) ACM TOMS 11(1) 37–57 (uniform sample); Balinski & Young (1982) Fair Representation, Yale UP (Hamilton's largest remainders)
 * @param sample the kept values (any order), each within [min, max]
 * @param count n, the values the stream had (≥ the sample's size)
 * @param min the stream's smallest value
 * @param max the stream's largest value
 * @param bins b, 1 … 10 000 (one bin when min = max)
 * @throws GpError EMPTY when count > 0 but the sample is empty; OUT_OF_RANGE when count is smaller than the sample or the ends are out of order; NOT_FINITE for a non-finite value
 * @example reservoirHistogram([1, 2, 2, 4], 4, 1, 4, 3) // => { edges: [1, 2, 3, 4], counts: [1, 2, 1], source: 'exact' }
 */
export function reservoirHistogram(
  sample: ArrayLike<number>,
  count: number,
  min: number,
  max: number,
  bins: number,
): Histogram {
  const n = requireInteger(count, 'count');
  const m = sample.length;
  if (n < m) throw new GpError('OUT_OF_RANGE', 'count', `must be ≥ the sample's ${m} values`);
  if (n > 0 && m === 0) throw new GpError('EMPTY', 'sample', 'needs at least one value');
  const edges = histogramEdges(min, max, bins);
  const b = edges.length - 1;
  const first = edges[0] as number;
  const last = edges[b] as number;
  const kept = new Array<number>(b).fill(0);
  for (let k = 0; k < m; k++) {
    const value = sample[k] as number;
    // The field name is built only for the error (not once per value).
    const x = Number.isFinite(value) ? value : requireFinite(value, `sample[${k}]`);
    // The last edge ≤ x: guessed from equal widths, then moved to the exact edge (the edges
    // are rounded); values outside [min, max] go to the end bins.
    let bin = Math.floor(((x - first) / (last - first)) * b);
    if (!(bin >= 0)) bin = 0;
    else if (bin > b - 1) bin = b - 1;
    while (bin > 0 && (edges[bin] as number) > x) bin--;
    while (bin < b - 1 && (edges[bin + 1] as number) <= x) bin++;
    kept[bin] = (kept[bin] as number) + 1;
  }
  if (n === m) return { edges, counts: kept, source: 'exact' };
  const scaled = kept.map((c) => (c * n) / m);
  const counts = scaled.map(Math.floor);
  let left = n - counts.reduce((a, c) => a + c, 0);
  const order = scaled
    .map((s, i) => ({ i, r: s - Math.floor(s) }))
    .sort((a, z) => z.r - a.r || a.i - z.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left -= 1;
  }
  return { edges, counts, source: 'reservoir' };
}

/** Values per stream in a moments array: count, mean, M2, min, max. */
export const MOMENT_FIELDS = 5;

/**
 * Adds one value to stream j of a moments array (count, mean, M2, min, max per stream), the
 * same operations in the same order as createRunningMomentsBank's push.
 * @equation k ← k + 1; δ = x − m; m ← m + δ/k; M2 ← M2 + δ·(x − m); min, max
 * @source Welford (1962) Technometrics 4(3) 419–420
 * @param moments MOMENT_FIELDS values per stream (min +∞, max −∞ before the first value)
 * @param j the stream
 * @param x the value (finite; the caller checks)
 * @example const a = Float64Array.of(0, 0, 0, Infinity, -Infinity); pushMoment(a, 0, 4); a[1] // => 4
 */
export function pushMoment(moments: Float64Array, j: number, x: number): void {
  const at = j * MOMENT_FIELDS;
  const k = (moments[at] as number) + 1;
  moments[at] = k;
  const mean = moments[at + 1] as number;
  const delta = x - mean;
  const next = mean + delta / k;
  moments[at + 1] = next;
  moments[at + 2] = (moments[at + 2] as number) + delta * (x - next);
  if (x < (moments[at + 3] as number)) moments[at + 3] = x;
  if (x > (moments[at + 4] as number)) moments[at + 4] = x;
}

/**
 * Merges stream j of moments `from` into stream j of `into` (Chan et al.'s parallel update):
 * the result is the moments of both sets of values; a side with no values leaves the other exact.
 * @equation n = n_a + n_b; δ = m_b − m_a; m = m_a + δ·n_b/n; M2 = M2_a + M2_b + δ²·n_a·n_b/n; min, max of both
 * @source Chan, Golub & LeVeque (1979) Updating formulae and a pairwise algorithm for computing sample variances, Stanford CS-TR-79-773, eq. 2.1
 * @param into MOMENT_FIELDS values per stream, updated
 * @param from MOMENT_FIELDS values per stream
 * @param j the stream
 * @example const a = Float64Array.of(2, 1.5, 0.5, 1, 2); mergeMoments(a, Float64Array.of(1, 4, 0, 4, 4), 0); a[1] // => 2.3333
 */
export function mergeMoments(into: Float64Array, from: Float64Array, j: number): void {
  const at = j * MOMENT_FIELDS;
  const nb = from[at] as number;
  if (nb === 0) return;
  const na = into[at] as number;
  if (na === 0) {
    for (let f = 0; f < MOMENT_FIELDS; f++) into[at + f] = from[at + f] as number;
    return;
  }
  const n = na + nb;
  const ma = into[at + 1] as number;
  const delta = (from[at + 1] as number) - ma;
  into[at] = n;
  into[at + 1] = ma + (delta * nb) / n;
  into[at + 2] =
    (into[at + 2] as number) + (from[at + 2] as number) + ((delta * delta * na) / n) * nb;
  if ((from[at + 3] as number) < (into[at + 3] as number)) into[at + 3] = from[at + 3] as number;
  if ((from[at + 4] as number) > (into[at + 4] as number)) into[at + 4] = from[at + 4] as number;
}

/**
 * How to merge two uniform reservoir samples into one of the union, in place: a's sample (size
 * min(n_a, m)) of n_a values and b's (size min(n_b, m)) of n_b values. When everything fits,
 * a's values then b's; otherwise the number k kept of a is hypergeometric (m draws without
 * replacement from n_a + n_b), a uniform k of a's values stay in their slots, and a uniform
 * m − k of b's fill the other slots (partial Fisher–Yates), so the result is a uniform sample of
 * size m of the union and merging copies only b's values.
 * @equation plan = [0…s_a−1, ¬0…¬(s_b−1)] if n_a + n_b ≤ m; else k ~ Hypergeometric(n_a + n_b, n_a, m), uniform k of a kept in place, uniform m − k of b in the rest
 * @source Vitter (1985) ACM TOMS 11(1) 37–57 (uniform reservoir samples); Tillé (2006) Sampling Algorithms, Springer, §4.4 (sequential draws without replacement)
 * @param na n_a, the values a's sample stands for
 * @param nb n_b, the values b's sample stands for
 * @param capacity m, the reservoir size
 * @param random the merge's own seeded random source
 * @returns per slot of the merged sample: s itself where a's value s stays, −1 − i for b's value i
 * @throws GpError OUT_OF_RANGE when the sizes are not whole numbers
 * @example Array.from(reservoirMergePlan(2, 1, 10, createRandomSource(1))) // => [0, 1, -1]
 */
export function reservoirMergePlan(
  na: number,
  nb: number,
  capacity: number,
  random: RandomSource,
): Int32Array {
  const a = requireInteger(na, 'na');
  const b = requireInteger(nb, 'nb');
  const m = requireInteger(capacity, 'capacity', 1);
  const sa = Math.min(a, m);
  const sb = Math.min(b, m);
  if (a + b <= m) {
    const plan = new Int32Array(sa + sb);
    for (let i = 0; i < sa; i++) plan[i] = i;
    for (let i = 0; i < sb; i++) plan[sa + i] = -1 - i;
    return plan;
  }
  let fromA = 0;
  const total = a + b;
  for (let i = 0; i < m; i++) {
    if (random.nextUnit() * (total - i) < a - fromA) fromA += 1;
  }
  const plan = new Int32Array(m);
  for (let s = 0; s < m; s++) plan[s] = s;
  // The slots b's values go to: sa − k of a's (a uniform choice), then those beyond a's sample.
  const open = new Int32Array(m - fromA);
  const order = new Int32Array(Math.max(sa, sb));
  for (let i = 0; i < sa; i++) order[i] = i;
  const dropped = sa - fromA;
  for (let i = 0; i < dropped; i++) {
    const j = i + Math.floor(random.nextUnit() * (sa - i));
    const chosen = order[j] as number;
    order[j] = order[i] as number;
    order[i] = chosen;
    open[i] = chosen;
  }
  for (let s = sa; s < m; s++) open[dropped + s - sa] = s;
  for (let i = 0; i < sb; i++) order[i] = i;
  for (let i = 0; i < open.length; i++) {
    const j = i + Math.floor(random.nextUnit() * (sb - i));
    const chosen = order[j] as number;
    order[j] = order[i] as number;
    order[i] = chosen;
    plan[open[i] as number] = -1 - chosen;
  }
  return plan;
}
