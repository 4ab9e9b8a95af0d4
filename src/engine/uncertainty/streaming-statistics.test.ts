import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { mean as ssMean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { createRandomSource } from './random-source.js';
import {
  createQuantileReservoir,
  createRunningMoments,
  interpolatedQuantileOfSorted,
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
