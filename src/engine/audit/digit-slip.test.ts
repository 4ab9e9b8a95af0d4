import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { findDigitSlip } from './digit-slip.js';

describe('findDigitSlip', () => {
  it('reads the CV. ABC text BCR "2,06" as 2,60 (2,608 truncated) with 6 and 0 swapped', () => {
    // Case A §E prints 2,06 for the BCR that §D computes as 2,608 (55.800.000 / 21.392.368).
    expect(findDigitSlip(2.06, 55800000 / 21392368, 2)).toEqual({
      slip: 'swap',
      reading: 'truncated',
      decimalsRead: 2,
      computedDigits: '2.60',
      printedDigits: '2.06',
      position: 1,
    });
  });

  it('finds a swap in the rounded reading', () => {
    expect(findDigitSlip(21.3, 12.34, 1)).toMatchObject({
      slip: 'swap',
      reading: 'rounded',
      computedDigits: '12.3',
      position: 0,
    });
  });

  it('finds a digit dropped from the integer part', () => {
    expect(findDigitSlip(2.34, 12.34, 2)).toMatchObject({
      slip: 'drop',
      decimalsRead: 2,
      computedDigits: '12.34',
      position: 0,
    });
  });

  it('finds a decimal dropped from one more decimal than printed', () => {
    expect(findDigitSlip(2.08, 2.608, 2)).toMatchObject({
      slip: 'drop',
      decimalsRead: 3,
      computedDigits: '2.608',
      position: 1,
    });
  });

  it('keeps leading zeros of small numbers', () => {
    expect(findDigitSlip(0.06, 0.0608, 2)).toBeUndefined();
    expect(findDigitSlip(0.6, 0.06, 2)).toMatchObject({ slip: 'swap', computedDigits: '0.06' });
  });

  it('is no slip when the printed value is the computed one rounded or cut', () => {
    expect(findDigitSlip(2.61, 2.6084, 2)).toBeUndefined();
    expect(findDigitSlip(2.6, 2.6084, 2)).toBeUndefined();
  });

  it('finds nothing for unrelated digits, a different sign, or zero', () => {
    // Case A Tabel IV: oil & grease Pi printed 97,3 % for 97,6 %: no digit slip.
    expect(findDigitSlip(97.3, 97.6, 1)).toBeUndefined();
    expect(findDigitSlip(-2.06, 2.6084, 2)).toBeUndefined();
    expect(findDigitSlip(0, 2.6, 1)).toBeUndefined();
    expect(findDigitSlip(2.6, 0, 1)).toBeUndefined();
  });

  it('always finds a swap of two different adjacent digits of a rounded value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 99999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        (units, d, at) => {
          const digits = String(units);
          const k = at % (digits.length - 1);
          fc.pre(digits[k] !== digits[k + 1]);
          const swapped = digits.slice(0, k) + digits[k + 1] + digits[k] + digits.slice(k + 2);
          const found = findDigitSlip(Number(swapped) / 10 ** d, units / 10 ** d, d);
          expect(found?.slip).toBe('swap');
        },
      ),
    );
  });

  it('returns data or throws a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyValue, (p, c, d) => {
        expectFiniteOrGpError(() => findDigitSlip(p, c, d as number));
      }),
    );
  });
});
