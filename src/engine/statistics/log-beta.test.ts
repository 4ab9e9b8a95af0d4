import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { logBeta } from './log-beta.js';
import { logGamma } from './log-gamma.js';

/** ln B(a, b) from mpmath 1.3.0 at 40 digits (mpmath.log(mpmath.beta(a, b))). */
const MPMATH_LOG_BETA: readonly (readonly [number, number, number])[] = [
  [0.5, 0.5, 1.1447298858494002],
  [2, 3, -2.4849066497880004],
  [0.5, 1e6, -6.3353902110574367],
  [15, 25, -26.655809679792458],
  [1e8, 0.5, -8.6379754278014822],
  [1e10, 1e10, -13862943621.44632],
];

describe('logBeta', () => {
  it('gives ln π at (½, ½) and ln 1/12 at (2, 3)', () => {
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });

  it('matches mpmath to 1e-14, also where ln Γ(a) − ln Γ(a + b) would cancel', () => {
    for (const [a, b, expected] of MPMATH_LOG_BETA) {
      const error = Math.abs(logBeta(a, b) - expected) / Math.max(1, Math.abs(expected));
      expect(error, `ln B(${a}, ${b})`).toBeLessThan(1e-14);
    }
    // The naive difference of log-gammas loses digits that the Stirling form keeps.
    const naive = logGamma(1e8) + logGamma(0.5) - logGamma(1e8 + 0.5);
    expect(Math.abs(naive - -8.6379754278014822)).toBeGreaterThan(1e-10);
  });

  it('is symmetric and agrees with jstat.betaln on moderate arguments', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (a, b) => {
          expect(logBeta(a, b)).toBe(logBeta(b, a));
          const expected = jStat.betaln(a, b);
          expect(Math.abs(logBeta(a, b) - expected)).toBeLessThanOrEqual(
            1e-10 * Math.max(1, Math.abs(expected)),
          );
        },
      ),
    );
  });

  it('refuses non-positive shapes', () => {
    expect(() => logBeta(0, 1)).toThrow('a: must be > 0, got 0');
    expect(() => logBeta(1, Number.NaN)).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'b' }),
    );
  });

  it('returns a finite number or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        (a, b) => void expectFiniteOrGpError(() => logBeta(a, b)),
      ),
    );
  });
});
