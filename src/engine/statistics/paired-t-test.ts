/**
 * Student's paired t-test for before/after measurements on the same units (a COD reading
 * before and after a cleaner-production programme, each worker's score before and after training).
 */
import type { NumericRange } from '../range.js';
import { GpError, path } from '../errors.js';
import { requireFiniteResult } from '../validate.js';
import { arithmeticMean } from './mean.js';
import { requireNumericSeries, requirePairedSeries } from './numeric-series.js';
import { studentTTwoSidedPValue } from './student-t.js';
import { sampleStandardDeviation } from './variance.js';
import { requireConfidenceLevel, tConfidenceHalfWidth } from './confidence-interval.js';

/** The paired t-test with its working. Differences are after − before. */
export interface PairedTTest {
  /** Number of pairs. */
  readonly n: number;
  /** Degrees of freedom, n − 1. */
  readonly df: number;
  /** after_i − before_i: negative means a decrease. */
  readonly differences: readonly number[];
  readonly meanDifference: number;
  /** Sample standard deviation of the differences (n − 1). */
  readonly standardDeviation: number;
  /** standardDeviation / √n. */
  readonly standardError: number;
  readonly t: number;
  /** Two-sided p-value of H0: mean difference = 0. */
  readonly pValue: number;
  readonly confidenceLevel: number;
  /** Confidence interval of the mean difference. */
  readonly confidenceInterval: NumericRange;
}

/**
 * Student's paired t-test: is the mean change after − before different from zero? Gives the
 * same t, df, p and interval as R's t.test(after, before, paired = TRUE).
 * @equation d_i = after_i − before_i; t = d̄ / (s_d / √n); df = n − 1; p = P(|T_df| ≥ |t|); CI = d̄ ± t_{(1+level)/2, df} · s_d / √n
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., ch. 10 (paired t-test); R t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE): t = −4.0621, df = 9, p = 0.002833
 * @param before the measurements before (at least two)
 * @param after the measurements after, paired with before
 * @param confidenceLevel of the interval, strictly between 0 and 1 (default 0.95)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when before or after is not a list of at least two finite numbers
 * @throws GpError DIMENSION_MISMATCH when after is not as long as before
 * @throws GpError UNDEFINED_RESULT when every difference is the same (field `after`), or a difference overflows
 * @throws GpError OUT_OF_RANGE when confidenceLevel is not strictly between 0 and 1
 * @example pairedTTest([10, 12, 9, 11], [8, 11, 9, 8]).t // => -2.32379000772445
 */
export function pairedTTest(
  before: readonly number[],
  after: readonly number[],
  confidenceLevel = 0.95,
): PairedTTest {
  const checkedBefore = requireNumericSeries(before, 'before', 2);
  const checkedAfter = requirePairedSeries(checkedBefore, after, ['before', 'after']);
  const level = requireConfidenceLevel(confidenceLevel);
  const differences = checkedAfter.map((value, i) =>
    requireFiniteResult(value - (checkedBefore[i] as number), path('after', i)),
  );
  const first = differences[0];
  if (differences.every((d) => d === first)) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'after',
      `every difference after − before equals ${String(first)}, so the t statistic is undefined`,
    );
  }
  const n = differences.length;
  const df = n - 1;
  const meanDifference = arithmeticMean(differences, 'after');
  const standardDeviation = sampleStandardDeviation(differences, 'after');
  const standardError = standardDeviation / Math.sqrt(n);
  const t = requireFiniteResult(meanDifference / standardError, 'after');
  const halfWidth = tConfidenceHalfWidth(level, df, standardError, 'after');
  return {
    n,
    df,
    differences,
    meanDifference,
    standardDeviation,
    standardError,
    t,
    pValue: studentTTwoSidedPValue(t, df),
    confidenceLevel: level,
    confidenceInterval: {
      low: requireFiniteResult(meanDifference - halfWidth, 'after'),
      high: requireFiniteResult(meanDifference + halfWidth, 'after'),
    },
  };
}
