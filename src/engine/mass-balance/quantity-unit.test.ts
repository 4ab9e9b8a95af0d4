import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { parseQuantityUnit } from './quantity-unit.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('parseQuantityUnit', () => {
  it('reads mass and volume amounts with their size in kg or m³ (SI Brochure, Table 8)', () => {
    expect(parseQuantityUnit('kg')).toMatchObject({
      symbol: 'kg',
      dimension: 'mass',
      amountInBase: 1,
    });
    expect(parseQuantityUnit('t')).toMatchObject({ symbol: 't', amountInBase: 1000 });
    expect(parseQuantityUnit('g').amountInBase).toBe(0.001);
    expect(parseQuantityUnit('L')).toMatchObject({
      symbol: 'L',
      dimension: 'volume',
      amountInBase: 0.001,
    });
    expect(parseQuantityUnit('m3')).toMatchObject({
      symbol: 'm³',
      dimension: 'volume',
      amountInBase: 1,
    });
    expect(parseQuantityUnit('kg').timeInSeconds).toBeUndefined();
  });

  it('reads flows per hour, day, month and year, in English and Indonesian', () => {
    expect(parseQuantityUnit('kg/h')).toMatchObject({ symbol: 'kg/h', timeInSeconds: 3600 });
    expect(parseQuantityUnit('kg / jam').symbol).toBe('kg/h');
    expect(parseQuantityUnit('m3/hari')).toMatchObject({
      symbol: 'm³/day',
      timeInSeconds: 24 * 3600,
    });
    expect(parseQuantityUnit('Ton/Tahun')).toMatchObject({
      symbol: 't/yr',
      timeInSeconds: 365 * 24 * 3600,
    });
    // A month is a twelfth of a 365-day year, as when monthly tonnages are annualised × 12.
    expect(parseQuantityUnit('ton/bulan').timeInSeconds).toBe((365 * 24 * 3600) / 12);
  });

  it('refuses unknown units and malformed text with INVALID_INPUT and the field', () => {
    expect(failure(() => parseQuantityUnit('lb/h', 'balance.unit'))).toMatch(
      /^INVALID_INPUT balance\.unit: unknown unit "lb\/h"/,
    );
    expect(failure(() => parseQuantityUnit('kg/fortnight'))).toMatch(
      /^INVALID_INPUT unit: unknown unit/,
    );
    expect(failure(() => parseQuantityUnit('kg/h/h'))).toMatch(/^INVALID_INPUT unit:.*at most one/);
    expect(failure(() => parseQuantityUnit(''))).toMatch(/^INVALID_INPUT unit:/);
  });

  it('returns a unit or a GpError for any input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.string()), (unit) => {
        expectFiniteOrGpError(() => parseQuantityUnit(unit as string));
      }),
    );
  });
});
