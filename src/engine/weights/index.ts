// AHP (analytic hierarchy process) pairwise-comparison weights.
export type {
  PairwiseMatrix,
  PairwiseMatrixSettings,
  UpperTriangleSettings,
} from './ahp-matrix.js';
export {
  AHP_RECIPROCAL_TOLERANCE,
  pairwiseMatrixFromUpperTriangle,
  validatePairwiseMatrix,
} from './ahp-matrix.js';
export type { AhpEigenvector, AhpEigenvectorSettings } from './ahp-priority-vector.js';
export { ahpEigenvectorWeights, ahpGeometricMeanWeights } from './ahp-priority-vector.js';
export type { AhpConsistency, AhpConsistencySettings } from './ahp-consistency.js';
export {
  AHP_CONSISTENCY_THRESHOLD,
  SAATY_RANDOM_INDEX,
  ahpConsistency,
  ahpRandomIndex,
} from './ahp-consistency.js';
export type { AhpMethod, AhpResult, AhpSettings } from './ahp-weights.js';
export { ahpWeights } from './ahp-weights.js';
export type { AhpGroupResult } from './ahp-group.js';
export { aggregatePairwiseMatrices, ahpGroupWeights } from './ahp-group.js';
export type { LikertScale, LikertResponses } from './likert-responses.js';
export {
  LIKERT_DEFAULT_SCALE,
  requireLikertScale,
  requireLikertResponses,
} from './likert-responses.js';
export type { LikertItemWeight, LikertWeights } from './likert-weights.js';
export { likertWeights } from './likert-weights.js';
export type {
  LikertItemTotal,
  LikertItemValidity,
  LikertValidity,
  LikertValidityOptions,
} from './likert-validity.js';
export { likertItemValidity } from './likert-validity.js';
export type { LikertReliability, LikertReliabilityOptions } from './likert-reliability.js';
export { LIKERT_RELIABILITY_THRESHOLD, cronbachAlpha } from './likert-reliability.js';
export type { SurveyBand } from './survey-bands.js';
export { SURVEY_DEFAULT_BANDS, requireSurveyBands, surveyBandOf } from './survey-bands.js';
export type {
  SurveyDimensionScore,
  SurveyItemScore,
  SurveyScoreOptions,
} from './survey-dimension-score.js';
export { surveyDimensionScore } from './survey-dimension-score.js';
