/**
 * AHP weights of one pairwise matrix: the priority vector by the chosen method together with
 * λmax, CI, CR and the consistency flag, as one result the UI and reports display.
 */
import { GpError } from '../errors.js';
import type { AhpConsistency, AhpConsistencySettings } from './ahp-consistency.js';
import { ahpConsistency } from './ahp-consistency.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import type { AhpEigenvectorSettings } from './ahp-priority-vector.js';
import { ahpEigenvectorWeights, ahpGeometricMeanWeights } from './ahp-priority-vector.js';

/** How the priority vector is derived. */
export type AhpMethod = 'eigenvector' | 'geometric-mean';

export interface AhpSettings extends AhpConsistencySettings, AhpEigenvectorSettings {
  /** Default 'eigenvector' (Saaty). */
  readonly method?: AhpMethod;
}

export interface AhpResult extends AhpConsistency {
  readonly method: AhpMethod;
  /** Number of items compared. */
  readonly n: number;
  /** The priority vector, Σ w_i = 1, in the matrix's item order. */
  readonly weights: readonly number[];
  /** Power iterations (eigenvector method); 0 for the geometric mean. */
  readonly iterations: number;
}

/**
 * AHP priority weights of a pairwise matrix with its consistency: eigenvector (default) or row
 * geometric mean, then λmax, CI, CR and `consistent` (CR ≤ 0.1). An inconsistent matrix is
 * returned with `consistent: false`, never thrown.
 * @equation w = principal eigenvector of A (or row geometric means), Σ w = 1; λmax = mean((A·w)_i / w_i); CI = (λmax − n)/(n − 1); CR = CI / RI(n)
 * @source Saaty, T.L. (2008) Decision making with the analytic hierarchy process, Int. J. Services Sciences 1(1):83–98
 * @param matrix the n × n positive reciprocal judgments
 * @param settings method, randomIndex, threshold, reciprocalTolerance, convergenceTolerance, maxIterations
 * @throws GpError INVALID_INPUT when the method is unknown
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL when the matrix is malformed (see validatePairwiseMatrix)
 * @throws GpError NOT_CONVERGED when power iteration does not converge; UNDEFINED_RESULT on overflow
 * @throws GpError OUT_OF_RANGE when the random index table has no usable entry for n
 * @example ahpWeights([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]).consistencyRatio // => 0.0032 (weights 0.648, 0.230, 0.122)
 */
export function ahpWeights(matrix: PairwiseMatrix, settings?: AhpSettings): AhpResult {
  const method = settings?.method ?? 'eigenvector';
  let weights: readonly number[];
  let iterations = 0;
  if (method === 'eigenvector') {
    const eigen = ahpEigenvectorWeights(matrix, settings);
    weights = eigen.weights;
    iterations = eigen.iterations;
  } else if (method === 'geometric-mean') {
    weights = ahpGeometricMeanWeights(matrix, settings);
  } else {
    throw new GpError(
      'INVALID_INPUT',
      'settings.method',
      `must be 'eigenvector' or 'geometric-mean', got ${String(method)}`,
    );
  }
  const consistency = ahpConsistency(matrix, weights, settings);
  return { method, n: weights.length, weights, iterations, ...consistency };
}
