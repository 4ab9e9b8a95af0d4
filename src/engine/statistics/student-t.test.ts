import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { studentTCdf, studentTQuantile, studentTTwoSidedPValue } from './student-t.js';

/**
 * P(T ≤ t) for ν degrees of freedom from mpmath 1.3.0 at 40 digits, as
 * 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) (t ≥ 0) or ½ I_{ν/(ν+t²)}(ν/2, ½) (t < 0), rounded to 17 digits.
 */
const MPMATH_T_CDF: readonly (readonly [number, number, number])[] = [
  [-4.0621, 9, 0.0014165039201950792],
  [-1, 0.5, 0.30112161084132211],
  [0.5, 1, 0.64758361765043326],
  [2, 2.5, 0.92130425212101696],
  [-1.8608, 17.776, 0.039698289069889904],
  [8, 28, 0.99999999483216284],
  [-40, 3, 1.7190340394579263e-5],
  // Many degrees of freedom, where NR's fraction alone loses digits near x = 1:
  [-4.0621, 1e6, 2.4318468970954996e-5],
  [2, 1e9, 0.97724986791684343],
  [-6, 1e15, 9.8658764503803537e-10],
  // A far tail where ν/(ν + t²) underflows:
  [-1e200, 0.1, 4.1738031371732181e-21],
  [-1e-10, 5, 0.49999999996203931],
];

/** Quantiles: R's qt and the t tables (Montgomery & Runger 6th ed., Appendix Table V), and mpmath. */
const T_QUANTILES: readonly (readonly [number, number, number])[] = [
  [0.975, 9, 2.2621571627982053], // R qt(0.975, 9) = 2.262157; table t_0.025,9 = 2.262
  [0.975, 28, 2.048407141795245], // R 2.048407; table 2.048
  [0.975, 1, 12.706204736174705], // R 12.7062; table 12.706
  [0.995, 10, 3.1692726726169513], // R 3.169273; table t_0.005,10 = 3.169
  [0.025, 17.776, -2.1028213103802216], // mpmath (Welch df of the sleep data)
  [1e-10, 4, -416.17514032960412], // mpmath
];

function expectRelativeError(actual: number, expected: number, bound: number, label: string): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), label).toBeLessThan(bound);
}

describe('Student t distribution', () => {
  it('matches mpmath to 1e-12 relative, for fractional, small and huge df and far tails', () => {
    for (const [t, df, expected] of MPMATH_T_CDF) {
      expectRelativeError(studentTCdf(t, df), expected, 1e-12, `F(${t}; ${df})`);
    }
  });

  it('gives the two-sided p-value of R t.test on the sleep data (paired: t = −4.0621, df = 9, p = 0.002833)', () => {
    // R: t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE)
    expect(studentTTwoSidedPValue(-4.062127683382037, 9)).toBeCloseTo(0.002833, 6);
    expect(studentTTwoSidedPValue(4.062127683382037, 9)).toBe(
      studentTTwoSidedPValue(-4.062127683382037, 9),
    );
    expectRelativeError(studentTTwoSidedPValue(-4.0621, 9), 0.0028330078403901583, 1e-12, 'mpmath');
  });

  it('reproduces the t tables and R qt to every printed digit', () => {
    for (const [p, df, expected] of T_QUANTILES) {
      expectRelativeError(studentTQuantile(p, df), expected, 1e-12, `t(${p}; ${df})`);
    }
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('reduces to the Cauchy distribution at df = 1: F(t) = ½ + atan(t)/π', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (t) => {
        const expected = 0.5 + Math.atan(t) / Math.PI;
        expect(Math.abs(studentTCdf(t, 1) - expected)).toBeLessThan(1e-14);
      }),
    );
  });

  it('agrees with jstat to 1e-7 (jstat, against mpmath, is itself off by up to 8e-8 for df ≤ 1e4)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 1e4, noNaN: true }),
        (t, df) => {
          expect(Math.abs(studentTCdf(t, df) - jStat.studentt.cdf(t, df))).toBeLessThan(1e-7);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (p, df) => {
          const expected = jStat.studentt.inv(p, df);
          expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(
            1e-6 * Math.max(1, Math.abs(expected)),
          );
        },
      ),
    );
  });

  it('has a CDF that rises in t, is symmetric, and a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.05, max: 1e12, noNaN: true }),
        (u, v, df) => {
          const [low, high] = u <= v ? [u, v] : [v, u];
          expect(studentTCdf(high, df)).toBeGreaterThanOrEqual(studentTCdf(low, df));
          expect(Math.abs(studentTCdf(-u, df) - (1 - studentTCdf(u, df)))).toBeLessThan(1e-15);
          const p = studentTTwoSidedPValue(u, df);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('inverts its CDF: F(quantile(p)) = p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 0.5, max: 1e9, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          // Relative to the smaller tail: F near 1 carries an absolute rounding of 1e-16.
          const tail = Math.min(p, 1 - p);
          expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThanOrEqual(1e-12 * tail + 2e-16);
        },
      ),
    );
  });

  it('refuses bad t, df and p with the field', () => {
    expect(() => studentTCdf(Number.NaN, 3)).toThrow('t: must be a finite number, got NaN');
    expect(() => studentTCdf(1, 0)).toThrow('df: must be > 0, got 0');
    expect(() => studentTTwoSidedPValue(1, 5e-324)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'df' }),
    );
    expect(() => studentTQuantile(1, 3)).toThrow('p: must be strictly between 0 and 1, got 1');
    expect(() => studentTQuantile(0, 3)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'p' }),
    );
  });

  it('reports a quantile beyond the largest double instead of returning Infinity', () => {
    expect(() => studentTQuantile(1e-300, 0.1)).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'p' }),
    );
  });

  it('returns a finite number or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, (value, df) => {
        expectFiniteOrGpError(() => studentTCdf(value, df));
        expectFiniteOrGpError(() => studentTTwoSidedPValue(value, df));
        expectFiniteOrGpError(() => studentTQuantile(value, df));
      }),
    );
  });
});
