/**
 * Case C: PT ECCO Tannery Indonesia (seed: ecco-tannery-waste-reduction.md, Tabel 8–9 and
 * "B. Perhitungan IRR"; values: shared/cases/README.md, Case C "Alternatives").
 */
import { describe, expect, it } from 'vitest';
import {
  annualGivenPresentFactor,
  annualWorth,
  incrementalInternalRateOfReturn,
  rankEconomicAlternatives,
  uniformCashFlowSeries,
} from '../../src/engine/economics/index.js';
import { expectRelative, expectSignificant } from '../support/close.js';

/** Alt 1, sludge dryer 10 t/day: costs 48,000,000 + 28,800,000 + 224,571,000 (Tabel 8). */
const dryer10 = {
  investment: 1_200_000_000,
  annualBenefit: 1_016_214_200,
  annualCost: 48_000_000 + 28_800_000 + 224_571_000,
  rate: 0.15,
  life: 5,
};

/** Alt 2, sludge dryer 15 t/day: costs 72,000,000 + 28,800,000 + 433,101,000 (Tabel 9). */
const dryer15 = {
  investment: 1_800_000_000,
  annualBenefit: 2_337_627_600,
  annualCost: 72_000_000 + 28_800_000 + 433_101_000,
  rate: 0.15,
  life: 5,
};

function flowsOf(alt: typeof dryer10): readonly number[] {
  return uniformCashFlowSeries({
    investment: alt.investment,
    annualNet: alt.annualBenefit - alt.annualCost,
    periods: alt.life,
  });
}

describe('Case C (ECCO): annual worth at MARR 15 %, 5 years', () => {
  it('sums the published operating costs as Tabel 8–9 do', () => {
    expect(dryer10.annualCost).toBe(301_371_000);
    expect(dryer15.annualCost).toBe(533_901_000);
  });

  it('uses (A/P,15%,5) = 0.298316, which the paper rounds to 0.2983', () => {
    expectSignificant(annualGivenPresentFactor(0.15, 5), 0.298316, 6);
    expect(annualWorth({ ...dryer10, factorDecimals: 4 }).capitalRecoveryFactor).toBe(0.2983);
  });

  it('gives AW 356,864,537 for alternative 1 and 1,266,758,606 for alternative 2 (exact factor)', () => {
    const aw1 = annualWorth(dryer10).annualWorth;
    const aw2 = annualWorth(dryer15).annualWorth;
    expectRelative(aw1, 356_864_537, 1e-4);
    expectRelative(aw2, 1_266_758_606, 1e-4);
    // The README values are rounded to the rupiah.
    expect(Math.abs(aw1 - 356_864_537)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(aw2 - 1_266_758_606)).toBeLessThanOrEqual(0.5);
  });

  it("reproduces the paper's 356,883,200 and 1,266,786,600 only with the factor rounded to 4 decimals", () => {
    const rounded1 = annualWorth({ ...dryer10, factorDecimals: 4 });
    const rounded2 = annualWorth({ ...dryer15, factorDecimals: 4 });
    // The paper's working: Rp 357.960.000 and Rp 536.940.000 of capital recovery.
    expectRelative(rounded1.annualInvestment, 357_960_000, 1e-12);
    expectRelative(rounded2.annualInvestment, 536_940_000, 1e-12);
    expectRelative(rounded1.annualWorth, 356_883_200, 1e-4);
    expectRelative(rounded2.annualWorth, 1_266_786_600, 1e-4);
    expect(Math.abs(rounded1.annualWorth - 356_883_200)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(rounded2.annualWorth - 1_266_786_600)).toBeLessThanOrEqual(0.5);
  });

  it("differs from the printed AWs with the exact factor by more than the paper's rounding (factor rounding, not an arithmetic slip)", () => {
    // Printed to the rupiah, so any difference above 0.5 is real: 18,663 and 27,994.
    expect(Math.abs(annualWorth(dryer10).annualWorth - 356_883_200)).toBeGreaterThan(0.5);
    expect(Math.abs(annualWorth(dryer15).annualWorth - 1_266_786_600)).toBeGreaterThan(0.5);
  });

  it('prefers alternative 2 by annual worth', () => {
    const ranking = rankEconomicAlternatives('annual-worth', [
      { name: 'sludge dryer 10 t/day', value: annualWorth(dryer10).annualWorth },
      { name: 'sludge dryer 15 t/day', value: annualWorth(dryer15).annualWorth },
    ]);
    expect(ranking.choice).toEqual({ kind: 'chosen', name: 'sludge dryer 15 t/day' });
  });
});

describe('Case C (ECCO): incremental IRR of alternative 2 over alternative 1', () => {
  const result = incrementalInternalRateOfReturn({
    first: flowsOf(dryer10),
    second: flowsOf(dryer15),
    marr: 0.15,
  });

  it('forms the increment −0.6 milyar then 1,088,883,400 a year, as the paper does', () => {
    expect(result.higherInvestment).toBe('second');
    expect(result.incrementalFlows).toEqual([
      -600_000_000, 1_088_883_400, 1_088_883_400, 1_088_883_400, 1_088_883_400, 1_088_883_400,
    ]);
  });

  it('gives Δi* = 180.4 %; the printed "180 %" is right within its rounding', () => {
    expect(result.incrementalRate.kind).toBe('unique');
    const rate =
      result.incrementalRate.kind === 'unique' ? result.incrementalRate.rate : Number.NaN;
    expectSignificant(rate, 1.804, 4);
    expect(Math.abs(rate * 100 - 180)).toBeLessThanOrEqual(0.5);
    // The paper's equation: 0 = −0.6 milyar·(A/P, i, 5) + 1,088,883,400.
    expectRelative(600_000_000 * annualGivenPresentFactor(rate, 5), 1_088_883_400, 1e-9);
  });

  it('exceeds the MARR of 15 %, so alternative 2 is chosen on the incremental IRR', () => {
    expect(result.basis).toBe('incremental-irr');
    expect(result.chosen).toBe('second');
    expect(result.incrementalNetPresentValue).toBeGreaterThan(0);
  });
});
