/**
 * Interpretation bands for survey score percentages: the score index of Indonesian
 * questionnaire studies read as very poor … very good. Bands carry stable keys
 * ('very-poor', …) that the interface translates; they are configurable.
 */
import { GpError, path } from '../errors.js';
import { requireInRange, requireName, requireNonEmpty } from '../validate.js';

/** A band covers percentages above the previous band's upTo, up to and including its own. */
export interface SurveyBand {
  /** A stable key for the interface to translate, e.g. 'very-good'. */
  readonly key: string;
  /** Upper bound of the band in %, inclusive; the last band's is 100. */
  readonly upTo: number;
}

/**
 * Riduwan's criteria of the score index: 0–20 % very poor, 21–40 % poor, 41–60 % fair,
 * 61–80 % good, 81–100 % very good (Indonesian: sangat kurang/lemah … sangat baik/kuat).
 * A percentage on a boundary (20 %) belongs to the lower band, as in the printed 0–20, 21–40.
 */
export const SURVEY_DEFAULT_BANDS: readonly SurveyBand[] = [
  { key: 'very-poor', upTo: 20 },
  { key: 'poor', upTo: 40 },
  { key: 'fair', upTo: 60 },
  { key: 'good', upTo: 80 },
  { key: 'very-good', upTo: 100 },
];

/**
 * Checks interpretation bands: a non-empty list of unique keys whose upper bounds rise
 * strictly from above 0 to exactly 100.
 * @equation 0 < upTo_1 < upTo_2 < … < upTo_m = 100, keys unique and non-empty
 * @source Riduwan, Skala Pengukuran Variabel-Variabel Penelitian (Alfabeta, Bandung): interpretation of the score index in 20 % steps
 * @param bands the bands, lowest first
 * @param field the name used in error messages (default `bands`)
 * @throws GpError INVALID_INPUT or EMPTY when bands is not a non-empty list; INVALID_INPUT when a key is empty
 * @throws GpError DUPLICATE when two bands share a key
 * @throws GpError OUT_OF_RANGE when an upTo is not in (0, 100], does not rise, or the last is not 100
 * @example requireSurveyBands([{ key: 'low', upTo: 50 }, { key: 'high', upTo: 100 }]).length // => 2
 */
export function requireSurveyBands(bands: unknown, field = 'bands'): readonly SurveyBand[] {
  const list = requireNonEmpty<unknown>(bands, field);
  const seen = new Set<string>();
  let previous = 0;
  const checked = list.map((band, i): SurveyBand => {
    if (typeof band !== 'object' || band === null || Array.isArray(band)) {
      throw new GpError('INVALID_INPUT', path(field, i), 'must be an object { key, upTo }');
    }
    const entry = band as { readonly key?: unknown; readonly upTo?: unknown };
    const key = requireName(entry.key, path(field, i, 'key'));
    if (seen.has(key)) {
      throw new GpError('DUPLICATE', path(field, i, 'key'), `"${key}" is used by another band`);
    }
    seen.add(key);
    const upTo = requireInRange(entry.upTo, 0, 100, path(field, i, 'upTo'));
    if (!(upTo > previous)) {
      throw new GpError(
        'OUT_OF_RANGE',
        path(field, i, 'upTo'),
        `must be greater than the previous band's upTo (${previous}), got ${upTo}`,
      );
    }
    previous = upTo;
    return { key, upTo };
  });
  if (previous !== 100) {
    throw new GpError(
      'OUT_OF_RANGE',
      path(field, checked.length - 1, 'upTo'),
      `the last band must reach 100, got ${previous}`,
    );
  }
  return checked;
}

/**
 * The interpretation band of a score percentage: the first band whose upper bound is at
 * least the percentage.
 * @equation band(p) = the first band k with p ≤ upTo_k (upTo_0 = 0, so 0 % is in the first band)
 * @source Riduwan, Skala Pengukuran Variabel-Variabel Penelitian (Alfabeta, Bandung): 0–20 % very poor … 81–100 % very good
 * @param percent the score percentage, in [0, 100]
 * @param bands the bands (default Riduwan's five)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when percent is not in [0, 100]
 * @throws GpError as requireSurveyBands for malformed bands
 * @example surveyBandOf(86.4) // => 'very-good'
 */
export function surveyBandOf(
  percent: number,
  bands: readonly SurveyBand[] = SURVEY_DEFAULT_BANDS,
): string {
  const checkedPercent = requireInRange(percent, 0, 100, 'percent');
  const checkedBands = requireSurveyBands(bands);
  const band = checkedBands.find((candidate) => checkedPercent <= candidate.upTo);
  // requireSurveyBands guarantees a last band reaching 100.
  return (band ?? (checkedBands[checkedBands.length - 1] as SurveyBand)).key;
}
