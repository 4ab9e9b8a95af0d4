import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { annualWorth } from './annual-worth.js';
import { benefitCostRatioAnnual, benefitCostRatioPresentWorth } from './benefit-cost-ratio.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

const alternative = fc.record({
  investment: fc.integer({ min: 1, max: 1e8 }),
  annualBenefit: fc.integer({ min: 0, max: 1e7 }),
  annualCost: fc.integer({ min: 0, max: 1e7 }),
  rate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  life: fc.integer({ min: 1, max: 30 }),
});

describe('benefitCostRatioAnnual (Case A convention)', () => {
  it('divides the annual benefit by capital recovery plus annual cost (spreadsheet PMT)', () => {
    const result = benefitCostRatioAnnual({
      investment: 100000,
      annualBenefit: 40000,
      annualCost: 10000,
      rate: 0.12,
      life: 8,
    });
    const cost = 100000 * -num(formulajs.PMT(0.12, 8, 1)) + 10000;
    expectRelative(result.ratio, 40000 / cost, 1e-12);
    expectRelative(result.equivalentAnnualCost, cost, 1e-12);
  });

  it('is above 1 exactly when the annual worth is positive (property)', () => {
    fc.assert(
      fc.property(alternative, (input) => {
        const ratio = benefitCostRatioAnnual(input).ratio;
        const worth = annualWorth(input).annualWorth;
        expect(ratio > 1).toBe(worth > 0);
        expect(ratio === 1).toBe(worth === 0);
      }),
    );
  });

  it('refuses a non-positive equivalent annual cost', () => {
    expect(() =>
      benefitCostRatioAnnual({
        investment: 0,
        annualBenefit: 5,
        annualCost: 0,
        rate: 0.1,
        life: 5,
      }),
    ).toThrow(/^annualCost: equivalent annual cost must be > 0/);
  });
});

describe('benefitCostRatioPresentWorth (textbook convention)', () => {
  it('divides PW(benefits) by PW(costs), t = 0 undiscounted (formulajs NPV)', () => {
    const benefits = [0, 300, 400, 500];
    const costs = [1000, 50, 50, 50];
    const result = benefitCostRatioPresentWorth({ rate: 0.1, benefits, costs });
    const pwB = num(formulajs.NPV(0.1, 300, 400, 500));
    const pwC = 1000 + num(formulajs.NPV(0.1, 50, 50, 50));
    expectRelative(result.presentWorthBenefits, pwB, 1e-12);
    expectRelative(result.presentWorthCosts, pwC, 1e-12);
    expectRelative(result.ratio, pwB / pwC, 1e-12);
  });

  it('equals the annual ratio for a uniform alternative (property)', () => {
    fc.assert(
      fc.property(alternative, (input) => {
        const years = Array.from({ length: input.life }, () => 0);
        const benefits = [0, ...years.map(() => input.annualBenefit)];
        const costs = [input.investment, ...years.map(() => input.annualCost)];
        const pw = benefitCostRatioPresentWorth({ rate: input.rate, benefits, costs }).ratio;
        const annual = benefitCostRatioAnnual(input).ratio;
        expect(Math.abs(pw - annual)).toBeLessThanOrEqual(1e-9 * Math.max(1, annual));
      }),
    );
  });

  it('names the offending field', () => {
    expect(() =>
      benefitCostRatioPresentWorth({ rate: 0.1, benefits: [1, Number.NaN], costs: [1] }),
    ).toThrow(/^benefits\[1\]: must be a finite/);
    expect(() => benefitCostRatioPresentWorth({ rate: 0.1, benefits: [1], costs: [0, 0] })).toThrow(
      /^costs: present worth of costs must be > 0/,
    );
    expect(() => benefitCostRatioPresentWorth({ rate: -1, benefits: [1], costs: [1] })).toThrow(
      /^rate: must be > -1/,
    );
  });
});

describe('benefit-cost ratios on bad input', () => {
  it('return finite values or a GpError for any input', () => {
    const value = fc.oneof(nastyNumber, nastyValue);
    const series = fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 }));
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
        value,
        series,
        series,
        (input, rate, benefits, costs) => {
          expectFiniteOrGpError(() => benefitCostRatioAnnual(input as never));
          expectFiniteOrGpError(() =>
            benefitCostRatioPresentWorth({ rate, benefits, costs } as never),
          );
        },
      ),
    );
    expectFiniteOrGpError(() => benefitCostRatioPresentWorth(undefined as never));
  });
});
