/**
 * Summation with a running compensation term, so that adding many numbers of mixed sizes
 * loses no more than a rounding or two (a plain loop can lose every digit: 1e16 + 1 − 1e16).
 */
import { requireFiniteResult } from '../validate.js';
import { requireNumericSeries } from './numeric-series.js';

/**
 * Neumaier's compensated sum of numbers already checked to be finite (the engine's inner loop;
 * `compensatedSum` is the checked public form). Returns ±Infinity or NaN only on overflow.
 * @equation t = s + x_i; c += (|s| ≥ |x_i| ? (s − t) + x_i : (x_i − t) + s); s = t; S = s + c
 * @source Neumaier, A. (1974) Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen, ZAMM 54(1), 39–51
 * @param values finite numbers
 * @example neumaierSum([1, 1e100, 1, -1e100]) // => 2
 */
export function neumaierSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    // Recover the low-order bits lost in `sum + value` from whichever operand is larger.
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * Sums numbers with Neumaier's compensated (improved Kahan–Babuška) summation.
 * @equation S = Σ x_i, with the rounding error of each addition carried in a compensation term c
 * @source Neumaier, A. (1974) Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen, ZAMM 54(1), 39–51; Higham (2002) Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.3
 * @param values the numbers to add (at least one)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a non-empty list of finite numbers
 * @throws GpError UNDEFINED_RESULT when the sum overflows
 * @example compensatedSum([1e16, 1, -1e16]) // => 1
 */
export function compensatedSum(values: readonly number[]): number {
  const checked = requireNumericSeries(values, 'values');
  return requireFiniteResult(neumaierSum(checked), 'values');
}
