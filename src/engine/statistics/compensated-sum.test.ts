import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { compensatedSum, neumaierSum } from './compensated-sum.js';

describe('compensatedSum', () => {
  it('keeps the small terms a plain loop loses', () => {
    // Neumaier (1974): Kahan's method also fails on [1, 1e100, 1, -1e100]; the true sum is 2.
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
    expect([1e16, 1, -1e16].reduce((a, b) => a + b, 0)).toBe(0); // the naive sum
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
  });

  it('adds ten 0.1s to exactly 1, as the exact sum rounds', () => {
    expect(compensatedSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('agrees with the exact rational sum of integers scaled by powers of two', () => {
    // Integer multiples of 2^-20 below 2^30 add exactly with BigInt arithmetic.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), { minLength: 1 }),
        (ints) => {
          const values = ints.map((i) => i / 2 ** 20);
          const exact = Number(ints.reduce((a, b) => a + BigInt(b), 0n)) / 2 ** 20;
          expect(compensatedSum(values)).toBe(exact);
        },
      ),
    );
  });

  it('refuses an empty list, a non-number and an overflow', () => {
    expect(() => compensatedSum([])).toThrow('values: must not be empty');
    expect(() => compensatedSum([1, Infinity])).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'values[1]' }),
    );
    expect(() => compensatedSum([1e308, 1e308])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'values' }),
    );
  });

  it('returns a finite number or a GpError for nasty input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber)), (values) => {
        expectFiniteOrGpError(() => compensatedSum(values as number[]));
      }),
    );
  });
});
