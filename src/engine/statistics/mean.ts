/**
 * The arithmetic mean, summed with compensation and scaled so that it never overflows.
 */
import { neumaierSum } from './compensated-sum.js';
import { requireNumericSeries, scaleByPowerOfTwo } from './numeric-series.js';

/**
 * The arithmetic mean of a list of numbers.
 * @equation x̄ = (1/n) Σ x_i
 * @source Montgomery, D.C. & Runger, G.C. (2014) Applied Statistics and Probability for Engineers, 6th ed., Wiley, §6-1 (sample mean)
 * @param values the observations (at least one)
 * @param field the name used in error messages (default `values`; callers pass their own parameter name)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a non-empty list of finite numbers
 * @example arithmeticMean([2, 4, 9]) // => 5
 */
export function arithmeticMean(values: readonly number[], field = 'values'): number {
  const checked = requireNumericSeries(values, field);
  // Summing x_i / 2^k and multiplying back is exact and cannot overflow (mean of [1e308, 1e308]).
  const scaled = scaleByPowerOfTwo(checked);
  return scaled.scale * (neumaierSum(scaled.values) / checked.length);
}
