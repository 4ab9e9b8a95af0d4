/**
 * Student's t distribution with ν degrees of freedom (ν > 0, fractional allowed for Welch):
 * the cumulative distribution, the two-sided p-value and the quantile. All three rest on the
 * regularized incomplete beta function: P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2). Relative error
 * below 1e-12 against mpmath for ν from 0.5 to 1e15 (ν above 1e100 is evaluated at 1e100).
 */
import { GpError } from '../errors.js';
import { requireFinite, requirePositive } from '../validate.js';
import { incompleteBetaWithComplement } from './incomplete-beta.js';

const MAX_ROOT_ITERATIONS = 500;
/**
 * Beyond 1e100 degrees of freedom t is evaluated at 1e100: the distribution then differs from
 * its normal limit by about 1e-100, and the incomplete beta's terms (of order ν²) would overflow.
 */
const DF_CAP = 1e100;

/** Checks ν: a finite number > 0 whose half is still a positive double. */
function requireDegreesOfFreedom(df: unknown): number {
  const checked = requirePositive(df, 'df');
  if (!(checked / 2 > 0)) {
    throw new GpError('OUT_OF_RANGE', 'df', `must be at least 1e-323, got ${checked}`);
  }
  return checked;
}

/**
 * P(|T| > |t|) for checked t and ν. The beta argument x = ν/(ν + t²) and its complement
 * y = t²/(ν + t²) are formed from w = |t|/√ν so that t² never overflows and y keeps its
 * digits; beyond w = 1, ln x comes from ln w so that far tails (t ≈ 1e200) do not underflow.
 */
function twoSidedTail(t: number, degreesOfFreedom: number): number {
  const df = Math.min(degreesOfFreedom, DF_CAP);
  const w = Math.abs(t) / Math.sqrt(df);
  if (w <= 1) {
    const v = w * w;
    return incompleteBetaWithComplement(1 / (1 + v), v / (1 + v), df / 2, 0.5);
  }
  const u = 1 / w;
  const v = u * u;
  const logU = 0.5 * Math.log(df) - Math.log(Math.abs(t));
  const logOnePlusV = Math.log1p(v);
  return incompleteBetaWithComplement(
    v / (1 + v),
    1 / (1 + v),
    df / 2,
    0.5,
    2 * logU - logOnePlusV,
    -logOnePlusV,
  );
}

/**
 * The cumulative distribution function of Student's t distribution, P(T ≤ t).
 * @equation F(t; ν) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and ½ I_{ν/(ν+t²)}(ν/2, ½) for t < 0
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §6.14 (Student's t distribution); Abramowitz & Stegun (1964) Handbook of Mathematical Functions, 26.5.27 and 26.7.1
 * @param t the value of the statistic
 * @param df the degrees of freedom ν, > 0 (fractional for Welch's test)
 * @throws GpError NOT_FINITE when t is not a finite number; NOT_FINITE or OUT_OF_RANGE when df is not a finite number > 0
 * @example studentTCdf(2.262157, 9) // => 0.97499999 (t table: t_0.025,9 = 2.262)
 */
export function studentTCdf(t: number, df: number): number {
  const checkedT = requireFinite(t, 't');
  const checkedDf = requireDegreesOfFreedom(df);
  const tail = twoSidedTail(checkedT, checkedDf) / 2;
  return checkedT < 0 ? tail : 1 - tail;
}

/**
 * The two-sided p-value of a t statistic: the probability of a |T| at least as large.
 * @equation p = P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½)
 * @source Abramowitz & Stegun (1964) Handbook of Mathematical Functions, 26.5.27 (A(t|ν) = 1 − I_{ν/(ν+t²)}(ν/2, ½)); as R's 2 * pt(-abs(t), df)
 * @param t the value of the statistic
 * @param df the degrees of freedom ν, > 0
 * @throws GpError NOT_FINITE when t is not a finite number; NOT_FINITE or OUT_OF_RANGE when df is not a finite number > 0
 * @example studentTTwoSidedPValue(-4.062128, 9) // => 0.0028329 (R: t.test(extra ~ group, data = sleep, paired = TRUE))
 */
export function studentTTwoSidedPValue(t: number, df: number): number {
  const checkedT = requireFinite(t, 't');
  const checkedDf = requireDegreesOfFreedom(df);
  return twoSidedTail(checkedT, checkedDf);
}

/**
 * The t > 0 whose two-sided tail equals `tail` (in (0, 1)), by Brent's method on a bracket
 * found by doubling. Bisection steps alone would halve the bracket, so it always converges.
 */
function twoSidedTailInverse(tail: number, df: number): number {
  const f = (t: number): number => twoSidedTail(t, df) - tail;
  let low = 0;
  let high = 1;
  let fHigh = f(high);
  while (fHigh > 0) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) {
      throw new GpError(
        'UNDEFINED_RESULT',
        'p',
        `the quantile exceeds the largest number (df = ${df} is too small for this p)`,
      );
    }
    fHigh = f(high);
  }
  // Brent's method (Numerical Recipes 3rd ed. §9.3, zbrent) on [low, high], f(low) > 0 ≥ f(high).
  let a = low;
  let b = high;
  let fa = f(a);
  let fb = fHigh;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < MAX_ROOT_ITERATIONS; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + Number.MIN_VALUE;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points differ.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      const limit = Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q));
      if (2 * p < limit) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  throw new GpError(
    'NOT_CONVERGED',
    'p',
    `the t quantile did not converge in ${MAX_ROOT_ITERATIONS} steps`,
  );
}

/**
 * The quantile (inverse CDF) of Student's t distribution: the t with P(T ≤ t) = p.
 * @equation t_p such that F(t_p; ν) = p, found by Brent's bracketed root finder on F − p
 * @source Press et al. (2007) Numerical Recipes, 3rd ed., §9.3 (Brent's method) and §6.14 (Student's t); as R's qt(p, df) and spreadsheets' T.INV
 * @param p the cumulative probability, strictly between 0 and 1
 * @param df the degrees of freedom ν, > 0
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when p is not strictly between 0 and 1, or df is not a finite number > 0
 * @throws GpError UNDEFINED_RESULT when the quantile exceeds the largest double (tiny df and extreme p)
 * @example studentTQuantile(0.975, 28) // => 2.0484071417952 (t table: 2.048)
 */
export function studentTQuantile(p: number, df: number): number {
  const checkedP = requireFinite(p, 'p');
  if (!(checkedP > 0 && checkedP < 1)) {
    throw new GpError('OUT_OF_RANGE', 'p', `must be strictly between 0 and 1, got ${checkedP}`);
  }
  const checkedDf = requireDegreesOfFreedom(df);
  if (checkedP === 0.5) return 0;
  const upperTail = checkedP < 0.5 ? checkedP : 1 - checkedP;
  const t = twoSidedTailInverse(2 * upperTail, checkedDf);
  return checkedP < 0.5 ? -t : t;
}
