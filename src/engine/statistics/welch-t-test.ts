/**
 * Welch's two-sample t-test for two independent groups whose variances may differ (plant A and
 * plant B, this year's and last year's monthly readings), with Welch–Satterthwaite degrees of freedom.
 */
import type { NumericRange } from '../range.js';
import { GpError } from '../errors.js';
import { requireFiniteResult } from '../validate.js';
import { requireConfidenceLevel, tConfidenceHalfWidth } from './confidence-interval.js';
import { arithmeticMean } from './mean.js';
import { requireNumericSeries } from './numeric-series.js';
import { studentTTwoSidedPValue } from './student-t.js';
import { sampleVariance } from './variance.js';

/** Welch's t-test with its working. The difference is mean(x) − mean(y). */
export interface WelchTTest {
  readonly nX: number;
  readonly nY: number;
  readonly meanX: number;
  readonly meanY: number;
  /** Sample variances (n − 1). */
  readonly varianceX: number;
  readonly varianceY: number;
  /** mean(x) − mean(y). */
  readonly meanDifference: number;
  /** √(s_x²/n_x + s_y²/n_y). */
  readonly standardError: number;
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  readonly df: number;
  /** Two-sided p-value of H0: equal means. */
  readonly pValue: number;
  readonly confidenceLevel: number;
  /** Confidence interval of mean(x) − mean(y). */
  readonly confidenceInterval: NumericRange;
}

/**
 * Welch's unequal-variances t-test of two independent samples, as R's t.test(x, y) (its
 * default) and Excel's T.TEST(x, y, 2, 3).
 * @equation t = (x̄ − ȳ) / √(s_x²/n_x + s_y²/n_y); df = (s_x²/n_x + s_y²/n_y)² / ((s_x²/n_x)²/(n_x − 1) + (s_y²/n_y)²/(n_y − 1)); CI = (x̄ − ȳ) ± t_{(1+level)/2, df} · SE
 * @source Welch, B.L. (1947) Biometrika 34(1–2), 28–35; Satterthwaite, F.E. (1946) Biometrics Bull. 2(6), 110–114; R t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939
 * @param x the first group (at least two values)
 * @param y the second group (at least two values; its size may differ)
 * @param confidenceLevel of the interval, strictly between 0 and 1 (default 0.95)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when x or y is not a list of at least two finite numbers
 * @throws GpError UNDEFINED_RESULT when both groups are constant (no variance), or a result overflows
 * @throws GpError OUT_OF_RANGE when confidenceLevel is not strictly between 0 and 1
 * @example welchTTest([1, 2, 3, 4], [3, 5, 7]).df // => 3.2347188264058677
 */
export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  confidenceLevel = 0.95,
): WelchTTest {
  const checkedX = requireNumericSeries(x, 'x', 2);
  const checkedY = requireNumericSeries(y, 'y', 2);
  const level = requireConfidenceLevel(confidenceLevel);
  const nX = checkedX.length;
  const nY = checkedY.length;
  const meanX = arithmeticMean(checkedX, 'x');
  const meanY = arithmeticMean(checkedY, 'y');
  const varianceX = sampleVariance(checkedX, 'x');
  const varianceY = sampleVariance(checkedY, 'y');
  const shareX = varianceX / nX;
  const shareY = varianceY / nY;
  const largest = Math.max(shareX, shareY);
  if (largest === 0) {
    throw new GpError(
      'UNDEFINED_RESULT',
      '',
      'both groups are constant (no variance), so the t statistic is undefined',
    );
  }
  const standardError = Math.sqrt(shareX + shareY);
  const meanDifference = requireFiniteResult(meanX - meanY, 'x');
  const t = requireFiniteResult(meanDifference / standardError, 'x');
  // The Welch–Satterthwaite df on shares divided by the larger one: the fourth powers cannot overflow.
  const relativeX = shareX / largest;
  const relativeY = shareY / largest;
  const df =
    (relativeX + relativeY) ** 2 /
    ((relativeX * relativeX) / (nX - 1) + (relativeY * relativeY) / (nY - 1));
  const halfWidth = tConfidenceHalfWidth(level, df, standardError, 'x');
  return {
    nX,
    nY,
    meanX,
    meanY,
    varianceX,
    varianceY,
    meanDifference,
    standardError,
    t,
    df,
    pValue: studentTTwoSidedPValue(t, df),
    confidenceLevel: level,
    confidenceInterval: {
      low: requireFiniteResult(meanDifference - halfWidth, 'x'),
      high: requireFiniteResult(meanDifference + halfWidth, 'x'),
    },
  };
}
