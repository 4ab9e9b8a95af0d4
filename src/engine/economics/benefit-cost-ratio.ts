/**
 * Benefit-cost ratio in two equivalent conventions, each documented:
 * - annual (Case A, CV. ABC): equivalent annual benefit over equivalent annual cost, where
 *   the cost is the investment's capital recovery plus the annual operating cost;
 * - present worth (the textbook form): PW of the benefit series over PW of the cost series.
 * For a uniform alternative the two are identical, since multiplying numerator and
 * denominator by (P/A,i,n) turns one into the other. Both require a positive cost. Choosing
 * the alternative with the higher ratio (as Case A does) is not the textbook rule for
 * mutually exclusive alternatives (incremental B/C), but it is what the study reports.
 */
import { GpError } from '../errors.js';
import { divide } from '../validate.js';
import {
  renameErrorField,
  requireCashFlows,
  requireInputObject,
  requireInterestRate,
} from './economic-inputs.js';
import {
  type EquivalentAnnualAmounts,
  type UniformAlternativeInput,
  equivalentAnnualAmounts,
} from './equivalent-annual-amounts.js';
import { netPresentValue } from './net-present-value.js';

export interface AnnualBenefitCostRatioResult extends EquivalentAnnualAmounts {
  /** B / (I·(A/P) − S·(A/F) + C). */
  readonly ratio: number;
}

/**
 * Benefit-cost ratio on equivalent annual amounts (Case A's convention).
 *
 * @equation BCR = B / (I·(A/P,i,n) − S·(A/F,i,n) + C)
 * @source Case A (CV. ABC) section D, eq. (4) B/C = manfaat ekuivalen / ongkos ekuivalen; Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9 (benefit-cost ratio, equivalent uniform annual form)
 * @param input Investment, annual benefit and cost, rate, life, optional salvage and `factorDecimals`.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when an amount is negative, rate ≤ −1, life ≤ 0 or factorDecimals is not 0…15
 * @throws GpError UNDEFINED_RESULT when the equivalent annual cost is ≤ 0 or a value overflows
 * @example benefitCostRatioAnnual({ investment: 73360000, annualBenefit: 55800000, annualCost: 2040000, rate: 0.1, life: 5 }).ratio // => 2.6084… (Case A alt 1)
 */
export function benefitCostRatioAnnual(
  input: UniformAlternativeInput,
): AnnualBenefitCostRatioResult {
  const amounts = equivalentAnnualAmounts(input);
  if (!(amounts.equivalentAnnualCost > 0)) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'annualCost',
      `equivalent annual cost must be > 0 for a benefit-cost ratio, got ${amounts.equivalentAnnualCost}`,
    );
  }
  const ratio = divide(amounts.annualBenefit, amounts.equivalentAnnualCost, 'annualCost');
  return { ...amounts, ratio };
}

export interface PresentWorthBenefitCostInput {
  /** Discount rate per period as a fraction, > −1. */
  readonly rate: number;
  /** Benefits B_0 … B_n by period (disbenefits as negative amounts). */
  readonly benefits: readonly number[];
  /** Costs C_0 … C_n by period, investment included at t = 0 (salvage as a negative cost). */
  readonly costs: readonly number[];
}

export interface PresentWorthBenefitCostResult {
  readonly rate: number;
  readonly presentWorthBenefits: number;
  readonly presentWorthCosts: number;
  /** PW(benefits) / PW(costs). */
  readonly ratio: number;
}

/**
 * Conventional benefit-cost ratio on present worths of benefit and cost series.
 *
 * @equation BCR = Σ B_t/(1 + i)^t / Σ C_t/(1 + i)^t, t = 0 … n
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9 (benefit-cost ratio, present worth form)
 * @param input Rate and the benefit and cost series (lengths may differ).
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError EMPTY when a series is empty
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when rate ≤ −1
 * @throws GpError UNDEFINED_RESULT when PW(costs) ≤ 0 or a value overflows
 * @example benefitCostRatioPresentWorth({ rate: 0.1, benefits: [0, 60, 60], costs: [100, 0, 0] }).ratio // => 1.041322…
 */
export function benefitCostRatioPresentWorth(
  input: PresentWorthBenefitCostInput,
): PresentWorthBenefitCostResult {
  const checked = requireInputObject(input, '');
  const benefits = requireCashFlows(checked.benefits, 'benefits');
  const costs = requireCashFlows(checked.costs, 'costs');
  const rate = requireInterestRate(checked.rate, 'rate');
  const presentWorthBenefits = renameErrorField(
    { flows: 'benefits' },
    () => netPresentValue(rate, benefits).netPresentValue,
  );
  const presentWorthCosts = renameErrorField(
    { flows: 'costs' },
    () => netPresentValue(rate, costs).netPresentValue,
  );
  if (!(presentWorthCosts > 0)) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'costs',
      `present worth of costs must be > 0 for a benefit-cost ratio, got ${presentWorthCosts}`,
    );
  }
  return {
    rate,
    presentWorthBenefits,
    presentWorthCosts,
    ratio: divide(presentWorthBenefits, presentWorthCosts, 'costs'),
  };
}
