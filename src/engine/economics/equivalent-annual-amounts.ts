/**
 * Equivalent annual amounts of an alternative described the way GP studies describe one: an
 * investment now, a uniform annual benefit (savings) and annual cost over its life, and an
 * optional salvage value at the end. Annual worth and the annual benefit-cost ratio are both
 * built from these amounts, so they always agree (BCR > 1 exactly when AW > 0).
 */
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from '../validate.js';
import {
  requireFactorDecimals,
  requireInputObject,
  requireInterestRate,
  renameErrorField,
} from './economic-inputs.js';
import { factorAsUsed } from './factor-rounding.js';
import { annualGivenFutureFactor, annualGivenPresentFactor } from './interest-factors.js';

export interface UniformAlternativeInput {
  /** Initial investment at t = 0, ≥ 0 (money). */
  readonly investment: number;
  /** Uniform benefit (savings) at the end of each year, ≥ 0. */
  readonly annualBenefit: number;
  /** Uniform operating cost at the end of each year, ≥ 0. */
  readonly annualCost: number;
  /** Interest rate (MARR) per year as a fraction, > −1. */
  readonly rate: number;
  /** Life or planning horizon in years, > 0. */
  readonly life: number;
  /** Salvage value at the end of the life (default 0); negative for a removal cost. */
  readonly salvage?: number;
  /**
   * Round (A/P) and (A/F) to this many decimals before use, as hand calculations with printed
   * tables do (papers use 4). Absent: exact factors. Only for reproducing a paper.
   */
  readonly factorDecimals?: number;
}

export interface EquivalentAnnualAmounts {
  readonly rate: number;
  readonly life: number;
  /** (A/P, i, n) as used: exact, or rounded to `factorDecimals`. */
  readonly capitalRecoveryFactor: number;
  /** (A/F, i, n) as used: exact, or rounded to `factorDecimals`. */
  readonly sinkingFundFactor: number;
  /** I·(A/P, i, n). */
  readonly annualInvestment: number;
  /** S·(A/F, i, n). */
  readonly annualSalvage: number;
  /** Capital recovery cost: I·(A/P) − S·(A/F). */
  readonly capitalRecovery: number;
  readonly annualBenefit: number;
  readonly annualCost: number;
  /** Capital recovery plus annual cost: the denominator of the annual B/C ratio. */
  readonly equivalentAnnualCost: number;
  /** The rounding applied to the factors, when any. */
  readonly factorDecimals?: number;
}

/**
 * Converts an alternative to equivalent annual benefit and cost at rate i over its life.
 *
 * @equation CR = I·(A/P,i,n) − S·(A/F,i,n); equivalent annual cost = CR + C; equivalent annual benefit = B
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 6 (annual cash flow analysis, capital recovery cost with salvage)
 * @param input Investment, annual benefit and cost, rate, life, optional salvage and factor rounding.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when an amount is negative, rate ≤ −1, life ≤ 0 or factorDecimals is not 0…15
 * @throws GpError UNDEFINED_RESULT when an amount overflows
 * @example equivalentAnnualAmounts({ investment: 73360000, annualBenefit: 55800000, annualCost: 2040000, rate: 0.1, life: 5 }).equivalentAnnualCost // => 21392183.19
 */
export function equivalentAnnualAmounts(input: UniformAlternativeInput): EquivalentAnnualAmounts {
  const checked = requireInputObject(input, '');
  const investment = requireNonNegative(checked.investment, 'investment');
  const annualBenefit = requireNonNegative(checked.annualBenefit, 'annualBenefit');
  const annualCost = requireNonNegative(checked.annualCost, 'annualCost');
  const rate = requireInterestRate(checked.rate, 'rate');
  const life = requirePositive(checked.life, 'life');
  const salvage = checked.salvage === undefined ? 0 : requireFinite(checked.salvage, 'salvage');
  const factorDecimals = requireFactorDecimals(checked.factorDecimals, 'factorDecimals');

  const toLife = { periods: 'life' };
  const capitalRecoveryFactor = factorAsUsed(
    renameErrorField(toLife, () => annualGivenPresentFactor(rate, life)),
    factorDecimals,
  );
  const sinkingFundFactor = factorAsUsed(
    renameErrorField(toLife, () => annualGivenFutureFactor(rate, life)),
    factorDecimals,
  );
  const annualInvestment = requireFiniteResult(investment * capitalRecoveryFactor, 'investment');
  const annualSalvage = requireFiniteResult(salvage * sinkingFundFactor, 'salvage');
  const capitalRecovery = requireFiniteResult(annualInvestment - annualSalvage, 'salvage');
  const equivalentAnnualCost = requireFiniteResult(capitalRecovery + annualCost, 'annualCost');
  return {
    rate,
    life,
    capitalRecoveryFactor,
    sinkingFundFactor,
    annualInvestment,
    annualSalvage,
    capitalRecovery,
    annualBenefit,
    annualCost,
    equivalentAnnualCost,
    ...(factorDecimals === undefined ? {} : { factorDecimals }),
  };
}
