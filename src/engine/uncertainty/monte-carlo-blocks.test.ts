/**
 * The Monte Carlo in blocks: block streams by xoshiro128** jumps, moments merged by Chan's
 * update, reservoirs merged into a uniform sample of the union, and one result for a seed
 * whatever the order the blocks are computed in (what a worker pool relies on).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../study/study-input.js';
import {
  MONTE_CARLO_BLOCK_ITERATIONS,
  createMonteCarloRun,
  monteCarloStudy,
  type MonteCarloTotals,
  type UncertainInputs,
} from './monte-carlo-study.js';
import {
  createBlockRandomSource,
  createRandomSource,
  splitMix32Sequence,
  xoshiro128Jump,
} from './random-source.js';
import {
  MOMENT_FIELDS,
  createRunningMoments,
  histogramEdges,
  interpolatedQuantileOfSorted,
  mergeMoments,
  pushMoment,
  quantilesBySelection,
  reservoirHistogram,
  reservoirMergePlan,
} from './streaming-statistics.js';

const word = fc.integer({ min: 0, max: 0xffffffff });

describe('block random sources (xoshiro128** jumps)', () => {
  it('gives the seed’s own stream for block 0 and other streams for other blocks', () => {
    const a = createRandomSource(42);
    const b0 = createBlockRandomSource(42, 0);
    const b1 = createBlockRandomSource(42, 1);
    const first = Array.from({ length: 1000 }, () => a.nextUint32());
    expect(Array.from({ length: 1000 }, () => b0.nextUint32())).toEqual(first);
    const other = Array.from({ length: 1000 }, () => b1.nextUint32());
    expect(other.filter((x, i) => x === first[i]).length).toBeLessThan(3);
  });

  it('is a linear map that composes: jump(a ⊕ b) = jump(a) ⊕ jump(b), jump² = jump∘jump', () => {
    fc.assert(
      fc.property(fc.tuple(word, word, word, word), fc.tuple(word, word, word, word), (a, b) => {
        const x = a.map((w, i) => (w ^ (b[i] as number)) >>> 0);
        fc.pre(a.some((w) => w !== 0) && b.some((w) => w !== 0) && x.some((w) => w !== 0));
        const ja = xoshiro128Jump(a, 1);
        const jb = xoshiro128Jump(b, 1);
        expect(xoshiro128Jump(x, 1)).toEqual(ja.map((w, i) => (w ^ (jb[i] as number)) >>> 0));
        expect(xoshiro128Jump(a, 2)).toEqual(xoshiro128Jump(ja, 1));
      }),
      { numRuns: 20 },
    );
    expect(xoshiro128Jump(splitMix32Sequence(1, 4), 1)).not.toEqual(splitMix32Sequence(1, 4));
  });
});

describe('quantiles and histograms without a full sort', () => {
  const values = fc.array(
    fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -3, max: 3 })),
    { minLength: 1, maxLength: 300 },
  );
  const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 });

  it('selects the same type-7 quantiles as sorting, bitwise', () => {
    fc.assert(
      fc.property(values, ps, (xs, probabilities) => {
        const sorted = Float64Array.from(xs).sort();
        const got = quantilesBySelection(Float64Array.from(xs), probabilities);
        expect(got).toEqual(probabilities.map((p) => interpolatedQuantileOfSorted(sorted, p)));
      }),
    );
  });

  it('gives a zero quantile the sign sorting gives it (−0 before +0), whatever the order', () => {
    const ps = [0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1, -1), { minLength: 1, maxLength: 40 }),
        (xs) => {
          const sorted = Float64Array.from(xs).sort();
          const got = quantilesBySelection(Float64Array.from(xs), ps);
          ps.forEach((p, i) =>
            expect(Object.is(got[i], interpolatedQuantileOfSorted(sorted, p))).toBe(true),
          );
        },
      ),
    );
  });

  it('bins every value where the edges say (last edge ≤ x), as a search of the edges would', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 40 }), (xs, bins) => {
        const min = Math.min(...xs);
        const max = Math.max(...xs);
        const edges = histogramEdges(min, max, bins);
        const b = edges.length - 1;
        const expected = new Array<number>(b).fill(0);
        for (const x of xs) {
          let k = b - 1;
          while (k > 0 && (edges[k] as number) > x) k--;
          expected[k] = (expected[k] as number) + 1;
        }
        expect(reservoirHistogram(xs, xs.length, min, max, bins).counts).toEqual(expected);
      }),
    );
  });
});

describe('merging streaming statistics', () => {
  it('merges moments as if every value had been pushed to one (Chan)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        (xs, ys) => {
          const fresh = () => Float64Array.of(0, 0, 0, Infinity, -Infinity);
          const a = fresh();
          const b = fresh();
          xs.forEach((x) => pushMoment(a, 0, x));
          ys.forEach((y) => pushMoment(b, 0, y));
          mergeMoments(a, b, 0);
          const all = createRunningMoments();
          [...xs, ...ys].forEach(all.push);
          expect(a[0]).toBe(all.count());
          const scale = Math.max(1, ...[...xs, ...ys].map(Math.abs));
          expect(Math.abs((a[1] as number) - all.mean())).toBeLessThanOrEqual(1e-9 * scale);
          const n = a[0] as number;
          const variance = n < 2 ? 0 : (a[2] as number) / (n - 1);
          expect(Math.abs(variance - all.variance())).toBeLessThanOrEqual(1e-9 * scale * scale);
          if (n > 0) {
            expect(a[3]).toBe(all.min());
            expect(a[4]).toBe(all.max());
          }
        },
      ),
    );
  });

  it('keeps everything when both samples fit, and a uniform sample of the union otherwise', () => {
    expect(Array.from(reservoirMergePlan(3, 2, 10, createRandomSource(1)))).toEqual([
      0, 1, 2, -1, -2,
    ]);
    // A: 300 values (sample of 100 kept), B: 100 values; 100 kept of 400.
    const random = createRandomSource(9);
    const trials = 4000;
    const fromA: number[] = [];
    const picked = new Float64Array(200);
    for (let t = 0; t < trials; t++) {
      const plan = reservoirMergePlan(300, 100, 100, random);
      expect(plan.length).toBe(100);
      expect(new Set(plan).size).toBe(100);
      // a's kept values stay where they are, so a merge copies only b's.
      plan.forEach((pick, s) => {
        if (pick >= 0) expect(pick).toBe(s);
      });
      let k = 0;
      for (const i of plan) {
        if (i >= 0) {
          k++;
          picked[i] = (picked[i] as number) + 1;
        } else picked[100 - 1 - i] = (picked[100 - 1 - i] as number) + 1;
      }
      fromA.push(k);
    }
    // Hypergeometric mean m·n_a/N = 75, sd √(m·(n_a/N)(n_b/N)(N − m)/(N − 1)) ≈ 3.76.
    const mean = fromA.reduce((s, k) => s + k, 0) / trials;
    expect(Math.abs(mean - 75)).toBeLessThan((4 * 3.76) / Math.sqrt(trials));
    // Each of A's kept values is taken with probability 0.75, each of B's (all kept) 0.25.
    for (let i = 0; i < 100; i++)
      expect(Math.abs((picked[i] as number) / trials - 0.75)).toBeLessThan(0.04);
    for (let i = 100; i < 200; i++)
      expect(Math.abs((picked[i] as number) / trials - 0.25)).toBeLessThan(0.04);
  });
});

const study: StudyInput = {
  lestari: 1,
  language: 'en',
  study: { title: 'Blocks', organisation: { name: 'Test' } },
  effluent: {
    parameters: [{ id: 'cod', name: 'COD', measured: 160, weight: 4.5, limit: { max: 100 } }],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit' },
  options: [0, 1, 2].map((k) => ({
    id: `alt-${k}`,
    name: `Option ${k}`,
    economics: {
      investment: [{ item: 'Equipment', amount: 50_000_000 + 20_000_000 * k }],
      annualBenefits: [{ item: 'Savings', amount: 20_000_000 + 6_000_000 * k }],
      annualCosts: [{ item: 'Upkeep', amount: 2_000_000 }],
      life: 10,
      interestRate: 0.1,
    },
    effects: { removal: { cod: { low: 0.6 + 0.05 * k, high: 0.75 + 0.05 * k } } },
  })),
  decisionRule: 'bcr',
};
const uncertain: UncertainInputs = {
  'options[alt-0].economics.annualBenefits[0].amount': {
    kind: 'plus-minus',
    value: 20_000_000,
    fraction: 0.6,
  },
  'options[alt-1].economics.life': { kind: 'uniform', low: 1, high: 12 },
  'options[alt-2].economics.interestRate': { kind: 'triangular', low: 0.05, mode: 0.1, high: 0.3 },
};

describe('a Monte Carlo in blocks', () => {
  it('gives the same result whatever order the blocks are computed in', () => {
    const iterations = 2 * MONTE_CARLO_BLOCK_ITERATIONS + 1234;
    const settings = { iterations, seed: 17, reservoirCapacity: 3000 };
    const one = monteCarloStudy(study, uncertain, settings);
    const run = createMonteCarloRun(study, uncertain, settings);
    expect(run.blocks).toBe(3);
    // Computed last to first (as two threads might finish them), merged in block order.
    const done = [2, 1, 0].map((b) => run.runBlock(b)).reverse();
    let totals: MonteCarloTotals | undefined;
    for (const block of done) totals = run.merge(totals, block);
    expect(JSON.stringify(run.finish(totals as MonteCarloTotals))).toBe(JSON.stringify(one));
    // Payback is never reached in some iterations (a life of 1 year): its stream skips them.
    const alt1 = one.options.find((o) => o.id === 'alt-1');
    expect(alt1?.paybackNever).toBeGreaterThan(0);
    expect((alt1?.outputs.payback?.count ?? 0) + (alt1?.paybackNever ?? 0)).toBe(iterations);
    for (const o of one.options)
      for (const d of Object.values(o.outputs)) {
        expect(d.histogram.counts.reduce((s, c) => s + c, 0)).toBe(d.count);
        expect(d.p5).toBeGreaterThanOrEqual(d.min);
        expect(d.p95).toBeLessThanOrEqual(d.max);
      }
  });

  it('keeps memory per block independent of the iterations, and merges only in order', () => {
    const small = createMonteCarloRun(study, uncertain, { iterations: 10 });
    const large = createMonteCarloRun(study, uncertain, { iterations: 95_000 });
    expect(large.blocks).toBe(10);
    const a = small.runBlock(0);
    const b = large.runBlock(9);
    expect(b.reservoir.length).toBe(a.reservoir.length);
    expect(b.moments.length).toBe(a.moments.length);
    expect(a.moments.length % MOMENT_FIELDS).toBe(0);
    expect(() => large.merge(undefined, b)).toThrow(/expected block 0, got 9/);
    expect(() => large.finish(large.runBlock(0))).toThrow(/blocks 0 … 0 of 0 … 9/);
  });

  it('agrees statistically with one long stream (means within sampling error)', () => {
    // 30 000 iterations in three blocks against one block of 10 000 with another seed.
    const settings = { iterations: 30_000, seed: 4 };
    const blocked = monteCarloStudy(study, uncertain, settings);
    const single = monteCarloStudy(study, uncertain, { iterations: 10_000, seed: 99 });
    for (const option of blocked.options) {
      const npv = option.outputs.npv;
      if (npv === undefined) continue;
      const other = single.options.find((o) => o.id === option.id)?.outputs.npv;
      const se = Math.sqrt(npv.sd ** 2 / 30_000 + (other?.sd ?? 0) ** 2 / 10_000);
      expect(Math.abs(npv.mean - (other?.mean ?? 0))).toBeLessThanOrEqual(4 * se + 1e-6);
    }
  });
});
