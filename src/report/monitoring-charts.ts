/**
 * Monitoring results (GP steps 5–6) drawn the same way in the web app's monitoring step and
 * in the report: chart options (a parameter's daily or monthly mean and max against its limit,
 * the EPI over time), the traffic-light calendar (day × parameter), the EPI recomputed from
 * each period's means, and each parameter before and after an implementation date. DOM-free;
 * the web imports this module, so it never imports the report's renderers.
 */
import type { EChartsOption } from 'echarts';
import {
  beforeAfterComparison,
  deviationEpiOverTime,
  monitoringPeriodMeans,
  trafficLightEpiOverTime,
  type BeforeAfterComparison,
  type MonitoringParameterResult,
  type MonitoringResult,
  type MonitoringRollup,
} from '../engine/monitoring/index.js';
import { studyEpiInputs, type AhpSectionResult } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import { CHART_COLOURS } from './charts.js';
import { formatInput, formatNumber, type ReportLanguage } from './format.js';
import { escapeHtml } from './html.js';
import { fill, labels } from './i18n.js';

// ── Numbers ──────────────────────────────────────────────────────────────────────────────

/** Beyond this many points a live chart gets a zoom slider. */
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

// ── Chart options ────────────────────────────────────────────────────────────────────────

/** How a chart is drawn: live in the browser (tooltip, zoom) or printed (SVG in the report). */
export interface MonitoringChartMode {
  /** Printed: no tooltip or zoom slider, the report's font and a white background. */
  readonly print?: boolean;
}

const PRINT_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

function frame(
  description: string,
  points: number,
  top: number,
  mode: MonitoringChartMode | undefined,
): EChartsOption {
  const print = mode?.print === true;
  const zoom = !print && points > ZOOM_FROM;
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: print
      ? { fontFamily: PRINT_FONT, fontSize: 11, color: '#222222' }
      : { fontSize: 11 },
    ...(print && { backgroundColor: '#ffffff' }),
    // Printed axes keep room for the end labels (nothing scrolls them into view).
    grid: print
      ? { left: 16, right: 36, top, bottom: 8, containLabel: true }
      : { left: 8, right: 16, top, bottom: zoom ? 40 : 8, containLabel: true },
    ...(zoom && {
      dataZoom: [
        { type: 'inside', filterMode: 'none' },
        { type: 'slider', filterMode: 'none', height: 18, bottom: 4 },
      ],
    }),
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

export interface RollupChartMode extends MonitoringChartMode {
  /** The buckets drawn: the parameter's daily rollups by default, or e.g. its monthly ones. */
  readonly rollups?: readonly MonitoringRollup[];
}

/** Daily (or monthly) mean and max (and min, for a lower limit) with the limit as a line. */
export function dailyChartOption(
  parameter: MonitoringParameterResult,
  labels: DailyChartLabels,
  language: ReportLanguage,
  mode?: RollupChartMode,
): EChartsOption {
  const days = mode?.rollups ?? parameter.daily;
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
    ...frame(labels.title, days.length, 30, mode),
    legend: { top: 0, itemGap: 24 },
    ...(mode?.print !== true && { tooltip: { trigger: 'axis', valueFormatter: show } }),
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
  mode?: MonitoringChartMode,
): EChartsOption {
  const show = (v: unknown) => (typeof v === 'number' ? formatNumber(v, language, 3) : '–');
  return {
    ...frame(labels.title, points.length, 16, mode),
    ...(mode?.print !== true && { tooltip: { trigger: 'axis', valueFormatter: show } }),
    xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, language, 2) },
    },
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

// ── Traffic-light calendar ───────────────────────────────────────────────────────────────

/**
 * Green: every reading of the day complies (its max, and its min for a lower limit); yellow:
 * the day's mean complies but some reading does not; red: the day's mean breaks the limit;
 * none: no readings that day; unlimited: the parameter has no limit.
 */
export type DayStatus = 'green' | 'yellow' | 'red' | 'none' | 'unlimited';

export const DAY_STATUSES: readonly DayStatus[] = ['green', 'yellow', 'red', 'none', 'unlimited'];

/** The calendar's colours (the report's traffic-light bands; greys for no data, no limit). */
export const STATUS_COLOURS: Readonly<Record<DayStatus, string>> = {
  green: CHART_COLOURS.green,
  yellow: CHART_COLOURS.yellow,
  red: CHART_COLOURS.red,
  none: '#b8bec4',
  unlimited: '#e4e8ec',
};

