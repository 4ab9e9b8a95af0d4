/**
 * Conversion of a quantity between units of the catalogue in `quantity-unit.ts`: within a
 * dimension always, between mass and volume only with a density, and never between an amount
 * (kg) and a flow (kg/h), since that needs a duration the data does not give.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireFiniteResult, requirePositive } from '../validate.js';
import { parseQuantityUnit } from './quantity-unit.js';
import type { QuantityUnit } from './quantity-unit.js';

/** A quantity as a stream carries it. */
export interface QuantityToConvert {
  readonly quantity: number;
  readonly unit: string;
  /** Density in kg/m³; needed only to turn a volume into a mass or back. */
  readonly density?: number;
  /** What the quantity is (a stream's name), named in errors. */
  readonly name?: string;
}

export interface ConvertedQuantity {
  /** The quantity in `unit`. */
  readonly quantity: number;
  /** The canonical symbol of the target unit. */
  readonly unit: string;
  /** The multiplier applied: converted = given × factor. */
  readonly factor: number;
  /** The density used (kg/m³), or undefined when none was needed. */
  readonly densityUsed: number | undefined;
}

function describeUnit(unit: QuantityUnit): string {
  return `${unit.symbol}, ${unit.dimension === 'mass' ? 'a mass' : 'a volume'}${
    unit.timeSymbol === undefined ? '' : ' per time'
  }`;
}

/**
 * Converts a quantity to another unit: by the units' sizes, by the time units for flows, and
 * through the density when the target is the other dimension (mass ↔ volume).
 * @equation q_to = q_from × (a_from / a_to) × (t_to / t_from) [× ρ for volume → mass, ÷ ρ for mass → volume], a = amount in kg or m³, t = time in s, ρ in kg/m³
 * @source BIPM, SI Brochure, 9th ed. 2019, Table 8; Himmelblau & Riggs, Basic Principles and Calculations in Chemical Engineering, 8th ed., ch. 1 (units, density)
 * @param from the quantity, its unit, and a density when mass and volume meet
 * @param toUnit the unit wanted
 * @throws GpError NOT_FINITE when the quantity or density is not a finite number; OUT_OF_RANGE when a density is ≤ 0
 * @throws GpError INVALID_INPUT when a unit is unknown (field `from.unit` or `toUnit`)
 * @throws GpError UNIT_MISMATCH when an amount meets a flow (field `from.unit`), or a mass meets a volume without a density (field `from.density`); the message names the quantity
 * @throws GpError UNDEFINED_RESULT when the converted quantity overflows
 * @example convertQuantity({ quantity: 286.88, unit: 'kg/h' }, 't/yr') // => { quantity: 2513.0688, unit: 't/yr', factor: 8.76, densityUsed: undefined }
 */
export function convertQuantity(from: QuantityToConvert, toUnit: string): ConvertedQuantity {
  const quantity = requireFinite(from.quantity, 'from.quantity');
  const source = parseQuantityUnit(from.unit, 'from.unit');
  const target = parseQuantityUnit(toUnit, 'toUnit');
  const density =
    from.density === undefined ? undefined : requirePositive(from.density, 'from.density');
  const label = typeof from.name === 'string' && from.name !== '' ? `"${from.name}"` : 'quantity';

  if ((source.timeInSeconds === undefined) !== (target.timeInSeconds === undefined)) {
    throw new GpError(
      'UNIT_MISMATCH',
      'from.unit',
      `${label} is in ${describeUnit(source)} and cannot be expressed in ${describeUnit(target)}: ` +
        'an amount and a flow (per time) cannot be combined',
    );
  }

  let factor = source.amountInBase / target.amountInBase;
  let densityUsed: number | undefined;
  if (source.dimension !== target.dimension) {
    if (density === undefined) {
      throw new GpError(
        'UNIT_MISMATCH',
        'from.density',
        `${label} is in ${describeUnit(source)} and cannot be expressed in ${describeUnit(target)} ` +
          'without a density (kg/m³)',
      );
    }
    // Base units are kg and m³, so the density in kg/m³ converts the base amounts directly.
    factor = source.dimension === 'volume' ? factor * density : factor / density;
    densityUsed = density;
  }
  if (source.timeInSeconds !== undefined && target.timeInSeconds !== undefined) {
    factor *= target.timeInSeconds / source.timeInSeconds;
  }
  requireFiniteResult(factor, densityUsed === undefined ? 'toUnit' : 'from.density');
  return {
    quantity: requireFiniteResult(quantity * factor, 'from.quantity'),
    unit: target.symbol,
    factor,
    densityUsed,
  };
}
