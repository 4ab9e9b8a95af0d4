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
  };
}
