/**
 * Discrete compound-interest factors: end-of-period amounts, interest compounded once per
 * period at rate i > −1 for n ≥ 0 periods. The closed forms are exact; the engine does not
 * read printed tables. At i = 0 the uniform-series factors take their limits (P/A = F/A = n,
 * A/P = A/F = 1/n). Non-integer n is accepted: every closed form is defined for real n ≥ 0
 * (it is what a spreadsheet's PV/FV/PMT return for fractional NPER); cash-flow series
 * elsewhere in the chapter use whole periods.
 *
 * Numerics: with x = n·ln(1 + i), (1 + i)^n = e^x. Where |x| < 1 the uniform-series factors
 * are computed as n · (ln(1+i)/i) · ((e^x − 1)/x) with log1p/expm1, so a tiny rate loses no
 * digits to cancellation; elsewhere the textbook form is used directly. A factor that
 * overflows throws UNDEFINED_RESULT.
 */
import { GpError } from '../errors.js';
import { requireFiniteResult, requireNonNegative, requirePositive } from '../validate.js';
import { requireInterestRate } from './economic-inputs.js';

/** The six standard factors, in the textbooks' (Find/Given) notation. */
export type InterestFactorNotation = 'P/F' | 'F/P' | 'A/P' | 'P/A' | 'A/F' | 'F/A';

/** ln(1 + i) / i, → 1 as i → 0. */
function logRatio(rate: number): number {
  return rate === 0 ? 1 : Math.log1p(rate) / rate;
}

/** (e^x − 1) / x, → 1 as x → 0. */
function expm1Ratio(x: number): number {
  return x === 0 ? 1 : Math.expm1(x) / x;
}

function checkedInputs(rate: unknown, periods: unknown, positivePeriods: boolean) {
  const i = requireInterestRate(rate, 'rate');
  const n = positivePeriods
    ? requirePositive(periods, 'periods')
    : requireNonNegative(periods, 'periods');
  return { i, n, x: n * Math.log1p(i) };
}

function finiteFactor(value: number): number {
  if (Number.isNaN(value)) {
    throw new GpError('UNDEFINED_RESULT', 'periods', 'interest factor is undefined');
  }
  return requireFiniteResult(value, 'periods');
}

/**
 * Single-payment present worth factor (P/F, i, n): today's value of 1 paid after n periods.
 *
 * @equation (P/F,i,n) = (1 + i)^−n
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3, single payment present worth factor
 * @param rate Interest rate per period as a fraction (0.1 = 10 %), > −1.
 * @param periods Number of periods n ≥ 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods < 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows (rate near −1, large n)
 * @example presentGivenFutureFactor(0.1, 5) // => 0.620921…
 */
export function presentGivenFutureFactor(rate: number, periods: number): number {
  const { x } = checkedInputs(rate, periods, false);
  return finiteFactor(Math.exp(-x));
}

/**
 * Single-payment compound amount factor (F/P, i, n): the value after n periods of 1 today.
 *
 * @equation (F/P,i,n) = (1 + i)^n
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3, single payment compound amount factor
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods n ≥ 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods < 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows (large i and n)
 * @example futureGivenPresentFactor(0.1, 5) // => 1.61051
 */
export function futureGivenPresentFactor(rate: number, periods: number): number {
  const { x } = checkedInputs(rate, periods, false);
  return finiteFactor(Math.exp(x));
}

/**
 * Uniform-series present worth factor (P/A, i, n): today's value of 1 paid at the end of
 * each of n periods.
 *
 * @equation (P/A,i,n) = (1 − (1 + i)^−n) / i, and n when i = 0
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 4, uniform series present worth factor
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods n ≥ 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods < 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows (rate near −1, large n)
 * @example presentGivenAnnualFactor(0.1, 5) // => 3.790787
 */
export function presentGivenAnnualFactor(rate: number, periods: number): number {
  const { i, n, x } = checkedInputs(rate, periods, false);
  if (Math.abs(x) < 1) return finiteFactor(n * logRatio(i) * expm1Ratio(-x));
  return finiteFactor(-Math.expm1(-x) / i);
}

