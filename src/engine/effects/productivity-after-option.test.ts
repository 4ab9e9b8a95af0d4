import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import type { ProductivityData } from '../productivity/total-productivity.js';
import { productivityAfterOption } from './productivity-after-option.js';
import type { OptionProductivityChanges } from './productivity-after-option.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const badChanges = (c: unknown): OptionProductivityChanges => c as OptionProductivityChanges;

// Case C (PT ECCO Tannery), section 4.2.6 B: the year's output and input categories, million IDR.
const ecco: ProductivityData = {
  basis: 'value',
  unit: 'million IDR',
  outputs: { output: 411924.42 },
  inputs: {
    'raw material': 248413.4,
    labour: 6991.57,
    energy: 24440.9,
    'waste treatment': 3492.72,
  },
};

describe('productivityAfterOption', () => {
  it('adds the sludge dryer energy and subtracts the waste-treatment saving (Case C alternative 1)', () => {
    const result = productivityAfterOption(ecco, {
      inputs: [
        { category: 'energy', delta: 28.8, label: 'electricity' },
        { category: 'energy', delta: 224.571, label: 'fuel' },
        { category: 'waste treatment', delta: -1016.214, label: 'saving at PPLI' },
      ],
    });
    // The paper: energy 24,694.271; waste treatment 2,476.506; total input 282,575.75; 145.77 %.
    expect(result.inputs.find((c) => c.category === 'energy')?.after).toBeCloseTo(24694.271, 6);
    expect(result.inputs.find((c) => c.category === 'waste treatment')?.after).toBeCloseTo(
      2476.506,
      6,
    );
    expectSignificant(result.after.totalInput, 282575.747, 9);
    expectSignificant(result.after.percent, 145.77, 5);
    expect(result.outputs).toEqual([
      { category: 'output', before: 411924.42, after: 411924.42, change: 0 },
    ]);
    expectSignificant(result.change.changePoints, result.after.percent - result.before.percent, 12);
  });

  it('sets a category to a new value and changes outputs too', () => {
    const result = productivityAfterOption(
      { basis: 'physical', outputs: { good: 90, reject: 10 }, inputs: { material: 100 } },
      {
        outputs: [
          { category: 'good', delta: 5 },
          { category: 'reject', value: 5 },
        ],
        inputs: [{ category: 'material', value: 95 }],
      },
    );
    expect(result.before.ratio).toBe(1);
    expect(result.after.ratio).toBeCloseTo(100 / 95, 12);
    expect(result.change.relativeChangePercent).toBeCloseTo((100 / 95 - 1) * 100, 10);
  });

  it('absorbs rounding when deltas cancel a category exactly', () => {
    const result = productivityAfterOption(
      { basis: 'value', outputs: { o: 1 }, inputs: { a: 0.3, b: 1 } },
      {
        inputs: [
          { category: 'a', delta: -0.1 },
          { category: 'a', delta: -0.2 },
        ],
      },
    );
    expect(result.inputs[0]?.after).toBe(0);
  });

  it('refuses unknown categories, negative results and malformed changes with the field', () => {
    expect(
      failure(() => productivityAfterOption(ecco, { inputs: [{ category: 'fuel', delta: 1 }] })),
    ).toMatch(
      /^UNKNOWN_REFERENCE changes\.inputs\[0\]\.category: no category "fuel"; known: raw material, labour/,
    );
    expect(
      failure(() =>
        productivityAfterOption(ecco, { inputs: [{ category: 'waste treatment', delta: -3500 }] }),
      ),
    ).toMatch(
      /^OUT_OF_RANGE changes\.inputs\[0\]: would leave category "waste treatment" at -7\.28/,
    );
    expect(
      failure(() =>
        productivityAfterOption(
          ecco,
          badChanges({ inputs: [{ category: 'energy', delta: 1, value: 2 }] }),
        ),
      ),
    ).toBe('INVALID_INPUT changes.inputs[0]: must have exactly one of delta and value');
    expect(
      failure(() =>
        productivityAfterOption(
          ecco,
          badChanges({ outputs: [{ category: 'output', value: Number.NaN }] }),
        ),
      ),
    ).toMatch(/^NOT_FINITE changes\.outputs\[0\]\.value:/);
    expect(
      failure(() =>
        productivityAfterOption(
          { basis: 'value', outputs: { o: 1 }, inputs: { a: 1 } },
          { inputs: [{ category: 'a', value: 0 }] },
        ),
      ),
    ).toBe('UNDEFINED_RESULT changes.inputs: total input is 0: productivity is undefined');
    expect(failure(() => productivityAfterOption({ ...ecco, inputs: {} }, {}))).toBe(
      'EMPTY current.inputs: must not be empty',
    );
    expect(failure(() => productivityAfterOption({ ...ecco, outputs: { o: 0 } }, {}))).toMatch(
      /^OUT_OF_RANGE current\.outputs:/,
    );
  });

  it('raises productivity when an input falls and lowers it when an input rises', () => {
    fc.assert(
      fc.property(fc.double({ min: -3000, max: 3000, noNaN: true }), (delta) => {
        const result = productivityAfterOption(ecco, { inputs: [{ category: 'energy', delta }] });
        if (delta > 0) expect(result.change.changePoints).toBeLessThanOrEqual(0);
        if (delta < 0) expect(result.change.changePoints).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const change = fc.record(
      {
        category: fc.oneof(fc.constantFrom('a', 'b', 'x'), nastyValue),
        delta: nastyNumber,
        value: nastyNumber,
      },
      { requiredKeys: ['category'] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b'), nastyNumber, { minKeys: 1 }),
        fc.oneof(fc.array(change, { maxLength: 3 }), nastyValue),
        fc.oneof(fc.array(change, { maxLength: 3 }), fc.constant(undefined)),
        (inputs, inputChanges, outputChanges) => {
          expectFiniteOrGpError(() =>
            productivityAfterOption(
              { basis: 'value', outputs: { a: 5 }, inputs },
              badChanges({ inputs: inputChanges, outputs: outputChanges }),
            ),
          );
        },
      ),
    );
  });
});
