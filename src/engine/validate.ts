/**
 * Guards for engine inputs and outputs. Each returns the checked value or throws a GpError
 * naming the field, so no NaN or Infinity ever leaves the engine. Inputs may come from
 * untyped JSON, so the guards check `typeof` too.
 */
import { GpError } from './errors.js';

/** A finite number, or throws NOT_FINITE. */
export function requireFinite(value: unknown, field: string): number {
  if (typeof value !== 'number') {
    throw new GpError('NOT_FINITE', field, `must be a number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new GpError('NOT_FINITE', field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(value: unknown, field: string): number {
  const v = requireFinite(value, field);
  if (!(v > 0)) throw new GpError('OUT_OF_RANGE', field, `must be > 0, got ${v}`);
  return v;
}

/** A finite number ≥ 0. */
export function requireNonNegative(value: unknown, field: string): number {
  const v = requireFinite(value, field);
  if (!(v >= 0)) throw new GpError('OUT_OF_RANGE', field, `must be ≥ 0, got ${v}`);
  return v;
}

/** A finite number in the closed interval [min, max]. */
export function requireInRange(value: unknown, min: number, max: number, field: string): number {
  const v = requireFinite(value, field);
  if (!(v >= min && v <= max)) {
    throw new GpError('OUT_OF_RANGE', field, `must be between ${min} and ${max}, got ${v}`);
  }
  return v;
}

/** A whole number ≥ min. */
export function requireInteger(value: unknown, field: string, min = 0): number {
  const v = requireFinite(value, field);
  if (!Number.isInteger(v) || v < min) {
    throw new GpError('OUT_OF_RANGE', field, `must be a whole number ≥ ${min}, got ${v}`);
  }
  return v;
}

/** An array with at least `min` items (default 1). */
export function requireNonEmpty<T>(items: unknown, field: string, min = 1): readonly T[] {
  if (!Array.isArray(items)) {
    throw new GpError('INVALID_INPUT', field, `must be a list, got ${describe(items)}`);
  }
  if (items.length < min) {
    throw new GpError(
      'EMPTY',
      field,
      min === 1 ? 'must not be empty' : `must have at least ${min} items, got ${items.length}`,
    );
  }
  return items as readonly T[];
}

/** A non-empty string. */
export function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new GpError('INVALID_INPUT', field, `must be a non-empty text, got ${describe(value)}`);
  }
  return value;
}

/** numerator / denominator, throwing UNDEFINED_RESULT for a zero denominator or an overflow. */
export function divide(numerator: number, denominator: number, field: string): number {
  if (denominator === 0) {
    throw new GpError('UNDEFINED_RESULT', field, 'division by zero');
  }
  return requireFiniteResult(numerator / denominator, field);
}

/** Checks a computed value: a non-finite result (overflow) throws UNDEFINED_RESULT. */
export function requireFiniteResult(value: number, field: string): number {
  if (!Number.isFinite(value)) {
    throw new GpError('UNDEFINED_RESULT', field, `result is not a finite number (${value})`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `text "${value.length > 20 ? value.slice(0, 20) + '…' : value}"`;
  return typeof value;
}

/** A plain object (not null, not a list). */
export function requireObject<T>(value: T, field: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GpError('INVALID_INPUT', field, 'must be an object');
  }
  return value;
}

/** Throws DUPLICATE at the second item whose id repeats an earlier one. */
export function requireUniqueIds(items: readonly { readonly id: string }[], field: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw new GpError(
        'DUPLICATE',
        `${field}[${i}].id`,
        `"${item.id}" is already the id of ${field}[${first}]`,
      );
    }
    seen.set(item.id, i);
  });
}
