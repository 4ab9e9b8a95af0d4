import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { convertQuantity } from './convert-quantity.js';
import type { QuantityToConvert } from './convert-quantity.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const massAmounts = ['g', 'kg', 't'];
const volumeAmounts = ['L', 'm³'];
const times = ['h', 'day', 'month', 'yr'];

describe('convertQuantity', () => {
  it('converts a flow in kg/h to t/yr with 8760 hours a year', () => {
    // 365 d × 24 h = 8760 h; 1 t = 1000 kg (SI Brochure, Table 8).
    const result = convertQuantity({ quantity: 1000, unit: 'kg/h' }, 't/yr');
    expect(result.quantity).toBeCloseTo(8760, 9);
    expect(result.unit).toBe('t/yr');
    expect(result.factor).toBeCloseTo(8.76, 12);
    expect(convertQuantity({ quantity: 4200, unit: 't/yr' }, 't/month').quantity).toBeCloseTo(
      350,
      9,
    );
  });

  it('turns a volume into a mass with the density (1 m³ of water at 1000 kg/m³ is 1000 kg)', () => {
    const water = convertQuantity(
      { quantity: 0.28688, unit: 'm³/h', density: 1000, name: 'water' },
      'kg/h',
    );
    expect(water.quantity).toBeCloseTo(286.88, 9);
    expect(water.densityUsed).toBe(1000);
    expect(convertQuantity({ quantity: 920, unit: 'kg', density: 920 }, 'L').quantity).toBeCloseTo(
      1000,
      9,
    );
  });

  it('refuses mass with volume without a density, naming the stream', () => {
    expect(
      failure(() => convertQuantity({ quantity: 5, unit: 'm³/h', name: 'soaking water' }, 'kg/h')),
    ).toBe(
      'UNIT_MISMATCH from.density: "soaking water" is in m³/h, a volume per time and cannot be ' +
        'expressed in kg/h, a mass per time without a density (kg/m³)',
    );
  });

  it('refuses to mix an amount with a flow, even with a density', () => {
    expect(
      failure(() => convertQuantity({ quantity: 5, unit: 'kg', name: 'dust' }, 'kg/h')),
    ).toMatch(
      /^UNIT_MISMATCH from\.unit: "dust" is in kg, a mass and cannot be expressed in kg\/h/,
    );
    expect(
      failure(() => convertQuantity({ quantity: 5, unit: 'L/h', density: 1000 }, 'kg')),
    ).toMatch(/^UNIT_MISMATCH from\.unit:/);
  });

  it('refuses unknown units, bad densities and non-finite quantities with the field', () => {
    expect(failure(() => convertQuantity({ quantity: 1, unit: 'lb' }, 'kg'))).toMatch(
      /^INVALID_INPUT from\.unit:/,
    );
    expect(failure(() => convertQuantity({ quantity: 1, unit: 'kg' }, 'stone'))).toMatch(
      /^INVALID_INPUT toUnit:/,
    );
    expect(failure(() => convertQuantity({ quantity: 1, unit: 'L', density: 0 }, 'kg'))).toBe(
      'OUT_OF_RANGE from.density: must be > 0, got 0',
    );
    expect(failure(() => convertQuantity({ quantity: Number.NaN, unit: 'kg' }, 'g'))).toMatch(
      /^NOT_FINITE from\.quantity:/,
    );
    expect(failure(() => convertQuantity({ quantity: 1e308, unit: 't' }, 'mg'))).toMatch(
      /^UNDEFINED_RESULT from\.quantity:/,
    );
  });

  it('round-trips within a dimension and through a density', () => {
    const unitPair = fc.oneof(
      fc.tuple(
        fc.constantFrom(...massAmounts, ...volumeAmounts),
        fc.constantFrom(...massAmounts, ...volumeAmounts),
      ),
      fc
        .tuple(
          fc.constantFrom(...massAmounts, ...volumeAmounts),
          fc.constantFrom(...times),
          fc.constantFrom(...massAmounts, ...volumeAmounts),
          fc.constantFrom(...times),
        )
        .map(([a, t, b, u]) => [`${a}/${t}`, `${b}/${u}`] as const),
    );
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        unitPair,
        fc.double({ min: 0.1, max: 20000, noNaN: true }),
        (quantity, [from, to], density) => {
          const there = convertQuantity({ quantity, unit: from, density }, to);
          const back = convertQuantity({ quantity: there.quantity, unit: to, density }, from);
          expect(Math.abs(back.quantity - quantity)).toBeLessThanOrEqual(
            1e-12 * Math.abs(quantity) + 1e-300,
          ); // subnormals underflow
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        fc.oneof(nastyValue, fc.constantFrom('kg', 'm³/h', 't/yr', 'L')),
        fc.oneof(nastyValue, fc.constantFrom('kg/h', 'm3', 'g')),
        fc.oneof(nastyNumber, fc.constant(undefined)),
        (quantity, unit, toUnit, density) => {
          const from = { quantity, unit, density, name: 'x' } as unknown as QuantityToConvert;
          expectFiniteOrGpError(() => convertQuantity(from, toUnit as string));
        },
      ),
    );
  });
});
