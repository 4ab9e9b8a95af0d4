/**
 * Net present value of an alternative described as GP studies describe one (an investment now,
 * uniform annual benefit and cost, an optional salvage at the end) by the uniform-series
 * factors, as a hand calculation writes it. It is the NPV of uniformCashFlowSeries' flows,
 * computed without discounting each year: two factors instead of n + 1 powers.
 */
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from '../validate.js';
import { renameErrorField, requireInputObject, requireInterestRate } from './economic-inputs.js';
import { presentGivenAnnualFactor, presentGivenFutureFactor } from './interest-factors.js';
import type { UniformAlternativeInput } from './equivalent-annual-amounts.js';

export interface UniformNetPresentValueResult {
  /** (P/A, i, n). */
  readonly presentWorthFactor: number;
  /** (P/F, i, n). */
  readonly singlePaymentFactor: number;
  /** −I + (B − C)·(P/A,i,n) + S·(P/F,i,n). */
  readonly netPresentValue: number;
}

/**
 * NPV of a uniform alternative by the uniform-series present worth factor.
 *
 * @equation NPV = −I + (B − C)·(P/A,i,n) + S·(P/F,i,n)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 5 (present worth analysis with uniform series and salvage)
 * @param input Investment, annual benefit and cost, rate, life (whole or not), optional salvage; factorDecimals is not used.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when an amount is negative, rate ≤ −1 or life ≤ 0
 * @throws GpError UNDEFINED_RESULT when a factor or the sum overflows
 * @example uniformNetPresentValue({ investment: 100, annualBenefit: 60, annualCost: 0, rate: 0.1, life: 2 }).netPresentValue // => 4.132231…
 */
export function uniformNetPresentValue(
  input: UniformAlternativeInput,
): UniformNetPresentValueResult {
  const checked = requireInputObject(input, '');
  const investment = requireNonNegative(checked.investment, 'investment');
  const annualBenefit = requireNonNegative(checked.annualBenefit, 'annualBenefit');
  const annualCost = requireNonNegative(checked.annualCost, 'annualCost');
  const rate = requireInterestRate(checked.rate, 'rate');
  const life = requirePositive(checked.life, 'life');
  const salvage = checked.salvage === undefined ? 0 : requireFinite(checked.salvage, 'salvage');
  const toLife = { periods: 'life' };
  const presentWorthFactor = renameErrorField(toLife, () => presentGivenAnnualFactor(rate, life));
  const singlePaymentFactor = renameErrorField(toLife, () => presentGivenFutureFactor(rate, life));
  const annualNet = requireFiniteResult(annualBenefit - annualCost, 'annualBenefit');
  const netPresentValue = requireFiniteResult(
    -investment + annualNet * presentWorthFactor + salvage * singlePaymentFactor,
    'investment',
  );
  return { presentWorthFactor, singlePaymentFactor, netPresentValue };
}