export interface CalendarCell {
  readonly key: string;
  readonly status: DayStatus;
  readonly mean: number | undefined;
  readonly max: number | undefined;
  readonly count: number;
}

export interface CalendarMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** Day of the month of each column (1–31). */
  readonly days: readonly number[];
  /** One row per parameter, in the result's order. */
  readonly rows: readonly { readonly id: string; readonly cells: readonly CalendarCell[] }[];
}

export function dayStatus(day: MonitoringRollup, hasLimit: boolean): DayStatus {
  if (day.count === 0) return 'none';
  if (!hasLimit) return 'unlimited';
  if (day.meanComplies === false) return 'red';
  if (day.extremesComply === false) return 'yellow';
  return 'green';
}

/** The calendar of the given parameters (all share the result's days), a block per month. */
export function calendarMonths(parameters: readonly MonitoringParameterResult[]): CalendarMonth[] {
  const first = parameters[0];
  if (first === undefined) return [];
  const months: CalendarMonth[] = [];
  let start = 0;
  while (start < first.daily.length) {
    const month = (first.daily[start] as MonitoringRollup).key.slice(0, 7);
    let end = start;
    while (end < first.daily.length && (first.daily[end] as MonitoringRollup).key.startsWith(month))
      end++;
    months.push({
      month,
      days: first.daily.slice(start, end).map((d) => Number(d.key.slice(8, 10))),
      rows: parameters.map((p) => ({
        id: p.id,
        cells: p.daily.slice(start, end).map((d) => ({
          key: d.key,
          status: dayStatus(d, p.limit !== undefined),
          mean: d.mean,
          max: d.max,
          count: d.count,
        })),
      })),
    });
    start = end;
  }
  return months;
}

/** Days of each status, for the legend. */
export function statusCounts(months: readonly CalendarMonth[]): Record<DayStatus, number> {
  const counts: Record<DayStatus, number> = { green: 0, yellow: 0, red: 0, none: 0, unlimited: 0 };
  for (const m of months) for (const r of m.rows) for (const c of r.cells) counts[c.status] += 1;
  return counts;
}

const CELL = 12;
const GAP = 2;
const CALENDAR_WIDTH = 680;

/** Height of one month's block of the calendar SVG: title, day numbers, a row per parameter. */
function calendarBlockHeight(parameters: number): number {
  return 16 + 12 + parameters * (CELL + GAP) + 10;
}

/**
 * The months in groups whose calendar SVG is at most `maxHeight` high (at least one month
 * each), so that a year of many parameters prints as several figures, each on one page.
 */
export function calendarPages(
  months: readonly CalendarMonth[],
  maxHeight = 720,
): CalendarMonth[][] {
  const rows = months[0]?.rows.length ?? 0;
  // The legend takes 24 below the blocks.
  const perPage = Math.max(1, Math.floor((maxHeight - 24) / calendarBlockHeight(rows)));
  const pages: CalendarMonth[][] = [];
  for (let i = 0; i < months.length; i += perPage) pages.push(months.slice(i, i + perPage));
  return pages;
}

/**
 * The calendar as an SVG string: per month a block of one row per parameter and one cell per
 * day, coloured by status. Colour is never the only cue: an exceeding day carries a cross, a
 * partly exceeding day a dot, a day without data is hatched, and a legend names them in words.
 */
