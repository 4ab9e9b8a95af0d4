/**
 * The result of one survey dimension (workers' knowledge, attitude or behaviour, as in the
 * PT XYZ study): the total score as a percentage of the ideal score, read through
 * interpretation bands.
 */
import { GpError, withFieldPrefix } from '../errors.js';
import { requireFiniteResult } from '../validate.js';
import { neumaierSum } from '../statistics/compensated-sum.js';
import {
  LIKERT_DEFAULT_SCALE,
  likertItemColumns,
  requireLikertResponses,
} from './likert-responses.js';
import type { LikertScale } from './likert-responses.js';
import { SURVEY_DEFAULT_BANDS, surveyBandOf } from './survey-bands.js';
import type { SurveyBand } from './survey-bands.js';

export interface SurveyScoreOptions {
  /**
   * false (default): percent = total / (n · k · max) · 100, the ideal-score ratio of Indonesian
   * practice (Riduwan); its floor is min/max (20 % on a 1–5 scale), so 'very poor' is nearly
   * unreachable. true: percent = (total − n·k·min) / (n·k·(max − min)) · 100, which maps the
   * scale's minimum to 0 % and its maximum to 100 %.
   */
  readonly subtractScaleMinimum?: boolean;
  /** Interpretation bands (default Riduwan's five, 20 % wide). */
  readonly bands?: readonly SurveyBand[];
}

/** One item's share of the dimension. */
export interface SurveyItemScore {
  /** 0-based index of the item. */
  readonly item: number;
  readonly totalScore: number;
  /** The item's total as a percentage, by the same rule as the dimension's. */
  readonly percent: number;
}

export interface SurveyDimensionScore {
  readonly respondents: number;
  readonly items: readonly SurveyItemScore[];
  /** Σ of every score. */
  readonly totalScore: number;
  /** n · k · min and n · k · max: the lowest and the ideal total. */
  readonly minimumScore: number;
  readonly maximumScore: number;
  readonly subtractScaleMinimum: boolean;
  /** Score percentage, in [0, 100]. */
  readonly percent: number;
  /** Key of the interpretation band, e.g. 'very-good'. */
  readonly band: string;
}

/**
 * Percentage of a total between its lowest and ideal values, by the chosen rule, clamped to
 * [0, 100] against rounding. 100 · total is divided last, so 27 of 30 gives 90, not 90.00000000000001.
 */
function scorePercent(total: number, count: number, scale: LikertScale, subtract: boolean): number {
  const numerator = subtract ? total - count * scale.min : total;
  const denominator = subtract ? count * (scale.max - scale.min) : count * scale.max;
  const percent = requireFiniteResult(
    (100 * requireFiniteResult(numerator, 'responses')) / requireFiniteResult(denominator, 'scale'),
    'responses',
  );
  return Math.min(100, Math.max(0, percent));
}

/**
 * A survey dimension's score percentage and its interpretation: the total of all scores as a
 * share of the ideal total (every respondent giving every item the top score).
 * @equation % = Σ_r Σ_i s_ri / (n · k · max) · 100, or with the scale minimum subtracted (Σ s_ri − n·k·min) / (n·k·(max − min)) · 100; band = first band with % ≤ upTo
 * @source Riduwan, Skala Pengukuran Variabel-Variabel Penelitian (Alfabeta, Bandung): score index = total score / ideal score × 100 %, interpreted in 20 % bands; PT XYZ abstract (seeds): knowledge, attitude and behaviour "very good"
 * @param responses respondents × items scores of the dimension
 * @param scale the score bounds (default 1–5); without subtraction its minimum must be ≥ 0
 * @param options subtractScaleMinimum (default false), bands (default Riduwan's)
 * @throws GpError as requireLikertResponses (at least one respondent and one item)
 * @throws GpError OUT_OF_RANGE when scale.min < 0 and the minimum is not subtracted
 * @throws GpError INVALID_INPUT when options is not an object or options.subtractScaleMinimum is not a boolean; as requireSurveyBands for options.bands
 * @throws GpError UNDEFINED_RESULT when a total overflows
 * @example surveyDimensionScore([[5, 4], [4, 4], [5, 5]]).percent // => 90
 */
export function surveyDimensionScore(
  responses: readonly (readonly number[])[],
  scale: LikertScale = LIKERT_DEFAULT_SCALE,
  options: SurveyScoreOptions = {},
): SurveyDimensionScore {
  const checked = requireLikertResponses(responses, scale);
  if (typeof options !== 'object' || options === null) {
    throw new GpError('INVALID_INPUT', 'options', 'must be an object');
  }
  const subtract = options.subtractScaleMinimum ?? false;
  if (typeof subtract !== 'boolean') {
    throw new GpError(
      'INVALID_INPUT',
      'options.subtractScaleMinimum',
      `must be true or false, got ${String(subtract)}`,
    );
  }
  const { scale: checkedScale, respondents } = checked;
  if (!subtract && checkedScale.min < 0) {
    throw new GpError(
      'OUT_OF_RANGE',
      'scale.min',
      `must be ≥ 0 for the ideal-score ratio (set subtractScaleMinimum for this scale), got ${checkedScale.min}`,
    );
  }
  const items = likertItemColumns(checked).map((column, item): SurveyItemScore => {
    const totalScore = requireFiniteResult(neumaierSum(column), 'responses');
    return {
      item,
      totalScore,
      percent: scorePercent(totalScore, respondents, checkedScale, subtract),
    };
  });
  const count = respondents * checked.items;
  const totalScore = requireFiniteResult(
    neumaierSum(items.map((entry) => entry.totalScore)),
    'responses',
  );
  const percent = scorePercent(totalScore, count, checkedScale, subtract);
  const bands = options.bands ?? SURVEY_DEFAULT_BANDS;
  const band = withFieldPrefix('options', () => surveyBandOf(percent, bands));
  return {
    respondents,
    items,
    totalScore,
    minimumScore: requireFiniteResult(count * checkedScale.min, 'responses'),
    maximumScore: requireFiniteResult(count * checkedScale.max, 'responses'),
    subtractScaleMinimum: subtract,
    percent,
    band,
  };
}
