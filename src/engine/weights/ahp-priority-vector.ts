/**
 * AHP priority vectors: the principal right eigenvector (Saaty's method, by power iteration)
 * and the row geometric mean (logarithmic least squares). Both are normalised to sum to 1.
 */
import { GpError, path } from '../errors.js';
import { requireFiniteResult, requireInteger, requirePositive } from '../validate.js';
import type { PairwiseMatrix, PairwiseMatrixSettings } from './ahp-matrix.js';
import { validatePairwiseMatrix } from './ahp-matrix.js';

export interface AhpEigenvectorSettings extends PairwiseMatrixSettings {
  /** Stop when no weight changes by more than this between iterations; default 1e-12. */
  readonly convergenceTolerance?: number;
  /** Give up (NOT_CONVERGED) after this many iterations; default 10 000. */
  readonly maxIterations?: number;
}

export interface AhpEigenvector {
  /** The principal right eigenvector, normalised so that Σ w_i = 1. */
  readonly weights: readonly number[];
  /** Power iterations used. */
  readonly iterations: number;
}

/**
 * Priority vector by the principal right eigenvector of the pairwise matrix (Saaty's method),
 * found by power iteration from equal weights until no weight moves by more than the tolerance.
 * @equation A·w = λmax·w, Σ w_i = 1; iterate w ← A·w / Σ(A·w) until max_i |Δw_i| ≤ tolerance
 * @source Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill, ch. 2; Saaty (2008) Int. J. Services Sciences 1(1):83–98
 * @param matrix the n × n positive reciprocal judgments
 * @param settings convergenceTolerance (default 1e-12), maxIterations (default 10 000), reciprocalTolerance
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL when the matrix is malformed (see validatePairwiseMatrix)
 * @throws GpError NOT_CONVERGED when the weights still move after maxIterations
 * @throws GpError UNDEFINED_RESULT when A·w overflows or a weight underflows to zero
 * @example ahpEigenvectorWeights([[1, 3], [1 / 3, 1]]).weights // => [0.75, 0.25]
 */
export function ahpEigenvectorWeights(
  matrix: PairwiseMatrix,
  settings?: AhpEigenvectorSettings,
): AhpEigenvector {
  const a = validatePairwiseMatrix(matrix, settings);
  const tolerance =
    settings?.convergenceTolerance === undefined
      ? 1e-12
      : requirePositive(settings.convergenceTolerance, 'settings.convergenceTolerance');
  const maxIterations =
    settings?.maxIterations === undefined
      ? 10_000
      : requireInteger(settings.maxIterations, 'settings.maxIterations', 1);
  const n = a.length;
  let weights: readonly number[] = Array.from({ length: n }, () => 1 / n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const product = multiply(a, weights);
    const total = requireFiniteResult(
      product.reduce((sum, v) => sum + v, 0),
      'matrix',
    );
    const next = product.map((v) => v / total);
    let change = 0;
    next.forEach((v, i) => {
      change = Math.max(change, Math.abs(v - (weights[i] as number)));
    });
    weights = next;
    if (change <= tolerance) {
      requirePositiveWeights(weights);
      return { weights, iterations: iteration };
    }
  }
  throw new GpError(
    'NOT_CONVERGED',
    'matrix',
    `power iteration did not converge to ${tolerance} within ${maxIterations} iterations`,
  );
}

/**
 * Priority vector by the row geometric mean (logarithmic least squares): each row's geometric
 * mean, normalised to sum to 1. Equals the eigenvector when the matrix is consistent.
 * @equation w_i = (Π_j a_ij)^(1/n) / Σ_k (Π_j a_kj)^(1/n)
 * @source Crawford, G. & Williams, C. (1985) A note on the analysis of subjective judgment matrices, J. Math. Psychology 29(4):387–405
 * @param matrix the n × n positive reciprocal judgments
 * @param settings reciprocalTolerance (default 0.01)
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL when the matrix is malformed (see validatePairwiseMatrix)
 * @throws GpError UNDEFINED_RESULT when a weight underflows to zero
 * @example ahpGeometricMeanWeights([[1, 4], [1 / 4, 1]]) // => [0.8, 0.2]
 */
export function ahpGeometricMeanWeights(
  matrix: PairwiseMatrix,
  settings?: PairwiseMatrixSettings,
): readonly number[] {
  const a = validatePairwiseMatrix(matrix, settings);
  const n = a.length;
  // Work in logarithms and shift by the largest so that neither the products nor exp overflow.
  const logMeans = a.map((row) => row.reduce((sum, v) => sum + Math.log(v), 0) / n);
  const largest = Math.max(...logMeans);
  const scaled = logMeans.map((v) => Math.exp(v - largest));
  const total = scaled.reduce((sum, v) => sum + v, 0);
  const weights = scaled.map((v) => v / total);
  requirePositiveWeights(weights);
  return weights;
}

/** A·w for a validated matrix, refusing an overflow. */
function multiply(a: PairwiseMatrix, w: readonly number[]): number[] {
  return a.map((row, i) =>
    requireFiniteResult(
      row.reduce((sum, v, j) => sum + v * (w[j] as number), 0),
      path('matrix', i),
    ),
  );
}

/** Weights that underflowed to 0 would make w_i / w_j undefined downstream. */
function requirePositiveWeights(weights: readonly number[]): void {
  weights.forEach((w, i) => {
    if (!(w > 0 && Number.isFinite(w))) {
      throw new GpError(
        'UNDEFINED_RESULT',
        path('matrix', i),
        `the weight of item ${i} underflows to ${w}; the judgments span too many orders of magnitude`,
      );
    }
  });
}
