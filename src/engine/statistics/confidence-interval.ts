/**
 * The half-width of a t confidence interval, shared by the paired and Welch t-tests.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireFiniteResult } from '../validate.js';
import { studentTQuantile } from './student-t.js';

/**
 * Checks a confidence level: a finite number strictly between 0 and 1 (0.95 for 95 %).
 * @equation 0 < level < 1
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §8-1 (confidence level 100(1 − α) %)
 * @param level the confidence level
 * @throws GpError NOT_FINITE or OUT_OF_RANGE (field `confidenceLevel`) when level is not strictly between 0 and 1
 * @example requireConfidenceLevel(0.95) // => 0.95
 */
export function requireConfidenceLevel(level: unknown): number {
  const checked = requireFinite(level, 'confidenceLevel');
  if (!(checked > 0 && checked < 1)) {
    throw new GpError(
      'OUT_OF_RANGE',
      'confidenceLevel',
      `must be strictly between 0 and 1 (0.95 for 95 %), got ${checked}`,
    );
  }
  return checked;
}

/**
 * The half-width t_{(1+level)/2, df} · SE of a two-sided t confidence interval.
 * @equation h = t_{1 − (1 − level)/2, df} · SE
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §8-2 (t confidence interval); as R's t.test conf.int
 * @param level the confidence level, checked, in (0, 1)
 * @param df the degrees of freedom, > 0
 * @param standardError the standard error, ≥ 0
 * @param field the name used when the half-width overflows
 * @throws GpError UNDEFINED_RESULT when the half-width overflows
 * @example tConfidenceHalfWidth(0.95, 9, 1) // => 2.262157162798205
 */
export function tConfidenceHalfWidth(
  level: number,
  df: number,
  standardError: number,
  field = 'confidenceLevel',
): number {
  // The lower quantile of (1 − level)/2, negated: (1 + level)/2 would round to 1 for levels near 1.
  const tQuantile = -studentTQuantile((1 - level) / 2, df);
  return requireFiniteResult(tQuantile * standardError, field);
}
