/**
 * Charts as ECharts option objects: pure data (no functions), so the web app can use the same
 * options live. Numbers shown on the charts are pre-formatted strings in the reader's
 * convention (ECharts itself would print 1.5 where Indonesian needs 1,5); the value axes whose
 * ticks would need decimals carry no tick labels, the bars carry their values instead.
 * `renderChartSvg` renders an option to a standalone SVG string on the server.
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { EpiSectionResult } from '../engine/study/evaluate-study.js';
import type { PeriodProductivityResult } from '../engine/productivity/index.js';
import type { TrafficLightBand } from '../engine/epi/index.js';
import { formatMoney, formatNumber, formatPercent, type ReportLanguage } from './format.js';
import { escapeHtml } from './html.js';
import { fill, labels } from './i18n.js';

/** The report's palette (colour-blind safe blue/orange, traffic-light bands). */
export const CHART_COLOURS = {
  primary: '#2f6f9f',
  secondary: '#e08a2c',
  positive: '#2f6f9f',
  negative: '#c0392b',
  line: '#555555',
  red: '#d64541',
  yellow: '#f2c12e',
  green: '#3a9d5d',
} as const;

export const BAND_COLOURS: Readonly<Record<TrafficLightBand, string>> = {
  red: CHART_COLOURS.red,
  yellow: CHART_COLOURS.yellow,
  green: CHART_COLOURS.green,
};

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

function base(description: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, fontSize: 11, color: '#222222' },
    aria: { enabled: true, label: { description } },
  };
}

/** A "nice" step (1, 2 or 5 × 10^k) of at least `minimum` for about `count` intervals. */
function niceStep(span: number, count: number, minimum: number): number {
  const raw = Math.max(span / count, minimum, Number.MIN_VALUE);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(step, minimum);
}

/** Symmetric padding around [low, high] that keeps 0 inside when the data straddle it. */
function paddedRange(values: readonly number[], share = 0.18): { min: number; max: number } {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const pad = (high - low || 1) * share;
  return { min: low < 0 ? low - pad : 0, max: high > 0 ? high + pad : 0 };
}

/**
 * Productivity of each period as a line, with the year's productivity (Σ output ÷ Σ input)
 * as a dashed line, or the mean of the periods when the periods carry only ratios.
 */
export function productivityChartOption(
  result: PeriodProductivityResult,
  language: ReportLanguage,
): EChartsOption {
  const L = labels(language);
  const values = result.periods.map((p) => p.percent);
  const year = result.ratioOfTotals.kind === 'available' ? result.ratioOfTotals.percent : undefined;
  const reference = year ?? result.meanOfRatios.percent;
  const referenceLabel = fill(
    year !== undefined ? L.productivityChartYearLine : L.productivityChartMeanLine,
    formatPercent(reference, language, 2),
  );
  const all = [...values, reference];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const step = niceStep(high - low, 5, 1);
  const min = Math.floor(low / step) * step - step;
  const max = Math.ceil(high / step) * step + step;
  const showAxisLabels = Math.max(Math.abs(min), Math.abs(max)) < 1000;
  return {
    ...base(`${L.productivityChartTitle}. ${referenceLabel}.`),
    grid: { left: 56, right: 24, top: 28, bottom: 36 },
    xAxis: {
      type: 'category',
      data: result.periods.map((p) => p.label),
      axisTick: { alignWithLabel: true },
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: L.productivityPercent,
      nameTextStyle: { align: 'left' },
      min,
      max,
      interval: step,
      axisLabel: { show: showAxisLabels },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    series: [
      {
        type: 'line',
        name: L.productivityPercent,
        color: CHART_COLOURS.primary,
        symbol: 'circle',
        symbolSize: 6,
        data: values.map((v) => ({
          value: v,
          label: {
            show: true,
            position: 'top',
            fontSize: 9,
            color: '#333333',
            formatter: formatNumber(v, language, 1),
          },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: CHART_COLOURS.secondary, width: 1.5 },
          label: { position: 'insideEndTop', formatter: referenceLabel, color: '#8a4b00' },
          data: [{ yAxis: reference, name: referenceLabel }],
        },
      },
    ],
  };
}

/** Each parameter's EPI term (Wi·Pi, or Wi·level) as a horizontal bar; negative bars in red. */
export function epiContributionChartOption(
  epi: EpiSectionResult,
  language: ReportLanguage,
): EChartsOption {
  const L = labels(language);
  const terms = epi.terms.map((t) => t.term);
  const { min, max } = paddedRange(terms, 0.22);
  const title = epi.method === 'deviation' ? L.epiChartTitle : L.epiChartTitleTraffic;
  return {
    ...base(title),
    grid: { left: 8, right: 16, top: 12, bottom: 12, containLabel: true },
    xAxis: {
      type: 'value',
      min,
      max,
      axisLabel: { show: false },
      splitLine: { show: false },
      axisLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: epi.terms.map((t, i) => t.name ?? t.id ?? String(i + 1)),
      axisTick: { show: false },
      axisLine: { onZero: true, lineStyle: { color: '#444444' } },
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 22,
        data: epi.terms.map((t) => {
          const colour =
            epi.method === 'traffic-light'
              ? BAND_COLOURS[(t as { band: TrafficLightBand }).band]
              : t.term < 0
                ? CHART_COLOURS.negative
                : CHART_COLOURS.positive;
          return {
            value: t.term,
            itemStyle: { color: colour },
            label: {
              show: true,
              position: t.term < 0 ? 'left' : 'right',
              color: '#222222',
              formatter: formatNumber(t.term, language, 2),
            },
          };
        }),
      },
    ],
  };
}

export type OptionComparisonMetric = 'bcr' | 'annual-worth' | 'npv';

/** One bar per option: its BCR (with the break-even line at 1), annual worth or NPV. */
export function optionComparisonChartOption(
  items: readonly { readonly name: string; readonly value: number }[],
  metric: OptionComparisonMetric,
  language: ReportLanguage,
): EChartsOption {
  const L = labels(language);
  const title =
    metric === 'bcr' ? L.optionChartBcr : metric === 'npv' ? L.optionChartNpv : L.optionChartAw;
  const values = items.map((i) => i.value);
  const { min, max } = paddedRange(metric === 'bcr' ? [...values, 1] : values, 0.15);
  const text = (v: number) =>
    metric === 'bcr' ? formatNumber(v, language, 2) : formatMoney(v, language);
  return {
    ...base(title),
    grid: { left: 16, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.name),
      axisTick: { show: false },
      axisLine: { onZero: true, lineStyle: { color: '#444444' } },
      axisLabel: { interval: 0, width: 150, overflow: 'break', lineHeight: 13 },
    },
    yAxis: {
      type: 'value',
      min,
      max,
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 48,
        data: items.map((i) => ({
          value: i.value,
          itemStyle: { color: i.value < 0 ? CHART_COLOURS.negative : CHART_COLOURS.primary },
          label: {
            show: true,
            position: i.value < 0 ? 'bottom' : 'top',
            color: '#222222',
            formatter: text(i.value),
          },
        })),
        ...(metric === 'bcr' && {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: CHART_COLOURS.secondary },
            label: { position: 'insideEndTop', formatter: 'BCR = 1', color: '#8a4b00' },
            data: [{ yAxis: 1 }],
          },
        }),
      },
    ],
  };
}

