/**
 * The Green Productivity index: productivity per unit of environmental impact, so that a
 * change shows whether productivity rose, impact fell, or both.
 */
import { GpError } from '../errors.js';
import { divide, requirePositive } from '../validate.js';
import { indicatorChange } from './indicator-change.js';
import type { IndicatorChange } from './indicator-change.js';

export interface GreenProductivityState {
  /** A productivity measure (output ÷ input), > 0. */
  readonly productivity: number;
  /** An environmental impact measure in a fixed unit (kg waste, eco-points …), > 0. */
  readonly environmentalImpact: number;
}

export interface GreenProductivityIndex {
  readonly productivity: number;
  readonly environmentalImpact: number;
  /** productivity ÷ environmental impact. */
  readonly index: number;
}

export interface GreenProductivityIndexChange {
  readonly before: GreenProductivityIndex;
  readonly after: GreenProductivityIndex;
  /** Change of the GP index. */
  readonly index: IndicatorChange;
  /** Change of each factor, to show where the index change comes from. */
  readonly productivity: IndicatorChange;
  readonly environmentalImpact: IndicatorChange;
}

function readState(state: GreenProductivityState, field: string): GreenProductivityIndex {
  if (typeof state !== 'object' || state === null) {
    throw new GpError('INVALID_INPUT', field, 'must be { productivity, environmentalImpact }');
  }
  const productivity = requirePositive(state.productivity, `${field}.productivity`);
  const impact = requirePositive(state.environmentalImpact, `${field}.environmentalImpact`);
  return {
    productivity,
    environmentalImpact: impact,
    index: divide(productivity, impact, `${field}.environmentalImpact`),
  };
}

/**
 * Green Productivity index of one state: productivity ÷ environmental impact.
 * @equation GPI = productivity ÷ environmental impact
 * @source Kim, Hur & Yamamoto (2003), GP index or ratio = productivity ÷ environmental impact (as cited in the APO GP literature; Lestari methods notes)
 * @param state productivity (> 0) and environmental impact (> 0, in a fixed unit)
 * @throws GpError INVALID_INPUT when `state` is not an object; NOT_FINITE or OUT_OF_RANGE when a factor is not a finite number > 0; UNDEFINED_RESULT on overflow
 * @example greenProductivityIndex({ productivity: 1.4539, environmentalImpact: 4200 }) // => { index: 0.000346166…, … }
 */
export function greenProductivityIndex(state: GreenProductivityState): GreenProductivityIndex {
  return readState(state, 'state');
}

/**
 * Green Productivity index before and after (an option, a year), its change and the change of
 * each factor.
 * @equation GPI = productivity ÷ environmental impact per state; Δ = GPI_after − GPI_before; Δ % = Δ ÷ GPI_before × 100
 * @source Kim, Hur & Yamamoto (2003), GP index = productivity ÷ environmental impact (Lestari methods notes); APO, Handbook on Green Productivity (2006), GP step 5
 * @param before the first state's productivity and environmental impact
 * @param after the second state's
 * @throws GpError every error of greenProductivityIndex, with fields under `before` / `after`
 * @example greenProductivityIndexChange({ productivity: 1.4539, environmentalImpact: 4200 }, { productivity: 1.4635, environmentalImpact: 1389 }) // => { index: { relativeChangePercent: 204.37…, direction: 'increase', … }, … }
 */
export function greenProductivityIndexChange(
  before: GreenProductivityState,
  after: GreenProductivityState,
): GreenProductivityIndexChange {
  const first = readState(before, 'before');
  const second = readState(after, 'after');
  return {
    before: first,
    after: second,
    index: indicatorChange(first.index, second.index),
    productivity: indicatorChange(first.productivity, second.productivity),
    environmentalImpact: indicatorChange(first.environmentalImpact, second.environmentalImpact),
  };
}
