/**
 * Checks for lists of observations, and an exact rescaling that keeps sums of squares from
 * overflowing or underflowing, shared by the statistics in this chapter.
 */
import { GpError, path } from '../errors.js';
import { requireFinite, requireNonEmpty } from '../validate.js';

/**
 * Checks a list of observations and returns it as numbers: a list of at least `minimumLength`
 * finite numbers (untyped JSON may hold anything).
 * @equation x = (x_1, …, x_n) with every x_i finite and n ≥ minimumLength
 * @source Lestari input rules (src/engine/validate.ts); sample statistics need n ≥ 1, variances n ≥ 2
 * @param values the observations
 * @param field the parameter name used in error messages, e.g. `before`
 * @param minimumLength the fewest observations the statistic needs (default 1)
 * @throws GpError INVALID_INPUT when values is not a list; EMPTY when it has fewer than minimumLength items
 * @throws GpError NOT_FINITE when an observation is not a finite number (field `values[i]`)
 * @example requireNumericSeries([1, 2, 3], 'x', 2) // => [1, 2, 3]
 */
export function requireNumericSeries(
  values: unknown,
  field: string,
  minimumLength = 1,
): readonly number[] {
  const items = requireNonEmpty<unknown>(values, field, minimumLength);
  return items.map((value, i) => requireFinite(value, path(field, i)));
}

/**
 * Checks that a second series is as long as the first (paired observations).
 * @equation n_y = n_x
 * @source Lestari input rules; paired statistics need one y for every x
 * @param pairedWith the first series, already checked
 * @param values the second series
 * @param names the parameter names of the first and the second series
 * @throws GpError DIMENSION_MISMATCH when the lengths differ (field: the second name)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE as requireNumericSeries
 * @example requirePairedSeries([1, 2, 3], [2, 4, 6], ['x', 'y']) // => [2, 4, 6]
 */
export function requirePairedSeries(
  pairedWith: readonly number[],
  values: unknown,
  names: readonly [string, string],
): readonly number[] {
  const [first, second] = names;
  const items = requireNonEmpty<unknown>(values, second, 0);
  if (items.length !== pairedWith.length) {
    throw new GpError(
      'DIMENSION_MISMATCH',
      second,
      `must have as many values as ${first} (${pairedWith.length}), got ${items.length}`,
    );
  }
  return items.map((value, i) => requireFinite(value, path(second, i)));
}

/** A series divided by a power of two, so that its largest magnitude lies in [1, 4). */
export interface ScaledSeries {
  /** The power of two the values were divided by (1 for an all-zero series). */
  readonly scale: number;
  /** values[i] / scale, exact except where the quotient falls below the normal range. */
  readonly values: readonly number[];
}

/**
 * Divides finite values by the power of two nearest below their largest magnitude. Dividing by
 * a power of two is exact, and afterwards squares and sums of squares can neither overflow nor
 * underflow, so variances and correlations of values like 1e200 or 1e-200 stay accurate.
 * @equation s = 2^⌊log2 max|x_i|⌋, y_i = x_i / s
 * @source Higham, N.J. (2002) Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM, §2.1 (scaling by powers of the base is exact)
 * @param values finite numbers (already checked)
 * @example scaleByPowerOfTwo([3, -6]) // => { scale: 4, values: [0.75, -1.5] }
 */
export function scaleByPowerOfTwo(values: readonly number[]): ScaledSeries {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  if (largest === 0) return { scale: 1, values: [...values] };
  // Math.log2 may round up just below a power of two (log2 of the largest double is 1024).
  let exponent = Math.min(Math.floor(Math.log2(largest)), 1023);
  if (2 ** exponent > largest) exponent -= 1;
  const scale = 2 ** exponent;
  return { scale, values: values.map((value) => value / scale) };
}
