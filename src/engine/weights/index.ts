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
