import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { requireNumericSeries, requirePairedSeries, scaleByPowerOfTwo } from './numeric-series.js';

describe('requireNumericSeries', () => {
  it('returns the finite numbers of a list long enough', () => {
    expect(requireNumericSeries([1, 2, 3], 'x', 2)).toEqual([1, 2, 3]);
  });

  it('names the offending entry, the short list and the non-list', () => {
    expect(() => requireNumericSeries([1, Number.NaN], 'before')).toThrow(
      'before[1]: must be a finite number, got NaN',
    );
    expect(() => requireNumericSeries([1], 'x', 3)).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'x' }),
    );
    expect(() => requireNumericSeries('1,2', 'x')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'x' }),
    );
  });
});

describe('requirePairedSeries', () => {
  it('rejects a second series of another length with DIMENSION_MISMATCH on its own name', () => {
    expect(() => requirePairedSeries([1, 2, 3], [1, 2], ['x', 'y'])).toThrow(
      'y: must have as many values as x (3), got 2',
    );
    expect(requirePairedSeries([1, 2], [3, 4], ['x', 'y'])).toEqual([3, 4]);
  });
});

describe('scaleByPowerOfTwo', () => {
  it('divides by the power of two just below the largest magnitude, exactly', () => {
    expect(scaleByPowerOfTwo([3, -6])).toEqual({ scale: 4, values: [0.75, -1.5] });
    expect(scaleByPowerOfTwo([0, 0])).toEqual({ scale: 1, values: [0, 0] });
  });

  it('brings the largest and the smallest doubles to [1, 4) without overflow', () => {
    const big = scaleByPowerOfTwo([Number.MAX_VALUE, -Number.MAX_VALUE]);
    expect(big.scale).toBe(2 ** 1023);
    expect(Math.abs(big.values[0] as number)).toBeGreaterThanOrEqual(1);
    expect(Math.abs(big.values[0] as number)).toBeLessThan(4);
    expect(scaleByPowerOfTwo([5e-324]).values).toEqual([1]);
  });

  it('keeps every scaled value finite and multiplies back exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
        (values) => {
          const { scale, values: scaled } = scaleByPowerOfTwo(values);
          for (const [i, value] of scaled.entries()) {
            expect(Math.abs(value)).toBeLessThan(4);
            // Exact unless the quotient fell below the normal range.
            if (Math.abs(value) >= 2 ** -1021) expect(value * scale).toBe(values[i]);
          }
        },
      ),
    );
  });

  it('survives nasty input as a result or a GpError', () => {
    fc.assert(
      fc.property(nastyValue, fc.array(nastyNumber), (values, other) => {
        expectFiniteOrGpError(() => requireNumericSeries(values, 'x', 2));
        expectFiniteOrGpError(() => requirePairedSeries(other, values, ['x', 'y']));
      }),
    );
  });
});
