/**
 * The logarithm of the beta function, with Stirling's series for large arguments so that
 * ln Γ(a) − ln Γ(a + b) keeps its digits when a is large (Student t with many degrees of freedom).
 */
import { requireFiniteResult, requirePositive } from '../validate.js';
import { logGammaOfPositive } from './log-gamma.js';

const LOG_SQRT_TWO_PI = 0.9189385332046728;
/** B_2k / (2k (2k − 1)) for k = 1..8: the coefficients of Stirling's series for ln Γ. */
const STIRLING_COEFFICIENTS = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
] as const;
/** From here on eight terms of Stirling's series are exact to double precision. */
const STIRLING_FROM = 10;

/** ln Γ(x) − [(x − ½) ln x − x + ln √(2π)] for x ≥ 10. */
function stirlingRemainder(x: number): number {
  const inverseSquare = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING_COEFFICIENTS.length - 1; k >= 0; k--) {
    sum = sum * inverseSquare + (STIRLING_COEFFICIENTS[k] as number);
  }
  return sum / x;
}

/**
 * ln B(a, b) for a and b already checked to be finite and > 0 (the inner form of logBeta).
 * @equation as logBeta
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §6.1; Abramowitz & Stegun (1964) Handbook of Mathematical Functions, 6.1.40 (Stirling's series)
 * @param a a finite number > 0
 * @param b a finite number > 0
 * @example logBetaOfPositive(0.5, 0.5) // => 1.1447298858494 (ln π)
 */
export function logBetaOfPositive(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  const sum = a + b;
  if (small >= STIRLING_FROM) {
    // All three gammas by Stirling: the large terms cancel analytically, not numerically.
    const remainder = stirlingRemainder(small) + stirlingRemainder(large) - stirlingRemainder(sum);
    return (
      -0.5 * Math.log(large) +
      LOG_SQRT_TWO_PI +
      remainder +
      (small - 0.5) * Math.log(small / sum) +
      large * Math.log1p(-small / sum)
    );
  }
  if (large >= STIRLING_FROM) {
    // ln Γ(large) − ln Γ(large + small) by Stirling; ln Γ(small) by Lanczos.
    const remainder = stirlingRemainder(large) - stirlingRemainder(sum);
    return (
      logGammaOfPositive(small) +
      remainder +
      small -
      small * Math.log(sum) +
      (large - 0.5) * Math.log1p(-small / sum)
    );
  }
  return logGammaOfPositive(a) + logGammaOfPositive(b) - logGammaOfPositive(sum);
}

/**
 * The natural logarithm of the beta function B(a, b) = Γ(a) Γ(b) / Γ(a + b).
 * @equation ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), with Stirling's series for arguments ≥ 10
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §6.1; Abramowitz & Stegun (1964) Handbook of Mathematical Functions, 6.2.2 and 6.1.40
 * @param a a positive number
 * @param b a positive number
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when a or b is not a finite number > 0
 * @throws GpError UNDEFINED_RESULT when the result overflows
 * @example logBeta(2, 3) // => -2.484906649788 (ln 1/12)
 */
export function logBeta(a: number, b: number): number {
  const checkedA = requirePositive(a, 'a');
  const checkedB = requirePositive(b, 'b');
  return requireFiniteResult(logBetaOfPositive(checkedA, checkedB), 'a');
}
