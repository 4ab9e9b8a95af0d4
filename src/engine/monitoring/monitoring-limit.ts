/**
 * The limit a monitored reading is checked against, as a permit or a regulation writes it: a
 * maximum (COD ≤ 100 mg/L), a minimum (dissolved oxygen ≥ 4 mg/L), both, or a range (pH 6–9).
 * A reading equal to the limit complies; only readings beyond it are exceedances.
 */
import { GpError, path } from '../errors.js';
import type { NumericRange } from '../range.js';
import { requireFinite } from '../validate.js';

/** `{ max }`, `{ min }`, `{ min, max }`, or `{ range: { low, high } }` (the same as min = low, max = high). */
export type MonitoringLimit =
  | { readonly max?: number | undefined; readonly min?: number | undefined }
  | { readonly range: NumericRange };

/** A checked limit: at least one end, min ≤ max. */
export interface CheckedMonitoringLimit {
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/**
 * Checks a monitoring limit and returns its ends; fields are named under `limit`.
 * @equation limit = {max} | {min} | {min, max} | {range: {low, high}} → [min, max], min ≤ max
 * @source PermenLH 5/2014 (maximum concentrations; pH 6–9); PermenLHK P.93/2018 (SPARING: pH, COD, TSS, NH3-N)
 * @param limit the limit as given (may come from untyped JSON)
 * @throws GpError INVALID_INPUT when it is not an object, has neither end, or mixes range with min/max (field `limit`)
 * @throws GpError NOT_FINITE when an end is not a finite number (`limit.max`, `limit.range.low` …); OUT_OF_RANGE when min > max
 * @example checkMonitoringLimit({ range: { low: 6, high: 9 } }) // => { min: 6, max: 9 }
 */
export function checkMonitoringLimit(limit: unknown): CheckedMonitoringLimit {
  if (typeof limit !== 'object' || limit === null || Array.isArray(limit)) {
    throw new GpError(
      'INVALID_INPUT',
      'limit',
      'must be an object: { max }, { min }, { min, max } or { range: { low, high } }',
    );
  }
  const l = limit as Record<string, unknown>;
  if (l['range'] !== undefined) {
    if (l['min'] !== undefined || l['max'] !== undefined) {
      throw new GpError('INVALID_INPUT', 'limit', 'give either a range or min/max, not both');
    }
    const range = l['range'];
    if (typeof range !== 'object' || range === null || Array.isArray(range)) {
      throw new GpError('INVALID_INPUT', 'limit.range', 'must be an object { low, high }');
    }
    const r = range as Record<string, unknown>;
    const low = requireFinite(r['low'], path('limit', 'range', 'low'));
    const high = requireFinite(r['high'], path('limit', 'range', 'high'));
    if (low > high) {
      throw new GpError('OUT_OF_RANGE', 'limit.range', `low (${low}) must be ≤ high (${high})`);
    }
    return { min: low, max: high };
  }
  const min = l['min'] === undefined ? undefined : requireFinite(l['min'], 'limit.min');
  const max = l['max'] === undefined ? undefined : requireFinite(l['max'], 'limit.max');
  if (min === undefined && max === undefined) {
    throw new GpError('INVALID_INPUT', 'limit', 'needs max, min, both, or a range');
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw new GpError('OUT_OF_RANGE', 'limit', `min (${min}) must be ≤ max (${max})`);
  }
  return { min, max };
}

/**
 * How far a reading lies beyond its limit, in the reading's unit; 0 when it complies (a reading
 * equal to the limit complies).
 * @equation excess = max(0, x − max, min − x) (a missing end imposes nothing)
 * @source PermenLH 5/2014: a concentration "paling tinggi" (at most) the standard; Lestari's convention for min and range
 * @param value a finite reading
 * @param limit a checked limit
 * @example limitExcess(9.4, { min: 6, max: 9 }) // => 0.4
 */
export function limitExcess(value: number, limit: CheckedMonitoringLimit): number {
  if (limit.max !== undefined && value > limit.max) return value - limit.max;
  if (limit.min !== undefined && value < limit.min) return limit.min - value;
  return 0;
}

/**
 * Whether a reading breaks its limit (lies above the max or below the min).
 * @equation exceeds ⇔ x > max or x < min
 * @source PermenLH 5/2014 (maximum concentrations, pH range 6–9); PermenLHK P.93/2018 (SPARING)
 * @param value a finite reading
 * @param limit a checked limit
 * @example exceedsMonitoringLimit(100, { min: undefined, max: 100 }) // => false (equal to the limit complies)
 */
export function exceedsMonitoringLimit(value: number, limit: CheckedMonitoringLimit): boolean {
  return (
    (limit.max !== undefined && value > limit.max) || (limit.min !== undefined && value < limit.min)
  );
}
