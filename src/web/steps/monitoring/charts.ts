/**
 * Chart options of the monitoring step (ECharts, drawn by components/Chart): a parameter's
 * daily mean and max against its limit, and the EPI over time. Live in the browser, so the
 * axis and tooltip formatters are functions writing numbers in the UI language; a long series
 * (a year of days) gets a zoom slider.
 */
import type { EChartsOption } from 'echarts';
import type { MonitoringParameterResult } from '../../../engine/monitoring/index.js';
import { CHART_COLOURS } from '../../../report/charts.js';
import { formatInput, formatNumber, type ReportLanguage } from '../../../report/format.js';

/** Beyond this many points the chart gets a zoom slider. */
export const ZOOM_FROM = 45;

/** Decimals a value is shown with: fewer for larger numbers. */
export function decimalsFor(value: number): number {
  const a = Math.abs(value);
  if (a === 0) return 0;
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

export function shortNumber(value: number, language: ReportLanguage): string {
  return formatNumber(value, language, decimalsFor(value));
}

/** A round number at or above x (at or below, with `down`): 147 → 150, 0.54 → 0.55. */
export function niceBound(x: number, down = false): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const step = 10 ** Math.floor(Math.log10(Math.abs(x))) / 2;
  const k = x / step;
  return Number(((down ? Math.floor(k) : Math.ceil(k)) * step).toPrecision(12));
}

function zoom(points: number): Pick<EChartsOption, 'dataZoom'> {
  if (points <= ZOOM_FROM) return {};
  return {
    dataZoom: [
      { type: 'inside', filterMode: 'none' },
      { type: 'slider', filterMode: 'none', height: 18, bottom: 4 },
    ],
  };
}

export interface DailyChartLabels {
  readonly title: string;
  readonly mean: string;
  readonly max: string;
  readonly min: string;
  /** The limit's line label, e.g. "Baku mutu ≤ 50". */
  readonly limitMax: string;
  readonly limitMin: string;
}

/** Daily mean and max (and min, for a lower limit) with the limit as a line. */
export function dailyChartOption(
  parameter: MonitoringParameterResult,
  labels: DailyChartLabels,
  language: ReportLanguage,
): EChartsOption {
  const days = parameter.daily;
  const limit = parameter.limit;
  const show = (v: unknown) => (typeof v === 'number' ? shortNumber(v, language) : '–');
  const line = (name: string, colour: string, data: (number | null)[], dashed = false) => ({
    type: 'line' as const,
    name,
    data,
    color: colour,
    showSymbol: data.length <= 62,
    symbolSize: 4,
    connectNulls: false,
    lineStyle: { width: 1.5, ...(dashed && { type: 'dashed' as const }) },
  });
  const marks = [
    ...(limit?.max !== undefined ? [{ yAxis: limit.max, name: labels.limitMax }] : []),
    ...(limit?.min !== undefined ? [{ yAxis: limit.min, name: labels.limitMin }] : []),
  ];
  const mean = line(
    labels.mean,
    CHART_COLOURS.primary,
    days.map((d) => d.mean ?? null),
  );
  const series = [
    {
      ...mean,
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: CHART_COLOURS.red, type: 'solid' as const, width: 1.5 },
        label: { formatter: '{b}', position: 'insideEndTop' as const, color: CHART_COLOURS.red },
        data: marks,
      },
    },
    line(
      labels.max,
      CHART_COLOURS.secondary,
      days.map((d) => d.max ?? null),
      true,
    ),
    ...(limit?.min !== undefined
      ? [
          line(
            labels.min,
            '#7b8a97',
            days.map((d) => d.min ?? null),
            true,
          ),
        ]
      : []),
  ];
  return {
    animation: false,
    aria: { enabled: true, label: { description: labels.title } },
    textStyle: { fontSize: 11 },
    legend: { top: 0 },
    grid: {
      left: 8,
      right: 16,
      top: 30,
      bottom: days.length > ZOOM_FROM ? 40 : 8,
      containLabel: true,
    },
    tooltip: { trigger: 'axis', valueFormatter: show },
    xAxis: { type: 'category', data: days.map((d) => d.key), boundaryGap: false },
    yAxis: {
      type: 'value',
      // Keep the limit in view even on days far below it; concentrations from 0.
      max: (v: { max: number }) => niceBound(Math.max(v.max, (limit?.max ?? -Infinity) * 1.05)),
      min: (v: { min: number }) =>
        limit?.min === undefined && v.min >= 0
          ? 0
          : niceBound(Math.min(v.min, (limit?.min ?? Infinity) * 0.95), true),
      // Axis ticks are round numbers: no trailing zeros (90, not 90,0).
      axisLabel: { formatter: (v: number) => formatInput(v, language, 3) },
    },
    ...zoom(days.length),
    series,
  };
}

export interface EpiPoint {
  readonly period: string;
  readonly total: number | undefined;
}

/** The EPI of each period as a line; for the deviation method a line at 0 (all limits met). */
export function epiChartOption(
  points: readonly EpiPoint[],
  labels: { readonly title: string; readonly epi: string; readonly zero: string | undefined },
  language: ReportLanguage,
): EChartsOption {
  const show = (v: unknown) => (typeof v === 'number' ? formatNumber(v, language, 3) : '–');
  return {
    animation: false,
    aria: { enabled: true, label: { description: labels.title } },
    textStyle: { fontSize: 11 },
    grid: {
      left: 8,
      right: 16,
      top: 16,
      bottom: points.length > ZOOM_FROM ? 40 : 8,
      containLabel: true,
    },
    tooltip: { trigger: 'axis', valueFormatter: show },
    xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, language, 2) },
    },
    ...zoom(points.length),
    series: [
      {
        type: 'line',
        name: labels.epi,
        color: CHART_COLOURS.primary,
        data: points.map((p) => p.total ?? null),
        showSymbol: points.length <= 62,
        connectNulls: false,
        ...(labels.zero !== undefined && {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: CHART_COLOURS.line, type: 'dashed' },
            label: { formatter: labels.zero, position: 'insideEndTop' },
            data: [{ yAxis: 0 }],
          },
        }),
      },
    ],
  };
}