/** EPI before and after each option, as pairs of bars. */
export function epiBeforeAfterChartOption(
  items: readonly { readonly name: string; readonly before: number; readonly after: number }[],
  language: ReportLanguage,
): EChartsOption {
  const L = labels(language);
  const { min, max } = paddedRange(
    items.flatMap((i) => [i.before, i.after]),
    0.15,
  );
  const bars = (key: 'before' | 'after', colour: string, name: string) => ({
    type: 'bar' as const,
    name,
    color: colour,
    barMaxWidth: 36,
    data: items.map((i) => ({
      value: i[key],
      label: {
        show: true,
        position: i[key] < 0 ? ('bottom' as const) : ('top' as const),
        color: '#222222',
        formatter: formatNumber(i[key], language, 2),
      },
    })),
  });
  return {
    ...base(L.epiBeforeAfterChart),
    legend: { top: 0, data: [L.before, L.after] },
    grid: { left: 16, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.name),
      axisTick: { show: false },
      axisLine: { onZero: true, lineStyle: { color: '#444444' } },
      axisLabel: { interval: 0, width: 150, overflow: 'break', lineHeight: 13 },
    },
    yAxis: { type: 'value', min, max, axisLabel: { show: false }, splitLine: { show: false } },
    series: [bars('before', '#9aa5b1', L.before), bars('after', CHART_COLOURS.primary, L.after)],
  };
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Renders an option to an SVG string with ECharts' server-side SVG renderer. The root `<svg>`
 * gets `role="img"` and the option's aria description as its label.
 */
/** Magnitudes below this are drawn as 0: ECharts' axis ticks fail on subnormal ranges. */
const DRAWN_AS_ZERO = 1e-200;

function flushTiny(value: unknown): unknown {
  if (typeof value === 'number') return Math.abs(value) < DRAWN_AS_ZERO ? 0 : value;
  if (Array.isArray(value)) return value.map(flushTiny);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => flushTiny(v));
  }
  // Plain objects only: anything else (functions, class instances) is passed through as it is.
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flushTiny(v)]));
  }
  return value;
}

/**
 * The option as ECharts can draw it: numbers of magnitude below 1e-200 in the series and axes
 * are drawn as 0 (the computed values themselves are unchanged; an axis over a subnormal range
 * makes ECharts throw). Used by the report's SVG and by the web app's charts.
 */
export function drawableChartOption(option: EChartsOption): EChartsOption {
  const drawable: EChartsOption = { ...option };
  // Axis bounds, series data and mark lines: every number drawn (styles are never that small).
  for (const key of ['series', 'xAxis', 'yAxis'] as const) {
    if (option[key] !== undefined) Object.assign(drawable, { [key]: flushTiny(option[key]) });
  }
  return drawable;
}

