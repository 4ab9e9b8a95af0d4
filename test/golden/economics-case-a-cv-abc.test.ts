/**
 * Case A: CV. ABC, wooden speaker and furniture maker (seed: cv-abc-wood-green-productivity.md,
 * section D "Pemilihan Alternatif dengan BCR"; values: shared/cases/README.md, Case A).
 */
import { describe, expect, it } from 'vitest';
import {
  annualGivenPresentFactor,
  annualWorth,
  benefitCostRatioAnnual,
  benefitCostRatioPresentWorth,
  rankEconomicAlternatives,
} from '../../src/engine/economics/index.js';
import { expectRelative, expectSignificant } from '../support/close.js';

/** Alt 1, grease interceptor: 68,860,000 + 4,500,000 installation; labour saving 4,650,000 × 12. */
const greaseInterceptor = {
  investment: 68_860_000 + 4_500_000,
  annualBenefit: 4_650_000 * 12,
  annualCost: 2_040_000,
  rate: 0.1,
  life: 5,
};

/** Alt 2, DAF: 2 pumps × 3,600,000 + pipe 1,000,000 + DAF 150,000,000; 9,300,000 × 12 + water 650,000. */
const dissolvedAirFlotation = {
  investment: 2 * 3_600_000 + 1_000_000 + 150_000_000,
  annualBenefit: 9_300_000 * 12 + 650_000,
  annualCost: 2 * 780_000 + 8_614_080,
  rate: 0.1,
  life: 10,
};

describe('Case A (CV. ABC): interest factors', () => {
  it('(A/P,10%,5) = 0.263797 and (A/P,10%,10) = 0.162745', () => {
    expectSignificant(annualGivenPresentFactor(0.1, 5), 0.263797, 6);
    expectSignificant(annualGivenPresentFactor(0.1, 10), 0.162745, 6);
  });
});

describe('Case A (CV. ABC): benefit-cost ratio = benefit / (I·(A/P,i,n) + annual cost)', () => {
  it('sums the published inputs as the paper does', () => {
    expect(greaseInterceptor.investment).toBe(73_360_000);
    expect(greaseInterceptor.annualBenefit).toBe(55_800_000);
    expect(dissolvedAirFlotation.investment).toBe(158_200_000);
    expect(dissolvedAirFlotation.annualCost).toBe(10_174_080);
    expect(dissolvedAirFlotation.annualBenefit).toBe(112_250_000);
  });

  it('gives BCR 2.608 for alternative 1, as the formula block prints', () => {
    const ratio = benefitCostRatioAnnual(greaseInterceptor).ratio;
    expectSignificant(ratio, 2.608, 4);
  });

  it('differs from the 2.06 printed in the text for alternative 1 (erratum: 2.608 mistyped)', () => {
    const ratio = benefitCostRatioAnnual(greaseInterceptor).ratio;
    expect(Math.abs(ratio - 2.06)).toBeGreaterThan(0.005);
  });

  it("reproduces the paper's working with the factor rounded to 4 decimals (0.2638)", () => {
    const rounded = benefitCostRatioAnnual({ ...greaseInterceptor, factorDecimals: 4 });
    expect(rounded.capitalRecoveryFactor).toBe(0.2638);
    expectRelative(rounded.annualInvestment, 19_352_368, 1e-12);
    expectRelative(rounded.equivalentAnnualCost, 21_392_368, 1e-12);
    expectSignificant(rounded.ratio, 2.608, 4);
  });

  it('gives BCR 3.125 for alternative 2 over its 10-year life; the printed 3,12 is right within its 2 decimals', () => {
    const ratio = benefitCostRatioAnnual(dissolvedAirFlotation).ratio;
    expectSignificant(ratio, 3.125, 4);
    expect(Math.abs(ratio - 3.12)).toBeLessThanOrEqual(0.005);
  });

  it("reproduces the paper's 25,739,140 and 35,913,220 from (A/P,10%,10) rounded to 0.1627", () => {
    const rounded = benefitCostRatioAnnual({ ...dissolvedAirFlotation, factorDecimals: 4 });
    expect(rounded.capitalRecoveryFactor).toBe(0.1627);
    expectRelative(rounded.annualInvestment, 25_739_140, 1e-12);
    expectRelative(rounded.equivalentAnnualCost, 35_913_220, 1e-12);
  });

  it('gives 2.163 with n = 5, not the printed 3,12 (erratum: the formula says (A/P,10%,5) but the number uses n = 10)', () => {
    const ratio = benefitCostRatioAnnual({ ...dissolvedAirFlotation, life: 5 }).ratio;
    expectSignificant(ratio, 2.163, 4);
    expect(Math.abs(ratio - 3.12)).toBeGreaterThan(0.005);
  });

  it('gives the same ratios in the present-worth form (uniform series)', () => {
    for (const alt of [greaseInterceptor, dissolvedAirFlotation]) {
      const years = Array.from({ length: alt.life }, () => 0);
      const pw = benefitCostRatioPresentWorth({
        rate: alt.rate,
        benefits: [0, ...years.map(() => alt.annualBenefit)],
        costs: [alt.investment, ...years.map(() => alt.annualCost)],
      });
      expectRelative(pw.ratio, benefitCostRatioAnnual(alt).ratio, 1e-12);
    }
  });

  it('chooses alternative 2 (DAF), the higher BCR, and both are worth more than they cost', () => {
    const ranking = rankEconomicAlternatives('bcr', [
      { name: 'grease interceptor', value: benefitCostRatioAnnual(greaseInterceptor).ratio },
      { name: 'DAF', value: benefitCostRatioAnnual(dissolvedAirFlotation).ratio },
    ]);
    expect(ranking.choice).toEqual({ kind: 'chosen', name: 'DAF' });
    expect(ranking.ranking.every((r) => r.acceptable)).toBe(true);
    expect(annualWorth(greaseInterceptor).annualWorth).toBeGreaterThan(0);
  });
});
