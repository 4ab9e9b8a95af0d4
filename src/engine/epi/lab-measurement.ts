/**
 * Lab results as reports print them: a number, a result below a detection limit ("< 0.0072")
 * or above a measuring range ("> 1000"), and the policy that turns a "< x" into one number.
 * Every resolved value says how it relates to the true value (exact, a bound, or an estimate),
 * because an EPI computed from "< x" results is a bound, not a measurement.
 */
import { GpError, path } from '../errors.js';
import { requireFinite, requirePositive } from '../validate.js';

/** "<": below the detection limit; ">": above the measuring range. */
export type LabQualifier = '<' | '>';

/** A lab result: a plain number, or `{ value, qualifier }` for "< 0.0072" and "> 1000". */
export type LabMeasurement =
  number | { readonly value: number; readonly qualifier?: LabQualifier | undefined };

/** Which number a "< x" result is computed with: x itself (default, as Case C), x / 2, or 0. */
export type DetectionLimitPolicy = 'limit' | 'half' | 'zero';

/**
 * How a reported number relates to the true one: 'exact'; 'atLeast' (the true value is at
 * least the reported one, which is a lower bound); 'atMost' (an upper bound); 'estimate'
 * (the true value may lie on either side, e.g. with the half-the-limit policy).
 */
export type EpiBound = 'exact' | 'atLeast' | 'atMost' | 'estimate';

/** Where a true value can lie; a missing end means unbounded on that side. */
export interface EpiInterval {
  readonly low?: number | undefined;
  readonly high?: number | undefined;
}

/** A measurement turned into the number calculations use, with what it means. */
export interface ResolvedLabMeasurement {
  /** The number the calculation uses (after the detection-limit policy). */
  readonly value: number;
  /** The number as reported (the x of "< x"). */
  readonly reported: number;
  readonly qualifier: LabQualifier | undefined;
  /** The true value relative to `value`. */
  readonly bound: EpiBound;
  /** Where the true value can lie: [0, x] for "< x" (a non-negative quantity), [x, ∞) for "> x". */
  readonly interval: { readonly low: number; readonly high: number | undefined };
}

/**
 * Checks a detection-limit policy setting; undefined gives the default 'limit'.
 * @equation policy ∈ {limit, half, zero}; default limit
 * @source PT ECCO Tannery Indonesia (Case C) Tabel 6: "< x" computed with x
 * @param policy the setting as given (may come from untyped JSON)
 * @param field the field name to report
 * @throws GpError INVALID_INPUT when the policy is not one of the three
 * @example requireDetectionLimitPolicy(undefined, 'settings.belowDetectionLimit') // => 'limit'
 */
export function requireDetectionLimitPolicy(policy: unknown, field: string): DetectionLimitPolicy {
  if (policy === undefined) return 'limit';
  if (policy === 'limit' || policy === 'half' || policy === 'zero') return policy;
  throw new GpError(
    'INVALID_INPUT',
    field,
    `must be 'limit', 'half' or 'zero', got ${typeof policy === 'string' ? `"${policy}"` : typeof policy}`,
  );
}

/**
 * Checks a lab measurement and returns it normalised: a number, or `{ value, qualifier }`.
 * @equation measured = number | { value, qualifier ∈ {<, >} }; the x of "< x" must be > 0
 * @source PT ECCO Tannery Indonesia (Case C) Tabel 2–3: "< 0.0072", "< 0.5" as reported
 * @param measured the measurement as given
 * @param field the field name to report
 * @throws GpError NOT_FINITE when the value is not a finite number (field `<field>.value` for objects)
 * @throws GpError OUT_OF_RANGE when a detection limit "< x" has x ≤ 0
 * @throws GpError INVALID_INPUT when it is neither a number nor an object, or the qualifier is unknown
 * @example requireLabMeasurement({ value: 0.5, qualifier: '<' }, 'measured') // => { value: 0.5, qualifier: '<' }
 */
export function requireLabMeasurement(measured: unknown, field: string): LabMeasurement {
  if (typeof measured !== 'object' || measured === null || Array.isArray(measured)) {
    return requireFinite(measured, field);
  }
  const { value, qualifier } = measured as { value?: unknown; qualifier?: unknown };
  const valueField = path(field, 'value');
  if (qualifier === undefined) return { value: requireFinite(value, valueField) };
  if (qualifier === '<') return { value: requirePositive(value, valueField), qualifier };
  if (qualifier === '>') return { value: requireFinite(value, valueField), qualifier };
  throw new GpError(
    'INVALID_INPUT',
    path(field, 'qualifier'),
    `must be '<' or '>', got ${typeof qualifier === 'string' ? `"${qualifier}"` : typeof qualifier}`,
  );
}

/**
 * Turns a lab measurement into the number a calculation uses, marked exact or as a bound.
 * @equation "< x": value = x (limit, the true value is atMost it), x/2 (half, an estimate) or 0 (zero, atLeast); "> x": value = x (atLeast)
 * @source PT ECCO Tannery Indonesia (Case C) Tabel 6 (computes "< 0.0072" with 0.0072)
 * @param measured a number or `{ value, qualifier }`
 * @param policy what "< x" is computed with (default 'limit')
 * @throws GpError NOT_FINITE, OUT_OF_RANGE or INVALID_INPUT as `requireLabMeasurement` (field `measured`), INVALID_INPUT for an unknown `policy`
 * @example resolveLabMeasurement({ value: 0.0072, qualifier: '<' }) // => { value: 0.0072, reported: 0.0072, qualifier: '<', bound: 'atMost', interval: { low: 0, high: 0.0072 } }
 */
export function resolveLabMeasurement(
  measured: LabMeasurement,
  policy?: DetectionLimitPolicy,
): ResolvedLabMeasurement {
  const checkedPolicy = requireDetectionLimitPolicy(policy, 'policy');
  const checked = requireLabMeasurement(measured, 'measured');
  if (typeof checked === 'number' || checked.qualifier === undefined) {
    const value = typeof checked === 'number' ? checked : checked.value;
    return {
      value,
      reported: value,
      qualifier: undefined,
      bound: 'exact',
      interval: { low: value, high: value },
    };
  }
  const x = checked.value;
  if (checked.qualifier === '>') {
    return {
      value: x,
      reported: x,
      qualifier: '>',
      bound: 'atLeast',
      interval: { low: x, high: undefined },
    };
  }
  const interval = { low: 0, high: x };
  if (checkedPolicy === 'limit') {
    return { value: x, reported: x, qualifier: '<', bound: 'atMost', interval };
  }
  if (checkedPolicy === 'zero') {
    return { value: 0, reported: x, qualifier: '<', bound: 'atLeast', interval };
  }
  return { value: x / 2, reported: x, qualifier: '<', bound: 'estimate', interval };
}
