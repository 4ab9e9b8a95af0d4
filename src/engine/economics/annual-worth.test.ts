import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { annualWorth } from './annual-worth.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

describe('annualWorth', () => {
  it('equals the NPV of the flows spread over the life by PMT (spreadsheet reference)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: -1e5, max: 1e5 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (investment, benefit, cost, salvage, rate, life) => {
          const flows = Array.from({ length: life }, (_, k) =>
            k === life - 1 ? benefit - cost + salvage : benefit - cost,
          );
          const npv = -investment + num(formulajs.NPV(rate, ...flows));
          const expected = -num(formulajs.PMT(rate, life, npv));
          const actual = annualWorth({
            investment,
            annualBenefit: benefit,
            annualCost: cost,
            rate,
            life,
            salvage,
          }).annualWorth;
          const scale = investment + benefit + cost + Math.abs(salvage);
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * scale + 1e-9);
        },
      ),
    );
  });

  it('shows its working: benefit − (I·(A/P) + C) + S·(A/F)', () => {
    const result = annualWorth({
      investment: 10000,
      annualBenefit: 5000,
      annualCost: 1000,
      rate: 0.1,
      life: 5,
      salvage: 2000,
    });
    expectRelative(result.annualInvestment, 10000 * -num(formulajs.PMT(0.1, 5, 1)), 1e-12);
    expectRelative(result.annualSalvage, 2000 * -num(formulajs.PMT(0.1, 5, 0, 1)), 1e-12);
    expectRelative(
      result.annualWorth,
      5000 - (result.annualInvestment + 1000) + result.annualSalvage,
      1e-14,
    );
  });

  it('names the offending field', () => {
    const base = { investment: 1, annualBenefit: 1, annualCost: 1, rate: 0.1, life: 5 };
    expect(() => annualWorth({ ...base, rate: -1.5 })).toThrow(
      'rate: must be > -1 (−100 %), got -1.5',
    );
    expect(() => annualWorth({ ...base, annualCost: Number.NaN })).toThrow(
      /^annualCost: must be a finite/,
    );
    expect(() => annualWorth({ ...base, life: -3 })).toThrow('life: must be > 0, got -3');
  });

  it('returns finite values or a GpError for any input', () => {
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
        }),
        (input) => {
          expectFiniteOrGpError(() => annualWorth(input as never));
        },
      ),
    );
    fc.assert(
      fc.property(
        nastyValue,
        (input) => void expectFiniteOrGpError(() => annualWorth(input as never)),
      ),
    );
  });
});
