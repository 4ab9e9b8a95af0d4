/**
 * GP step 5, monitoring and review, when the report is given monitoring results (a readings
 * file or the server's stored series): per series its compliance with the study's limits, a
 * chart of each parameter's daily (or monthly) mean and max against its limit, the
 * traffic-light calendar, the alerts, the EPI over time, productivity and eco-efficiency over
 * time (the study's month-labelled productivity periods joined with the monitored months) and,
 * given an implementation date, each parameter before and after it.
 */
import { productionMonthsFromStudy } from '../document/monitoring/production-records.js';
import {
  ecoEfficiencyOverTime,
  type EcoEfficiencyOverTime,
  type MonitoringEvent,
  type MonitoringParameterResult,
  type MonitoringResult,
  type MonthIndicator,
} from '../engine/monitoring/index.js';
import { renderChartSvg } from './charts.js';
import { figure, section, table, type ReportContext } from './context.js';
import { formatDate } from './format.js';
import { html, join, trusted, type HtmlValue, type SafeHtml } from './html.js';
import {
  beforeAfterRows,
  calendarMonths,
  calendarPages,
  dailyChartOption,
  dayTitle,
  decimalsFor,
  epiChartOption,
  epiOverTime,
  localDateTime,
  localMidnightMs,
  monthTitle,
  renderMonitoringCalendarSvg,
  shortNumber,
  zoneName,
} from './monitoring-charts.js';
import { CHART_WIDTH } from './sections-planning.js';

/** One monitored series the report shows. */
export interface MonitoringReportSeries {
  /** What the series is called in the report (a site, an outlet, a file). */
  readonly name: string;
  readonly result: MonitoringResult;
  /** Where the readings came from: a file name, or "database" for the server's stored series. */
  readonly source?: string;
  /** An ISO date (`YYYY-MM-DD`, local): daily means before it are compared with those from it. */
  readonly implementationDate?: string;
}

/** Beyond this many days the chart shows monthly rather than daily means. */
export const DAILY_CHART_MAX_DAYS = 120;
/** Alerts listed before "and N more". */
export const ALERTS_SHOWN = 20;
/** Parameters per compliance table (columns), so a table fits an A4 page. */
const PARAMETERS_PER_TABLE = 5;

/** The monitoring section (step 5), or nothing without monitoring results. */
export function monitoringSection(
  ctx: ReportContext,
  monitoring: readonly MonitoringReportSeries[] | undefined,
): SafeHtml {
  if (monitoring === undefined || monitoring.length === 0) return html``;
  return section(
    'step-5',
    2,
    ctx.L.step5,
    monitoring.map((series, i) => seriesSection(ctx, series, `monitoring-${i + 1}`)),
    'major',
  );
}

/** Writes numbers and instants of one series in the report's formats. */
class SeriesFormat {
  private readonly decimals = new Map<string, number>();

  constructor(
    private readonly ctx: ReportContext,
    private readonly result: MonitoringResult,
  ) {
    for (const p of result.parameters) {
      // One number of decimals per parameter, from its limit (or its largest reading).
      const reference = p.limit?.max ?? p.limit?.min ?? p.summary.max ?? 0;
      this.decimals.set(p.id, Math.max(1, decimalsFor(reference)));
    }
  }

