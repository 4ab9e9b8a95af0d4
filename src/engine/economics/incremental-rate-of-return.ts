/**
 * Incremental rate-of-return analysis of two mutually exclusive alternatives over a common
 * horizon: the flows of the alternative with the larger initial investment minus those of
 * the other. If the increment earns at least the MARR, the extra investment is worth making.
 *
 * The IRR rule is used only where it is valid: the incremental series is an investment (its
 * first non-zero flow is an outflow) with exactly one sign change, so it has exactly one rate
 * and its NPV falls as the rate rises. Otherwise (several or no rates, or a borrowing-type
 * increment) the decision falls back to the incremental NPV at the MARR, which is what the
 * IRR rule approximates; `basis` says which rule decided. Both alternatives are assumed to be
 * acceptable on their own (compare each with doing nothing first).
 */
import { GpError } from '../errors.js';
import {
  renameErrorField,
  requireCashFlows,
  requireInputObject,
  requireInterestRate,
} from './economic-inputs.js';
import { type InternalRateOfReturn, internalRateOfReturn } from './internal-rate-of-return.js';
import { netPresentValue } from './net-present-value.js';

export interface IncrementalRateOfReturnInput {
  /** Cash flows of the first alternative, CF_0 … CF_n (investment as a negative CF_0). */
  readonly first: readonly number[];
  /** Cash flows of the second alternative over the same horizon. */
  readonly second: readonly number[];
  /** Minimum attractive rate of return as a fraction, > −1. */
  readonly marr: number;
}

export interface IncrementalRateOfReturnResult {
  /** Which alternative has the larger initial investment (−CF_0); 'second' when equal. */
  readonly higherInvestment: 'first' | 'second';
  /** Flows of the higher-investment alternative minus the other, period by period. */
  readonly incrementalFlows: readonly number[];
  readonly incrementalRate: InternalRateOfReturn;
  readonly marr: number;
  /** NPV of the incremental flows at the MARR. */
  readonly incrementalNetPresentValue: number;
  /** The rule that decided: the incremental IRR vs MARR, or the incremental NPV at MARR. */
  readonly basis: 'incremental-irr' | 'incremental-npv';
  readonly chosen: 'first' | 'second';
}

function isConventionalInvestment(flows: readonly number[], rate: InternalRateOfReturn): boolean {
  const firstNonZero = flows.find((f) => f !== 0) ?? 0;
  return rate.kind === 'unique' && rate.signChanges === 1 && firstNonZero < 0;
}

/** NPV of the increment at the MARR, with an overflow reported against the MARR. */
function presentValueAtMarr(marr: number, flows: readonly number[]): number {
  return renameErrorField({ rate: 'marr', flows: '' }, () => netPresentValue(marr, flows))
    .netPresentValue;
}

/**
 * Chooses between two alternatives by the rate of return on the extra investment.
 *
 * @equation ΔCF_t = CF_t(higher investment) − CF_t(lower); choose the higher when Δi* ≥ MARR (ΔNPV(MARR) ≥ 0 when Δi* is not unique)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 8 (incremental analysis); Case C (ECCO) Δi* = 180 % > MARR 15 %
 * @param input The two series (same length) and the MARR.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError EMPTY when a series is empty
 * @throws GpError NOT_FINITE when a flow or the MARR is not a finite number
 * @throws GpError OUT_OF_RANGE when marr ≤ −1
 * @throws GpError DIMENSION_MISMATCH when the series differ in length
 * @example incrementalInternalRateOfReturn({ first: [-1.2e9, 714843200, 714843200, 714843200, 714843200, 714843200], second: [-1.8e9, 1803726600, 1803726600, 1803726600, 1803726600, 1803726600], marr: 0.15 }).chosen // => 'second' (Δi* = 1.8043)
 */
export function incrementalInternalRateOfReturn(
  input: IncrementalRateOfReturnInput,
): IncrementalRateOfReturnResult {
  const checked = requireInputObject(input, '');
  const first = requireCashFlows(checked.first, 'first');
  const second = requireCashFlows(checked.second, 'second');
  const marr = requireInterestRate(checked.marr, 'marr');
  if (first.length !== second.length) {
    throw new GpError(
      'DIMENSION_MISMATCH',
      'second',
      `must have as many periods as first (${first.length}), got ${second.length}`,
    );
  }
  const higherInvestment = -(first[0] ?? 0) > -(second[0] ?? 0) ? 'first' : 'second';
  const [higher, lower] = higherInvestment === 'first' ? [first, second] : [second, first];
  const incrementalFlows = higher.map((flow, t) => flow - (lower[t] ?? 0));
  if (incrementalFlows.some((f) => !Number.isFinite(f))) {
    throw new GpError('UNDEFINED_RESULT', 'second', 'the incremental flows overflow');
  }
  const lowerInvestment = higherInvestment === 'first' ? 'second' : 'first';
  const incrementalRate = internalRateOfReturn(incrementalFlows);
  const incrementalNetPresentValue = presentValueAtMarr(marr, incrementalFlows);
  const byRate = isConventionalInvestment(incrementalFlows, incrementalRate);
  const acceptIncrement =
    byRate && incrementalRate.kind === 'unique'
      ? incrementalRate.rate >= marr
      : incrementalNetPresentValue >= 0;
  return {
    higherInvestment,
    incrementalFlows,
    incrementalRate,
    marr,
    incrementalNetPresentValue,
    basis: byRate ? 'incremental-irr' : 'incremental-npv',
    chosen: acceptIncrement ? higherInvestment : lowerInvestment,
  };
}
