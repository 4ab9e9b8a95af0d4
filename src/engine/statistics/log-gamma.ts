/**
 * The natural logarithm of the gamma function, by Lanczos's approximation in the form of
 * Numerical Recipes 3rd ed. (g = 671/128, 14 coefficients, relative error below 1e-15).
 */
import { requireFiniteResult, requirePositive } from '../validate.js';

const LANCZOS_G = 671 / 128;
// NR3's 18-digit coefficients, written as the doubles they round to (the lint rejects extra digits).
const LANCZOS_COEFFICIENTS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4,
  -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
] as const;
const LANCZOS_SERIES_START = 0.9999999999999971;
const SQRT_TWO_PI = 2.5066282746310007; // NR3 writes 2.5066282746310005, which rounds to this

/**
 * ln Γ(x) for an x already checked to be finite and > 0 (the engine's inner form of logGamma).
 * @equation as logGamma
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §6.1, gammln
 * @param x a finite number > 0
 * @example logGammaOfPositive(0.5) // => 0.5723649429247 (ln √π); +Infinity beyond x ≈ 2.5e305
 */
export function logGammaOfPositive(x: number): number {
  let denominator = x;
  let series = LANCZOS_SERIES_START;
  for (const coefficient of LANCZOS_COEFFICIENTS) {
    denominator += 1;
    series += coefficient / denominator;
  }
  const shifted = x + LANCZOS_G;
  // ln(√(2π)·series) − ln x rather than ln(√(2π)·series / x), which overflows for x below 1e-308.
  return (x + 0.5) * Math.log(shifted) - shifted + Math.log(SQRT_TWO_PI * series) - Math.log(x);
}

/**
 * The natural logarithm of the gamma function for x > 0.
 * @equation ln Γ(x) = (x + ½) ln(x + g) − (x + g) + ln(√(2π) · (c_0 + Σ_{j=1..14} c_j / (x + j)) / x), g = 671/128
 * @source Press, Teukolsky, Vetterling & Flannery (2007) Numerical Recipes, 3rd ed., Cambridge, §6.1, gammln; Lanczos, C. (1964) SIAM J. Numer. Anal. B 1, 86–96
 * @param x a positive number
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when x is not a finite number > 0
 * @throws GpError UNDEFINED_RESULT when ln Γ(x) overflows (x above about 2.5e305)
 * @example logGamma(5) // => 3.178053830347945 (ln 24)
 */
export function logGamma(x: number): number {
  return requireFiniteResult(logGammaOfPositive(requirePositive(x, 'x')), 'x');
}
