/**
 * Questionnaire (Likert) results: a respondents × items matrix of scores on a scale (1–5 by
 * default). Every Likert and survey calculation starts by checking the matrix here.
 */
import { GpError, path } from '../errors.js';
import { neumaierSum } from '../statistics/compensated-sum.js';
import { requireFinite, requireFiniteResult, requireNonEmpty } from '../validate.js';

/** The lowest and highest score a respondent can give (1 and 5 on the usual five-point scale). */
export interface LikertScale {
  readonly min: number;
  readonly max: number;
}

/** The five-point scale: 1 strongly disagree … 5 strongly agree. */
export const LIKERT_DEFAULT_SCALE: LikertScale = { min: 1, max: 5 };

/** A checked score matrix: scores[r][i] is respondent r's score on item i. */
export interface LikertResponses {
  readonly respondents: number;
  readonly items: number;
  readonly scale: LikertScale;
  readonly scores: readonly (readonly number[])[];
}

/**
 * Checks a Likert scale: finite bounds with min < max.
 * @equation min < max, both finite
 * @source Likert, R. (1932) A technique for the measurement of attitudes, Archives of Psychology 140; CV. ABC study (seeds), §II.E (five response options)
 * @param scale the bounds
 * @param field the name used in error messages (default `scale`)
 * @throws GpError INVALID_INPUT when scale is not an object; NOT_FINITE when a bound is not a finite number
 * @throws GpError OUT_OF_RANGE when max ≤ min (field `scale.max`)
 * @example requireLikertScale({ min: 1, max: 7 }) // => { min: 1, max: 7 }
 */
export function requireLikertScale(scale: unknown, field = 'scale'): LikertScale {
  if (typeof scale !== 'object' || scale === null || Array.isArray(scale)) {
    throw new GpError('INVALID_INPUT', field, 'must be an object { min, max }');
  }
  const bounds = scale as { readonly min?: unknown; readonly max?: unknown };
  const min = requireFinite(bounds.min, path(field, 'min'));
  const max = requireFinite(bounds.max, path(field, 'max'));
  if (!(max > min)) {
    throw new GpError('OUT_OF_RANGE', path(field, 'max'), `must be > min (${min}), got ${max}`);
  }
  return { min, max };
}

/**
 * Checks a questionnaire's respondents × items score matrix: every row has the same number of
 * items and every score lies on the scale. Scores need not be whole numbers (some studies
 * enter averaged sub-item scores), but must lie within [min, max].
 * @equation s_ri finite and min ≤ s_ri ≤ max for every respondent r and item i; all rows of length k
 * @source Likert (1932) Archives of Psychology 140; Lestari input rules
 * @param responses the scores, one row per respondent, one column per item
 * @param scale the score bounds (default 1–5)
 * @param minimumRespondents the fewest rows the calculation needs (default 1)
 * @param minimumItems the fewest items the calculation needs (default 1)
 * @throws GpError INVALID_INPUT when responses or a row is not a list; EMPTY when there are too few respondents or items
 * @throws GpError DIMENSION_MISMATCH when a row's length differs from the first row's (field `responses[r]`)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when a score is not a number on the scale (field `responses[r][i]`)
 * @example requireLikertResponses([[4, 5], [3, 4]]).items // => 2
 */
export function requireLikertResponses(
  responses: unknown,
  scale: unknown = LIKERT_DEFAULT_SCALE,
  minimumRespondents = 1,
  minimumItems = 1,
): LikertResponses {
  const checkedScale = requireLikertScale(scale);
  const rows = requireNonEmpty<unknown>(responses, 'responses', minimumRespondents);
  const first = requireNonEmpty<unknown>(rows[0], path('responses', 0), minimumItems);
  const items = first.length;
  const scores = rows.map((row, r) => {
    const entries = requireNonEmpty<unknown>(row, path('responses', r), 0);
    if (entries.length !== items) {
      throw new GpError(
        'DIMENSION_MISMATCH',
        path('responses', r),
        `must have ${items} scores (as responses[0]), got ${entries.length}`,
      );
    }
    return entries.map((value, i) => {
      const field = path('responses', r, i);
      const score = requireFinite(value, field);
      if (!(score >= checkedScale.min && score <= checkedScale.max)) {
        throw new GpError(
          'OUT_OF_RANGE',
          field,
          `must be on the scale ${checkedScale.min}–${checkedScale.max}, got ${score}`,
        );
      }
      return score;
    });
  });
  return { respondents: scores.length, items, scale: checkedScale, scores };
}

/**
 * The scores of each item across respondents (the matrix's columns).
 * @equation column_i = (s_1i, s_2i, …, s_ni)
 * @source Likert (1932) Archives of Psychology 140 (item scores)
 * @param checked a checked score matrix
 * @example likertItemColumns(requireLikertResponses([[4, 5], [3, 4]])) // => [[4, 3], [5, 4]]
 */
export function likertItemColumns(checked: LikertResponses): readonly (readonly number[])[] {
  return Array.from({ length: checked.items }, (_, i) =>
    checked.scores.map((row) => row[i] as number),
  );
}

/**
 * Each respondent's total score over all items (the "skor total" of item analysis).
 * @equation T_r = Σ_i s_ri
 * @source Likert (1932) Archives of Psychology 140 (summated rating)
 * @param checked a checked score matrix
 * @throws GpError UNDEFINED_RESULT when a total overflows (scales near ±1e308; field `responses[r]`)
 * @example likertRespondentTotals(requireLikertResponses([[4, 5], [3, 4]])) // => [9, 7]
 */
export function likertRespondentTotals(checked: LikertResponses): readonly number[] {
  return checked.scores.map((row, r) =>
    requireFiniteResult(neumaierSum(row), path('responses', r)),
  );
}
