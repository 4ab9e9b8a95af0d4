/**
 * The weighted sum of one screening, live: the engine's ranking of the options it covers,
 * Σ weights, and the totals as a bar chart in the report's palette.
 */
import type { EChartsOption } from 'echarts';
import { GpError } from '../../../engine/errors.js';
import { rankOptionsByWeightedSum, type WeightedSumResult } from '../../../engine/options/index.js';
import type { GpOption, WeightedSumInput } from '../../../engine/study/study-input.js';
import { CHART_COLOURS } from '../../../report/charts.js';
import { formatInput, type ReportLanguage } from '../../../report/format.js';
import { screenedOptions } from '../../components/option-matrix.js';

/** The engine's ranking, or undefined while the input is incomplete (errors show at the fields). */
export function runWeightedSum(
  options: readonly GpOption[],
  input: WeightedSumInput,
): WeightedSumResult | undefined {
  const rows = screenedOptions(options, input.problem, input.options);
  try {
    return rankOptionsByWeightedSum(
      input.criteria,
      rows.map(({ option }) => ({ id: option.id, name: option.name, scores: option.scores ?? {} })),
    );
  } catch (error) {
    if (error instanceof GpError) return undefined;
    throw error;
  }
}

/** Σ weights and whether it is 1 (to printing precision: 0,333 + 0,333 + 0,334). */
export function weightSum(criteria: readonly { readonly weight: number }[]): {
  readonly sum: number;
  readonly isOne: boolean;
} {
  const sum = criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  return { sum, isOne: Math.abs(sum - 1) <= 1e-9 };
}

/** The ids chosen (one, or several on a tie for first place). */
export function chosenIds(result: WeightedSumResult): readonly string[] {
  return result.choice.kind === 'single' ? [result.choice.option] : result.choice.options;
}

/** One bar per option, the chosen one(s) in the report's primary colour, the rest grey. */
export function weightedSumChartOption(
  result: WeightedSumResult,
  nameOf: (id: string) => string,
  title: string,
  language: ReportLanguage,
): EChartsOption {
  const chosen = new Set(chosenIds(result));
  const totals = result.options.map((o) => o.total);
  const max = Math.max(0, ...totals);
  const min = Math.min(0, ...totals);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: {
      fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
      fontSize: 11,
      color: '#222222',
    },
    aria: { enabled: true, label: { description: title } },
    grid: { left: 16, right: 16, top: 24, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      data: result.options.map((o) => nameOf(o.option)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#444444' } },
      axisLabel: { interval: 0, width: 150, overflow: 'break', lineHeight: 13 },
    },
    yAxis: {
      type: 'value',
      min: min * 1.15,
      max: max > 0 ? max * 1.15 : 1,
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 48,
        data: result.options.map((o) => ({
          value: o.total,
          itemStyle: { color: chosen.has(o.option) ? CHART_COLOURS.primary : '#9aa5b1' },
          label: {
            show: true,
            position: o.total < 0 ? 'bottom' : 'top',
            color: '#222222',
            fontWeight: chosen.has(o.option) ? 'bold' : 'normal',
            formatter: `${formatInput(o.total, language, 4)}${chosen.has(o.option) ? ' ✓' : ''}`,
          },
        })),
      },
    ],
  };
}
