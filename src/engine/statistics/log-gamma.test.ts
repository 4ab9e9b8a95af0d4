import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { logGamma } from './log-gamma.js';

/** ln Γ(x) from mpmath 1.3.0 at 40 digits (mpmath.loggamma), rounded to 17 digits. */
const MPMATH_LOG_GAMMA: readonly (readonly [number, number])[] = [
  [1e-300, 690.77552789821368],
  [1e-10, 23.025850929882736],
  [0.1, 2.252712651734206],
  [0.5, 0.57236494292470008],
  [1.5, -0.12078223763524522],
  [2.5, 0.28468287047291918],
  [7, 6.5792512120101012],
  [33.3, 82.603723581654947],
  [1234.5, 7550.5509010778951],
  [1e5, 1051287.7089736569],
  [1e15, 33538776394910668],
  [1e300, 6.8977552789821374e302],
];

describe('logGamma', () => {
  it('gives ln((n − 1)!) at whole numbers and ln √π at ½', () => {
    expect(logGamma(1)).toBeCloseTo(0, 15);
    expect(logGamma(2)).toBeCloseTo(0, 15);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
  });

  it('matches mpmath to 1e-14 (absolute below 1, relative above)', () => {
    for (const [x, expected] of MPMATH_LOG_GAMMA) {
      const error = Math.abs(logGamma(x) - expected) / Math.max(1, Math.abs(expected));
      expect(error, `ln Γ(${x})`).toBeLessThan(1e-14);
    }
  });

  it('agrees with jstat.gammaln to 1e-12 (jstat uses the 6-term Lanczos of NR 2nd ed.)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const expected = jStat.gammaln(x);
        expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (x) => {
        const expected = Math.log(x) + logGamma(x);
        expect(Math.abs(logGamma(x + 1) - expected)).toBeLessThanOrEqual(
          1e-13 * Math.max(1, Math.abs(expected)),
        );
      }),
    );
  });

  it('refuses x ≤ 0 and reports overflow', () => {
    expect(() => logGamma(0)).toThrow('x: must be > 0, got 0');
    expect(() => logGamma(-1)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'x' }),
    );
    expect(() => logGamma(1e307)).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'x' }),
    );
  });

  it('returns a finite number or a GpError for nasty input', () => {
    fc.assert(fc.property(nastyNumber, (x) => void expectFiniteOrGpError(() => logGamma(x))));
  });
});