export function renderMonitoringCalendarSvg(
  months: readonly CalendarMonth[],
  name: (id: string) => string,
  language: ReportLanguage,
  /** Prefix of the SVG's element ids, unique in the document (several calendars in one report). */
  idPrefix = 'monitoring-calendar',
): string {
  const noData = `${idPrefix}-no-data`;
  const L = labels(language);
  const rowsPerMonth = months[0]?.rows.length ?? 0;
  const nameWidth = Math.min(
    150,
    16 + 6.5 * Math.max(4, ...(months[0]?.rows ?? []).map((r) => Math.min(22, name(r.id).length))),
  );
  const pitch = CELL + GAP;
  const blockHeight = calendarBlockHeight(rowsPerMonth);
  const counts = statusCounts(months);
  const shown = DAY_STATUSES.filter((s) => s !== 'unlimited' || counts.unlimited > 0);
  const legendTop = months.length * blockHeight + 4;
  const height = legendTop + 20;
  const perParameter = (months[0]?.rows ?? []).map((r, i) => {
    const c: Record<DayStatus, number> = { green: 0, yellow: 0, red: 0, none: 0, unlimited: 0 };
    for (const m of months) for (const cell of m.rows[i]?.cells ?? []) c[cell.status] += 1;
    return fill(
      L.monCalendarDesc,
      name(r.id),
      String(c.green),
      String(c.yellow),
      String(c.red),
      String(c.none),
    );
  });
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="monitoring-calendar" role="img" viewBox="0 0 ${CALENDAR_WIDTH} ${height}" width="${CALENDAR_WIDTH}" height="${height}" font-family="${PRINT_FONT}" font-size="9">`,
    `<title>${escapeHtml(L.monCalendar)}</title>`,
    `<desc>${escapeHtml(perParameter.join('; '))}</desc>`,
    `<defs><pattern id="${escapeHtml(noData)}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#8a949c" stroke-width="1.5"/></pattern></defs>`,
  ];
  months.forEach((m, b) => {
    const top = b * blockHeight;
    parts.push(
      `<text x="0" y="${top + 11}" font-weight="bold" font-size="10">${escapeHtml(monthTitle(m.month, language))}</text>`,
    );
    m.days.forEach((d, k) => {
      if (d !== 1 && d % 5 !== 0) return;
      parts.push(
        `<text x="${nameWidth + k * pitch + CELL / 2}" y="${top + 25}" text-anchor="middle" fill="#555">${d}</text>`,
      );
    });
    m.rows.forEach((r, i) => {
      const y = top + 28 + i * pitch;
      parts.push(
        `<text x="${nameWidth - 6}" y="${y + CELL / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(truncate(name(r.id), 22))}</text>`,
      );
      r.cells.forEach((c, k) => {
        parts.push(cellSvg(nameWidth + k * pitch, y, c.status, noData, r.id, c.key));
      });
    });
  });
  let x = 0;
  for (const status of shown) {
    const text = L[`monStatus_${status}`];
    parts.push(
      cellSvg(x, legendTop + 2, status, noData, undefined, undefined),
      `<text x="${x + CELL + 4}" y="${legendTop + 2 + CELL / 2}" dominant-baseline="central" font-size="10">${escapeHtml(text)}</text>`,
    );
    x += CELL + 4 + 6.2 * text.length + 16;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function cellSvg(
  x: number,
  y: number,
  status: DayStatus,
  noData: string,
  parameter: string | undefined,
  day: string | undefined,
): string {
  const data =
    parameter === undefined || day === undefined
      ? ''
      : ` data-parameter="${escapeHtml(parameter)}" data-day="${day}"`;
  const fillColour = status === 'none' ? `url(#${escapeHtml(noData)})` : STATUS_COLOURS[status];
  const mark =
    status === 'red'
      ? `<path d="M${x + 3} ${y + 3}L${x + CELL - 3} ${y + CELL - 3}M${x + CELL - 3} ${y + 3}L${x + 3} ${y + CELL - 3}" stroke="#ffffff" stroke-width="1.6"/>`
      : status === 'yellow'
        ? `<circle cx="${x + CELL / 2}" cy="${y + CELL / 2}" r="2" fill="#222222"/>`
        : '';
  return `<g data-status="${status}"${data}><rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${fillColour}" stroke="#ffffff" stroke-width="0.5"/>${mark}</g>`;
}

const MONTH_NAMES: Record<ReportLanguage, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** '2024-01-27' → "27 Jan 2024" ("27 Jan" without the year; id "27 Mei", en "27 May"). */
export function dayTitle(day: string, language: ReportLanguage, withYear = true): string {
  const name = MONTH_NAMES[language][Number(day.slice(5, 7)) - 1];
  if (name === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return `${Number(day.slice(8, 10))} ${name}${withYear ? ` ${day.slice(0, 4)}` : ''}`;
}

/** '2024-03' → "Mar 2024" (id: "Mar 2024", "Mei 2024"). */
export function monthTitle(month: string, language: ReportLanguage): string {
  const name = MONTH_NAMES[language][Number(month.slice(5, 7)) - 1];
  return name === undefined ? month : `${name} ${month.slice(0, 4)}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// ── Review: the EPI over time, before and after ──────────────────────────────────────────

export interface EpiOverTime {
  readonly method: 'deviation' | 'traffic-light';
  readonly points: readonly EpiPoint[];
  /** Study parameters in the EPI (those with readings). */
  readonly included: readonly string[];
  /** Study parameters left out: no column in the file, or a level given rather than a scale. */
  readonly excluded: readonly string[];
}

export type EpiOverTimeOutcome =
  | { readonly ok: true; readonly epi: EpiOverTime }
  | {
      readonly ok: false;
      readonly reason: 'no-epi' | 'no-parameters' | 'error';
      readonly message?: string;
    };

/** The study's EPI (its method) of each day or month over the monitored parameters. */
export function epiOverTime(
  study: StudyInput,
  ahp: readonly AhpSectionResult[],
  result: MonitoringResult,
  unit: 'day' | 'month',
): EpiOverTimeOutcome {
  try {
    const inputs = studyEpiInputs(study, ahp);
    if (inputs === undefined) return { ok: false, reason: 'no-epi' };
    const monitored = new Set(result.parameters.map((p) => p.id));
    const periods = monitoringPeriodMeans(result, unit);
    const settings = study.epi;
    if (inputs.method === 'deviation') {
      const used = inputs.parameters.filter((p) => p.id !== undefined && monitored.has(p.id));
      const ids = used.map((p) => p.id as string);
      const excluded = inputs.parameters.flatMap((p) =>
        p.id === undefined || ids.includes(p.id) ? [] : [p.id],
      );
      if (used.length === 0 || periods.length === 0) return { ok: false, reason: 'no-parameters' };
      const epi = deviationEpiOverTime(
        periods,
        used.map(({ measured: _measured, ...p }) => ({ ...p, id: p.id as string })),
        { belowDetectionLimit: settings?.belowDetectionLimit },
      );
      return {
        ok: true,
        epi: {
          method: 'deviation',
          points: epi.map((e) => ({ period: e.period, total: e.epi?.total })),
          included: ids,
          excluded,
        },
      };
    }
    const used = inputs.parameters.flatMap((p) =>
      p.id !== undefined &&
      monitored.has(p.id) &&
      p.scale !== undefined &&
      p.scale.anchors.length > 0
        ? [{ id: p.id, name: p.name, weight: p.weight, scale: p.scale }]
        : [],
    );
    const ids = used.map((p) => p.id);
    const excluded = inputs.parameters.flatMap((p) =>
      p.id === undefined || ids.includes(p.id) ? [] : [p.id],
    );
    if (used.length === 0 || periods.length === 0) return { ok: false, reason: 'no-parameters' };
    const epi = trafficLightEpiOverTime(periods, used, {
      belowDetectionLimit: settings?.belowDetectionLimit,
      scoring: settings?.scoring,
      bands: settings?.bands,
    });
    return {
      ok: true,
      epi: {
        method: 'traffic-light',
        points: epi.map((e) => ({ period: e.period, total: e.epi?.total })),
        included: ids,
        excluded,
      },
    };
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Epoch ms of local midnight starting `date` ('YYYY-MM-DD') at the given offset. */
export function localMidnightMs(date: string, utcOffsetMinutes: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - utcOffsetMinutes * 60_000;
}

export type BeforeAfterRow =
  | { readonly id: string; readonly ok: true; readonly comparison: BeforeAfterComparison }
  | { readonly id: string; readonly ok: false; readonly message: string };

/** Each parameter's daily means before and after the implementation date (Welch's t-test). */
export function beforeAfterRows(result: MonitoringResult, date: string): BeforeAfterRow[] {
  const at = localMidnightMs(date, result.utcOffsetMinutes);
  if (at === undefined) return [];
  return result.parameters.map((p) => {
    const series = p.daily.flatMap((d) =>
      d.mean === undefined ? [] : [{ timeMs: d.startMs, value: d.mean }],
    );
    try {
      return { id: p.id, ok: true, comparison: beforeAfterComparison(series, at) };
    } catch (error) {
      return {
        id: p.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  });
}

/** 'YYYY-MM-DD HH:mm' of an instant in local time at the given offset. */
export function localDateTime(ms: number, utcOffsetMinutes: number): string {
  const iso = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const INDONESIAN_ZONES: Readonly<Record<number, string>> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** The zone of an offset: "WIB (UTC+07:00)", or "UTC+05:30" outside Indonesia's three. */
export function zoneName(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '−' : '+';
  const a = Math.abs(utcOffsetMinutes);
  const utc = `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  const named = INDONESIAN_ZONES[utcOffsetMinutes];
  return named === undefined ? utc : `${named} (${utc})`;
}
