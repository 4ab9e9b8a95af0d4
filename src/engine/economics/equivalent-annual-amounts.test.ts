import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { equivalentAnnualAmounts } from './equivalent-annual-amounts.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

describe('equivalentAnnualAmounts', () => {
  it('annualises the investment net of salvage as a spreadsheet PMT does', () => {
    const result = equivalentAnnualAmounts({
      investment: 50000,
      annualBenefit: 20000,
      annualCost: 4000,
      rate: 0.08,
      life: 6,
      salvage: 5000,
    });
    // PMT(8 %, 6, −50000, 5000) is the capital recovery cost net of salvage.
    expectRelative(result.capitalRecovery, num(formulajs.PMT(0.08, 6, -50000, 5000)), 1e-12);
    expectRelative(result.equivalentAnnualCost, result.capitalRecovery + 4000, 1e-15);
    expectRelative(result.annualSalvage, -num(formulajs.PMT(0.08, 6, 0, 5000)), 1e-12);
  });

  it('rounds the factors only when factorDecimals is given, and says so', () => {
    const exact = equivalentAnnualAmounts({
      investment: 1,
      annualBenefit: 0,
      annualCost: 0,
      rate: 0.15,
      life: 5,
    });
    const rounded = equivalentAnnualAmounts({
      investment: 1,
      annualBenefit: 0,
      annualCost: 0,
      rate: 0.15,
      life: 5,
      factorDecimals: 4,
    });
    expect(exact.factorDecimals).toBeUndefined();
    expect(rounded.factorDecimals).toBe(4);
    expect(rounded.capitalRecoveryFactor).toBe(0.2983);
    expect(exact.capitalRecoveryFactor).not.toBe(0.2983);
  });

  it('names the offending field', () => {
    const base = { investment: 1, annualBenefit: 1, annualCost: 1, rate: 0.1, life: 5 };
    expect(() => equivalentAnnualAmounts({ ...base, life: 0 })).toThrow('life: must be > 0, got 0');
    expect(() => equivalentAnnualAmounts({ ...base, investment: -1 })).toThrow(
      'investment: must be ≥ 0, got -1',
    );
    expect(() => equivalentAnnualAmounts({ ...base, factorDecimals: 2.5 })).toThrow(
      /^factorDecimals: must be a whole number/,
    );
    expect(() => equivalentAnnualAmounts({ ...base, rate: 1e6, life: 1e6 })).not.toThrow();
    expect(() => equivalentAnnualAmounts(null as never)).toThrow('must be an object');
  });

  it('returns finite amounts or a GpError for any input', () => {
    const value = fc.oneof(nastyNumber, nastyValue);
    fc.assert(
      fc.property(
        fc.record({
          investment: value,
          annualBenefit: value,
          annualCost: value,
          rate: value,
          life: value,
          salvage: value,
          factorDecimals: value,
        }),
        (input) => {
          expectFiniteOrGpError(() => equivalentAnnualAmounts(input as never));
        },
      ),
    );
  });
});
