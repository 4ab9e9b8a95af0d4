/**
 * Annual worth (equivalent uniform annual worth) of an alternative: its annual benefit minus
 * its equivalent annual cost. AW > 0 means the alternative earns more than the interest
 * rate; among mutually exclusive alternatives over the same horizon the highest AW is best.
 */
import { requireFiniteResult } from '../validate.js';
import {
  type EquivalentAnnualAmounts,
  type UniformAlternativeInput,
  equivalentAnnualAmounts,
} from './equivalent-annual-amounts.js';

export interface AnnualWorthResult extends EquivalentAnnualAmounts {
  /** B − (I·(A/P) − S·(A/F) + C). */
  readonly annualWorth: number;
}

/**
 * Annual worth of an investment with uniform annual benefit and cost over its life.
 *
 * @equation AW = B − (I·(A/P,i,n) + C) + S·(A/F,i,n)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 6 (annual cash flow analysis); Case C (ECCO) Tabel 8–9, AW = penghematan − (investasi·(A/P,i,n) + biaya operasional)
 * @param input Investment, annual benefit and cost, rate, life, optional salvage and `factorDecimals` (round the factors as a paper did).
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when an amount is negative, rate ≤ −1, life ≤ 0 or factorDecimals is not 0…15
 * @throws GpError UNDEFINED_RESULT when an amount overflows
 * @example annualWorth({ investment: 1.2e9, annualBenefit: 1016214200, annualCost: 301371000, rate: 0.15, life: 5 }).annualWorth // => 356864537.05 (Case C alt 1; with factorDecimals 4: 356883200)
 */
export function annualWorth(input: UniformAlternativeInput): AnnualWorthResult {
  const amounts = equivalentAnnualAmounts(input);
  const worth = requireFiniteResult(
    amounts.annualBenefit - amounts.equivalentAnnualCost,
    'annualBenefit',
  );
  return { ...amounts, annualWorth: worth };
}
