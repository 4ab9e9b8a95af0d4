/**
 * Weights from a questionnaire: each item's mean score, normalised to sum to 1. Indonesian GP
 * studies weight EPI parameters by questionnaire: CV. ABC's Tabel II Wi (4.03–4.565, from a
 * 1–5 Likert questionnaire, method step VIII) are on the scale of mean scores, used without
 * normalising. The result therefore carries both the means and the normalised weights.
 */
import { arithmeticMean } from '../statistics/mean.js';
import { GpError } from '../errors.js';
import { divide, requireFiniteResult } from '../validate.js';
import { neumaierSum } from '../statistics/compensated-sum.js';
import {
  LIKERT_DEFAULT_SCALE,
  likertItemColumns,
  requireLikertResponses,
} from './likert-responses.js';
import type { LikertScale } from './likert-responses.js';

/** One item's score statistics and weight. */
export interface LikertItemWeight {
  /** 0-based index of the item (the column of responses). */
  readonly item: number;
  /** The mean score over respondents, on the scale. */
  readonly meanScore: number;
  /** meanScore / Σ meanScore. */
  readonly weight: number;
}

/** Weights of the items of a questionnaire. */
export interface LikertWeights {
  readonly respondents: number;
  readonly items: readonly LikertItemWeight[];
  /** Σ of the item means, the normalising denominator. */
  readonly sumOfMeans: number;
}

/**
 * Item weights from questionnaire scores: the mean score of each item divided by the sum of
 * the means, so that the weights sum to 1.
 * @equation x̄_j = (1/n) Σ_r s_rj; w_j = x̄_j / Σ_k x̄_k
 * @source CV. ABC study (seeds), §III step VIII and Tabel II (EPI weights Wi from a 1–5 Likert questionnaire, apparently mean scores); normalisation to Σw = 1 as for AHP priorities (Saaty 1980)
 * @param responses respondents × items scores
 * @param scale the score bounds (default 1–5); its minimum must be ≥ 0
 * @throws GpError as requireLikertResponses (at least one respondent and one item)
 * @throws GpError OUT_OF_RANGE when scale.min < 0 (negative scores give no meaningful weights)
 * @throws GpError UNDEFINED_RESULT when every score is 0, or the sum of means overflows (field `responses`)
 * @example likertWeights([[4, 2], [4, 4]]).items.map((i) => i.weight) // => [0.5714285714285714, 0.42857142857142855]
 */
export function likertWeights(
  responses: readonly (readonly number[])[],
  scale: LikertScale = LIKERT_DEFAULT_SCALE,
): LikertWeights {
  const checked = requireLikertResponses(responses, scale);
  if (checked.scale.min < 0) {
    throw new GpError(
      'OUT_OF_RANGE',
      'scale.min',
      `must be ≥ 0 for weights from mean scores, got ${checked.scale.min}`,
    );
  }
  const means = likertItemColumns(checked).map((column) => arithmeticMean(column));
  const sumOfMeans = requireFiniteResult(neumaierSum(means), 'responses');
  if (sumOfMeans === 0) {
    throw new GpError('UNDEFINED_RESULT', 'responses', 'every score is 0, so no item has weight');
  }
  return {
    respondents: checked.respondents,
    items: means.map((meanScore, item) => ({
      item,
      meanScore,
      weight: divide(meanScore, sumOfMeans, 'responses'),
    })),
    sumOfMeans,
  };
}
