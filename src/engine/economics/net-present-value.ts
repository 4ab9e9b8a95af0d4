/**
 * Net present value of a cash-flow series. Engineering convention: flow t occurs at the end
 * of period t and flow 0 is now, undiscounted. Excel's NPV instead discounts its first value
 * by one period; `netPresentValueExcel` reproduces that convention for audits of papers that
 * computed with a spreadsheet.
 */
import { GpError } from '../errors.js';
import { requireFiniteResult } from '../validate.js';
import { requireCashFlows, requireInterestRate } from './economic-inputs.js';

/** One flow with its discounting shown. */
export interface DiscountedCashFlow {
  /** End of the period in which the flow occurs (0 = now). */
  readonly period: number;
  readonly flow: number;
  /** (P/F, i, period) = (1 + i)^−period. */
  readonly discountFactor: number;
  readonly presentValue: number;
}

export interface NetPresentValueResult {
  readonly rate: number;
  readonly netPresentValue: number;
  readonly terms: readonly DiscountedCashFlow[];
}

/** Neumaier's compensated sum: exact to about one rounding for flows of mixed sign. */
function compensatedSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

function discount(rate: unknown, flowsValue: unknown, firstPeriod: number): NetPresentValueResult {
  const i = requireInterestRate(rate, 'rate');
  const flows = requireCashFlows(flowsValue, 'flows');
  const logGrowth = Math.log1p(i);
  const terms = flows.map((flow, index): DiscountedCashFlow => {
    const period = index + firstPeriod;
    const discountFactor = Math.exp(-period * logGrowth);
    if (!Number.isFinite(discountFactor)) {
      throw new GpError(
        'UNDEFINED_RESULT',
        'rate',
        `discount factor (1 + i)^−${period} overflows; the rate is too close to −100 %`,
      );
    }
    const presentValue = requireFiniteResult(flow * discountFactor, `flows[${index}]`);
    return { period, flow, discountFactor, presentValue };
  });
  const netPresentValue = requireFiniteResult(
    compensatedSum(terms.map((t) => t.presentValue)),
    'flows',
  );
  return { rate: i, netPresentValue, terms };
}

/**
 * Net present value with flow 0 at time zero (undiscounted), the engineering convention.
 *
 * @equation NPV(i) = Σ_{t=0..n} CF_t / (1 + i)^t
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 5 (present worth analysis); equals CF_0 + Excel NPV(i, CF_1..CF_n)
 * @param rate Discount rate per period as a fraction, > −1.
 * @param flows Cash flows CF_0 … CF_n (inflows positive, outflows negative).
 * @throws GpError OUT_OF_RANGE when rate ≤ −1
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a flow is not a finite number
 * @throws GpError UNDEFINED_RESULT when a discounted flow or the sum overflows
 * @example netPresentValue(0.1, [-100, 60, 60]).netPresentValue // => 4.132231…
 */
export function netPresentValue(rate: number, flows: readonly number[]): NetPresentValueResult {
  return discount(rate, flows, 0);
}

/**
 * Net present value in Excel's convention: the first value is discounted by one period.
 *
 * @equation NPV_Excel(i) = Σ_{k=1..n} V_k / (1 + i)^k
 * @source Microsoft Excel NPV function documentation ("NPV(rate, value1, …)", values at the end of each period); formulajs NPV
 * @param rate Discount rate per period as a fraction, > −1.
 * @param flows Values V_1 … V_n at the ends of periods 1 … n.
 * @throws GpError OUT_OF_RANGE when rate ≤ −1
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a value is not a finite number
 * @throws GpError UNDEFINED_RESULT when a discounted value or the sum overflows
 * @example netPresentValueExcel(0.1, [60, 60]).netPresentValue // => 104.132231…
 */
export function netPresentValueExcel(
  rate: number,
  flows: readonly number[],
): NetPresentValueResult {
  return discount(rate, flows, 1);
}
