import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import {
  combineEstimateBounds,
  estimateBoundOf,
  scoreOverInterval,
  sumIntervals,
  weightedInterval,
} from './estimate-bound.js';
import type { EpiBound } from './lab-measurement.js';

describe('scoreOverInterval', () => {
  const upper30 = (c: number) => (30 - c) / 30;

  it('takes the ends of a monotone score in the right order', () => {
    // (30 - 3)/30 = 0.9 and (30 - 0)/30 = 1: Pi of "< 3" against an upper limit of 30.
    expect(scoreOverInterval(upper30, { low: 0, high: 3 }, 'decreasing')).toEqual({
      low: 0.9,
      high: 1,
    });
    expect(scoreOverInterval((c) => 2 * c, { low: 1, high: 4 }, 'increasing')).toEqual({
      low: 2,
      high: 8,
    });
  });

  it('leaves an end open when the value is unbounded and the score has no limit', () => {
    expect(scoreOverInterval(upper30, { low: 40 }, 'decreasing')).toEqual({
      low: undefined,
      high: upper30(40),
    });
    expect(scoreOverInterval(upper30, { low: 40 }, 'decreasing', -1)).toEqual({
      low: -1,
      high: upper30(40),
    });
  });

  it('finds the peak of a single-peaked score inside the interval, and the ends otherwise', () => {
    const tent = (x: number) => -Math.abs(x - 7);
    expect(scoreOverInterval(tent, { low: 0, high: 10 }, { peakAt: 7 })).toEqual({
      low: -7,
      high: -0,
    });
    expect(scoreOverInterval(tent, { low: 0, high: 5 }, { peakAt: 7 })).toEqual({
      low: -7,
      high: -2,
    });
    expect(scoreOverInterval(tent, { low: 8, high: 9 }, { peakAt: 7 })).toEqual({
      low: -2,
      high: -1,
    });
    expect(scoreOverInterval(tent, { low: 0 }, { peakAt: 7 })).toEqual({
      low: undefined,
      high: -0,
    });
  });

  it('contains the score of every value in the interval', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (low, width, at, peak) => {
          const high = low + width;
          const x = low + at * width;
          const tent = (v: number) => -Math.abs(v - peak);
          const r = scoreOverInterval(tent, { low, high }, { peakAt: peak });
          expect(tent(x)).toBeGreaterThanOrEqual((r.low as number) - 1e-9);
          expect(tent(x)).toBeLessThanOrEqual((r.high as number) + 1e-9);
        },
      ),
    );
  });
});

describe('estimateBoundOf and combineEstimateBounds', () => {
  it('marks the reported score as exact, a lower bound, an upper bound or an estimate', () => {
    expect(estimateBoundOf(2, { low: 2, high: 2 })).toBe('exact');
    expect(estimateBoundOf(0.9856, { low: 0.9856, high: 1 })).toBe('atLeast');
    expect(estimateBoundOf(1, { low: 0.9856, high: 1 })).toBe('atMost');
    expect(estimateBoundOf(0.99, { low: 0.9856, high: 1 })).toBe('estimate');
    expect(estimateBoundOf(5, { low: undefined, high: 5 })).toBe('atMost');
    expect(estimateBoundOf(5, {})).toBe('estimate');
  });

  it('lets lower bounds add to a lower bound and mixed bounds to an estimate', () => {
    expect(combineEstimateBounds([])).toBe('exact');
    expect(combineEstimateBounds(['exact', 'exact'])).toBe('exact');
    expect(combineEstimateBounds(['exact', 'atLeast', 'atLeast'])).toBe('atLeast');
    expect(combineEstimateBounds(['atMost', 'exact'])).toBe('atMost');
    expect(combineEstimateBounds(['atMost', 'atLeast'])).toBe('estimate');
    expect(combineEstimateBounds(['estimate', 'exact'])).toBe('estimate');
  });
});

describe('weightedInterval and sumIntervals', () => {
  it('scales by the weight, and a zero weight closes an open interval to 0', () => {
    expect(weightedInterval(2, { low: 0.5, high: 1 }, 'w')).toEqual({ low: 1, high: 2 });
    expect(weightedInterval(0, { low: undefined, high: 1 }, 'w')).toEqual({ low: 0, high: 0 });
    expect(weightedInterval(3, { low: undefined, high: 1 }, 'w')).toEqual({
      low: undefined,
      high: 3,
    });
  });

  it('adds ends and keeps an open end open', () => {
    expect(
      sumIntervals(
        [
          { low: 1, high: 2 },
          { low: 0.5, high: 0.5 },
        ],
        'p',
      ),
    ).toEqual({ low: 1.5, high: 2.5 });
    expect(sumIntervals([{ low: 1, high: 2 }, { high: 1 }], 'p')).toEqual({
      low: undefined,
      high: 3,
    });
  });

  it('refuse overflow with a GpError rather than Infinity', () => {
    expect(() => weightedInterval(1e308, { low: 10, high: 10 }, 'parameters[0]')).toThrow(
      /^parameters\[0\]: result is not a finite number/,
    );
    expect(() =>
      sumIntervals(
        [
          { low: 1e308, high: 1e308 },
          { low: 1e308, high: 1e308 },
        ],
        'p',
      ),
    ).toThrow(/^p:/);
  });

  it('return finite numbers or a GpError for any numbers', () => {
    const end = fc.option(nastyNumber, { nil: undefined });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e308, noNaN: true }),
        fc.array(fc.record({ low: end, high: end }), { maxLength: 4 }),
        (weight, intervals) => {
          for (const i of intervals) {
            if (![i.low, i.high].every((x) => x === undefined || Number.isFinite(x))) return;
          }
          expectFiniteOrGpError(() => intervals.map((i) => weightedInterval(weight, i, 'w')));
          expectFiniteOrGpError(() => sumIntervals(intervals, 'p'));
          const bounds: EpiBound[] = intervals.map((i) => estimateBoundOf(0, i));
          expect(['exact', 'atLeast', 'atMost', 'estimate']).toContain(
            combineEstimateBounds(bounds),
          );
        },
      ),
    );
  });
});
