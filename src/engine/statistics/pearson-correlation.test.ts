import fc from 'fast-check';
import { jStat } from 'jstat';
import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { pearsonCorrelation } from './pearson-correlation.js';

// Hollander & Wolfe (1973), p. 187, as in R's ?cor.test example.
const HW_X = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const HW_Y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

const series = (length: number) =>
  fc.array(
    fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100),
    { minLength: length, maxLength: length },
  );
const pairs = fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(series(n), series(n)));
const varies = (values: readonly number[]) => values.some((v) => v !== values[0]);

describe('pearsonCorrelation', () => {
  it('reproduces R cor.test(x, y) on the Hollander & Wolfe data: r = 0.5711816, t = 1.8411, df = 7, p = 0.1082', () => {
    const result = pearsonCorrelation(HW_X, HW_Y);
    expect(result.r).toBeCloseTo(0.5711816, 7);
    expect(result.t).toBeCloseTo(1.8411, 4);
    expect(result.df).toBe(7);
    expect(result.pValue).toBeCloseTo(0.1082, 4);
    expect(result.meanX).toBeCloseTo(47.811111111111, 11);
  });

  it('agrees with simple-statistics and jstat', () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        fc.pre(varies(x) && varies(y));
        const { r } = pearsonCorrelation(x, y);
        expect(r).toBeCloseTo(sampleCorrelation(x, y), 9);
        expect(r).toBeCloseTo(jStat.corrcoeff(x, y), 9);
      }),
    );
  });

  it('lies in [−1, 1], is symmetric, and has a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        fc.pre(varies(x) && varies(y));
        const xy = pearsonCorrelation(x, y);
        const yx = pearsonCorrelation(y, x);
        expect(xy.r).toBeGreaterThanOrEqual(-1);
        expect(xy.r).toBeLessThanOrEqual(1);
        expect(yx.r).toBeCloseTo(xy.r, 14);
        expect(xy.pValue).toBeGreaterThanOrEqual(0);
        expect(xy.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives r = ±1 with p = 0 and no t for exactly linear data', () => {
    const up = pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8]);
    expect(up.r).toBe(1);
    expect(up.pValue).toBe(0);
    expect(up.t).toBeNull();
    const down = pearsonCorrelation([1, 2, 3], [3, 2, 1]);
    expect(down.r).toBe(-1);
    expect(down.pValue).toBe(0);
  });

  it('is not disturbed by magnitudes near the limits of double precision', () => {
    expect(pearsonCorrelation([1e300, 2e300, 3e300], [1e-300, 3e-300, 2e-300]).r).toBeCloseTo(
      0.5,
      14,
    );
    expect(pearsonCorrelation([1e9 + 1, 1e9 + 2, 1e9 + 3], [5, 7, 9]).r).toBe(1);
  });

  it('refuses a constant series, naming it, and mismatched or short lists', () => {
    expect(() => pearsonCorrelation([1, 2, 3], [5, 5, 5])).toThrow(
      'y: all values are equal (5), so the correlation is undefined',
    );
    expect(() => pearsonCorrelation([0.1, 0.1, 0.1], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'x' }),
    );
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2])).toThrow(
      expect.objectContaining({ code: 'DIMENSION_MISMATCH', field: 'y' }),
    );
    expect(() => pearsonCorrelation([1, 2], [1, 2])).toThrow(
      'x: must have at least 3 items, got 2',
    );
    expect(() => pearsonCorrelation([1, 2, Infinity], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'x[2]' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 })),
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 })),
        (x, y) => {
          expectFiniteOrGpError(() => pearsonCorrelation(x as number[], y as number[]));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(nastyNumber, { minLength: 3, maxLength: 3 }),
        fc.array(nastyNumber, { minLength: 3, maxLength: 3 }),
        (x, y) => {
          expectFiniteOrGpError(() => pearsonCorrelation(x, y));
        },
      ),
    );
  });
});
