import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { requireConfidenceLevel, tConfidenceHalfWidth } from './confidence-interval.js';

describe('t confidence intervals', () => {
  it('use the t quantile of (1 + level)/2: 95 %, 9 df → 2.262157 (R qt(0.975, 9))', () => {
    expect(tConfidenceHalfWidth(0.95, 9, 1)).toBeCloseTo(2.262157, 6);
    expect(tConfidenceHalfWidth(0.99, 10, 2)).toBeCloseTo(2 * 3.169273, 5);
  });

  it('widen as the level rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (level, df) => {
          expect(tConfidenceHalfWidth(level + 0.01, df, 1)).toBeGreaterThan(
            tConfidenceHalfWidth(level, df, 1),
          );
        },
      ),
    );
  });

  it('refuse levels outside (0, 1)', () => {
    expect(requireConfidenceLevel(0.9)).toBe(0.9);
    expect(() => requireConfidenceLevel(95)).toThrow(
      'confidenceLevel: must be strictly between 0 and 1 (0.95 for 95 %), got 95',
    );
    expect(() => requireConfidenceLevel('0.95')).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE' }),
    );
  });

  it('return finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyValue,
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        nastyNumber,
        (level, inner, se) => {
          expectFiniteOrGpError(() => requireConfidenceLevel(level));
          expectFiniteOrGpError(() => tConfidenceHalfWidth(inner, 3, Math.abs(se)));
        },
      ),
    );
  });
});
