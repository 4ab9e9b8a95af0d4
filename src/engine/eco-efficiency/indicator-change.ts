/**
 * The change of an indicator between two states (before and after a cleaner-production
 * programme): absolute and relative to the first state.
 */
import { GpError } from '../errors.js';
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from '../validate.js';

export interface IndicatorChange {
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly change: number;
  /** change ÷ |before| × 100: positive when the indicator rose, whatever the sign of before. */
  readonly relativeChangePercent: number;
  readonly direction: 'increase' | 'decrease' | 'unchanged';
}

/**
 * Change of an indicator from one state to another, absolute and in percent of the first.
 * @equation Δ = x_after − x_before; Δ % = Δ ÷ |x_before| × 100
 * @source WBCSD (2000) Measuring eco-efficiency: a guide to reporting company performance (tracking indicators over time); PT XYZ cleaner-production abstract (water eco-efficiency 0.55 → 0.56)
 * @param before the first value (≠ 0)
 * @param after the second value
 * @throws GpError NOT_FINITE when a value is not a finite number; UNDEFINED_RESULT when before is 0 or the change overflows
 * @example indicatorChange(0.55, 0.56) // => { change: 0.01, relativeChangePercent: 1.8181…, direction: 'increase', … }
 */
export function indicatorChange(before: number, after: number): IndicatorChange {
  const b = requireFinite(before, 'before');
  const a = requireFinite(after, 'after');
  if (b === 0) {
    throw new GpError('UNDEFINED_RESULT', 'before', 'is 0: no change relative to it');
  }
  const change = requireFiniteResult(a - b, 'after');
  return {
    before: b,
    after: a,
    change,
    relativeChangePercent: requireFiniteResult((change / Math.abs(b)) * 100, 'after'),
    direction: change > 0 ? 'increase' : change < 0 ? 'decrease' : 'unchanged',
  };
}

/**
 * Relative change of a cost (wastewater treatment, energy): a cost before (> 0) and after (≥ 0).
 * @equation Δ = C_after − C_before; Δ % = Δ ÷ C_before × 100 (negative = saving)
 * @source PT XYZ cleaner-production abstract (wastewater treatment cost −21 %); APO, Handbook on Green Productivity (2006), GP step 5 (monitoring results)
 * @param before the cost before (> 0)
 * @param after the cost after (≥ 0)
 * @throws GpError NOT_FINITE when a cost is not a finite number; OUT_OF_RANGE when before ≤ 0 or after < 0
 * @example relativeCostChange(100_000_000, 79_000_000) // => { change: -21000000, relativeChangePercent: -21, direction: 'decrease', … }
 */
export function relativeCostChange(before: number, after: number): IndicatorChange {
  return indicatorChange(requirePositive(before, 'before'), requireNonNegative(after, 'after'));
}
