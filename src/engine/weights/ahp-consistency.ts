/**
 * AHP consistency: λmax from A·w / w, the consistency index and ratio against a random index
 * table. Inconsistency is data (`consistent: false`), never an error.
 */
import { GpError, path } from '../errors.js';
import {
  divide,
  requireFiniteResult,
  requireInteger,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
} from '../validate.js';
import type { PairwiseMatrix, PairwiseMatrixSettings } from './ahp-matrix.js';
import { validatePairwiseMatrix } from './ahp-matrix.js';

/**
 * Saaty's random consistency index RI for n = 1 … 10 (entry n − 1): the mean CI of random
 * reciprocal matrices on the 1–9 scale (Saaty 1980, The Analytic Hierarchy Process, McGraw-Hill).
 * Other published tables differ slightly; pass yours as `randomIndex`.
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
];

/** Saaty's acceptance limit: a consistency ratio above 0.10 calls for revising the judgments. */
export const AHP_CONSISTENCY_THRESHOLD = 0.1;

export interface AhpConsistencySettings extends PairwiseMatrixSettings {
  /** Random index by size: `randomIndex[n − 1]` is RI for n items; default SAATY_RANDOM_INDEX. */
  readonly randomIndex?: readonly number[];
  /** Largest consistency ratio still called consistent; default 0.1. */
  readonly threshold?: number;
}

export interface AhpConsistency {
  /** A·w, the working behind λmax. */
  readonly weightedSums: readonly number[];
  /** (A·w)_i / w_i, one estimate of λmax per item. */
  readonly ratios: readonly number[];
  /** Mean of the ratios; equals the principal eigenvalue when w is the eigenvector. */
  readonly lambdaMax: number;
  /** CI = (λmax − n)/(n − 1); 0 for n = 1. */
  readonly consistencyIndex: number;
  readonly randomIndex: number;
  /** CR = CI / RI; 0 for n ≤ 2 (every 1 × 1 and 2 × 2 reciprocal matrix is consistent). */
  readonly consistencyRatio: number;
  readonly threshold: number;
  /** CR ≤ threshold. */
  readonly consistent: boolean;
}

/**
 * The random index RI for n items from a table (default Saaty's).
 * @equation RI(n) = table[n − 1]
 * @source Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill (random consistency index table)
 * @param n number of items compared (≥ 1)
 * @param table RI by size, `table[n − 1]` for n items; default SAATY_RANDOM_INDEX (n ≤ 10)
 * @throws GpError OUT_OF_RANGE when n is not a whole number ≥ 1, or the table has no entry for n
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when the table's entry is not a finite number ≥ 0
 * @example ahpRandomIndex(5) // => 1.12
 */
export function ahpRandomIndex(n: number, table: readonly number[] = SAATY_RANDOM_INDEX): number {
  requireInteger(n, 'n', 1);
  const entries = requireNonEmpty<unknown>(table, 'table', 0);
  if (n > entries.length) {
    throw new GpError(
      'OUT_OF_RANGE',
      'table',
      `has no random index for ${n} items (it covers 1 to ${entries.length}); supply a longer table`,
    );
  }
  return requireNonNegative(entries[n - 1], path('table', n - 1));
}

/**
 * Consistency of a pairwise matrix for given weights: λmax as the mean of (A·w)_i / w_i, the
 * consistency index CI and ratio CR = CI/RI, and whether CR ≤ threshold (default 0.1).
 * @equation λmax = (1/n) Σ_i (A·w)_i / w_i; CI = (λmax − n)/(n − 1); CR = CI / RI(n); consistent = CR ≤ 0.1
 * @source Saaty, T.L. (2008) Decision making with the analytic hierarchy process, Int. J. Services Sciences 1(1):83–98, section 3 (consistency index and ratio)
 * @param matrix the n × n positive reciprocal judgments
 * @param weights the priority vector (any positive scale; it need not sum to 1)
 * @param settings randomIndex table, threshold (default 0.1), reciprocalTolerance
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL when the matrix is malformed (see validatePairwiseMatrix)
 * @throws GpError DIMENSION_MISMATCH when weights do not have n entries; OUT_OF_RANGE when a weight is not > 0
 * @throws GpError OUT_OF_RANGE when the random index table has no entry for n, or RI = 0 for n ≥ 3
 * @throws GpError UNDEFINED_RESULT when A·w or a ratio overflows
 * @example ahpConsistency([[1, 2], [1 / 2, 1]], [2 / 3, 1 / 3]).consistencyRatio // => 0
 */
export function ahpConsistency(
  matrix: PairwiseMatrix,
  weights: readonly number[],
  settings?: AhpConsistencySettings,
): AhpConsistency {
  const a = validatePairwiseMatrix(matrix, settings);
  const n = a.length;
  const w = requireNonEmpty<unknown>(weights, 'weights').map((v, i) =>
    requirePositive(v, path('weights', i)),
  );
  if (w.length !== n) {
    throw new GpError(
      'DIMENSION_MISMATCH',
      'weights',
      `must have one weight per item (${n}), got ${w.length}`,
    );
  }
  const threshold =
    settings?.threshold === undefined
      ? AHP_CONSISTENCY_THRESHOLD
      : requireNonNegative(settings.threshold, 'settings.threshold');
  const randomIndex = withSettingsField(() => ahpRandomIndex(n, settings?.randomIndex));
  if (n >= 3 && !(randomIndex > 0)) {
    throw new GpError(
      'OUT_OF_RANGE',
      path('settings', 'randomIndex', n - 1),
      `must be > 0 for ${n} items, got ${randomIndex}`,
    );
  }

  const weightedSums = a.map((row, i) =>
    requireFiniteResult(
      row.reduce((sum, v, j) => sum + v * (w[j] as number), 0),
      path('matrix', i),
    ),
  );
  const ratios = weightedSums.map((s, i) => divide(s, w[i] as number, path('weights', i)));
  const lambdaMax = requireFiniteResult(ratios.reduce((sum, r) => sum + r, 0) / n, 'matrix');
  const consistencyIndex = n === 1 ? 0 : (lambdaMax - n) / (n - 1);
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / randomIndex;
  return {
    weightedSums,
    ratios,
    lambdaMax,
    consistencyIndex,
    randomIndex,
    consistencyRatio: requireFiniteResult(consistencyRatio, 'matrix'),
    threshold,
    consistent: consistencyRatio <= threshold,
  };
}

/** Re-labels errors about the random index table as `settings.randomIndex…`. */
function withSettingsField<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && error.field.startsWith('table')) {
      throw new GpError(
        error.code,
        `settings.randomIndex${error.field.slice('table'.length)}`,
        error.detail,
      );
    }
    throw error;
  }
}
