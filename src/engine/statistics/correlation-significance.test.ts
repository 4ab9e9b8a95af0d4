import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { correlationSignificance } from './correlation-significance.js';
import { studentTTwoSidedPValue } from './student-t.js';

describe('correlationSignificance', () => {
  it('reproduces R cor.test on the Hollander & Wolfe data (r = 0.5711816, n = 9: t = 1.8411, p = 0.1082)', () => {
    const test = correlationSignificance(0.5711815575638287, 9);
    expect(test.df).toBe(7);
    expect(test.t).toBeCloseTo(1.8411, 4);
    expect(test.pValue).toBeCloseTo(0.1082, 4);
  });

  it('gives p = 0 and no t for a perfect correlation, without NaN', () => {
    expect(correlationSignificance(1, 10)).toEqual({ n: 10, df: 8, t: null, pValue: 0 });
    expect(correlationSignificance(-1, 3)).toEqual({ n: 3, df: 1, t: null, pValue: 0 });
    expect(correlationSignificance(0, 5)).toEqual({ n: 5, df: 3, t: 0, pValue: 1 });
  });

  it('is the t test of t = r √((n − 2)/(1 − r²))', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        fc.integer({ min: 3, max: 10_000 }),
        (r, n) => {
          const test = correlationSignificance(r, n);
          const t = r * Math.sqrt((n - 2) / (1 - r * r));
          expect(test.t).toBeCloseTo(t, 10);
          expect(Math.abs(test.pValue - studentTTwoSidedPValue(t, n - 2))).toBeLessThan(1e-13);
        },
      ),
    );
  });

  it('gives a p-value in [0, 1] that is the same for r and −r', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.integer({ min: 3, max: 1e6 }),
        (r, n) => {
          const { pValue } = correlationSignificance(r, n);
          expect(pValue).toBeGreaterThanOrEqual(0);
          expect(pValue).toBeLessThanOrEqual(1);
          expect(correlationSignificance(-r, n).pValue).toBe(pValue);
        },
      ),
    );
  });

  it('refuses r outside [−1, 1] and n below 3', () => {
    expect(() => correlationSignificance(1.2, 10)).toThrow('r: must be between -1 and 1, got 1.2');
    expect(() => correlationSignificance(0.5, 2)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'n' }),
    );
    expect(() => correlationSignificance(0.5, 4.5)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'n' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, (r, n) => {
        expectFiniteOrGpError(() => correlationSignificance(r, n));
      }),
    );
  });
});
