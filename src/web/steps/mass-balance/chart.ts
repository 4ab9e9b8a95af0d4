/**
 * Input against output (product + waste) of every process, as pairs of horizontal bars: a
 * process whose books do not close shows as bars of different lengths. Same palette and
 * pre-formatted labels as the report's charts.
 */
import type { EChartsOption } from 'echarts';
import type { PlantMassBalance } from '../../../engine/mass-balance/index.js';
import { CHART_COLOURS } from '../../../report/charts.js';
import { formatNumber, type ReportLanguage } from '../../../report/format.js';
import { labels } from '../../../report/i18n.js';

export function massBalanceChartOption(
  balance: PlantMassBalance,
  language: ReportLanguage,
): EChartsOption {
  const L = labels(language);
  const names = balance.processes.map((p, i) => `${i + 1}. ${p.name}`);
  const bar = (
    name: string,
    stack: string,
    colour: string,
    values: readonly number[],
    showLabel: boolean,
  ) => ({
    type: 'bar' as const,
    name,
    stack,
    barMaxWidth: 16,
    color: colour,
    data: values.map((v) => ({
      value: v,
      label: {
        show: showLabel,
        position: 'right' as const,
        color: '#222222',
        fontSize: 10,
        formatter: formatNumber(v, language, 2),
      },
    })),
  });
  const outputs = balance.processes.map((p) => p.totalProduct + p.totalWaste);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontSize: 11, color: '#222222' },
    aria: { enabled: true, label: { description: `${L.massBalance} (${balance.unit})` } },
    legend: { top: 0, data: [L.input, L.product, L.waste] },
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v, language, 2) : String(v)),
    },
    xAxis: {
      type: 'value',
      name: balance.unit,
      axisLabel: { formatter: (v: number) => formatNumber(v, language, 0) },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: { width: 170, overflow: 'truncate' },
    },
    series: [
      bar(
        L.input,
        'in',
        CHART_COLOURS.primary,
        balance.processes.map((p) => p.totalInput),
        true,
      ),
      bar(
        L.product,
        'out',
        CHART_COLOURS.green,
        balance.processes.map((p) => p.totalProduct),
        false,
      ),
      // The output total is labelled at the end of the stacked waste bar.
      {
        ...bar(
          L.waste,
          'out',
          CHART_COLOURS.secondary,
          balance.processes.map((p) => p.totalWaste),
          false,
        ),
        data: balance.processes.map((p, i) => ({
          value: p.totalWaste,
          label: {
            show: true,
            position: 'right' as const,
            color: '#222222',
            fontSize: 10,
            formatter: formatNumber(outputs[i] ?? 0, language, 2),
          },
        })),
      },
    ],
  };
}

/** Height in px that gives every process its two bars. */
export function massBalanceChartHeight(processes: number): number {
  return Math.max(180, 40 * processes + 60);
}
