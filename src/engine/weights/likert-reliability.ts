/**
 * Reliability of a questionnaire ("uji reliabilitas"): Cronbach's coefficient α, with the α
 * each item's removal would leave.
 */
import { GpError } from '../errors.js';
import { requireFinite } from '../validate.js';
import { neumaierSum } from '../statistics/compensated-sum.js';
import { sampleVariance } from '../statistics/variance.js';
import {
  LIKERT_DEFAULT_SCALE,
  likertItemColumns,
  likertRespondentTotals,
  requireLikertResponses,
} from './likert-responses.js';
import type { LikertScale } from './likert-responses.js';

/**
 * The usual threshold of Indonesian questionnaire studies: reliable when α > 0.60. Nunnally
 * (1978) recommends 0.70 for early-stage research; pass it as `reliabilityThreshold`.
 */
export const LIKERT_RELIABILITY_THRESHOLD = 0.6;

export interface LikertReliabilityOptions {
  /** Reliable when α is strictly greater (default 0.60). */
  readonly reliabilityThreshold?: number;
}

export interface LikertReliability {
  readonly respondents: number;
  /** Sample variance (n − 1) of each item's scores. */
  readonly itemVariances: readonly number[];
  readonly sumOfItemVariances: number;
  /** Sample variance of the respondents' total scores. */
  readonly totalVariance: number;
  /** Cronbach's α, at most 1 (negative when items are negatively related). */
  readonly alpha: number;
  readonly reliabilityThreshold: number;
  readonly reliable: boolean;
  /**
   * α of the remaining items with each item removed; null where fewer than two items would
   * remain or the remaining totals do not vary.
   */
  readonly alphaIfItemDeleted: readonly (number | null)[];
}

/** α = k/(k − 1) · (1 − Σs_i²/s_T²) from item variances and the totals' variance (> 0). */
function alphaOf(k: number, sumOfItemVariances: number, totalVariance: number): number {
  // s_T² ≤ k Σ s_i² (Cauchy–Schwarz), so α ≤ 1; rounding may not carry it past 1 for identical items.
  return Math.min(1, (k / (k - 1)) * (1 - sumOfItemVariances / totalVariance));
}

/**
 * Cronbach's coefficient α of a questionnaire: the internal consistency of k items answered
 * by n respondents, with sample (n − 1) variances as SPSS, R's psych::alpha and ltm::cronbach.alpha.
 * @equation α = k/(k − 1) · (1 − Σ_i s_i² / s_T²), s_i² the variance of item i, s_T² the variance of the totals T_r = Σ_i s_ri
 * @source Cronbach, L.J. (1951) Coefficient alpha and the internal structure of tests, Psychometrika 16(3), 297–334; R ltm::cronbach.alpha(LSAT) = 0.295 (Bock & Lieberman 1970 LSAT data, 1000 × 5)
 * @param responses respondents × items scores (at least 2 respondents and 2 items)
 * @param scale the score bounds (default 1–5)
 * @param options reliabilityThreshold (default 0.60)
 * @throws GpError as requireLikertResponses
 * @throws GpError UNDEFINED_RESULT when every respondent has the same total (field `responses`), or a variance overflows
 * @throws GpError INVALID_INPUT when options is not an object; NOT_FINITE when options.reliabilityThreshold is not a finite number
 * @example cronbachAlpha([[4, 5, 4], [3, 3, 2], [5, 4, 5], [2, 2, 3]]).alpha // => 0.8918918918918919 (= 33/37)
 */
export function cronbachAlpha(
  responses: readonly (readonly number[])[],
  scale: LikertScale = LIKERT_DEFAULT_SCALE,
  options: LikertReliabilityOptions = {},
): LikertReliability {
  const checked = requireLikertResponses(responses, scale, 2, 2);
  if (typeof options !== 'object' || options === null) {
    throw new GpError('INVALID_INPUT', 'options', 'must be an object');
  }
  const reliabilityThreshold =
    options.reliabilityThreshold === undefined
      ? LIKERT_RELIABILITY_THRESHOLD
      : requireFinite(options.reliabilityThreshold, 'options.reliabilityThreshold');
  const columns = likertItemColumns(checked);
  const itemVariances = columns.map((column) => sampleVariance(column, 'responses'));
  const sumOfItemVariances = neumaierSum(itemVariances);
  const totalVariance = sampleVariance(likertRespondentTotals(checked), 'responses');
  if (totalVariance === 0) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'responses',
      'every respondent has the same total score, so the total variance is 0 and α is undefined',
    );
  }
  const k = checked.items;
  const alpha = alphaOf(k, sumOfItemVariances, totalVariance);
  const alphaIfItemDeleted = columns.map((_, removed) => {
    if (k - 1 < 2) return null;
    const restTotals = checked.scores.map((row) =>
      neumaierSum(row.filter((__, i) => i !== removed)),
    );
    const restVariance = sampleVariance(restTotals, 'responses');
    if (restVariance === 0) return null;
    const restItemVariances = neumaierSum(itemVariances.filter((__, i) => i !== removed));
    return alphaOf(k - 1, restItemVariances, restVariance);
  });
  return {
    respondents: checked.respondents,
    itemVariances,
    sumOfItemVariances,
    totalVariance,
    alpha,
    reliabilityThreshold,
    reliable: alpha > reliabilityThreshold,
    alphaIfItemDeleted,
  };
}
