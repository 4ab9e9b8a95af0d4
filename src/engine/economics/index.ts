/**
 * Engineering economics for GP option evaluation (APO GP step 3): interest factors, NPV,
 * IRR and incremental IRR, annual worth, benefit-cost ratio, payback, and a ranking helper.
 */
export { requireCashFlows, requireInterestRate } from './economic-inputs.js';
export {
  type InterestFactorNotation,
  annualGivenFutureFactor,
  annualGivenPresentFactor,
  futureGivenAnnualFactor,
  futureGivenPresentFactor,
  interestFactor,
  presentGivenAnnualFactor,
  presentGivenFutureFactor,
} from './interest-factors.js';
export { factorAsUsed, roundInterestFactor } from './factor-rounding.js';
export {
  type DiscountedCashFlow,
  type NetPresentValueResult,
  netPresentValue,
  netPresentValueExcel,
} from './net-present-value.js';
export { countSignChanges } from './sign-changes.js';
export {
  type InternalRateOfReturn,
  type InternalRateOfReturnNoneReason,
  internalRateOfReturn,
} from './internal-rate-of-return.js';
export {
  type IncrementalRateOfReturnInput,
  type IncrementalRateOfReturnResult,
  incrementalInternalRateOfReturn,
} from './incremental-rate-of-return.js';
export {
  type EquivalentAnnualAmounts,
  type UniformAlternativeInput,
  equivalentAnnualAmounts,
} from './equivalent-annual-amounts.js';
export { type AnnualWorthResult, annualWorth } from './annual-worth.js';
export {
  type UniformNetPresentValueResult,
  uniformNetPresentValue,
} from './uniform-net-present-value.js';
export {
  type AnnualBenefitCostRatioResult,
  type PresentWorthBenefitCostInput,
  type PresentWorthBenefitCostResult,
  benefitCostRatioAnnual,
  benefitCostRatioPresentWorth,
} from './benefit-cost-ratio.js';
export {
  type PaybackNever,
  type PaybackNeverReason,
  type PaybackPeriod,
  type PaybackRecovered,
  type SeriesPaybackPeriod,
  type UniformPaybackInput,
  discountedPaybackPeriod,
  simplePaybackPeriod,
  uniformPaybackPeriod,
} from './payback-period.js';
export { type YearsMonthsDays, splitYearsMonthsDays } from './years-months-days.js';
export {
  MAX_UNIFORM_PERIODS,
  type UniformCashFlowInput,
  uniformCashFlowSeries,
} from './uniform-cash-flows.js';
export {
  type EconomicChoice,
  type EconomicRanking,
  type EconomicRankingCriterion,
  type RankableAlternative,
  type RankedAlternative,
  rankEconomicAlternatives,
} from './rank-alternatives.js';
