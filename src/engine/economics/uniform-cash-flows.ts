/**
 * The cash-flow series of an alternative described by uniform amounts (investment now, the
 * same net flow every year, salvage at the end), so that NPV, IRR and payback can be
 * computed for the alternatives that annual worth and B/C describe (Case C: [−1.2e9,
 * 714,843,200 × 5]).
 */
import { GpError } from '../errors.js';
import {
  requireFinite,
  requireFiniteResult,
  requireInteger,
  requireNonNegative,
} from '../validate.js';
import { requireInputObject } from './economic-inputs.js';

/** The longest series the builder makes (a guard against allocating absurd arrays). */
export const MAX_UNIFORM_PERIODS = 10_000;

export interface UniformCashFlowInput {
  /** Investment at t = 0, ≥ 0; appears as −investment. */
  readonly investment: number;
  /** Net flow (benefit − cost) at the end of each of the periods. */
  readonly annualNet: number;
  /** Whole number of periods, 1 … 10 000. */
  readonly periods: number;
  /** Added to the last period's flow (default 0). */
  readonly salvage?: number;
}

/**
 * Builds [−I, A, A, …, A + S] for a uniform alternative.
 *
 * @equation CF_0 = −I; CF_t = A for t = 1 … n − 1; CF_n = A + S
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3–4 (cash-flow diagram of a uniform series with salvage)
 * @param input Investment, annual net flow, number of periods, optional salvage.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when investment < 0 or periods is not a whole number in 1 … 10 000
 * @throws GpError UNDEFINED_RESULT when the last flow overflows
 * @example uniformCashFlowSeries({ investment: 100, annualNet: 30, periods: 3, salvage: 10 }) // => [-100, 30, 30, 40]
 */
export function uniformCashFlowSeries(input: UniformCashFlowInput): readonly number[] {
  const checked = requireInputObject(input, '');
  const investment = requireNonNegative(checked.investment, 'investment');
  const annualNet = requireFinite(checked.annualNet, 'annualNet');
  const periods = requireInteger(checked.periods, 'periods', 1);
  if (periods > MAX_UNIFORM_PERIODS) {
    throw new GpError(
      'OUT_OF_RANGE',
      'periods',
      `must be a whole number between 1 and ${MAX_UNIFORM_PERIODS}, got ${periods}`,
    );
  }
  const salvage = checked.salvage === undefined ? 0 : requireFinite(checked.salvage, 'salvage');
  const flows = [investment === 0 ? 0 : -investment];
  for (let t = 1; t <= periods; t++) flows.push(annualNet);
  flows[periods] = requireFiniteResult(annualNet + salvage, 'salvage');
  return flows;
}
