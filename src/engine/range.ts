/**
 * A closed numeric interval, as studies write "6–12 months" or "COD removal 80–90 %".
 * Ranges stay ranges in the engine; calculations that need one number take a documented
 * point (see `pointOf`), and screening rules compare against the relevant end.
 */
import { GpError } from './errors.js';
import { requireFinite } from './validate.js';

export interface NumericRange {
  readonly low: number;
  readonly high: number;
}

/** A single number or a closed interval. */
export type NumberOrRange = number | NumericRange;

/** Which number of a range a single-value calculation uses. Default: 'low' (issue 3). */
export type RangePoint = 'low' | 'mid' | 'high';

export function isRange(value: NumberOrRange): value is NumericRange {
  return typeof value === 'object' && value !== null;
}

/** Validates a number or a range (low ≤ high, both finite) and returns it. */
export function requireNumberOrRange(value: unknown, field: string): NumberOrRange {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const r = value as { low?: unknown; high?: unknown };
    const low = requireFinite(r.low, `${field}.low`);
    const high = requireFinite(r.high, `${field}.high`);
    if (low > high) {
      throw new GpError('OUT_OF_RANGE', field, `range low (${low}) must be ≤ high (${high})`);
    }
    return { low, high };
  }
  return requireFinite(value, field);
}

/** The lower and upper ends; a single number is both. */
export function bounds(value: NumberOrRange): NumericRange {
  return isRange(value) ? value : { low: value, high: value };
}

/** The single number a point calculation uses for `value`. */
export function pointOf(value: NumberOrRange, point: RangePoint = 'low'): number {
  if (!isRange(value)) return value;
  if (point === 'low') return value.low;
  if (point === 'high') return value.high;
  return value.low + (value.high - value.low) / 2;
}