  value(id: string, x: number | undefined): string {
    return x === undefined ? '–' : this.ctx.num(x, this.decimals.get(id) ?? 2);
  }
  /** A local day `YYYY-MM-DD` in words. */
  day(key: string): string {
    return formatDate(key, this.ctx.language);
  }
  /** An instant as the local date in words and the time: "3 Januari 2024 10:00". */
  when(ms: number): string {
    const local = localDateTime(ms, this.result.utcOffsetMinutes);
    return `${this.day(local.slice(0, 10))} ${local.slice(11)}`;
  }
  /** An instant in short: "3 Jan 2024 10:00" (for table cells). */
  short(ms: number): string {
    const local = localDateTime(ms, this.result.utcOffsetMinutes);
    return `${dayTitle(local.slice(0, 10), this.ctx.language)} ${local.slice(11)}`;
  }
  /** From one instant to another (the second's date left out on the same day), or the one. */
  span(startMs: number, endMs: number): string {
    if (startMs === endMs) return this.when(startMs);
    const a = localDateTime(startMs, this.result.utcOffsetMinutes);
    const b = localDateTime(endMs, this.result.utcOffsetMinutes);
    return `${this.when(startMs)} – ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : this.when(endMs)}`;
  }
  /** The local date of an instant, in words. */
  date(ms: number): string {
    return this.day(localDateTime(ms, this.result.utcOffsetMinutes).slice(0, 10));
  }
  name(id: string): string {
    const unit = this.ctx.parameterUnit(id);
    return `${this.ctx.parameterName(id)}${unit === undefined ? '' : ` (${unit})`}`;
  }
  limit(p: MonitoringParameterResult): string {
    const l = p.limit;
    if (l === undefined) return this.ctx.L.monNoLimit;
    const v = (x: number) => this.ctx.input(x, 4);
    if (l.min !== undefined && l.max !== undefined) return `${v(l.min)}–${v(l.max)}`;
    return l.max !== undefined ? `≤ ${v(l.max)}` : `≥ ${v(l.min ?? 0)}`;
  }
}

function seriesSection(ctx: ReportContext, series: MonitoringReportSeries, id: string): SafeHtml {
  const { L } = ctx;
  const result = series.result;
  const f = new SeriesFormat(ctx, result);
  const title = ctx.t(L.monSeries, series.name);
  const intro = introLines(ctx, series, f);
  if (result.readings === 0 || result.parameters.length === 0) {
    return section(id, 3, title, [intro, html`<p>${L.monNoReadings}</p>`]);
  }
  return section(id, 3, title, [
    intro,
    ...complianceTables(ctx, series, f),
    ...charts(ctx, result, f),
    calendar(ctx, result, f, id),
    alerts(ctx, result, f, id),
    epi(ctx, result, id),
    ecoEfficiency(ctx, result, id),
    beforeAfter(ctx, series, f, id),
  ]);
}

function introLines(ctx: ReportContext, series: MonitoringReportSeries, f: SeriesFormat): SafeHtml {
  const { L } = ctx;
  const r = series.result;
  const lines: string[] = [];
  if (r.firstTimeMs !== undefined && r.lastTimeMs !== undefined) {
    lines.push(
      ctx.t(
        L.monIntro,
        ctx.num(r.readings, 0),
        f.when(r.firstTimeMs),
        f.when(r.lastTimeMs),
        ctx.num(r.parameters[0]?.daily.length ?? 0, 0),
        zoneName(r.utcOffsetMinutes),
      ),
    );
  }
  if (r.expectedIntervalSeconds !== undefined) {
    const s = r.expectedIntervalSeconds;
    lines.push(
      ctx.t(
        L.monInterval,
        s % 60 === 0 ? ctx.t(L.monMinutes, ctx.input(s / 60)) : ctx.t(L.monSeconds, ctx.input(s)),
      ),
    );
  }
  if (series.source !== undefined && series.source !== '') {
    lines.push(ctx.t(L.monSource, series.source === 'database' ? L.monDatabase : series.source));
  }
  return lines.length === 0 ? html`` : html`<p>${lines.join(' ')}</p>`;
}

// ── Compliance ───────────────────────────────────────────────────────────────────────────

