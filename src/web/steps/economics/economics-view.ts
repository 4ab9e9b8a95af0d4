/**
 * The financial appraisal as the app shows it: an option's cash flows year by year with
 * their present values and the cumulative sums the paybacks are read from, and the values
 * the comparison chart draws. Every number comes from the engine's result.
 */
import { presentGivenFutureFactor } from '../../../engine/economics/index.js';
import type { OptionEconomicsResult, OptionResult } from '../../../engine/study/evaluate-study.js';
import type { DecisionRule } from '../../../engine/study/study-input.js';
import type { OptionComparisonMetric } from '../../../report/charts.js';

export interface CashFlowRow {
  readonly year: number;
  readonly flow: number;
  /** (P/F, i, t) = (1 + i)^−t. */
  readonly factor: number;
  readonly presentValue: number;
  readonly cumulative: number;
  readonly cumulativePresentValue: number;
}

/** Year 0 … n of an option: flow, discount factor, present value and both running sums. */
export function cashFlowRows(e: OptionEconomicsResult): CashFlowRow[] {
  const simple = e.payback.simple.cumulative;
  const discounted = e.payback.discounted.cumulative;
  return e.cashFlows.map((flow, year) => {
    const factor = presentGivenFutureFactor(e.interestRate, year);
    return {
      year,
      flow,
      factor,
      presentValue: flow * factor,
      cumulative: simple[year] ?? 0,
      cumulativePresentValue: discounted[year] ?? 0,
    };
  });
}

/** The chart's measure for a decision rule (the report's choice; incremental IRR → annual worth). */
export function comparisonMetric(rule: DecisionRule | undefined): OptionComparisonMetric {
  return rule === 'bcr' || rule === undefined ? 'bcr' : rule === 'npv' ? 'npv' : 'annual-worth';
}

/** The options with computed economics, as name and value of the measure, for the chart. */
export function comparisonItems(
  options: readonly OptionResult[],
  metric: OptionComparisonMetric,
): { readonly id: string; readonly name: string; readonly value: number }[] {
  return options.flatMap((o) => {
    const e = o.economics;
    if (e === undefined) return [];
    const value = metric === 'bcr' ? e.bcr : metric === 'npv' ? e.npv : e.annualWorth;
    return [{ id: o.id, name: o.name, value }];
  });
}
