/**
 * Variance and standard deviation, sample (n − 1) and population (n), by the corrected
 * two-pass algorithm on exactly rescaled values: accurate for data far from zero
 * (1e9 + small differences) and free of intermediate overflow.
 */
import { requireFiniteResult } from '../validate.js';
import { neumaierSum } from './compensated-sum.js';
import { requireNumericSeries, scaleByPowerOfTwo } from './numeric-series.js';

/** Σ(x_i − x̄)² as scale² · sumOfSquares, so that neither part overflows. */
interface ScaledSquares {
  readonly scale: number;
  readonly sumOfSquares: number;
}

function scaledSumOfSquaredDeviations(values: readonly number[]): ScaledSquares {
  const first = values[0];
  // A constant series has variance 0 exactly; a computed mean could differ from it by an ulp.
  if (values.every((value) => value === first)) return { scale: 1, sumOfSquares: 0 };
  const { scale, values: scaled } = scaleByPowerOfTwo(values);
  const n = scaled.length;
  const mean = neumaierSum(scaled) / n;
  const deviations = scaled.map((value) => value - mean);
  // Corrected two-pass: subtracting (Σd)²/n removes the error left by rounding the mean.
  const sumOfDeviations = neumaierSum(deviations);
  const squares = neumaierSum(deviations.map((d) => d * d));
  return { scale, sumOfSquares: Math.max(0, squares - (sumOfDeviations * sumOfDeviations) / n) };
}

function varianceWithDivisor(values: readonly number[], field: string, divisor: number): number {
  const { scale, sumOfSquares } = scaledSumOfSquaredDeviations(values);
  return requireFiniteResult(scale * (scale * (sumOfSquares / divisor)), field);
}

function deviationWithDivisor(values: readonly number[], field: string, divisor: number): number {
  const { scale, sumOfSquares } = scaledSumOfSquaredDeviations(values);
  return requireFiniteResult(scale * Math.sqrt(sumOfSquares / divisor), field);
}

/**
 * The sample variance, with Bessel's correction (divides by n − 1), as spreadsheets' VAR.S and R's var.
 * @equation s² = Σ(x_i − x̄)² / (n − 1)
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §6-1 (sample variance); Chan, Golub & LeVeque (1983) Am. Stat. 37(3), 242–247 (corrected two-pass algorithm)
 * @param values the observations (at least two)
 * @param field the name used in error messages (default `values`)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a list of at least two finite numbers
 * @throws GpError UNDEFINED_RESULT when the variance exceeds the largest double (values near ±1e308)
 * @example sampleVariance([1, 2, 3, 4, 5]) // => 2.5
 */
export function sampleVariance(values: readonly number[], field = 'values'): number {
  const checked = requireNumericSeries(values, field, 2);
  return varianceWithDivisor(checked, field, checked.length - 1);
}

/**
 * The population variance (divides by n), as spreadsheets' VAR.P.
 * @equation σ² = Σ(x_i − x̄)² / n
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §6-1 (population variance)
 * @param values the observations (at least one)
 * @param field the name used in error messages (default `values`)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a non-empty list of finite numbers
 * @throws GpError UNDEFINED_RESULT when the variance exceeds the largest double
 * @example populationVariance([1, 2, 3, 4, 5]) // => 2
 */
export function populationVariance(values: readonly number[], field = 'values'): number {
  const checked = requireNumericSeries(values, field);
  return varianceWithDivisor(checked, field, checked.length);
}

/**
 * The sample standard deviation (n − 1), as spreadsheets' STDEV.S and R's sd.
 * @equation s = √(Σ(x_i − x̄)² / (n − 1))
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §6-1 (sample standard deviation)
 * @param values the observations (at least two)
 * @param field the name used in error messages (default `values`)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a list of at least two finite numbers
 * @throws GpError UNDEFINED_RESULT when the deviation exceeds the largest double (values near ±1e308)
 * @example sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // => 2.138089935299395
 */
export function sampleStandardDeviation(values: readonly number[], field = 'values'): number {
  const checked = requireNumericSeries(values, field, 2);
  return deviationWithDivisor(checked, field, checked.length - 1);
}

/**
 * The population standard deviation (n), as spreadsheets' STDEV.P.
 * @equation σ = √(Σ(x_i − x̄)² / n)
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §6-1 (population standard deviation)
 * @param values the observations (at least one)
 * @param field the name used in error messages (default `values`)
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when values is not a non-empty list of finite numbers
 * @throws GpError UNDEFINED_RESULT when the deviation exceeds the largest double
 * @example populationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // => 2
 */
export function populationStandardDeviation(values: readonly number[], field = 'values'): number {
  const checked = requireNumericSeries(values, field);
  return deviationWithDivisor(checked, field, checked.length);
}