function complianceTables(
  ctx: ReportContext,
  series: MonitoringReportSeries,
  f: SeriesFormat,
): SafeHtml[] {
  const { L } = ctx;
  const all = series.result.parameters;
  const hasLoad = all.some((p) => p.summary.load !== undefined);
  const hasLoadLimit = all.some((p) => p.loadLimit !== undefined);
  const tables: SafeHtml[] = [];
  for (let start = 0; start < all.length; start += PARAMETERS_PER_TABLE) {
    const ps = all.slice(start, start + PARAMETERS_PER_TABLE);
    const row = (label: string, cell: (p: MonitoringParameterResult) => HtmlValue) =>
      html`<tr>
        <th scope="row">${label}</th>
        ${ps.map((p) => html`<td class="num">${cell(p)}</td>`)}
      </tr>`;
    const limited = (p: MonitoringParameterResult, text: () => HtmlValue): HtmlValue =>
      p.limit === undefined ? '–' : text();
    const rows: SafeHtml[] = [
      row(L.standard, (p) => f.limit(p)),
      row(L.monReadings, (p) => ctx.num(p.summary.count, 0)),
      row(L.monCompleteness, (p) => {
        const share = p.summary.completeness?.share;
        return share === undefined ? '–' : ctx.fraction(share, 1);
      }),
      row(L.monMean, (p) => f.value(p.id, p.summary.mean)),
      row(L.monMax, (p) => f.value(p.id, p.summary.max)),
      row(L.monExceedances, (p) =>
        limited(
          p,
          () =>
            `${ctx.num(p.summary.exceedances, 0)} (${
              p.summary.exceedancePercent === undefined
                ? '–'
                : ctx.pct(p.summary.exceedancePercent, 2)
            })`,
        ),
      ),
      row(L.monLongestRun, (p) => {
        const run = p.summary.longestRun;
        return limited(p, () =>
          run === undefined
            ? L.monNone
            : join(
                [
                  ctx.t(L.monRunReadings, ctx.num(run.readings, 0)),
                  `${f.short(run.startMs)} –`,
                  f.short(run.endMs),
                ],
                '<br />',
              ),
        );
      }),
      row(L.monFirstExceedance, (p) =>
        limited(p, () => {
          const ms = p.summary.firstExceedanceMs;
          return ms === undefined ? L.monNone : f.short(ms);
        }),
      ),
      row(L.monLastExceedance, (p) =>
        limited(p, () => {
          const ms = p.summary.lastExceedanceMs;
          return ms === undefined ? L.monNone : f.short(ms);
        }),
      ),
      ...(hasLoad
        ? [
            row(L.monLoad, (p) => {
              const load = p.summary.load;
              return load === undefined || load.meanRate === undefined
                ? '–'
                : ctx.num(load.amount, 1);
            }),
            row(L.monLoadRate, (p) => {
              const rate = p.summary.load?.meanRate;
              return rate === undefined ? '–' : ctx.num(rate, 3);
            }),
          ]
        : []),
      ...(hasLoadLimit
        ? [
            row(L.monLoadLimit, (p) => {
              const l = p.loadLimit;
              if (l === undefined) return '–';
              return [
                l.perDay === undefined ? undefined : ctx.t(L.monPerDay, ctx.input(l.perDay)),
                l.perHour === undefined ? undefined : ctx.t(L.monPerHour, ctx.input(l.perHour)),
              ]
                .filter((x) => x !== undefined)
                .join('; ');
            }),
            row(L.monDaysOverLoad, (p) =>
              p.loadLimit?.perDay === undefined || p.summary.load === undefined
                ? '–'
                : ctx.num(p.summary.load.daysOverLimit, 0),
            ),
          ]
        : []),
    ];
    tables.push(
      table(ctx, {
        caption: ctx.t(L.monCompliance, series.name),
        className: 'monitoring-compliance',
        head: html`<tr>
          <th scope="col">${L.monMeasure}</th>
          ${ps.map((p) => html`<th scope="col" class="num">${f.name(p.id)}</th>`)}
        </tr>`,
        body: rows,
        notes: start + PARAMETERS_PER_TABLE >= all.length ? [L.monComplianceNote] : [],
      }),
    );
  }
  return tables;
}

// ── Charts and calendar ──────────────────────────────────────────────────────────────────

