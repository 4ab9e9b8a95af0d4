import fc from 'fast-check';
import {
  sampleStandardDeviation as ssSampleSd,
  sampleVariance as ssSampleVariance,
  standardDeviation as ssPopulationSd,
  variance as ssPopulationVariance,
} from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  populationStandardDeviation,
  populationVariance,
  sampleStandardDeviation,
  sampleVariance,
} from './variance.js';

// Ordinary measurements (thousandths up to ±1e6); near the underflow limit simple-statistics,
// which squares unscaled deviations, returns 0 where the variance is representable.
const ordinary = fc.array(
  fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000),
  { minLength: 2, maxLength: 50 },
);

function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

describe('variance and standard deviation', () => {
  it('reproduce textbook values', () => {
    // R: var(1:5) = 2.5; sd(c(2, 4, 4, 4, 5, 5, 7, 9)) = 2.13809 (population sd 2, Wikipedia's example)
    expect(sampleVariance([1, 2, 3, 4, 5])).toBe(2.5);
    expect(populationVariance([1, 2, 3, 4, 5])).toBe(2);
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 14);
    expect(populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    // R: var(sleep$extra[1:10]) = 3.200556, var(sleep$extra[11:20]) = 4.009
    expect(sampleVariance([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0])).toBeCloseTo(
      3.2005555555555554,
      13,
    );
    expect(sampleVariance([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4])).toBeCloseTo(
      4.009,
      13,
    );
  });

  it('agree with simple-statistics (1e-9 relative)', () => {
    fc.assert(
      fc.property(ordinary, (values) => {
        expectClose(sampleVariance(values), ssSampleVariance(values), 1e-9);
        expectClose(populationVariance(values), ssPopulationVariance(values), 1e-9);
        expectClose(sampleStandardDeviation(values), ssSampleSd(values), 1e-9);
        expectClose(populationStandardDeviation(values), ssPopulationSd(values), 1e-9);
      }),
    );
  });

  it('keep their digits far from zero, where one-pass formulas fail', () => {
    // 1e9 + (4, 7, 13, 16): the variance of (4, 7, 13, 16) is 30 exactly.
    expect(sampleVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
  });

  it('give exactly 0 for a constant series', () => {
    expect(sampleVariance([0.1, 0.1, 0.1])).toBe(0);
    expect(populationStandardDeviation([7])).toBe(0);
  });

  it('do not overflow in the working when the result is representable', () => {
    // Σ(x − x̄)² = 2e308 overflows, the variance 1e308 does not.
    expect(sampleVariance([1e154, -1e154, 0])).toBeCloseTo(1e308, -294);
    expect(sampleStandardDeviation([1e200, -1e200])).toBeCloseTo(Math.SQRT2 * 1e200, -186);
  });

  it('are invariant to a shift and scale with the square of a factor', () => {
    fc.assert(
      fc.property(ordinary, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (values, shift) => {
        const base = sampleVariance(values);
        const shifted = sampleVariance(values.map((v) => v + shift));
        expect(Math.abs(shifted - base)).toBeLessThanOrEqual(1e-6 * base + 1e-6);
        expectClose(sampleVariance(values.map((v) => 4 * v)), 16 * base, 1e-12);
      }),
    );
  });

  it('refuse too few values and an overflowing result with the field', () => {
    expect(() => sampleVariance([1])).toThrow('values: must have at least 2 items, got 1');
    expect(() => sampleStandardDeviation([1], 'after')).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'after' }),
    );
    expect(() => sampleVariance([1e308, -1e308])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'values' }),
    );
    expect(() => populationVariance([])).toThrow('values: must not be empty');
    expect(() => sampleStandardDeviation([1.6e308, -1e308])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'values' }),
    );
  });

  it('return a finite number or a GpError for nasty input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber)), (values) => {
        const v = values as number[];
        expectFiniteOrGpError(() => sampleVariance(v));
        expectFiniteOrGpError(() => populationVariance(v));
        expectFiniteOrGpError(() => sampleStandardDeviation(v));
        expectFiniteOrGpError(() => populationStandardDeviation(v));
      }),
    );
  });
});
