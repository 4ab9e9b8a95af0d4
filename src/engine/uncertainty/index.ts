// Uncertainty and sensitivity: a seeded Monte Carlo over the option evaluation (issue 6).
export {
  createRandomSource,
  splitMix32Sequence,
  xoshiro128StarStar,
  type RandomSource,
} from './random-source.js';
export {
  MAX_NORMAL_REJECTIONS,
  UNBOUNDED,
  distributionEnds,
  requireDistribution,
  sampleDistribution,
  triangularQuantile,
  type InputDomain,
  type UncertainDistribution,
} from './distributions.js';
export {
  HISTOGRAM_BINS,
  createQuantileReservoir,
  createQuantileReservoirBank,
  createRunningMoments,
  createRunningMomentsBank,
  histogramEdges,
  interpolatedQuantileOfSorted,
  reservoirHistogram,
  reservoirRankErrorBound,
  reservoirSlot,
  type Histogram,
  type QuantileReservoir,
  type QuantileReservoirBank,
  type RunningMoments,
  type RunningMomentsBank,
} from './streaming-statistics.js';
export {
  weightedSumFlipMargins,
  type CriterionFlipMargin,
  type WeightFlip,
  type WeightedSumFlipMargins,
} from './flip-margin.js';
export {
  ahpFlipMargins,
  type AhpCriteriaWeights,
  type AhpCriterionFlipMargin,
  type AhpFlipMargins,
  type AhpWeightFlip,
} from './ahp-flip-margin.js';
export {
  MAX_MONTE_CARLO_ITERATIONS,
  MONTE_CARLO_OUTPUTS,
  monteCarloStudy,
  type MonteCarloOptionResult,
  type MonteCarloOutput,
  type MonteCarloSettings,
  type MonteCarloStudyResult,
  type OutputDistribution,
  type RuleProbability,
  type SievePassProbability,
  type TornadoBar,
  type TornadoResult,
  type UncertainInputs,
} from './monte-carlo-study.js';
export {
  ACCEPTED_INPUT_PATHS,
  checkStudyUncertainty,
  uncertainInputsOfStudy,
  type StudyUncertainDistribution,
  type StudyUncertainInput,
  type StudyUncertainty,
  type StudyUncertaintyProblem,
} from './study-block.js';
