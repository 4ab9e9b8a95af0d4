/**
 * Pearson's product-moment correlation of paired observations, with its t test.
 */
import { GpError } from '../errors.js';
import { neumaierSum } from './compensated-sum.js';
import { correlationSignificance } from './correlation-significance.js';
import { requireNumericSeries, requirePairedSeries, scaleByPowerOfTwo } from './numeric-series.js';

const MIN_NORMAL = 2.2250738585072014e-308;

/** Pearson's r with the working a report shows and its two-sided test. */
export interface PearsonCorrelation {
  /** Number of pairs. */
  readonly n: number;
  readonly meanX: number;
  readonly meanY: number;
  /** The correlation coefficient, in [−1, 1]. */
  readonly r: number;
  /** Degrees of freedom of the test, n − 2. */
  readonly df: number;
  /** t = r √((n − 2)/(1 − r²)); null when |r| = 1. */
  readonly t: number | null;
  /** Two-sided p-value of H0: ρ = 0; exactly 0 when |r| = 1. */
  readonly pValue: number;
}

/** Throws UNDEFINED_RESULT naming `field` when every value is the same. */
function requireVaries(values: readonly number[], field: string): void {
  const first = values[0];
  if (values.every((value) => value === first)) {
    throw new GpError(
      'UNDEFINED_RESULT',
      field,
      `all values are equal (${String(first)}), so the correlation is undefined`,
    );
  }
}

/** The mean of checked values, and their deviations from it after exact rescaling. */
function centred(values: readonly number[]): { mean: number; deviations: number[] } {
  const { scale, values: scaled } = scaleByPowerOfTwo(values);
  const mean = neumaierSum(scaled) / scaled.length;
  return { mean: scale * mean, deviations: scaled.map((value) => value - mean) };
}

/**
 * Pearson's correlation coefficient of paired observations, with the two-sided t test of
 * H0: ρ = 0 (df = n − 2), as Excel's PEARSON/CORREL and R's cor.test.
 * @equation r = Σ(x_i − x̄)(y_i − ȳ) / √(Σ(x_i − x̄)² · Σ(y_i − ȳ)²); t = r √((n − 2)/(1 − r²)); p = P(|T_{n−2}| ≥ |t|)
 * @source Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., §11-8 (correlation); R cor.test(x, y) (Hollander & Wolfe data: r = 0.5711816, t = 1.8411, p = 0.1082)
 * @param x the first series (at least three values)
 * @param y the second series, paired with x
 * @throws GpError INVALID_INPUT, EMPTY or NOT_FINITE when x or y is not a list of at least three finite numbers
 * @throws GpError DIMENSION_MISMATCH when y is not as long as x
 * @throws GpError UNDEFINED_RESULT when x or y is constant (field `x` or `y`)
 * @example pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]).r // => 0.9647638212377322
 */
export function pearsonCorrelation(x: readonly number[], y: readonly number[]): PearsonCorrelation {
  const checkedX = requireNumericSeries(x, 'x', 3);
  const checkedY = requirePairedSeries(checkedX, y, ['x', 'y']);
  requireVaries(checkedX, 'x');
  requireVaries(checkedY, 'y');
  // r does not change when x or y is rescaled, so exact power-of-two scaling avoids overflow.
  const cx = centred(checkedX);
  const cy = centred(checkedY);
  const sxx = neumaierSum(cx.deviations.map((d) => d * d));
  const syy = neumaierSum(cy.deviations.map((d) => d * d));
  const sxy = neumaierSum(cx.deviations.map((d, i) => d * (cy.deviations[i] as number)));
  // One square root of the product, so that proportional deviations give |r| = 1 exactly;
  // two roots where the product would underflow.
  const product = sxx * syy;
  const denominator = product >= MIN_NORMAL ? Math.sqrt(product) : Math.sqrt(sxx) * Math.sqrt(syy);
  // Rounding can carry |r| a hair past 1; the coefficient itself cannot.
  const r = Math.max(-1, Math.min(1, sxy / denominator));
  const test = correlationSignificance(r, checkedX.length);
  return {
    n: test.n,
    meanX: cx.mean,
    meanY: cy.mean,
    r,
    df: test.df,
    t: test.t,
    pValue: test.pValue,
  };
}
