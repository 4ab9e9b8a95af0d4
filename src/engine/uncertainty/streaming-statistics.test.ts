import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { mean as ssMean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { createRandomSource } from './random-source.js';
import {
  createQuantileReservoir,
  createQuantileReservoirBank,
  createRunningMoments,
  createRunningMomentsBank,
  histogramEdges,
  interpolatedQuantileOfSorted,
  reservoirHistogram,
  reservoirRankErrorBound,
  reservoirSlot,
} from './streaming-statistics.js';

describe('running moments (Welford)', () => {
  it('matches simple-statistics on values with a large offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          const shifted = xs.map((x) => x + 1e9);
          const m = createRunningMoments();
          shifted.forEach(m.push);
          expect(m.mean()).toBeCloseTo(ssMean(shifted), 4);
          expect(Math.abs(m.variance() - sampleVariance(shifted))).toBeLessThanOrEqual(
            1e-6 * Math.max(1, sampleVariance(shifted)),
          );
        },
      ),
    );
  });

  it('gives exactly the value when every value is the same', () => {
    const m = createRunningMoments();
    for (let i = 0; i < 1000; i++) m.push(0.1 + 0.2);
    expect(m.mean()).toBe(0.1 + 0.2);
    expect(m.variance()).toBe(0);
  });

  it('refuses a value that is not finite', () => {
    expect(() => createRunningMoments().push(Number.NaN)).toThrow('value: must be a finite number');
  });
});

describe('quantiles', () => {
  it('interpolates as Excel PERCENTILE.INC (R type 7)', () => {
    const xs = [15, 20, 35, 40, 50, 3.5, 7];
    const sorted = [...xs].sort((a, b) => a - b);
    for (const p of [0, 0.05, 0.3, 0.5, 0.95, 1]) {
      expect(interpolatedQuantileOfSorted(sorted, p)).toBeCloseTo(
        formulajs.PERCENTILEINC(xs, p) as number,
        12,
      );
    }
  });

  it('is exact while the values fit in the reservoir', () => {
    const r = createQuantileReservoir(100);
    const random = createRandomSource(1);
    const xs = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    xs.forEach((x, i) => r.offer(x, reservoirSlot(i, 100, random)));
    expect(r.quantiles([0.05, 0.5, 0.95])).toEqual([4.95, 49.5, 94.05]);
  });

  it('keeps the quantiles of a long stream within the stated rank error bound', () => {
    // Uniform(0,1) values: the rank error equals the value error.
    const capacity = 2000;
    const n = 100_000;
    const r = createQuantileReservoir(capacity);
    const values = createRandomSource(5);
    const slots = createRandomSource(6);
    for (let i = 0; i < n; i++) r.offer(values.nextUnit(), reservoirSlot(i, capacity, slots));
    expect(r.size()).toBe(capacity);
    const bound = reservoirRankErrorBound(capacity, n, 1e-6);
    expect(bound).toBeCloseTo(Math.sqrt(Math.log(2e6) / 4000), 12);
    const ps = [0.05, 0.5, 0.95];
    r.quantiles(ps).forEach((q, i) => {
      expect(Math.abs(q - (ps[i] as number))).toBeLessThan(bound);
    });
  });

  it('gives a GpError for bad sizes and probabilities, never NaN', () => {
    expect(() => interpolatedQuantileOfSorted([], 0.5)).toThrow('sorted: needs at least one value');
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyNumber, (m, n, d) => {
        expectFiniteOrGpError(() => reservoirRankErrorBound(m, n, d));
        expectFiniteOrGpError(() => interpolatedQuantileOfSorted([1, 2], d));
        expectFiniteOrGpError(() => createQuantileReservoir(m).quantiles([0.5]));
      }),
    );
  });
});