export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  let svg: string;
  try {
    chart.setOption({ ...drawableChartOption(option), animation: false });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const description = ariaDescription(option);
  const attributes = ` role="img"${description === undefined ? '' : ` aria-label="${escapeHtml(description)}"`}`;
  return svg.replace(/^<svg\b/, `<svg${attributes}`);
}

function ariaDescription(option: EChartsOption): string | undefined {
  const aria = option.aria;
  if (aria === undefined || Array.isArray(aria)) return undefined;
  const description = (aria as { label?: { description?: unknown } }).label?.description;
  return typeof description === 'string' ? description : undefined;
}

/**
 * A tornado: per input, a horizontal bar from the output at the input's low end to the output
 * at its high end (the other inputs at their point), largest swing on top, centred on the point.
 */
export function tornadoChartOption(
  bars: readonly {
    readonly label: string;
    readonly atLow: number;
    readonly atHigh: number;
  }[],
  point: number,
  title: string,
  format: (value: number) => string,
): EChartsOption {
  // ECharts draws the first category at the bottom: reverse so the largest swing is on top.
  const rows = [...bars].reverse();
  const side = (key: 'atLow' | 'atHigh', colour: string) => ({
    type: 'bar' as const,
    color: colour,
    barMaxWidth: 22,
    // Both ends drawn from the point on the same row (overlapping, not stacked).
    barGap: '-100%',
    data: rows.map((r) => ({
      value: r[key] - point,
      label: {
        show: true,
        position: r[key] - point < 0 ? ('left' as const) : ('right' as const),
        color: '#222222',
        formatter: format(r[key]),
      },
    })),
  });
  const spread = Math.max(
    1e-12,
    ...rows.flatMap((r) => [r.atLow - point, r.atHigh - point].map(Math.abs)),
  );
  return {
    ...base(title),
    grid: { left: 16, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: -spread * 1.6,
      max: spread * 1.6,
      axisLabel: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { onZero: true, lineStyle: { color: '#444444' } },
      axisLabel: { width: 220, overflow: 'break', lineHeight: 13 },
    },
    series: [side('atLow', '#9aa5b1'), side('atHigh', CHART_COLOURS.primary)],
  };
}

/**
 * A histogram of a Monte Carlo output: the iterations per equal-width bin as a filled step
 * outline from the lowest to the highest value (their values labelled underneath), with the
 * point value (every input at its point) marked. One bin (every iteration the same value) is
 * drawn as a single bar. Counts carry no axis labels: the shape is what matters.
 */
export function histogramChartOption(
  histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] },
  point: number | undefined,
  title: string,
  format: (value: number) => string,
  pointLabel: string,
): EChartsOption {
  const { edges, counts } = histogram;
  const low = edges[0] ?? 0;
  const high = edges.at(-1) ?? low;
  const single = counts.length <= 1 || low === high;
  const ends = point === undefined ? [low, high] : [low, high, point];
  const from = Math.min(...ends);
  const to = Math.max(...ends);
  const pad = to > from ? (to - from) * 0.04 : Math.abs(from) * 0.1 || 1;
  const top = Math.max(1, ...counts);
  const endLine = (value: number, position: 'insideStartBottom' | 'insideStartTop') => ({
    xAxis: value,
    lineStyle: { type: 'dotted' as const, color: '#9aa5b1' },
    label: { formatter: format(value), position, color: '#444444' },
  });
  return {
    ...base(title),
    grid: { left: 16, right: 16, top: 22, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: from - pad,
      max: to + pad,
      axisLabel: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: '#444444' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: top * 1.15,
      axisLabel: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      splitLine: { show: false },
    },
    series: [
      single
        ? {
            type: 'bar' as const,
            name: title,
            color: CHART_COLOURS.primary,
            barWidth: 24,
            data: [[low, counts[0] ?? 0]],
          }
        : {
            type: 'line' as const,
            name: title,
            // (e_i, c_i) held to e_(i+1), then the last count held to the last edge.
            step: 'end' as const,
            symbol: 'none',
            color: CHART_COLOURS.primary,
            lineStyle: { width: 1 },
            areaStyle: { opacity: 0.55 },
            data: [...counts.map((c, i) => [edges[i] ?? low, c]), [high, counts.at(-1) ?? 0]],
          },
      {
        type: 'line' as const,
        name: pointLabel,
        data: [],
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            ...(single ? [] : [endLine(low, 'insideStartBottom'), endLine(high, 'insideStartTop')]),
            ...(point === undefined
              ? []
              : [
                  {
                    xAxis: point,
                    lineStyle: { type: 'solid' as const, width: 2, color: CHART_COLOURS.secondary },
                    label: {
                      formatter: `${pointLabel}: ${format(point)}`,
                      position: 'end' as const,
                      // Near an end of the axis the label runs inwards, so it is not clipped.
                      align:
                        point - from < (to - from) * 0.25
                          ? ('left' as const)
                          : to - point < (to - from) * 0.25
                            ? ('right' as const)
                            : ('center' as const),
                      color: '#8a4b00',
                    },
                  },
                ]),
          ],
        },
      },
    ],
  };
}
