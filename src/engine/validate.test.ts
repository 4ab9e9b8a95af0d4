import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GpError } from './errors.js';
import {
  divide,
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonEmpty,
  requireNonNegative,
  requireObject,
  requirePositive,
  requireUniqueIds,
} from './validate.js';

function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('guards', () => {
  it('reject non-finite and non-numeric values with NOT_FINITE and the field', () => {
    expect(codeOf(() => requireFinite(Number.NaN, 'x'))).toBe(
      'NOT_FINITE x: must be a finite number, got NaN',
    );
    expect(codeOf(() => requireFinite('3', 'a.b'))).toMatch(/^NOT_FINITE a\.b: must be a number/);
    expect(codeOf(() => requireFinite(undefined, 'y'))).toMatch(/^NOT_FINITE y:/);
  });

  it('enforce bounds with OUT_OF_RANGE', () => {
    expect(codeOf(() => requirePositive(0, 'options[2].life'))).toBe(
      'OUT_OF_RANGE options[2].life: must be > 0, got 0',
    );
    expect(codeOf(() => requireNonNegative(-1, 'w'))).toMatch(/^OUT_OF_RANGE w: must be ≥ 0/);
    expect(codeOf(() => requireInRange(1.5, 0, 1, 'p'))).toMatch(/^OUT_OF_RANGE p:/);
    expect(codeOf(() => requireInteger(2.5, 'n', 1))).toMatch(/^OUT_OF_RANGE n:/);
    expect(requireInteger(3, 'n', 1)).toBe(3);
  });

  it('reject empty lists with EMPTY and non-lists with INVALID_INPUT', () => {
    expect(codeOf(() => requireNonEmpty([], 'flows'))).toBe('EMPTY flows: must not be empty');
    expect(codeOf(() => requireNonEmpty([1], 'm', 2))).toMatch(/^EMPTY m: must have at least 2/);
    expect(codeOf(() => requireNonEmpty('x', 'm'))).toMatch(/^INVALID_INPUT m:/);
  });

  it('divide refuses a zero denominator and overflow', () => {
    expect(codeOf(() => divide(1, 0, 'ratio'))).toBe('UNDEFINED_RESULT ratio: division by zero');
    expect(codeOf(() => divide(1e308, 1e-308, 'ratio'))).toMatch(/^UNDEFINED_RESULT ratio:/);
    expect(divide(6, 3, 'ratio')).toBe(2);
  });

  it('require an object where one is expected', () => {
    expect(codeOf(() => requireObject(null, 'options[0]'))).toBe(
      'INVALID_INPUT options[0]: must be an object',
    );
    expect(codeOf(() => requireObject([], 'options[0]'))).toMatch(/^INVALID_INPUT/);
    expect(requireObject({ a: 1 }, 'x')).toEqual({ a: 1 });
  });

  it('name the second of two items with the same id', () => {
    expect(
      codeOf(() => requireUniqueIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }], 'criteria')),
    ).toBe('DUPLICATE criteria[2].id: "a" is already the id of criteria[0]');
    expect(codeOf(() => requireUniqueIds([{ id: 'a' }, { id: 'b' }], 'criteria'))).toBe('no error');
  });

  it('requireFinite passes every finite double through unchanged', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(requireFinite(x, 'x'), x)).toBe(true);
      }),
    );
  });
});
