import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import type { PlantMassBalanceInput } from '../mass-balance/plant-mass-balance.js';
import { processProductivity } from './process-productivity.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const simple = (name: string, input: number, product: number) => ({
  name,
  inputs: [{ name: 'in', quantity: input }],
  products: [{ name: 'out', quantity: product }],
  wastes: [{ name: 'waste', quantity: input - product }],
});

describe('processProductivity', () => {
  it('reproduces the steam conditioning example of Case B (pers. 1): 43 / 43.48 = 0.98896', () => {
    const result = processProductivity({
      unit: 'kg/h',
      processes: [
        {
          name: 'Steam conditioning',
          inputs: [
            { name: 'tobacco', quantity: 42.79 },
            { name: 'steam', quantity: 0.69 },
          ],
          products: [{ name: 'wet tobacco', quantity: 43 }],
        },
      ],
    });
    expectSignificant(result.processes[0]?.ratio ?? 0, 0.98896, 5);
    expect(result.basis).toBe('physical');
  });

  it('ranks from the weakest, equal ratios sharing a rank and keeping their order', () => {
    const result = processProductivity({
      unit: 'kg',
      processes: [simple('A', 10, 9), simple('B', 10, 5), simple('C', 20, 18), simple('D', 10, 10)],
    });
    expect(result.weakestFirst.map((p) => p.name)).toEqual(['B', 'A', 'C', 'D']);
    expect(result.processes.map((p) => p.rankFromWeakest)).toEqual([2, 1, 2, 4]);
    expectSignificant(result.ratioOfTotals.ratio, 42 / 50, 12);
    expectSignificant(result.meanOfRatios.ratio, (0.9 + 0.5 + 0.9 + 1) / 4, 12);
  });

  it('passes on the balance closure warnings and errors', () => {
    const result = processProductivity({
      unit: 'kg',
      processes: [
        {
          name: 'Leaky',
          inputs: [{ name: 'in', quantity: 10 }],
          products: [{ name: 'out', quantity: 5 }],
        },
      ],
    });
    expect(result.closureWarnings).toHaveLength(1);
    expect(failure(() => processProductivity({ unit: 'kg', processes: [] }))).toBe(
      'EMPTY balance.processes: must not be empty',
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const process = fc.record({
      name: fc.constantFrom('P', 'Q', 'R'),
      inputs: fc.array(fc.record({ name: fc.constant('i'), quantity: nastyNumber }), {
        maxLength: 2,
      }),
      products: fc.oneof(
        fc.array(fc.record({ name: fc.constant('p'), quantity: nastyNumber }), { maxLength: 2 }),
        nastyValue,
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(process, { maxLength: 3 }), nastyValue), (processes) => {
        expectFiniteOrGpError(() =>
          processProductivity({ unit: 'kg/h', processes } as PlantMassBalanceInput),
        );
      }),
    );
  });
});
