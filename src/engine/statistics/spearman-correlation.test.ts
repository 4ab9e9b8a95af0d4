import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { spearmanCorrelation } from './spearman-correlation.js';
import { studentTTwoSidedPValue } from './student-t.js';

const HW_X = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const HW_Y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

const series = (length: number) =>
  fc.array(fc.integer({ min: -20, max: 20 }), { minLength: length, maxLength: length });
const pairs = fc.integer({ min: 3, max: 30 }).chain((n) => fc.tuple(series(n), series(n)));
const varies = (values: readonly number[]) => values.some((v) => v !== values[0]);

describe('spearmanCorrelation', () => {
  it('reproduces R cor.test(x, y, method = "spearman") on the Hollander & Wolfe data: S = 48, rho = 0.6', () => {
    const result = spearmanCorrelation(HW_X, HW_Y);
    expect(result.rho).toBeCloseTo(0.6, 14);
    // S = Σd² = (n³ − n)(1 − ρ)/6 = 48
    const sumOfSquares = result.ranksX.reduce(
      (sum, rank, i) => sum + (rank - (result.ranksY[i] as number)) ** 2,
      0,
    );
    expect(sumOfSquares).toBe(48);
    // The t approximation (R's exact = FALSE): t = 0.6 √(7 / 0.64), two-sided.
    expect(result.pValueMethod).toBe('t-approximation');
    expect(result.pValue).toBeCloseTo(studentTTwoSidedPValue(0.6 * Math.sqrt(7 / 0.64), 7), 14);
  });

  it('uses average ranks for ties, as jstat.spearmancoeff', () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        fc.pre(varies(x) && varies(y));
        expect(spearmanCorrelation(x, y).rho).toBeCloseTo(jStat.spearmancoeff(x, y), 10);
      }),
    );
  });

  it('lies in [−1, 1], is symmetric, and has a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        fc.pre(varies(x) && varies(y));
        const xy = spearmanCorrelation(x, y);
        expect(Math.abs(xy.rho)).toBeLessThanOrEqual(1);
        expect(spearmanCorrelation(y, x).rho).toBeCloseTo(xy.rho, 14);
        expect(xy.pValue).toBeGreaterThanOrEqual(0);
        expect(xy.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not change under strictly increasing transforms of either series', () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        fc.pre(varies(x) && varies(y));
        const base = spearmanCorrelation(x, y);
        const transformed = spearmanCorrelation(
          x.map((v) => Math.exp(v / 10)),
          y.map((v) => v ** 3 + 7),
        );
        expect(transformed.rho).toBe(base.rho);
        expect(transformed.pValue).toBe(base.pValue);
      }),
    );
  });

  it('gives ρ = 1 and p = 0 for any monotone relation', () => {
    const result = spearmanCorrelation([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]);
    expect(result.rho).toBe(1);
    expect(result.pValue).toBe(0);
    expect(result.t).toBeNull();
  });

  it('refuses a constant series, naming it', () => {
    expect(() => spearmanCorrelation([4, 4, 4], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'x' }),
    );
    expect(() => spearmanCorrelation([1, 2, 3], [Number.NaN, 2, 3])).toThrow(
      'y[0]: must be a finite number, got NaN',
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 })),
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 })),
        (x, y) => {
          expectFiniteOrGpError(() => spearmanCorrelation(x as number[], y as number[]));
        },
      ),
    );
  });
});
