/**
 * Item validity of a questionnaire ("uji validitas"): each item's correlation with the total
 * score, compared with the critical r for n respondents ("r tabel") or with a fixed minimum.
 */
import { GpError, withFieldPrefix } from '../errors.js';
import { requireInRange } from '../validate.js';
import { neumaierSum } from '../statistics/compensated-sum.js';
import { criticalCorrelation } from '../statistics/critical-correlation.js';
import { pearsonCorrelation } from '../statistics/pearson-correlation.js';
import {
  LIKERT_DEFAULT_SCALE,
  likertItemColumns,
  likertRespondentTotals,
  requireLikertResponses,
} from './likert-responses.js';
import type { LikertScale } from './likert-responses.js';

/**
 * Which total an item is correlated with: 'uncorrected' (the sum of all items, the usual
 * Indonesian practice and SPSS's Pearson "skor total") or 'corrected' (the sum of the other
 * items, SPSS's "Corrected Item-Total Correlation", which removes the item's own share).
 */
export type LikertItemTotal = 'uncorrected' | 'corrected';

export interface LikertValidityOptions {
  /** Significance level of the critical r (default 0.05, two-sided). */
  readonly alpha?: number;
  /** Default 'uncorrected'. */
  readonly total?: LikertItemTotal;
  /**
   * A fixed minimum correlation instead of the critical r: an item is valid when r ≥ it
   * (Azwar's 0.30, cited by the CV. ABC study). When absent the critical r decides.
   */
  readonly minimumCorrelation?: number;
}

/** One item's validity: its correlation, or why there is none. */
export type LikertItemValidity =
  | {
      readonly kind: 'correlated';
      /** 0-based index of the item. */
      readonly item: number;
      readonly r: number;
      /** Two-sided p-value of r (df = n − 2). */
      readonly pValue: number;
      readonly valid: boolean;
    }
  | {
      readonly kind: 'undefined';
      readonly item: number;
      /** Every respondent gave the item the same score, or the total (rest) score does not vary. */
      readonly reason: 'constant-item' | 'constant-total';
      readonly valid: false;
    };

export interface LikertValidity {
  readonly respondents: number;
  readonly total: LikertItemTotal;
  readonly alpha: number;
  /** Degrees of freedom n − 2 (the r table's row). */
  readonly df: number;
  /** Critical r at alpha, two-sided (always reported, whichever criterion decides). */
  readonly rCritical: number;
  /** 'critical-r': valid when r > rCritical; 'minimum-r': valid when r ≥ minimumCorrelation. */
  readonly criterion: 'critical-r' | 'minimum-r';
  /** The number r is compared with. */
  readonly threshold: number;
  readonly items: readonly LikertItemValidity[];
  readonly validCount: number;
  readonly allValid: boolean;
}

function varies(values: readonly number[]): boolean {
  const first = values[0];
  return values.some((value) => value !== first);
}

/**
 * Item validity by item–total correlation: each item's Pearson r with the respondents' total
 * scores, valid when r exceeds the critical r for n respondents at α (two-sided), or reaches a
 * fixed minimum when one is given.
 * @equation r_j = r(s_·j, T) with T_r = Σ_i s_ri (uncorrected) or T_r − s_rj (corrected); valid ⇔ r_j > r_crit(α, n − 2), r_crit = t / √(n − 2 + t²)
 * @source CV. ABC study (seeds), §II.F (item–total correlation against r kritis at 0.05; Azwar's minimum 0.30); R psych::alpha r.drop and SPSS's Corrected Item-Total Correlation (item against the scale without it)
 * @param responses respondents × items scores (at least 3 respondents and 2 items)
 * @param scale the score bounds (default 1–5)
 * @param options alpha (default 0.05), total ('uncorrected' default or 'corrected'), minimumCorrelation
 * @throws GpError as requireLikertResponses
 * @throws GpError OUT_OF_RANGE when options.alpha is not strictly between 0 and 1 or options.minimumCorrelation is not in [−1, 1]
 * @throws GpError INVALID_INPUT when options is not an object or options.total is not 'uncorrected' or 'corrected'
 * @example likertItemValidity([[4, 4, 3], [2, 3, 2], [5, 4, 5], [3, 3, 3]]).items[0].valid // => true
 */
export function likertItemValidity(
  responses: readonly (readonly number[])[],
  scale: LikertScale = LIKERT_DEFAULT_SCALE,
  options: LikertValidityOptions = {},
): LikertValidity {
  const checked = requireLikertResponses(responses, scale, 3, 2);
  if (typeof options !== 'object' || options === null) {
    throw new GpError('INVALID_INPUT', 'options', 'must be an object');
  }
  const total = options.total ?? 'uncorrected';
  if (total !== 'uncorrected' && total !== 'corrected') {
    throw new GpError(
      'INVALID_INPUT',
      'options.total',
      `must be 'uncorrected' or 'corrected', got ${String(total)}`,
    );
  }
  const minimum =
    options.minimumCorrelation === undefined
      ? undefined
      : requireInRange(options.minimumCorrelation, -1, 1, 'options.minimumCorrelation');
  const critical = withFieldPrefix('options', () =>
    criticalCorrelation(checked.respondents, options.alpha ?? 0.05),
  );
  const threshold = minimum ?? critical.rCritical;
  const totals = likertRespondentTotals(checked);
  const items = likertItemColumns(checked).map((column, item): LikertItemValidity => {
    // The rest score is summed afresh rather than as total − item, which would leave rounding noise.
    const against =
      total === 'uncorrected'
        ? totals
        : checked.scores.map((row) => neumaierSum(row.filter((_, i) => i !== item)));
    if (!varies(column)) return { kind: 'undefined', item, reason: 'constant-item', valid: false };
    if (!varies(against)) {
      return { kind: 'undefined', item, reason: 'constant-total', valid: false };
    }
    const { r, pValue } = pearsonCorrelation(column, against);
    const valid = minimum === undefined ? r > threshold : r >= threshold;
    return { kind: 'correlated', item, r, pValue, valid };
  });
  const validCount = items.filter((result) => result.valid).length;
  return {
    respondents: checked.respondents,
    total,
    alpha: critical.alpha,
    df: critical.df,
    rCritical: critical.rCritical,
    criterion: minimum === undefined ? 'critical-r' : 'minimum-r',
    threshold,
    items,
    validCount,
    allValid: validCount === items.length,
  };
}
