import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { compareProductivity, productivityChange } from './productivity-change.js';
import type { ProductivityData } from './total-productivity.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('productivityChange', () => {
  it('gives percentage points and relative percent: Case C 145.39 % → 146.35 % is +0.96 points, +0.66 %', () => {
    const change = productivityChange(1.4539, 1.4635);
    expectSignificant(change.changePoints, 0.96, 4);
    expectSignificant(change.relativeChangePercent, (0.96 / 145.39) * 100, 4);
    expect(change.beforePercent).toBeCloseTo(145.39, 10);
  });

  it('refuses a zero or negative first productivity', () => {
    expect(failure(() => productivityChange(0, 1))).toBe('OUT_OF_RANGE before: must be > 0, got 0');
    expect(failure(() => productivityChange(1, -1))).toBe(
      'OUT_OF_RANGE after: must be ≥ 0, got -1',
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, (a, b) => {
        expectFiniteOrGpError(() => productivityChange(a, b));
      }),
    );
  });
});

describe('compareProductivity', () => {
  const before: ProductivityData = {
    basis: 'value',
    unit: 'IDR',
    outputs: { sales: 120 },
    inputs: { material: 100 },
  };

  it('compares two states of the same basis', () => {
    const result = compareProductivity(before, { ...before, inputs: { material: 96 } });
    expect(result.before.percent).toBe(120);
    expect(result.after.percent).toBe(125);
    expectSignificant(result.change.changePoints, 5, 9);
    expectSignificant(result.change.relativeChangePercent, (125 / 120 - 1) * 100, 9);
  });

  it('refuses to compare a value basis with a physical one, or different units', () => {
    expect(failure(() => compareProductivity(before, { ...before, basis: 'physical' }))).toBe(
      'UNIT_MISMATCH after.basis: a physical productivity cannot be compared with a value one',
    );
    expect(failure(() => compareProductivity(before, { ...before, unit: 'kg' }))).toMatch(
      /^UNIT_MISMATCH after\.unit:/,
    );
    expect(
      failure(() => compareProductivity({ ...before, outputs: { sales: 0 } }, before)),
    ).toMatch(/^OUT_OF_RANGE before\.outputs:/);
    expect(
      failure(() => compareProductivity(before, { ...before, inputs: { material: -1 } })),
    ).toBe('OUT_OF_RANGE after.inputs.material: must be ≥ 0, got -1');
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const data = fc.record({
      basis: fc.oneof(fc.constant('value'), nastyValue),
      outputs: fc.oneof(fc.dictionary(fc.constantFrom('a', 'b'), nastyNumber), nastyValue),
      inputs: fc.oneof(fc.dictionary(fc.constantFrom('a', 'b'), nastyNumber), nastyValue),
    });
    fc.assert(
      fc.property(data, data, (a, b) => {
        expectFiniteOrGpError(() =>
          compareProductivity(a as ProductivityData, b as ProductivityData),
        );
      }),
    );
  });
});
