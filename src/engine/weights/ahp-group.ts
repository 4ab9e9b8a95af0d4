/**
 * Group AHP: several respondents' pairwise matrices aggregated element by element with the
 * geometric mean (AIJ), which keeps the aggregate reciprocal, then weighted like one matrix.
 * Each respondent's own weights and CR are reported too, so inconsistent experts are visible.
 */
import { GpError, path } from '../errors.js';
import { requireFiniteResult, requireNonEmpty } from '../validate.js';
import type { PairwiseMatrix, PairwiseMatrixSettings } from './ahp-matrix.js';
import { validatePairwiseMatrix } from './ahp-matrix.js';
import type { AhpResult, AhpSettings } from './ahp-weights.js';
import { ahpWeights } from './ahp-weights.js';

export interface AhpGroupResult {
  /** The element-wise geometric mean of the respondents' matrices. */
  readonly aggregate: PairwiseMatrix;
  /** Weights and consistency of the aggregate matrix. */
  readonly group: AhpResult;
  /** Each respondent's own weights and consistency, in input order. */
  readonly respondents: readonly AhpResult[];
}

/**
 * Aggregates respondents' pairwise matrices by the element-wise geometric mean (AIJ); the
 * result is reciprocal whenever the inputs are.
 * @equation a^G_ij = (Π_k a^(k)_ij)^(1/m) for m respondents
 * @source Aczél, J. & Saaty, T.L. (1983) Procedures for synthesizing ratio judgements, J. Math. Psychology 27(1):93–102; Forman, E. & Peniwati, K. (1998) EJOR 108(1):165–169 (AIJ)
 * @param matrices one n × n positive reciprocal matrix per respondent (all the same n)
 * @param settings reciprocalTolerance (default 0.01), applied to every respondent
 * @throws GpError EMPTY when there are no matrices; INVALID_INPUT when `matrices` is not a list
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL naming `matrices[k][i][j]` when a matrix is malformed
 * @throws GpError DIMENSION_MISMATCH when the respondents' matrices differ in size
 * @example aggregatePairwiseMatrices([[[1, 2], [1 / 2, 1]], [[1, 8], [1 / 8, 1]]]) // => [[1, 4], [0.25, 1]]
 */
export function aggregatePairwiseMatrices(
  matrices: readonly PairwiseMatrix[],
  settings?: PairwiseMatrixSettings,
): PairwiseMatrix {
  const checked = requireNonEmpty<PairwiseMatrix>(matrices, 'matrices').map((m, k) =>
    asRespondent(k, () => validatePairwiseMatrix(m, settings)),
  );
  const first = checked[0] as PairwiseMatrix;
  const n = first.length;
  checked.forEach((m, k) => {
    if (m.length !== n) {
      throw new GpError(
        'DIMENSION_MISMATCH',
        path('matrices', k),
        `must be ${n} × ${n} like matrices[0], got ${m.length} × ${m.length}`,
      );
    }
  });
  const m = checked.length;
  return first.map((row, i) =>
    row.map((_, j) => {
      // Mean of logarithms: the product of many large judgments could overflow.
      const logMean =
        checked.reduce((sum, a) => sum + Math.log((a[i] as number[])[j] as number), 0) / m;
      return requireFiniteResult(Math.exp(logMean), path('matrices', 0, i, j));
    }),
  );
}

/**
 * Group AHP: the respondents' matrices aggregated by element-wise geometric mean (AIJ), the
 * weights and CR of the aggregate, and every respondent's own weights and CR.
 * @equation a^G_ij = (Π_k a^(k)_ij)^(1/m); w = AHP weights of A^G; CR_k of each respondent's A^(k)
 * @source Forman, E. & Peniwati, K. (1998) Aggregating individual judgments and priorities with the AHP, EJOR 108(1):165–169
 * @param matrices one n × n positive reciprocal matrix per respondent (all the same n)
 * @param settings as ahpWeights: method, randomIndex, threshold, reciprocalTolerance, convergenceTolerance, maxIterations
 * @throws GpError EMPTY when there are no matrices; DIMENSION_MISMATCH when their sizes differ
 * @throws GpError EMPTY, DIMENSION_MISMATCH, NOT_FINITE, OUT_OF_RANGE, NOT_RECIPROCAL naming `matrices[k][i][j]` when a matrix is malformed
 * @throws GpError NOT_CONVERGED, UNDEFINED_RESULT or OUT_OF_RANGE as ahpWeights, naming `matrices[k]` for a respondent
 * @example ahpGroupWeights([[[1, 2], [1 / 2, 1]], [[1, 8], [1 / 8, 1]]]).group.weights // => [0.8, 0.2]
 */
export function ahpGroupWeights(
  matrices: readonly PairwiseMatrix[],
  settings?: AhpSettings,
): AhpGroupResult {
  const aggregate = aggregatePairwiseMatrices(matrices, settings);
  const respondents = matrices.map((m, k) => asRespondent(k, () => ahpWeights(m, settings)));
  // The aggregate of matrices that pass the tolerance passes it too; its entries are exact AIJ values.
  const group = ahpWeights(aggregate, settings);
  return { aggregate, group, respondents };
}

/** Runs `compute` for respondent k, naming its fields `matrices[k][i][j]` instead of `matrix[i][j]`. */
function asRespondent<T>(k: number, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && error.field.startsWith('matrix')) {
      throw new GpError(
        error.code,
        path('matrices', k) + error.field.slice('matrix'.length),
        error.detail,
      );
    }
    throw error;
  }
}
