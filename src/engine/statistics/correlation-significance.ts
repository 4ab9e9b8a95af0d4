/**
 * The significance test of a correlation coefficient against zero, by Student's t.
 */
import { GpError } from '../errors.js';
import { requireInRange, requireInteger } from '../validate.js';
import { incompleteBetaWithComplement } from './incomplete-beta.js';

/** The t test of H0: ρ = 0 for a correlation r from n pairs. */
export interface CorrelationSignificance {
  /** Number of pairs. */
  readonly n: number;
  /** Degrees of freedom, n − 2. */
  readonly df: number;
  /** t = r √((n − 2)/(1 − r²)); null when |r| = 1 (t is infinite and p = 0). */
  readonly t: number | null;
  /** Two-sided p-value, in [0, 1]. */
  readonly pValue: number;
}

/**
 * The two-sided p-value of a correlation coefficient r from n pairs (H0: no correlation).
 * @equation t = r √((n − 2) / (1 − r²)), df = n − 2, p = P(|T_df| ≥ |t|) = I_{1−r²}((n − 2)/2, ½)
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §11-8 (test for zero correlation); as R's cor.test
 * @param r the correlation coefficient, in [−1, 1]
 * @param n the number of pairs, a whole number ≥ 3
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when r is not in [−1, 1] or n is not a whole number ≥ 3
 * @example correlationSignificance(0.5711816, 9) // => { n: 9, df: 7, t: 1.84108…, pValue: 0.10817… } (R cor.test, Hollander & Wolfe data)
 */
export function correlationSignificance(r: number, n: number): CorrelationSignificance {
  const checkedR = requireInRange(r, -1, 1, 'r');
  const checkedN = requireInteger(n, 'n', 3);
  const df = checkedN - 2;
  const oneMinusSquare = (1 - checkedR) * (1 + checkedR); // exact where 1 − r² would cancel
  const pValue = incompleteBetaWithComplement(oneMinusSquare, checkedR * checkedR, df / 2, 0.5);
  if (oneMinusSquare === 0) return { n: checkedN, df, t: null, pValue };
  const t = checkedR * Math.sqrt(df / oneMinusSquare);
  if (!Number.isFinite(t)) {
    throw new GpError('UNDEFINED_RESULT', 'n', `t overflows for n = ${checkedN}`);
  }
  return { n: checkedN, df, t, pValue };
}