describe("statistics banks (the Monte Carlo's typed-array form)", () => {
  // Equivalence: each stream of a bank gives bitwise the results of its own
  // createRunningMoments / createQuantileReservoir fed the same values and slots.
  const same = (a: number, b: number) => expect(Object.is(a, b), `${a} vs ${b}`).toBe(true);
  it('equals one createRunningMoments and createQuantileReservoir per stream, bitwise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        (pushes, capacity, seed) => {
          const moments = createRunningMomentsBank(4);
          const reservoirs = createQuantileReservoirBank(4, capacity);
          const single = [0, 1, 2, 3].map(() => ({
            moments: createRunningMoments(),
            reservoir: createQuantileReservoir(capacity),
            seen: 0,
          }));
          const random = createRandomSource(seed);
          for (const [j, value] of pushes) {
            const one = single[j] as (typeof single)[number];
            const slot = reservoirSlot(one.seen++, capacity, random);
            moments.push(j, value);
            reservoirs.offer(j, value, slot);
            one.moments.push(value);
            one.reservoir.offer(value, slot);
          }
          single.forEach((one, j) => {
            same(moments.count(j), one.moments.count());
            same(moments.mean(j), one.moments.mean());
            same(moments.variance(j), one.moments.variance());
            same(moments.min(j), one.moments.min());
            same(moments.max(j), one.moments.max());
            same(reservoirs.size(j), one.reservoir.size());
            if (one.reservoir.size() > 0) {
              const ps = [0, 0.05, 0.5, 0.95, 1];
              reservoirs
                .quantiles(j, ps)
                .forEach((q, i) => same(q, one.reservoir.quantiles(ps)[i] as number));
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects a non-finite value and sizes out of range', () => {
    expect(() => createRunningMomentsBank(2).push(0, NaN)).toThrow('value');
    expect(() => createRunningMomentsBank(0)).toThrow('streams');
    expect(() => createQuantileReservoirBank(1, 2_000_000)).toThrow(
      'capacity: must be ≤ 1 000 000',
    );
  });
});

describe('histograms from a reservoir', () => {
  const finite = fc.double({ min: -1e300, max: 1e300, noNaN: true });

  it('gives bins + 1 strictly increasing edges from min to max, or one bin', () => {
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 1, max: 60 }), (a, b, bins) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const edges = histogramEdges(min, max, bins);
        expect(edges[0]).toBe(min);
        expect(edges.at(-1)).toBe(max);
        expect([2, bins + 1]).toContain(edges.length);
        for (let i = 1; i < edges.length; i++) {
          expect(Number.isFinite(edges[i])).toBe(true);
          if (min !== max) expect(edges[i] as number).toBeGreaterThan(edges[i - 1] as number);
        }
      }),
    );
    expect(histogramEdges(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(histogramEdges(3, 3, 20)).toEqual([3, 3]);
    expect(histogramEdges(-Number.MAX_VALUE, Number.MAX_VALUE, 20)).toHaveLength(21);
    // Too narrow for 20 distinct edges: one bin.
    expect(histogramEdges(1, 1 + Number.EPSILON, 20)).toEqual([1, 1 + Number.EPSILON]);
  });

  it('counts every value in its bin when the sample holds them all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (values, bins) => {
          const min = Math.min(...values);
          const max = Math.max(...values);
          const h = reservoirHistogram(values, values.length, min, max, bins);
          expect(h.source).toBe('exact');
          const last = h.edges.length - 2;
          const brute = h.edges
            .slice(0, -1)
            .map(
              (e, i) =>
                values.filter((v) =>
                  i === last ? v >= e : v >= e && v < (h.edges[i + 1] as number),
                ).length,
            );
          expect(h.counts).toEqual(brute);
        },
      ),
    );
    expect(reservoirHistogram([1, 2, 2, 4], 4, 1, 4, 3)).toEqual({
      edges: [1, 2, 3, 4],
      counts: [1, 2, 1],
      source: 'exact',
    });
  });

  it('scales a sample to the count in whole iterations that sum to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (sample, extra) => {
          const n = sample.length + extra;
          const h = reservoirHistogram(sample, n, 0, 1, 20);
          expect(h.source).toBe(extra === 0 ? 'exact' : 'reservoir');
          expect(h.counts.reduce((a, c) => a + c, 0)).toBe(n);
          const exact = reservoirHistogram(sample, sample.length, 0, 1, 20).counts;
          h.counts.forEach((c, i) => {
            expect(Number.isInteger(c)).toBe(true);
            expect(Math.abs(c - ((exact[i] as number) * n) / sample.length)).toBeLessThan(1);
          });
        },
      ),
    );
    expect(reservoirHistogram([5], 1000, 5, 5, 20)).toEqual({
      edges: [5, 5],
      counts: [1000],
      source: 'reservoir',
    });
  });

  it('refuses inconsistent sizes and non-finite values, never NaN', () => {
    expect(() => reservoirHistogram([1, 2], 1, 1, 2, 20)).toThrow('count');
    expect(() => reservoirHistogram([], 5, 1, 2, 20)).toThrow('sample');
    expect(() => reservoirHistogram([1], 1, 2, 1, 20)).toThrow('max');
    expect(() => reservoirHistogram([NaN], 1, 0, 1, 20)).toThrow('sample[0]');
    expect(reservoirHistogram([], 0, 0, 1, 4).counts).toEqual([0, 0, 0, 0]);
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyNumber, (count, min, max) => {
        expectFiniteOrGpError(() => reservoirHistogram([0.5], count, min, max, 20));
      }),
    );
  });

  it('keeps a copy of each stream’s values in a bank', () => {
    const bank = createQuantileReservoirBank(2, 3);
    bank.offer(1, 7, 0);
    bank.offer(1, 9, 1);
    const kept = bank.sample(1);
    kept[0] = 0;
    expect(Array.from(bank.sample(1))).toEqual([7, 9]);
    expect(bank.sample(0)).toHaveLength(0);
  });
});
