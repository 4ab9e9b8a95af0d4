/**
 * Shared checks for the engine's "no NaN or Infinity ever leaves" rule and its bad-input
 * fuzzing: every call either returns only finite numbers or throws a GpError.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { GpError } from '../../src/engine/errors.js';

/** Paths of every non-finite number inside `value` (objects, arrays, nested). */
export function nonFinitePaths(value: unknown, at = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${at}.${k}`));
  }
  return [];
}

/** Asserts that a result holds only finite numbers. */
export function expectAllFinite(value: unknown): void {
  expect(nonFinitePaths(value)).toEqual([]);
}

/**
 * Runs `call` and asserts it returned an all-finite result or threw a GpError with a code
 * and a field-bearing message. Any other throw (TypeError, RangeError, …) fails the test.
 * Returns 'ok' or the error, for callers that want to look further.
 */
export function expectFiniteOrGpError(call: () => unknown): 'ok' | GpError {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof GpError)) {
      throw new Error(`expected a GpError, got ${String(error)}`, { cause: error });
    }
    expect(error.code).toMatch(/^[A-Z_]+$/);
    return error;
  }
  expectAllFinite(result);
  return 'ok';
}

/** Numbers that break naive code: NaN, ±Infinity, ±0, extremes, and ordinary doubles. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324, -1, 1),
  fc.double(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

/** Anything JSON can hold, plus non-finite numbers, for fuzzing untyped inputs. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyNumber,
  fc.constantFrom(null, undefined, '', 'abc', [], {}),
  fc.array(nastyNumber, { maxLength: 4 }),
);
