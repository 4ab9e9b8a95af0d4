/**
 * The reduction of a waste quantity by an option (tonnes a year sent to a hazardous-waste
 * processor, before and after): absolute and as a percentage of the quantity before.
 */
import { GpError } from '../errors.js';
import {
  requireFiniteResult,
  requireName,
  requireNonNegative,
  requirePositive,
} from '../validate.js';

export interface WasteQuantities {
  readonly before: number;
  readonly after: number;
  /** A label for both quantities, e.g. `t/yr`. */
  readonly unit?: string;
}

export interface WasteReduction {
  readonly before: number;
  readonly after: number;
  readonly unit: string | undefined;
  /** before − after: negative when the option increases the waste. */
  readonly reduction: number;
  /** reduction ÷ before × 100. */
  readonly reductionPercent: number;
  readonly direction: 'reduced' | 'unchanged' | 'increased';
}

/**
 * Reduction of a waste quantity: before − after, and its percentage of the quantity before.
 * @equation reduction = Q_before − Q_after; reduction % = reduction ÷ Q_before × 100
 * @source Case C (PT ECCO Tannery, Singgih & Afida) section 4.2.6 C: waste sent to PPLI Bogor 4200 → 2978 t/yr (29.1 %) and 4200 → 1389 t/yr (66.9 %); Minnesota Pollution Control Agency (1993) What is Waste Reduction?
 * @param waste the quantity before (> 0) and after (≥ 0) the option, in one unit
 * @throws GpError INVALID_INPUT when `waste` is not an object or the unit is empty; NOT_FINITE or OUT_OF_RANGE when before ≤ 0 or after < 0
 * @example wasteQuantityReduction({ before: 4200, after: 1389, unit: 't/yr' }) // => { reduction: 2811, reductionPercent: 66.928…, direction: 'reduced', … }
 */
export function wasteQuantityReduction(waste: WasteQuantities): WasteReduction {
  if (typeof waste !== 'object' || waste === null) {
    throw new GpError('INVALID_INPUT', 'waste', 'must be { before, after, unit? }');
  }
  const before = requirePositive(waste.before, 'waste.before');
  const after = requireNonNegative(waste.after, 'waste.after');
  const unit = waste.unit === undefined ? undefined : requireName(waste.unit, 'waste.unit');
  const reduction = requireFiniteResult(before - after, 'waste.after');
  return {
    before,
    after,
    unit,
    reduction,
    reductionPercent: requireFiniteResult((reduction / before) * 100, 'waste.after'),
    direction: reduction > 0 ? 'reduced' : reduction < 0 ? 'increased' : 'unchanged',
  };
}