function charts(ctx: ReportContext, result: MonitoringResult, f: SeriesFormat): SafeHtml[] {
  const { L } = ctx;
  const daily = (result.parameters[0]?.daily.length ?? 0) <= DAILY_CHART_MAX_DAYS;
  return result.parameters.flatMap((p) => {
    const rollups = daily ? p.daily : p.monthly;
    if (rollups.every((r) => r.mean === undefined)) return [];
    const title = ctx.t(daily ? L.monChartDaily : L.monChartMonthly, f.name(p.id));
    const option = dailyChartOption(
      p,
      {
        title,
        mean: daily ? L.monDailyMean : L.monMonthlyMean,
        max: daily ? L.monDailyMax : L.monMonthlyMax,
        min: daily ? L.monDailyMin : L.monMonthlyMin,
        limitMax: ctx.t(L.monLimitMax, ctx.input(p.limit?.max ?? 0, 4)),
        limitMin: ctx.t(L.monLimitMin, ctx.input(p.limit?.min ?? 0, 4)),
      },
      ctx.language,
      {
        print: true,
        // Short axis labels in the reader's language: "27 Jan", "Mar 2024".
        rollups: rollups.map((r) => ({
          ...r,
          key: daily ? dayTitle(r.key, ctx.language, false) : monthTitle(r.key, ctx.language),
        })),
      },
    );
    return [
      figure(ctx, title, trusted(renderChartSvg(option, { width: CHART_WIDTH, height: 230 }))),
    ];
  });
}

function calendar(
  ctx: ReportContext,
  result: MonitoringResult,
  f: SeriesFormat,
  id: string,
): SafeHtml {
  const { L } = ctx;
  const months = calendarMonths(result.parameters);
  if (months.length === 0) return html``;
  const name = (p: string) => ctx.parameterName(p);
  return section(`${id}-calendar`, 4, L.monCalendar, [
    html`<p>${L.monCalendarHint}</p>`,
    ...calendarPages(months).map((page, k) => {
      const first = page[0]?.rows[0]?.cells[0]?.key ?? '';
      const last = page.at(-1)?.rows[0]?.cells.at(-1)?.key ?? '';
      return figure(
        ctx,
        `${L.monCalendar}: ${f.day(first)} – ${f.day(last)}`,
        trusted(renderMonitoringCalendarSvg(page, name, ctx.language, `${id}-calendar-${k + 1}`)),
        'chart calendar',
      );
    }),
  ]);
}

// ── Alerts ───────────────────────────────────────────────────────────────────────────────

function alertText(ctx: ReportContext, e: MonitoringEvent, f: SeriesFormat): string {
  const { L } = ctx;
  const name = ctx.parameterName(e.parameter);
  if (e.kind === 'completeness') {
    return ctx.t(L.monAlertCompleteness, name, ctx.fraction(e.value, 1), f.date(e.startMs));
  }
  return ctx.t(
    e.kind === 'run' ? L.monAlertRun : L.monAlertExceedance,
    name,
    f.span(e.startMs, e.endMs),
    ctx.num(e.readings, 0),
    f.value(e.parameter, e.value),
  );
}

function alerts(
  ctx: ReportContext,
  result: MonitoringResult,
  f: SeriesFormat,
  id: string,
): SafeHtml {
  const { L } = ctx;
  const { events, eventsDropped } = result;
  if (events.length === 0) {
    return section(`${id}-alerts`, 4, L.monAlerts, [html`<p>${L.monNoAlerts}</p>`]);
  }
  const more = Math.max(0, events.length - ALERTS_SHOWN) + eventsDropped;
  return section(`${id}-alerts`, 4, L.monAlerts, [
    html`<ul class="monitoring-alerts">
      ${events.slice(0, ALERTS_SHOWN).map((e) => html`<li>${alertText(ctx, e, f)}</li>`)}
    </ul>`,
    more > 0 ? html`<p>${ctx.t(L.monAlertsMore, ctx.num(more, 0))}</p>` : html``,
  ]);
}

// ── Review: the EPI over time, before and after ──────────────────────────────────────────

