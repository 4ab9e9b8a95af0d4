import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { wbcsdEcoEfficiency } from './wbcsd-eco-efficiency.js';
import type { WbcsdEcoEfficiencyInput } from './wbcsd-eco-efficiency.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('wbcsdEcoEfficiency', () => {
  it('divides value by environmental influence (WBCSD 2000: value per unit of influence)', () => {
    const result = wbcsdEcoEfficiency({
      value: 500,
      environmentalInfluence: 40,
      valueUnit: 'million IDR',
      influenceUnit: 'm³ water',
    });
    expect(result.ratio).toBe(12.5);
    expect(result.unit).toBe('million IDR per m³ water');
    expect(wbcsdEcoEfficiency({ value: 0, environmentalInfluence: 3 }).unit).toBeUndefined();
  });

  it('refuses a zero influence and a negative value', () => {
    expect(failure(() => wbcsdEcoEfficiency({ value: 1, environmentalInfluence: 0 }))).toBe(
      'OUT_OF_RANGE input.environmentalInfluence: must be > 0, got 0',
    );
    expect(failure(() => wbcsdEcoEfficiency({ value: -1, environmentalInfluence: 1 }))).toBe(
      'OUT_OF_RANGE input.value: must be ≥ 0, got -1',
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        fc.oneof(fc.constant(undefined), nastyValue),
        (value, influence, unit) => {
          const input = {
            value,
            environmentalInfluence: influence,
            valueUnit: unit,
            influenceUnit: 'kg',
          } as WbcsdEcoEfficiencyInput;
          expectFiniteOrGpError(() => wbcsdEcoEfficiency(input));
        },
      ),
    );
  });
});
