import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { plantMassBalance } from './plant-mass-balance.js';
import type { PlantMassBalanceInput } from './plant-mass-balance.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const bad = (b: unknown): PlantMassBalanceInput => b as PlantMassBalanceInput;

// Case B (PR. Adi Bungsu), Tabel 1: clove cutting and clove drying, kg/h.
const cutting = {
  name: 'Clove cutting',
  inputs: [{ name: 'wet clove', quantity: 100.52 }],
  products: [{ name: 'fine clove', quantity: 95.49 }],
  wastes: [{ name: 'dust', quantity: 5.03 }],
};

const clove: PlantMassBalanceInput = {
  unit: 'kg/h',
  processes: [
    {
      name: 'Clove cutting',
      inputs: [{ name: 'wet clove', quantity: 100.52 }],
      products: [{ name: 'fine clove', quantity: 95.49 }],
      wastes: [{ name: 'dust', quantity: 5.03 }],
    },
    {
      name: 'Clove drying',
      inputs: [
        { name: 'fine clove', quantity: 95.49 },
        { name: 'steam', quantity: 0.69 },
      ],
      products: [{ name: 'finished clove', quantity: 79.67 }],
      wastes: [
        { name: 'steam', quantity: 0.17 },
        { name: 'water', quantity: 16.34 },
      ],
    },
  ],
};

describe('plantMassBalance', () => {
  it('sums the processes of the published clove line and finds both balances closed', () => {
    const result = plantMassBalance(clove);
    expect(result.unit).toBe('kg/h');
    expectSignificant(result.totals.totalInput, 100.52 + 95.49 + 0.69, 9);
    expectSignificant(result.totals.totalProduct, 95.49 + 79.67, 9);
    expectSignificant(result.totals.totalWaste, 5.03 + 0.17 + 16.34, 9);
    expect(Math.abs(result.totals.closureError)).toBeLessThan(1e-9);
    expect(result.warnings).toEqual([]);
  });

  it('lists processes that do not close as warnings and still returns the balance', () => {
    const result = plantMassBalance({
      unit: 'kg/h',
      processes: [
        ...clove.processes,
        {
          name: 'Rolling',
          inputs: [{ name: 'blend', quantity: 15.625 }],
          products: [{ name: 'cigarettes', quantity: 13.6 }],
          wastes: [{ name: 'dust', quantity: 1.04 }],
        },
      ],
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      kind: 'closure-error',
      processIndex: 2,
      process: 'Rolling',
      direction: 'missing-mass',
      closureTolerancePercent: 1,
    });
    expectSignificant(result.warnings[0]?.closureError ?? 0, 0.985, 9);
    expectSignificant(result.totals.unaccountedLoss, 0.985, 9);
  });

  it('applies the closure tolerance the caller sets', () => {
    const rolling = {
      name: 'Rolling',
      inputs: [{ name: 'blend', quantity: 15.625 }],
      products: [{ name: 'cigarettes', quantity: 13.6 }],
      wastes: [{ name: 'dust', quantity: 1.04 }],
    };
    // 0.985 of 15.625 is 6.3 %: flagged at 5 %, accepted at 10 %.
    expect(
      plantMassBalance({ unit: 'kg/h', processes: [rolling] }, { closureTolerance: 0.05 }).warnings,
    ).toHaveLength(1);
    expect(
      plantMassBalance({ unit: 'kg/h', processes: [rolling] }, { closureTolerance: 0.1 }).warnings,
    ).toEqual([]);
  });

  it('refuses duplicate process names, empty plants and bad units with the field', () => {
    expect(failure(() => plantMassBalance({ unit: 'kg/h', processes: [cutting, cutting] }))).toBe(
      'DUPLICATE balance.processes[1].name: "Clove cutting" is also the name of balance.processes[0]',
    );
    expect(failure(() => plantMassBalance({ unit: 'kg/h', processes: [] }))).toBe(
      'EMPTY balance.processes: must not be empty',
    );
    expect(failure(() => plantMassBalance({ ...clove, unit: 'lb/h' }))).toMatch(
      /^INVALID_INPUT balance\.unit:/,
    );
    expect(
      failure(() =>
        plantMassBalance({
          unit: 'kg/h',
          processes: [
            cutting,
            {
              name: 'Soaking',
              inputs: [{ name: 'water', quantity: 1, unit: 'm3/h' }],
              products: [],
            },
          ],
        }),
      ),
    ).toMatch(/^UNIT_MISMATCH balance\.processes\[1\]\.inputs\[0\]\.density: "water"/);
    expect(failure(() => plantMassBalance(bad(null)))).toMatch(/^INVALID_INPUT balance:/);
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const stream = fc.record({ name: fc.constantFrom('a', 'b'), quantity: nastyNumber });
    const process = fc.record({
      name: fc.oneof(fc.constantFrom('P', 'Q'), nastyValue),
      inputs: fc.oneof(fc.array(stream, { maxLength: 3 }), nastyValue),
      products: fc.array(stream, { maxLength: 3 }),
      wastes: fc.oneof(fc.constant(undefined), fc.array(stream, { maxLength: 2 })),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom('kg/h', 't/yr'), nastyValue),
        fc.oneof(fc.array(process, { maxLength: 3 }), nastyValue),
        (unit, processes) => {
          expectFiniteOrGpError(() => plantMassBalance(bad({ unit, processes })));
        },
      ),
    );
  });
});