function epi(ctx: ReportContext, result: MonitoringResult, id: string): SafeHtml {
  const { L } = ctx;
  const outcome = epiOverTime(ctx.study, ctx.results.weights?.ahp ?? [], result, 'month');
  if (!outcome.ok) {
    if (outcome.reason === 'no-epi') return html``;
    return section(`${id}-epi`, 4, L.monEpi, [
      html`<p>
        ${
          outcome.reason === 'no-parameters'
            ? L.monEpiNoParameters
            : ctx.t(L.monEpiError, outcome.message ?? '')
        }
      </p>`,
    ]);
  }
  const e = outcome.epi;
  const names = (ids: readonly string[]) => ids.map((p) => ctx.parameterName(p)).join(', ');
  const notes = [
    ctx.t(L.monEpiIncluded, names(e.included)),
    ...(e.excluded.length > 0 ? [ctx.t(L.monEpiExcluded, names(e.excluded))] : []),
    ...(e.points.some((p) => p.total === undefined) ? [L.monEpiMissing] : []),
  ];
  const parts: SafeHtml[] = [
    table(ctx, {
      caption: L.monEpi,
      head: html`<tr>
        <th scope="col">${L.monEpiMonth}</th>
        <th scope="col" class="num">EPI</th>
      </tr>`,
      body: e.points.map(
        (p) =>
          html`<tr>
            <th scope="row">${monthTitle(p.period, ctx.language)}</th>
            <td class="num">${p.total === undefined ? '–' : ctx.num(p.total, 2)}</td>
          </tr>`,
      ),
      notes: [notes.join(' ')],
    }),
  ];
  if (e.points.length >= 2) {
    const option = epiChartOption(
      e.points.map((p) => ({ ...p, period: monthTitle(p.period, ctx.language) })),
      {
        title: L.monEpiChart,
        epi: 'EPI',
        zero: e.method === 'deviation' ? L.monEpiZero : undefined,
      },
      ctx.language,
      { print: true },
    );
    parts.push(
      figure(
        ctx,
        L.monEpiChart,
        trusted(renderChartSvg(option, { width: CHART_WIDTH, height: 220 })),
      ),
    );
  }
  return section(`${id}-epi`, 4, L.monEpi, parts);
}

/** The flow of a monitoring result: the study-monitoring mapping names it `flow` (`flow-2` …). */
function flowParameterOf(ctx: ReportContext, result: MonitoringResult): string | undefined {
  const studyIds = new Set(ctx.study.effluent?.parameters.map((p) => p.id) ?? []);
  return result.parameters.find((p) => /^flow(-\d+)?$/.test(p.id) && !studyIds.has(p.id))?.id;
}