/**
 * Capital recovery factor (A/P, i, n): the end-of-period amount over n periods that is
 * equivalent to 1 today.
 *
 * @equation (A/P,i,n) = i(1 + i)^n / ((1 + i)^n − 1) = i / (1 − (1 + i)^−n), and 1/n when i = 0
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 4, capital recovery factor
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods n > 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods ≤ 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows
 * @example annualGivenPresentFactor(0.1, 5) // => 0.263797 (Case A; tables print 0.2638)
 */
export function annualGivenPresentFactor(rate: number, periods: number): number {
  const { i, n, x } = checkedInputs(rate, periods, true);
  if (Math.abs(x) < 1) return finiteFactor(1 / (n * logRatio(i) * expm1Ratio(-x)));
  return finiteFactor(i / -Math.expm1(-x));
}

/**
 * Sinking fund factor (A/F, i, n): the end-of-period amount over n periods that accumulates
 * to 1 at the end of period n.
 *
 * @equation (A/F,i,n) = i / ((1 + i)^n − 1), and 1/n when i = 0
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 4, sinking fund factor
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods n > 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods ≤ 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows
 * @example annualGivenFutureFactor(0.1, 5) // => 0.163797
 */
export function annualGivenFutureFactor(rate: number, periods: number): number {
  const { i, n, x } = checkedInputs(rate, periods, true);
  if (Math.abs(x) < 1) return finiteFactor(1 / (n * logRatio(i) * expm1Ratio(x)));
  return finiteFactor(i / Math.expm1(x));
}

/**
 * Uniform-series compound amount factor (F/A, i, n): the value at the end of period n of 1
 * paid at the end of each of n periods.
 *
 * @equation (F/A,i,n) = ((1 + i)^n − 1) / i, and n when i = 0
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 4, uniform series compound amount factor
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods n ≥ 0 (non-integer allowed).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods < 0
 * @throws GpError UNDEFINED_RESULT when the factor overflows (large i and n)
 * @example futureGivenAnnualFactor(0.1, 5) // => 6.1051
 */
export function futureGivenAnnualFactor(rate: number, periods: number): number {
  const { i, n, x } = checkedInputs(rate, periods, false);
  if (Math.abs(x) < 1) return finiteFactor(n * logRatio(i) * expm1Ratio(x));
  return finiteFactor(Math.expm1(x) / i);
}

/**
 * Any of the six factors by its notation, for studies that name the factor as text.
 *
 * @equation (X/Y,i,n) as in the six closed forms above
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3–4, compound interest factor notation
 * @param notation 'P/F', 'F/P', 'A/P', 'P/A', 'A/F' or 'F/A'.
 * @param rate Interest rate per period as a fraction, > −1.
 * @param periods Number of periods (> 0 for A/P and A/F, ≥ 0 otherwise).
 * @throws GpError INVALID_INPUT when the notation is not one of the six
 * @throws GpError OUT_OF_RANGE when rate ≤ −1 or periods out of range
 * @throws GpError UNDEFINED_RESULT when the factor overflows
 * @example interestFactor('A/P', 0.15, 5) // => 0.298316 (Case C)
 */
export function interestFactor(
  notation: InterestFactorNotation,
  rate: number,
  periods: number,
): number {
  switch (notation) {
    case 'P/F':
      return presentGivenFutureFactor(rate, periods);
    case 'F/P':
      return futureGivenPresentFactor(rate, periods);
    case 'P/A':
      return presentGivenAnnualFactor(rate, periods);
    case 'A/P':
      return annualGivenPresentFactor(rate, periods);
    case 'A/F':
      return annualGivenFutureFactor(rate, periods);
    case 'F/A':
      return futureGivenAnnualFactor(rate, periods);
    default:
      throw new GpError(
        'INVALID_INPUT',
        'notation',
        `must be one of P/F, F/P, A/P, P/A, A/F, F/A, got ${String(notation)}`,
      );
  }
}
