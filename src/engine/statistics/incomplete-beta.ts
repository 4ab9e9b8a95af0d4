/**
 * The regularized incomplete beta function I_x(a, b), by the continued fraction of Numerical
 * Recipes (modified Lentz's method). It gives the Student t distribution and the p-values of
 * correlations and t-tests.
 */
import { GpError } from '../errors.js';
import { requireInRange, requirePositive } from '../validate.js';
import { logBetaOfPositive } from './log-beta.js';

const EPSILON = Number.EPSILON;
/** Lentz's guard against a zero denominator: a number near the smallest normal double. */
const TINY = 2.2250738585072014e-308 / EPSILON;
/** O(√max(a, b)) steps suffice: 10 000 cover a = b up to about 1e9 (terms of order a² overflow past 1e150). */
const MAX_ITERATIONS = 10_000;

/**
 * The continued fraction of I_x(a, b) (NR3 eq. 6.4.5), used where it converges fast:
 * x < (a + 1)/(a + b + 2). Lentz's method as NR's betacf, with one change: near x = 1 with a
 * large (Student t with many degrees of freedom) the odd terms d are close to −1, and
 * 1 + d·D and 1 + d/C lose every digit. There 1 + d is formed from y = 1 − x analytically, and
 * D − 1 and C − 1 are carried as products, so the fraction keeps full precision.
 */
function betaContinuedFraction(a: number, b: number, x: number, y: number): number {
  const sum = a + b;
  // Near x = 1 the odd terms 1 + d are formed from y; elsewhere the direct form is the exact one.
  const nearOne = y < x;
  // The m = 0 odd term: 1 + d_1 = 1 − (a + b)x/(a + 1) = ((1 − b) + (a + b)y)/(a + 1).
  let d = nearOne ? (1 - b + sum * y) / (a + 1) : 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let c = 1;
  let fraction = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even term d_2m = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    let denominator = 1 + even * d;
    if (Math.abs(denominator) < TINY) denominator = TINY;
    const dEven = 1 / denominator;
    const dEvenMinusOne = -even * d * dEven;
    let cEven = 1 + even / c;
    if (Math.abs(cEven) < TINY) cEven = TINY;
    const cEvenMinusOne = even / c;
    fraction *= dEven * cEven;
    // Odd term d_2m+1 = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)), and 1 + d_2m+1 from y.
    const oddDenominator = (a + m2) * (a + m2 + 1);
    const odd = (-(a + m) * (sum + m) * x) / oddDenominator;
    const onePlusOdd = nearOne
      ? (a * (m2 + 1 - b) + m * (3 * m + 2 - b) + (a + m) * (sum + m) * y) / oddDenominator
      : 1 + odd;
    denominator = onePlusOdd + odd * dEvenMinusOne; // = 1 + odd · dEven
    if (Math.abs(denominator) < TINY) denominator = TINY;
    d = 1 / denominator;
    c = (onePlusOdd + cEvenMinusOne) / cEven; // = 1 + odd / cEven
    if (Math.abs(c) < TINY) c = TINY;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return fraction;
  }
  throw new GpError(
    'NOT_CONVERGED',
    'a',
    `the incomplete beta continued fraction did not converge in ${MAX_ITERATIONS} steps (a = ${a}, b = ${b})`,
  );
}

/**
 * I_x(a, b) for checked a, b > 0 and x in [0, 1], with y = 1 − x passed separately so that
 * callers who know 1 − x exactly (t²/(ν + t²) for Student t) lose no digits to cancellation,
 * and optionally ln x and ln y, for x so small that it underflows (t beyond 1e150).
 * @equation as regularizedIncompleteBeta, with y = 1 − x given
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §6.4, betai and betacf
 * @param x the upper limit, in [0, 1]
 * @param y 1 − x, computed without cancellation by the caller
 * @param a the first shape, > 0
 * @param b the second shape, > 0
 * @param logX ln x (default: from x or y, whichever is smaller)
 * @param logY ln y (default: from x or y, whichever is smaller)
 * @throws GpError NOT_CONVERGED when the continued fraction needs more than 10 000 steps (a and b both above about 1e9, or one above about 1e150)
 * @example incompleteBetaWithComplement(0.25, 0.75, 2, 3) // => 0.26171875 (= 67/256)
 */
export function incompleteBetaWithComplement(
  x: number,
  y: number,
  a: number,
  b: number,
  // ln x and ln y from whichever of x, y is smaller: log1p keeps the digits near 1.
  logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y),
  logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x),
): number {
  if (!(logX > -Infinity)) return 0;
  if (!(logY > -Infinity)) return 1;
  // The prefactor x^a y^b / (a B(a, b)), in logs so that large a and b do not overflow.
  const logFront = a * logX + b * logY - logBetaOfPositive(a, b);
  // NR's switch x < (a + 1)/(a + b + 2), tested on y = 1 − x when x is near 1, where x and the
  // threshold may both round to 1 (Student t with ν ≈ 1e85).
  const direct = x <= 0.5 ? x < (a + 1) / (a + b + 2) : y > (b + 1) / (a + b + 2);
  const value = direct
    ? (Math.exp(logFront) * betaContinuedFraction(a, b, x, y)) / a
    : // By symmetry I_x(a, b) = 1 − I_{1−x}(b, a), whose fraction converges fast here.
      1 - (Math.exp(logFront) * betaContinuedFraction(b, a, y, x)) / b;
  // A probability: rounding in ln B (shapes near 1e-300) may not carry it outside [0, 1].
  return Math.min(1, Math.max(0, value));
}

/**
 * The regularized incomplete beta function: the cumulative distribution of Beta(a, b) at x.
 * @equation I_x(a, b) = (1 / B(a, b)) ∫_0^x t^(a−1) (1 − t)^(b−1) dt, by the continued fraction x^a (1−x)^b / (a B(a, b)) · 1/(1+ d_1/(1+ d_2/(1+ …)))
 * @source Press, Teukolsky, Vetterling & Flannery (2007) Numerical Recipes, 3rd ed., Cambridge, §6.4, eq. 6.4.5 and betacf (modified Lentz, §5.2)
 * @param x the upper limit, in [0, 1]
 * @param a the first shape parameter, > 0
 * @param b the second shape parameter, > 0
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when x is not in [0, 1] or a, b are not finite numbers > 0
 * @throws GpError NOT_CONVERGED when a and b are both above about 1e9, or one is above about 1e150
 * @example regularizedIncompleteBeta(0.5, 2, 3) // => 0.6875
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  const checkedX = requireInRange(x, 0, 1, 'x');
  const checkedA = requirePositive(a, 'a');
  const checkedB = requirePositive(b, 'b');
  return incompleteBetaWithComplement(checkedX, 1 - checkedX, checkedA, checkedB);
}
