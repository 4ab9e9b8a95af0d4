// GP option screening: the APO sieve method and weighted sum method.
export type {
  SieveCriterion,
  SieveCriterionKind,
  SieveOption,
  SieveOptionResult,
  SieveReason,
  SieveResult,
} from './sieve-method.js';
export { screenOptionsBySieve } from './sieve-method.js';
export type {
  WeightedSumChoice,
  WeightedSumCriterion,
  WeightedSumOption,
  WeightedSumOptionResult,
  WeightedSumRankGroup,
  WeightedSumResult,
  WeightedSumSettings,
  WeightedSumTerm,
} from './weighted-sum-method.js';
export { rankOptionsByWeightedSum } from './weighted-sum-method.js';
