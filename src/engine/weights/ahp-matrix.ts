/**
 * AHP pairwise comparison matrices: checking that a matrix is square, positive and
 * reciprocal, and building one from the judgments above the diagonal.
 */
import { GpError, path } from '../errors.js';
import { divide, requireFinite, requireNonEmpty, requirePositive } from '../validate.js';

/** A square matrix of pairwise judgments: a[i][j] says how much item i dominates item j. */
export type PairwiseMatrix = readonly (readonly number[])[];

/** Default reciprocity tolerance: |a_ij · a_ji − 1| ≤ 0.01 accepts judgments typed as 0.333 or 0.143. */
export const AHP_RECIPROCAL_TOLERANCE = 0.01;

export interface PairwiseMatrixSettings {
  /** Largest accepted |a_ij · a_ji − 1| and |a_ii − 1|; default 0.01. */
  readonly reciprocalTolerance?: number;
}

/** Reads and checks a reciprocal tolerance setting (a finite number ≥ 0). */
function readReciprocalTolerance(settings: PairwiseMatrixSettings | undefined): number {
  if (settings?.reciprocalTolerance === undefined) return AHP_RECIPROCAL_TOLERANCE;
  const tolerance = requireFinite(settings.reciprocalTolerance, 'settings.reciprocalTolerance');
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new GpError(
      'OUT_OF_RANGE',
      'settings.reciprocalTolerance',
      `must be ≥ 0 and < 1, got ${tolerance}`,
    );
  }
  return tolerance;
}

/**
 * Checks an AHP pairwise comparison matrix and returns a copy: square, n ≥ 1, positive finite
 * entries, a_ii = 1 and a_ji = 1/a_ij within the tolerance. The entries are kept as given
 * (0.333 stays 0.333), so results match a hand calculation with the same numbers.
 * @equation a_ij > 0, a_ii = 1, |a_ij · a_ji − 1| ≤ tolerance for all i, j
 * @source Saaty, T.L. (1980) The Analytic Hierarchy Process, McGraw-Hill, ch. 1 (positive reciprocal matrices)
 * @param matrix the n × n judgments, rows first
 * @param settings reciprocalTolerance (default 0.01)
 * @throws GpError EMPTY when the matrix has no rows; INVALID_INPUT when a row is not a list
 * @throws GpError DIMENSION_MISMATCH when a row does not have n entries
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when an entry is not a positive finite number
 * @throws GpError NOT_RECIPROCAL when a_ii ≠ 1 (field `matrix[i][i]`) or a_ji ≠ 1/a_ij (field `matrix[j][i]`, j > i)
 * @example validatePairwiseMatrix([[1, 3], [1 / 3, 1]]) // => [[1, 3], [0.333…, 1]]
 */
export function validatePairwiseMatrix(
  matrix: PairwiseMatrix,
  settings?: PairwiseMatrixSettings,
): PairwiseMatrix {
  const tolerance = readReciprocalTolerance(settings);
  const rows = requireNonEmpty<unknown>(matrix, 'matrix');
  const n = rows.length;
  const out: number[][] = rows.map((row, i) => {
    const entries = requireNonEmpty<unknown>(row, path('matrix', i));
    if (entries.length !== n) {
      throw new GpError(
        'DIMENSION_MISMATCH',
        path('matrix', i),
        `must have ${n} entries (the matrix has ${n} rows), got ${entries.length}`,
      );
    }
    return entries.map((value, j) => requirePositive(value, path('matrix', i, j)));
  });
  for (let i = 0; i < n; i++) {
    const rowI = out[i] as number[];
    const diagonal = rowI[i] as number;
    if (!(Math.abs(diagonal - 1) <= tolerance)) {
      throw new GpError('NOT_RECIPROCAL', path('matrix', i, i), `must be 1, got ${diagonal}`);
    }
    for (let j = i + 1; j < n; j++) {
      const upper = rowI[j] as number;
      const lower = (out[j] as number[])[i] as number;
      // The product form stays finite for any positive finite pair, unlike 1 / a_ij.
      const product = upper * lower;
      if (!(Math.abs(product - 1) <= tolerance)) {
        throw new GpError(
          'NOT_RECIPROCAL',
          path('matrix', j, i),
          `must be 1 / matrix[${i}][${j}] = 1 / ${upper}, got ${lower}`,
        );
      }
    }
  }
  return out;
}

export interface UpperTriangleSettings {
  /**
   * 'saaty' (default): every judgment must lie on Saaty's scale, 1/9 ≤ a_ij ≤ 9 (intermediate
   * values such as 2.5 are allowed; give reciprocals as exact fractions, 1 / 9, not 0.111);
   * 'positive': any positive finite judgment.
   */
  readonly scale?: 'saaty' | 'positive';
}

/**
 * Builds a full reciprocal matrix from the judgments above the diagonal: a_ii = 1, a_ji = 1/a_ij.
 * @equation a_ij = upper[i][j − i − 1] for j > i; a_ii = 1; a_ji = 1 / a_ij
 * @source Saaty, T.L. (2008) Decision making with the analytic hierarchy process, Int. J. Services Sciences 1(1):83–98, Table 1 (fundamental scale 1–9 and reciprocals)
 * @param upper row i holds the n − 1 − i judgments a_i,i+1 … a_i,n−1 (n = upper.length + 1; [] gives the 1 × 1 matrix)
 * @param settings scale: 'saaty' (default, 1/9 … 9) or 'positive'
 * @throws GpError INVALID_INPUT when `upper` or a row is not a list
 * @throws GpError DIMENSION_MISMATCH when row i does not have n − 1 − i judgments
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when a judgment is not positive, or off Saaty's scale
 * @throws GpError UNDEFINED_RESULT when 1 / a_ij overflows (scale 'positive' only)
 * @example pairwiseMatrixFromUpperTriangle([[3, 5], [2]]) // => [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]
 */
export function pairwiseMatrixFromUpperTriangle(
  upper: readonly (readonly number[])[],
  settings?: UpperTriangleSettings,
): PairwiseMatrix {
  const scale = settings?.scale ?? 'saaty';
  if (scale !== 'saaty' && scale !== 'positive') {
    throw new GpError('INVALID_INPUT', 'settings.scale', `must be 'saaty' or 'positive'`);
  }
  const rows = requireNonEmpty<unknown>(upper, 'upper', 0);
  const n = rows.length + 1;
  const out: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  rows.forEach((row, i) => {
    const judgments = requireNonEmpty<unknown>(row, path('upper', i), 0);
    if (judgments.length !== n - 1 - i) {
      throw new GpError(
        'DIMENSION_MISMATCH',
        path('upper', i),
        `must hold the ${n - 1 - i} judgments right of the diagonal, got ${judgments.length}`,
      );
    }
    judgments.forEach((value, k) => {
      const field = path('upper', i, k);
      const judgment = requirePositive(value, field);
      // A relative margin of 1e-12 lets 1 / 9 computed in floating point pass.
      if (scale === 'saaty' && !(judgment >= (1 / 9) * (1 - 1e-12) && judgment <= 9)) {
        throw new GpError(
          'OUT_OF_RANGE',
          field,
          `must be on Saaty's scale (1/9 to 9), got ${judgment}`,
        );
      }
      const j = i + 1 + k;
      (out[i] as number[])[j] = judgment;
      (out[j] as number[])[i] = divide(1, judgment, field);
    });
  });
  return out;
}
