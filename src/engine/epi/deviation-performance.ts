/**
 * The deviation Pi of one effluent parameter from its standard (APO EPI, deviation method):
 * positive when the parameter complies, negative when it breaks the limit, in proportion to
 * how far. The papers use only upper limits; a lower limit (dissolved oxygen) and a range
 * (pH 6–9) are scored with the same sign convention.
 */
import { GpError } from '../errors.js';
import { isRange, requireNumberOrRange, type NumberOrRange } from '../range.js';
import { divide, requireFinite, requirePositive } from '../validate.js';

/** 'upper': a maximum (BOD ≤ 30); 'lower': a minimum (DO ≥ 4); 'range': both (pH 6–9). */
export type DeviationLimitKind = 'upper' | 'lower' | 'range';

/** A standard checked against its kind: a positive number, or 0 < low ≤ high. */
export type CheckedDeviationStandard =
  | { readonly kind: 'upper'; readonly value: number }
  | { readonly kind: 'lower'; readonly value: number }
  | { readonly kind: 'range'; readonly low: number; readonly high: number };

/**
 * Checks a standard and its kind: a number is an upper limit unless the kind says 'lower'; a
 * range `{ low, high }` is two-sided.
 * @equation S > 0 (one-sided); 0 < low ≤ high (range)
 * @source APO, Handbook on Green Productivity (2006), EPI by deviation from the regulatory standard
 * @param standard a number or `{ low, high }`
 * @param limitKind 'upper' (default for a number), 'lower', or 'range' (default for a range)
 * @throws GpError OUT_OF_RANGE when a standard is ≤ 0 (a zero standard makes Pi undefined), field `standard` or `standard.low`
 * @throws GpError INVALID_INPUT when `limitKind` is unknown or does not fit the standard (field `limitKind`)
 * @example checkDeviationStandard({ low: 6, high: 9 }) // => { kind: 'range', low: 6, high: 9 }
 */
export function checkDeviationStandard(
  standard: NumberOrRange,
  limitKind?: DeviationLimitKind,
): CheckedDeviationStandard {
  if (
    limitKind !== undefined &&
    limitKind !== 'upper' &&
    limitKind !== 'lower' &&
    limitKind !== 'range'
  ) {
    throw new GpError(
      'INVALID_INPUT',
      'limitKind',
      `must be 'upper', 'lower' or 'range', got ${typeof limitKind === 'string' ? `"${limitKind}"` : typeof limitKind}`,
    );
  }
  const checked = requireNumberOrRange(standard, 'standard');
  if (isRange(checked)) {
    if (limitKind !== undefined && limitKind !== 'range') {
      throw new GpError(
        'INVALID_INPUT',
        'limitKind',
        `a range standard is two-sided: use 'range' or leave it out, got '${limitKind}'`,
      );
    }
    return {
      kind: 'range',
      low: requirePositive(checked.low, 'standard.low'),
      high: requirePositive(checked.high, 'standard.high'),
    };
  }
  if (limitKind === 'range') {
    throw new GpError(
      'INVALID_INPUT',
      'limitKind',
      "'range' needs a standard { low, high }, got a single number",
    );
  }
  const value = requirePositive(checked, 'standard');
  return limitKind === 'lower' ? { kind: 'lower', value } : { kind: 'upper', value };
}

/**
 * Pi of a value against a standard already checked by `checkDeviationStandard`.
 * @equation upper: (S − M)/S; lower: (M − S)/S; range: min((hi − M)/hi, (M − lo)/lo)
 * @source CV. ABC (Case A) eq. (3); lower limit and range: Lestari's sign-consistent generalisation
 * @param measured a finite measured value
 * @param standard the checked standard
 * @param field the field to name on overflow
 * @throws GpError UNDEFINED_RESULT when Pi overflows
 * @example performanceAgainst(7.65, { kind: 'range', low: 6, high: 9 }, 'measured') // => 0.15
 */
export function performanceAgainst(
  measured: number,
  standard: CheckedDeviationStandard,
  field: string,
): number {
  if (standard.kind === 'upper') return divide(standard.value - measured, standard.value, field);
  if (standard.kind === 'lower') return divide(measured - standard.value, standard.value, field);
  const belowHigh = divide(standard.high - measured, standard.high, field);
  const aboveLow = divide(measured - standard.low, standard.low, field);
  return Math.min(belowHigh, aboveLow);
}

/**
 * The deviation Pi of a measured value from its standard; negative means the limit is broken.
 * @equation upper: Pi = (S − M)/S; lower: Pi = (M − S)/S; range [lo, hi]: Pi = min((hi − M)/hi, (M − lo)/lo)
 * @source CV. ABC (Case A) eq. (3) and Tabel II; PT ECCO Tannery (Case C) Tabel 6; lower limit and range: Lestari's sign-consistent generalisation
 * @param measured the measured value M (a number; resolve "< x" first)
 * @param standard S, or `{ low, high }` for a range
 * @param limitKind 'upper' (default for a number), 'lower', or 'range'
 * @throws GpError NOT_FINITE when `measured` is not a finite number
 * @throws GpError OUT_OF_RANGE when a standard is ≤ 0 (field `standard`, `standard.low` or `standard.high`)
 * @throws GpError INVALID_INPUT when `limitKind` does not fit the standard; UNDEFINED_RESULT when Pi overflows
 * @example deviationPerformance(17.5, 30) // => 0.41667 (BOD, Case A Tabel II)
 */
export function deviationPerformance(
  measured: number,
  standard: NumberOrRange,
  limitKind?: DeviationLimitKind,
): number {
  const value = requireFinite(measured, 'measured');
  const checked = checkDeviationStandard(standard, limitKind);
  return performanceAgainst(value, checked, 'measured');
}
