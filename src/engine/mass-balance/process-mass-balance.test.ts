import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { processMassBalance } from './process-mass-balance.js';
import type { MassBalanceProcess } from './process-mass-balance.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const bad = (p: unknown): MassBalanceProcess => p as MassBalanceProcess;

// Case B (PR. Adi Bungsu), Tabel 1, clove soaking: dry clove 83.76 + water 286.88 kg/h in,
// wet clove 100.52 out, waste water 270.12 (the text: "286,88 kg/jam … dikeluarkan 270,12 kg/jam").
const soaking: MassBalanceProcess = {
  name: 'Clove soaking',
  inputs: [
    { name: 'dry clove', quantity: 83.76 },
    { name: 'water', quantity: 286.88 },
  ],
  products: [{ name: 'wet clove', quantity: 100.52 }],
  wastes: [{ name: 'waste water', quantity: 270.12 }],
};

describe('processMassBalance', () => {
  it('closes the published clove soaking balance and gives the waste water share of input', () => {
    const result = processMassBalance(soaking, 'kg/h');
    expectSignificant(result.totalInput, 83.76 + 286.88, 6);
    expect(Math.abs(result.closureError)).toBeLessThan(1e-9);
    expect(result.closure).toBe('within-tolerance');
    expectSignificant(result.wastes[0]?.percentOfInput ?? 0, (270.12 / 370.64) * 100, 6);
    expectSignificant(result.totalLossPercent, (270.12 / 370.64) * 100, 6);
    expect(result.unaccountedLoss).toBeLessThan(1e-9);
  });

  it('converts each stream to the balance unit, a volume through its density', () => {
    const result = processMassBalance(
      {
        name: 'Clove soaking',
        inputs: [
          { name: 'dry clove', quantity: 83.76 },
          { name: 'water', quantity: 0.28688, unit: 'm3/h', density: 1000 },
        ],
        products: [{ name: 'wet clove', quantity: 100.52, unit: 'kg/h' }],
        wastes: [{ name: 'waste water', quantity: 6.48288, unit: 't/day' }],
      },
      'kg/h',
    );
    expectSignificant(result.inputs[1]?.quantity ?? 0, 286.88, 9);
    expect(result.inputs[1]?.givenUnit).toBe('m³/h');
    expectSignificant(result.wastes[0]?.quantity ?? 0, 270.12, 9);
    expect(Math.abs(result.closureError)).toBeLessThan(1e-9);
  });

  it('reports mass missing beyond the tolerance as an unaccounted loss', () => {
    // Case B rolling (Tabel 1): blend 15.625 in, cigarettes 13.600 out, dust 1.04: 0.985 kg/h unrecorded.
    const result = processMassBalance(
      {
        name: 'Rolling',
        inputs: [{ name: 'blend', quantity: 15.625 }],
        products: [{ name: 'cigarettes', quantity: 13.6 }],
        wastes: [{ name: 'dust', quantity: 1.04 }],
      },
      'kg/h',
    );
    expectSignificant(result.closureError, 15.625 - 13.6 - 1.04, 9);
    expectSignificant(result.closureErrorPercent, ((15.625 - 13.6 - 1.04) / 15.625) * 100, 9);
    expect(result.closure).toBe('missing-mass');
    expectSignificant(result.unaccountedLoss, 0.985, 9);
    expect(
      processMassBalance(
        {
          name: 'x',
          inputs: [{ name: 'a', quantity: 10 }],
          products: [{ name: 'b', quantity: 11 }],
        },
        'kg',
      ).closure,
    ).toBe('excess-output');
  });

  it('accepts a wider tolerance and a process without products or wastes', () => {
    const result = processMassBalance(
      {
        name: 'Rolling',
        inputs: [{ name: 'blend', quantity: 100 }],
        products: [{ name: 'c', quantity: 93 }],
      },
      'kg/h',
      { closureTolerance: 0.1 },
    );
    expect(result.closure).toBe('within-tolerance');
    expect(result.closureTolerancePercent).toBe(10);
    const burn = processMassBalance(
      { name: 'Boiler', inputs: [{ name: 'fuel', quantity: 5 }], products: [] },
      'kg',
    );
    expect(burn.totalProduct).toBe(0);
    expect(burn.wastes).toEqual([]);
  });

  it('names the offending stream field for bad input', () => {
    expect(
      failure(() =>
        processMassBalance(
          {
            name: 'P',
            inputs: [
              { name: 'a', quantity: 1 },
              { name: 'b', quantity: -1 },
            ],
            products: [],
          },
          'kg/h',
        ),
      ),
    ).toBe('OUT_OF_RANGE process.inputs[1].quantity: must be ≥ 0, got -1');
    expect(
      failure(() =>
        processMassBalance(
          { name: 'P', inputs: [{ name: 'water', quantity: 1, unit: 'm³/h' }], products: [] },
          'kg/h',
        ),
      ),
    ).toMatch(/^UNIT_MISMATCH process\.inputs\[0\]\.density: "water" is in m³\/h/);
    expect(
      failure(() =>
        processMassBalance(
          { name: 'P', inputs: [{ name: 'a', quantity: 1, unit: 'kg' }], products: [] },
          'kg/h',
        ),
      ),
    ).toMatch(/^UNIT_MISMATCH process\.inputs\[0\]\.unit: "a" is in kg/);
    expect(failure(() => processMassBalance({ name: 'P', inputs: [], products: [] }, 'kg'))).toBe(
      'EMPTY process.inputs: must not be empty',
    );
    expect(
      failure(() =>
        processMassBalance({ name: 'P', inputs: [{ name: 'a', quantity: 0 }], products: [] }, 'kg'),
      ),
    ).toBe('OUT_OF_RANGE process.inputs: total input must be > 0, got 0');
    expect(failure(() => processMassBalance(soaking, 'furlong'))).toMatch(/^INVALID_INPUT unit:/);
    expect(failure(() => processMassBalance(soaking, 'kg/h', { closureTolerance: 2 }))).toMatch(
      /^OUT_OF_RANGE settings\.closureTolerance:/,
    );
    expect(failure(() => processMassBalance(bad(null), 'kg'))).toMatch(/^INVALID_INPUT process:/);
    expect(
      failure(() => processMassBalance(bad({ name: 'P', inputs: [null], products: [] }), 'kg')),
    ).toMatch(/^INVALID_INPUT process\.inputs\[0\]:/);
  });

  it('closes exactly when products and wastes add up to the inputs', () => {
    // Multiples of 1/1024 below 2^40 add exactly in binary, so the closure must be exactly 0.
    const exact = fc.integer({ min: 0, max: 2 ** 30 }).map((n) => n / 1024);
    fc.assert(
      fc.property(
        fc.array(exact, { minLength: 1, maxLength: 5 }),
        fc.array(exact, { maxLength: 5 }),
        (products, wastes) => {
          const total = [...products, ...wastes].reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const result = processMassBalance(
            {
              name: 'P',
              inputs: [{ name: 'in', quantity: total }],
              products: products.map((q, i) => ({ name: `p${i}`, quantity: q })),
              wastes: wastes.map((q, i) => ({ name: `w${i}`, quantity: q })),
            },
            'kg/h',
          );
          expect(result.closureError).toBe(0);
          expect(result.closure).toBe('within-tolerance');
        },
      ),
    );
  });

  it('closes to rounding for any doubles when out + waste = in', () => {
    const q = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(q, q, (product, waste) => {
        const result = processMassBalance(
          {
            name: 'P',
            inputs: [{ name: 'in', quantity: product + waste }],
            products: [{ name: 'p', quantity: product }],
            wastes: [{ name: 'w', quantity: waste }],
          },
          'kg',
        );
        expect(Math.abs(result.closureError)).toBeLessThanOrEqual(1e-15 * result.totalInput * 4);
        expect(result.closure).toBe('within-tolerance');
      }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const stream = fc.record({
      name: fc.oneof(fc.constant('s'), nastyValue),
      quantity: nastyNumber,
      unit: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('kg/h', 'm³/h', 'kg', 'zz'),
        nastyValue,
      ),
      density: fc.oneof(fc.constant(undefined), nastyNumber),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.array(stream, { maxLength: 3 }), nastyValue),
        fc.oneof(fc.array(stream, { maxLength: 3 }), nastyValue),
        fc.oneof(fc.array(stream, { maxLength: 3 }), fc.constant(undefined)),
        fc.oneof(fc.constant(undefined), fc.record({ closureTolerance: nastyNumber })),
        (inputs, products, wastes, settings) => {
          const process = bad({ name: 'P', inputs, products, wastes });
          expectFiniteOrGpError(() => processMassBalance(process, 'kg/h', settings));
        },
      ),
    );
  });
});
