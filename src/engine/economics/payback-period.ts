/**
 * Payback period: how long until the cumulative (simple or discounted) cash flow first turns
 * from negative to zero or positive. Within the year of recovery the flow is assumed to
 * arrive evenly, so the fraction of that year is found by linear interpolation of the
 * cumulative flow (the usual textbook convention). The result is data: `{ kind: 'never' }`
 * when the investment is not recovered, never a sentinel number.
 *
 * Conventions: flow t arrives at the end of year t (t = 0 now). If the cumulative flow is
 * never negative there is nothing to recover and the payback is 0. If it falls below zero
 * again after recovery (a later large cost), `fallsBelowZeroAgain` says so; the payback
 * reported is still the first recovery.
 */
import { GpError } from '../errors.js';
import {
  divide,
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from '../validate.js';
import {
  renameErrorField,
  requireCashFlows,
  requireInputObject,
  requireInterestRate,
} from './economic-inputs.js';
import { presentGivenAnnualFactor, presentGivenFutureFactor } from './interest-factors.js';
import { netPresentValue } from './net-present-value.js';
import { type YearsMonthsDays, splitYearsMonthsDays } from './years-months-days.js';

export type PaybackNeverReason =
  /** The cumulative flow of the given series is still negative at its end. */
  | 'not-recovered-within-flows'
  /** A uniform annual net flow ≤ 0 never repays anything. */
  | 'no-net-inflow'
  /** Discounted: the annual net flow does not exceed the interest on the investment (A ≤ I·i). */
  | 'interest-exceeds-net-inflow'
  /** Recovery would come after the stated life. */
  | 'beyond-life';

export interface PaybackRecovered {
  readonly kind: 'recovered';
  /** Payback in fractional years (exact; linear within the year of recovery). */
  readonly years: number;
  /** The year t at whose end the cumulative flow first is ≥ 0 (0 if never negative). */
  readonly recoveryYear: number;
  /** The same duration for display: years, months of 12, days of 30. */
  readonly duration: YearsMonthsDays;
  readonly fallsBelowZeroAgain: boolean;
}

export interface PaybackNever {
  readonly kind: 'never';
  readonly reason: PaybackNeverReason;
}

export type PaybackPeriod = PaybackRecovered | PaybackNever;

/** A payback over a given series, with the cumulative flows it was read from. */
export type SeriesPaybackPeriod = PaybackPeriod & {
  /** Cumulative (discounted, for the discounted payback) flow at the end of each year. */
  readonly cumulative: readonly number[];
};

function recovered(
  years: number,
  recoveryYear: number,
  fallsBelowZeroAgain: boolean,
): PaybackRecovered {
  return {
    kind: 'recovered',
    years,
    recoveryYear,
    duration: splitYearsMonthsDays(years),
    fallsBelowZeroAgain,
  };
}

function paybackOfSeries(values: readonly number[]): SeriesPaybackPeriod {
  const cumulative: number[] = [];
  let running = 0;
  values.forEach((value, t) => {
    running = requireFiniteResult(running + value, `flows[${t}]`);
    cumulative.push(running);
  });
  const firstNegative = cumulative.findIndex((c) => c < 0);
  if (firstNegative === -1) return { ...recovered(0, 0, false), cumulative };
  const year = cumulative.findIndex((c, t) => t > firstNegative && c >= 0);
  if (year === -1) return { kind: 'never', reason: 'not-recovered-within-flows', cumulative };
  const before = cumulative[year - 1] ?? 0;
  const after = cumulative[year] ?? 0;
  // after ≥ 0 > before, so the fraction lies in (0, 1].
  const fraction = divide(-before, after - before, `flows[${year}]`);
  const fallsBelowZeroAgain = cumulative.some((c, t) => t > year && c < 0);
  return { ...recovered(year - 1 + fraction, year, fallsBelowZeroAgain), cumulative };
}

/**
 * Simple (undiscounted) payback period of a cash-flow series, in fractional years.
 *
 * @equation PBP = (t − 1) + (−S_{t−1}) / (S_t − S_{t−1}), S_t = Σ_{k≤t} CF_k, t the first year with S_t ≥ 0 after S went negative
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9 (payback period; flows spread evenly within the year)
 * @param flows Cash flows CF_0 … CF_n by year (investment negative at t = 0).
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a flow is not a finite number
 * @throws GpError UNDEFINED_RESULT when the cumulative flow overflows
 * @example simplePaybackPeriod([-1000, 300, 400, 500]).years // => 2.6
 */
export function simplePaybackPeriod(flows: readonly number[]): SeriesPaybackPeriod {
  return paybackOfSeries(requireCashFlows(flows, 'flows'));
}

/**
 * Discounted payback period of a cash-flow series, in fractional years.
 *
 * @equation as the simple payback with S_t = Σ_{k≤t} CF_k / (1 + i)^k
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9 (payback period, discounted variant)
 * @param rate Discount rate per year as a fraction, > −1.
 * @param flows Cash flows CF_0 … CF_n by year.
 * @throws GpError OUT_OF_RANGE when rate ≤ −1
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a flow is not a finite number
 * @throws GpError UNDEFINED_RESULT when a discounted or cumulative flow overflows
 * @example discountedPaybackPeriod(0.1, [-1000, 500, 500, 500]).years // => 2.352
 */
export function discountedPaybackPeriod(
  rate: number,
  flows: readonly number[],
): SeriesPaybackPeriod {
  const discounted = netPresentValue(rate, flows).terms.map((term) => term.presentValue);
  return paybackOfSeries(discounted);
}

export interface UniformPaybackInput {
  /** Investment at t = 0, ≥ 0. */
  readonly investment: number;
  /** Net inflow (benefit − cost) at the end of each year. */
  readonly annualNet: number;
  /** Discount rate as a fraction, > −1; absent or 0 gives the simple payback. */
  readonly rate?: number;
  /** Life in years, > 0; recovery after it is reported as `never` ('beyond-life'). */
  readonly life?: number;
}

/**
 * Payback period of an investment with a uniform annual net inflow, simple or discounted.
 *
 * @equation simple: PBP = I / A; discounted: k = ⌈−ln(1 − I·i/A) / ln(1 + i)⌉, PBP = (k − 1) + (I − A·(P/A,i,k−1)) / (A·(P/F,i,k))
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9 (payback period); the same linear interpolation as `discountedPaybackPeriod` on [−I, A, A, …]
 * @param input Investment, annual net inflow, optional rate and life.
 * @throws GpError INVALID_INPUT when input is not an object
 * @throws GpError NOT_FINITE when an amount is not a finite number
 * @throws GpError OUT_OF_RANGE when investment < 0, rate ≤ −1 or life ≤ 0
 * @throws GpError UNDEFINED_RESULT when the payback is too long to compute (discount factor underflow)
 * @example uniformPaybackPeriod({ investment: 1000, annualNet: 400 }).years // => 2.5
 */
export function uniformPaybackPeriod(input: UniformPaybackInput): PaybackPeriod {
  const checked = requireInputObject(input, '');
  const investment = requireNonNegative(checked.investment, 'investment');
  const annualNet = requireFinite(checked.annualNet, 'annualNet');
  const rate = checked.rate === undefined ? 0 : requireInterestRate(checked.rate, 'rate');
  const life = checked.life === undefined ? undefined : requirePositive(checked.life, 'life');

  if (investment === 0) return recovered(0, 0, false);
  if (!(annualNet > 0)) return { kind: 'never', reason: 'no-net-inflow' };
  let years: number;
  if (rate === 0) {
    years = divide(investment, annualNet, 'annualNet');
  } else {
    if (rate > 0 && annualNet <= investment * rate) {
      return { kind: 'never', reason: 'interest-exceeds-net-inflow' };
    }
    years = discountedUniformYears(investment, annualNet, rate);
  }
  if (life !== undefined && years > life) return { kind: 'never', reason: 'beyond-life' };
  return recovered(years, Math.max(1, Math.ceil(years)), false);
}

function discountedUniformYears(investment: number, annualNet: number, rate: number): number {
  const worthAfter = (k: number) =>
    renameErrorField({ periods: '' }, () => annualNet * presentGivenAnnualFactor(rate, k));
  const continuous = -Math.log1p((-investment * rate) / annualNet) / Math.log1p(rate);
  if (!Number.isFinite(continuous) || continuous > Number.MAX_SAFE_INTEGER) {
    throw new GpError('UNDEFINED_RESULT', '', 'the payback period is too long to compute');
  }
  // The closed form gives the year of recovery; rounding may move it by one either way.
  let k = Math.max(1, Math.ceil(continuous));
  for (let step = 0; step < 3 && worthAfter(k) < investment; step++) k += 1;
  for (let step = 0; step < 3 && k > 1 && worthAfter(k - 1) >= investment; step++) k -= 1;
  if (worthAfter(k) < investment) {
    throw new GpError('UNDEFINED_RESULT', '', 'the payback period is too long to compute');
  }
  const remaining = investment - worthAfter(k - 1);
  const step = renameErrorField(
    { periods: '' },
    () => annualNet * presentGivenFutureFactor(rate, k),
  );
  const fraction = Math.min(1, Math.max(0, divide(remaining, step, '')));
  return k - 1 + fraction;
}
