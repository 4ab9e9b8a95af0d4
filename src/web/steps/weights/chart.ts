/** Weights as horizontal bars with their percentages, in the report's palette. */
import type { EChartsOption } from 'echarts';
import { CHART_COLOURS } from '../../../report/charts.js';
import { formatPercent, type ReportLanguage } from '../../../report/format.js';

export function weightsChartOption(
  names: readonly string[],
  weights: readonly number[],
  title: string,
  language: ReportLanguage,
): EChartsOption {
  const max = Math.max(0, ...weights);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontSize: 11, color: '#222222' },
    aria: { enabled: true, label: { description: title } },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: max * 1.2 || 1,
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...names],
      axisTick: { show: false },
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 20,
        color: CHART_COLOURS.primary,
        data: weights.map((w) => ({
          value: w,
          label: {
            show: true,
            position: 'right',
            color: '#222222',
            formatter: formatPercent(w * 100, language, 1),
          },
        })),
      },
    ],
  };
}

export function weightsChartHeight(items: number): number {
  return Math.max(120, 30 * items + 30);
}
