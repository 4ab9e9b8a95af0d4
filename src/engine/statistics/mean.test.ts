import fc from 'fast-check';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { arithmeticMean } from './mean.js';

describe('arithmeticMean', () => {
  it('averages a list', () => {
    expect(arithmeticMean([2, 4, 9])).toBe(5);
    // R: mean(sleep$extra[1:10]) = 0.75
    expect(arithmeticMean([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0])).toBeCloseTo(
      0.75,
      14,
    );
  });

  it('agrees with simple-statistics on ordinary data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        (values) => {
          expect(arithmeticMean(values)).toBeCloseTo(mean(values), 6);
        },
      ),
    );
  });

  it('does not overflow where the plain sum would', () => {
    expect(arithmeticMean([1e308, 1e308])).toBe(1e308);
    expect(arithmeticMean([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });

  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
        (values) => {
          const m = arithmeticMean(values);
          expect(m).toBeGreaterThanOrEqual(Math.min(...values));
          expect(m).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });

  it('names the field it was given', () => {
    expect(() => arithmeticMean([], 'after')).toThrow('after: must not be empty');
    expect(() => arithmeticMean([1, 'x' as unknown as number])).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'values[1]' }),
    );
  });

  it('returns a finite number or a GpError for nasty input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber)), (values) => {
        expectFiniteOrGpError(() => arithmeticMean(values as number[]));
      }),
    );
  });
});
