import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { totalProductivity } from './total-productivity.js';
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

const bad = (d: unknown): ProductivityData => d as ProductivityData;

describe('totalProductivity', () => {
  it('reproduces Case C January (Tabel 5): 35,222.54 / 23,781.28 = 148.11 %', () => {
    const result = totalProductivity({
      basis: 'value',
      unit: 'million IDR',
      outputs: { output: 35222.54 },
      inputs: { total: 23781.28 },
    });
    expectSignificant(result.percent, 148.11, 5);
    expectSignificant(result.ratio, 1.4811, 5);
    expect(result.unit).toBe('million IDR');
  });

  it('sums outputs and inputs and gives each category its partial productivity and share', () => {
    const result = totalProductivity({
      basis: 'physical',
      unit: 'kg',
      outputs: { speakers: 80, offcuts: 20 },
      inputs: { material: 60, energy: 20, water: 0 },
    });
    expect(result.totalOutput).toBe(100);
    expect(result.totalInput).toBe(80);
    expect(result.ratio).toBe(1.25);
    expect(result.partial.map((p) => [p.kind, p.category, p.input, p.percentOfTotalInput])).toEqual(
      [
        ['ratio', 'material', 60, 75],
        ['ratio', 'energy', 20, 25],
        ['zero-input', 'water', 0, 0],
      ],
    );
    const [material, energy] = result.partial;
    expect(material?.kind === 'ratio' && material.ratio).toBeCloseTo(100 / 60, 12);
    expect(energy?.kind === 'ratio' && energy.percent).toBeCloseTo(500, 12);
  });

  it('refuses bad data with the code and field', () => {
    expect(
      failure(() =>
        totalProductivity(bad({ basis: 'money', outputs: { a: 1 }, inputs: { b: 1 } })),
      ),
    ).toMatch(/^INVALID_INPUT data\.basis:/);
    expect(
      failure(() => totalProductivity({ basis: 'value', outputs: { a: 1 }, inputs: {} })),
    ).toBe('EMPTY data.inputs: must not be empty');
    expect(
      failure(() =>
        totalProductivity({ basis: 'value', outputs: { a: 1 }, inputs: { energy: -2 } }),
      ),
    ).toBe('OUT_OF_RANGE data.inputs.energy: must be ≥ 0, got -2');
    expect(
      failure(() =>
        totalProductivity({ basis: 'value', outputs: { a: 1 }, inputs: { energy: 0 } }),
      ),
    ).toBe('UNDEFINED_RESULT data.inputs: total input is 0: productivity is undefined');
    expect(
      failure(() => totalProductivity(bad({ basis: 'value', outputs: [1], inputs: { a: 1 } }))),
    ).toMatch(/^INVALID_INPUT data\.outputs:/);
    expect(failure(() => totalProductivity(bad(undefined)))).toMatch(/^INVALID_INPUT data:/);
  });

  it('rises with output and falls with every input category', () => {
    const amount = fc.double({ min: 0, max: 1e9, noNaN: true });
    const positive = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        amount,
        positive,
        positive,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (output, material, energy, more) => {
          const base = totalProductivity({
            basis: 'value',
            outputs: { o: output },
            inputs: { material, energy },
          });
          const moreOutput = totalProductivity({
            basis: 'value',
            outputs: { o: output + more },
            inputs: { material, energy },
          });
          const moreMaterial = totalProductivity({
            basis: 'value',
            outputs: { o: output },
            inputs: { material: material + more, energy },
          });
          const moreEnergy = totalProductivity({
            basis: 'value',
            outputs: { o: output },
            inputs: { material, energy: energy + more },
          });
          expect(moreOutput.ratio).toBeGreaterThanOrEqual(base.ratio);
          expect(moreMaterial.ratio).toBeLessThanOrEqual(base.ratio);
          expect(moreEnergy.ratio).toBeLessThanOrEqual(base.ratio);
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const record = fc.oneof(
      fc.dictionary(fc.constantFrom('a', 'b', 'energy', ''), nastyNumber),
      nastyValue,
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('value', 'physical'), nastyValue),
        record,
        record,
        (basis, outputs, inputs) => {
          expectFiniteOrGpError(() => totalProductivity(bad({ basis, outputs, inputs })));
        },
      ),
    );
  });
});
