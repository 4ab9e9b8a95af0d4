/**
 * The critical value of Pearson's r ("r tabel" in Indonesian questionnaire studies): the
 * smallest |r| from n pairs that is significant at level α.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireInteger } from '../validate.js';
import { studentTQuantile } from './student-t.js';

/** Whether the test rejects in both tails (the r table's usual column) or in one. */
export type CorrelationTails = 'two-sided' | 'one-sided';

/** The critical r with the t value it comes from. */
export interface CriticalCorrelation {
  /** Number of respondents (pairs). */
  readonly n: number;
  /** Degrees of freedom, n − 2 (the r table's row). */
  readonly df: number;
  readonly alpha: number;
  readonly tails: CorrelationTails;
  /** The t quantile: t_{1−α/2, df} (two-sided) or t_{1−α, df} (one-sided). */
  readonly tCritical: number;
  /** r_crit = t / √(df + t²). */
  readonly rCritical: number;
}

/**
 * The critical correlation coefficient for n pairs at significance level α: an item or a
 * correlation is significant when r > r_crit (the "r tabel" of Indonesian questionnaire studies).
 * @equation r_crit = t_crit / √(df + t_crit²), df = n − 2, t_crit = t_{1 − α/2, df} (two-sided) or t_{1 − α, df} (one-sided)
 * @source Fisher, R.A. & Yates, F. (1963) Statistical Tables for Biological, Agricultural and Medical Research, 6th ed., Table VII (df = 18: 0.444, df = 28: 0.361 at α = 0.05); Indonesian "tabel r product moment" (n = 20: 0.4438, n = 30: 0.3610)
 * @param n the number of respondents (pairs), a whole number ≥ 3
 * @param alpha the significance level, strictly between 0 and 1 (default 0.05)
 * @param tails 'two-sided' (default, the r table's usual column) or 'one-sided'
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when n is not a whole number ≥ 3 or alpha is not strictly between 0 and 1
 * @throws GpError INVALID_INPUT when tails is neither 'two-sided' nor 'one-sided'
 * @example criticalCorrelation(30).rCritical // => 0.3610069 (r tabel n = 30: 0.361)
 */
export function criticalCorrelation(
  n: number,
  alpha = 0.05,
  tails: CorrelationTails = 'two-sided',
): CriticalCorrelation {
  const checkedN = requireInteger(n, 'n', 3);
  const checkedAlpha = requireFinite(alpha, 'alpha');
  if (!(checkedAlpha > 0 && checkedAlpha < 1)) {
    throw new GpError(
      'OUT_OF_RANGE',
      'alpha',
      `must be strictly between 0 and 1, got ${checkedAlpha}`,
    );
  }
  if (tails !== 'two-sided' && tails !== 'one-sided') {
    throw new GpError(
      'INVALID_INPUT',
      'tails',
      `must be 'two-sided' or 'one-sided', got ${String(tails)}`,
    );
  }
  const df = checkedN - 2;
  // The upper-tail probability, as a lower quantile so that a tiny α keeps its digits.
  const upperTail = tails === 'two-sided' ? checkedAlpha / 2 : checkedAlpha;
  const tCritical = -studentTQuantile(upperTail, df);
  // hypot forms √(df + t²) without overflow for the huge t of a tiny α.
  const rCritical = tCritical / Math.hypot(Math.sqrt(df), tCritical);
  return { n: checkedN, df, alpha: checkedAlpha, tails, tCritical, rCritical };
}