/** Productivity and eco-efficiency of the months with both production records and monitoring. */
function ecoEfficiency(ctx: ReportContext, result: MonitoringResult, id: string): SafeHtml {
  const { L } = ctx;
  const { months } = productionMonthsFromStudy(ctx.study.productivity);
  const monitored = new Set(result.parameters[0]?.monthly.map((m) => m.key) ?? []);
  if (!months.some((m) => monitored.has(m.key))) return html``;
  let e: EcoEfficiencyOverTime;
  try {
    e = ecoEfficiencyOverTime(months, result, {
      basis: ctx.study.productivity?.basis,
      flowParameter: flowParameterOf(ctx, result),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return section(`${id}-eco-efficiency`, 4, L.monEco, [
      html`<p>${ctx.t(L.monEcoError, message)}</p>`,
    ]);
  }
  const cell = (x: MonthIndicator | undefined): string => {
    if (x === undefined || x.kind === 'undefined') return '–';
    const value = shortNumber(x.value, ctx.language);
    const change = x.change?.relativeChangePercent;
    return change === undefined
      ? value
      : `${value} (${change > 0 ? '+' : ''}${ctx.pct(change, 1)})`;
  };
  const unit = ctx.study.productivity?.unit;
  const hasVolume = e.flowParameter !== undefined;
  const gaps = e.months.some(
    (m) =>
      m.productivity.kind === 'undefined' ||
      Object.values(m.perLoad).some((x) => x.kind === 'undefined') ||
      m.perVolume?.kind === 'undefined',
  );
  const notes = [
    L.monEcoNote,
    ...(gaps ? [L.monEcoUndefined] : []),
    ...(e.missing.monitoring.length > 0
      ? [
          ctx.t(
            L.monEcoMissingMonitoring,
            e.missing.monitoring.map((k) => monthTitle(k, ctx.language)).join(', '),
          ),
        ]
      : []),
    ...(e.missing.production.length > 0
      ? [
          ctx.t(
            L.monEcoMissingProduction,
            e.missing.production.map((k) => monthTitle(k, ctx.language)).join(', '),
          ),
        ]
      : []),
  ];
  return section(`${id}-eco-efficiency`, 4, L.monEco, [
    table(ctx, {
      caption: L.monEco,
      className: 'monitoring-eco-efficiency',
      head: html`<tr>
        <th scope="col">${L.monEcoMonth}</th>
        <th scope="col" class="num">${L.monEcoOutput}${unit === undefined ? '' : ` (${unit})`}</th>
        <th scope="col" class="num">${L.monEcoInput}</th>
        <th scope="col" class="num">${L.monEcoProductivity}</th>
        ${e.loadParameters.map(
          (p) =>
            html`<th scope="col" class="num">${ctx.t(L.monEcoPerLoad, ctx.parameterName(p))}</th>`,
        )}
        ${hasVolume ? html`<th scope="col" class="num">${L.monEcoPerVolume}</th>` : html``}
      </tr>`,
      body: e.months.map(
        (m) =>
          html`<tr>
            <th scope="row">${monthTitle(m.key, ctx.language)}</th>
            <td class="num">${ctx.num(m.output, 2)}</td>
            <td class="num">${ctx.num(m.totalInput, 2)}</td>
            <td class="num">${cell(m.productivity)}</td>
            ${e.loadParameters.map((p) => html`<td class="num">${cell(m.perLoad[p])}</td>`)}
            ${hasVolume ? html`<td class="num">${cell(m.perVolume)}</td>` : html``}
          </tr>`,
      ),
      notes: [notes.join(' ')],
    }),
  ]);
}

function beforeAfter(
  ctx: ReportContext,
  series: MonitoringReportSeries,
  f: SeriesFormat,
  id: string,
): SafeHtml {
  const date = series.implementationDate;
  if (date === undefined) return html``;
  const { L } = ctx;
  const title = ctx.t(L.monBeforeAfter, f.day(date));
  if (localMidnightMs(date, series.result.utcOffsetMinutes) === undefined) {
    return section(`${id}-before-after`, 4, title, [html`<p>${ctx.t(L.monBadDate, date)}</p>`]);
  }
  const rows = beforeAfterRows(series.result, date);
  const alpha = rows.find((r) => r.ok)?.comparison.alpha ?? 0.05;
  const failed = rows.flatMap((r) =>
    r.ok ? [] : [`${ctx.parameterName(r.id)}: ${L.monNotComparable} (${r.message}).`],
  );
  return section(`${id}-before-after`, 4, title, [
    html`<p>${ctx.t(L.monBeforeAfterIntro, f.day(date), ctx.input(alpha))}</p>`,
    table(ctx, {
      caption: title,
      head: html`<tr>
        <th scope="col">${L.parameter}</th>
        <th scope="col" class="num">${L.monNBefore}</th>
        <th scope="col" class="num">${L.monNAfter}</th>
        <th scope="col" class="num">${L.monMeanBefore}</th>
        <th scope="col" class="num">${L.monMeanAfter}</th>
        <th scope="col" class="num">${L.monChange}</th>
        <th scope="col" class="num">${L.monPValue}</th>
        <th scope="col">${L.monSignificant}</th>
      </tr>`,
      body: rows.map((r) => {
        const name = f.name(r.id);
        if (!r.ok) {
          return html`<tr>
            <th scope="row">${name}</th>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td class="num">–</td>
            <td>${L.monNotComparable}</td>
          </tr>`;
        }
        const c = r.comparison;
        const p = c.welch.pValue;
        return html`<tr>
          <th scope="row">${name}</th>
          <td class="num">${ctx.num(c.nBefore, 0)}</td>
          <td class="num">${ctx.num(c.nAfter, 0)}</td>
          <td class="num">${f.value(r.id, c.meanBefore)}</td>
          <td class="num">${f.value(r.id, c.meanAfter)}</td>
          <td class="num">
            ${c.changePercent === undefined ? ctx.signed(c.change, 2) : ctx.pct(c.changePercent, 1)}
          </td>
          <td class="num">${p < 0.0001 ? `< ${ctx.num(0.0001, 4)}` : ctx.num(p, 4)}</td>
          <td>${c.significant ? L.yes : L.notYes}</td>
        </tr>`;
      }),
      notes: failed,
    }),
  ]);
}
