/**
 * Spearman's rank correlation, with ties given average ranks, and a p-value by the same t
 * approximation as Pearson's r.
 */
import { averageRanks } from './average-ranks.js';
import { requireNumericSeries, requirePairedSeries } from './numeric-series.js';
import { pearsonCorrelation } from './pearson-correlation.js';

/** Spearman's ρ with the ranks it was computed from and its approximate two-sided test. */
export interface SpearmanCorrelation {
  readonly n: number;
  /** Average ranks of x and y (ties share the mean rank). */
  readonly ranksX: readonly number[];
  readonly ranksY: readonly number[];
  /** The rank correlation, in [−1, 1]: Pearson's r of the ranks. */
  readonly rho: number;
  /** Degrees of freedom of the t approximation, n − 2. */
  readonly df: number;
  /** t = ρ √((n − 2)/(1 − ρ²)); null when |ρ| = 1. */
  readonly t: number | null;
  /** Two-sided p-value of H0: no monotone association, by the t approximation. */
  readonly pValue: number;
  /**
   * How pValue was found: always 't-approximation' (Student t with n − 2 df), R's
   * cor.test(method = "spearman", exact = FALSE). It is not the exact permutation p-value
   * R gives by default for small n without ties.
   */
  readonly pValueMethod: 't-approximation';
}

/**
 * Spearman's rank correlation coefficient: Pearson's r of the average ranks, which equals
 * 1 − 6 Σd²/(n(n² − 1)) when there are no ties; with a two-sided p-value by the t approximation.
 * @equation ρ = r(rank(x), rank(y)); t = ρ √((n − 2)/(1 − ρ²)); p = P(|T_{n−2}| ≥ |t|)
 * @source Spearman, C. (1904) Am. J. Psychol. 15(1), 72–101; R cor.test(x, y, method = "spearman", exact = FALSE) (asymptotic t approximation), ties by average ranks as R's cor
 * @param x the first series (at least three values)
 * @param y the second series, paired with x
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when x or y is not a list of at least three finite numbers
 * @throws GpError DIMENSION_MISMATCH when y is not as long as x
 * @throws GpError UNDEFINED_RESULT when x or y is constant (field `x` or `y`)
 * @example spearmanCorrelation([44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1], [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8]).rho // => 0.6 (R cor.test: S = 48, rho = 0.6)
 */
export function spearmanCorrelation(
  x: readonly number[],
  y: readonly number[],
): SpearmanCorrelation {
  const checkedX = requireNumericSeries(x, 'x', 3);
  const checkedY = requirePairedSeries(checkedX, y, ['x', 'y']);
  const ranksX = averageRanks(checkedX);
  const ranksY = averageRanks(checkedY);
  // Ranks are constant exactly when the values are, so the errors name x or y as they should.
  const pearson = pearsonCorrelation(ranksX, ranksY);
  return {
    n: pearson.n,
    ranksX,
    ranksY,
    rho: pearson.r,
    df: pearson.df,
    t: pearson.t,
    pValue: pearson.pValue,
    pValueMethod: 't-approximation',
  };
}
