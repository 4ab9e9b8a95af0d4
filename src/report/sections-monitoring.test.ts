import { describe, expect, it } from 'vitest';
import { deviationEpi } from '../engine/epi/index.js';
import { welchTTest } from '../engine/statistics/index.js';
import { evaluateStudy } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  createMonitoringAccumulator,
  type MonitoringParameterResult,
  type MonitoringResult,
} from '../engine/monitoring/index.js';
import { loadExample } from '../../test/report/examples.js';
import { formatDate, formatNumber, formatPercent, type ReportLanguage } from './format.js';
import { fill, labels } from './i18n.js';
import {
  dayTitle,
  localDateTime,
  monthTitle,
  shortNumber,
  STATUS_COLOURS,
} from './monitoring-charts.js';
import { renderReportHtml } from './render-html.js';
import type { MonitoringReportSeries } from './sections-monitoring.js';

const WIB = 420;
const HOUR = 3_600_000;
/** Local midnight of 27 January 2024 (WIB): ten days cross into February. */
const START = Date.UTC(2024, 0, 27) - WIB * 60_000;

/**
 * Ten days of hourly COD (limit 50, load limit 2 kg/day), pH (limit 9) and flow: COD over its
 * limit for five days, then under it but for one high reading on day 6; day 8 has no COD
 * reading; day 3 misses six readings of every parameter.
 */
function monitoringResult(): MonitoringResult {
  const acc = createMonitoringAccumulator({
    parameters: [
      { id: 'cod', limit: { max: 50 }, loadLimit: { perDay: 2 } },
      { id: 'ph', limit: { max: 9 } },
      { id: 'flow' },
    ],
    flowParameter: 'flow',
    utcOffsetMinutes: WIB,
    expectedIntervalSeconds: 3600,
    alerts: [{ kind: 'exceedance' }, { kind: 'completeness', below: 0.9 }],
  });
  for (let h = 0; h < 240; h++) {
    const day = Math.floor(h / 24);
    if (day === 3 && h % 24 < 6) continue;
    const cod =
      day === 8 ? NaN : day === 6 && h % 24 === 12 ? 80 : (day < 5 ? 60 : 30) + (h % 3) + (day % 2);
    acc.add(START + h * HOUR, [cod, 7 + (h % 2) * 0.2 + day * 0.05, 2 + (h % 4) * 0.5]);
  }
  return acc.result({ hourly: false });
}

const RESULT = monitoringResult();
const SERIES: MonitoringReportSeries = {
  name: 'Outlet IPAL <1>',
  result: RESULT,
  source: 'sparing-2024.csv',
  implementationDate: '2024-02-01',
};

function render(language: ReportLanguage, monitoring?: readonly MonitoringReportSeries[]): string {
  const { study, evaluation } = loadExample('cv-abc');
  return renderReportHtml(study, evaluation, {
    language,
    date: '2026-11-23',
    ...(monitoring !== undefined && { monitoring }),
  });
}

/** The markup with the whitespace between tags removed. */
function compact(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/>\s+/g, '>').replace(/\s+</g, '<');
}

/** The cells of the body row whose header is `header`, in the first table after `after`. */
function rowCells(html: string, header: string, after: string): string[] {
  const from = html.indexOf(after);
  expect(from, after).toBeGreaterThanOrEqual(0);
  const row = new RegExp(`<tr><th scope="row">${escapeRegExp(header)}</th>(.*?)</tr>`).exec(
    html.slice(from),
  );
  expect(row, header).not.toBeNull();
  return [...(row?.[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] ?? '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function param(id: string): MonitoringParameterResult {
  const p = RESULT.parameters.find((x) => x.id === id);
  if (p === undefined) throw new Error(id);
  return p;
}

/** "27 Jan 2024 07:00", local time. */
function short(ms: number, language: ReportLanguage): string {
  const local = localDateTime(ms, WIB);
  return `${dayTitle(local.slice(0, 10), language)} ${local.slice(11)}`;
}

describe.each(['id', 'en'] as const)('the monitoring section (%s)', (language) => {
  const L = labels(language);
  const html = compact(render(language, [SERIES]));
  const caption = fill(L.monCompliance, 'Outlet IPAL &lt;1&gt;');

  it('is GP step 5, listed in the contents, with the series named and escaped', () => {
    expect(html).toContain(`<a href="#step-5">${L.step5}</a>`);
    expect(html).toContain('id="step-5"');
    expect(html).toContain(fill(L.monSeries, 'Outlet IPAL &lt;1&gt;'));
    expect(html).not.toContain('IPAL <1>');
    expect(html).toContain(fill(L.monSource, 'sparing-2024.csv'));
  });

  it('tabulates each parameter’s compliance with the numbers of the engine’s result', () => {
    const cod = param('cod');
    const ph = param('ph');
    const s = cod.summary;
    const n = (x: number, d: number) => formatNumber(x, language, d);
    expect(rowCells(html, L.monReadings, caption)).toEqual([
      n(s.count, 0),
      n(ph.summary.count, 0),
      n(param('flow').summary.count, 0),
    ]);
    // COD's limit 50 gives one decimal, pH's 9 two.
    expect(rowCells(html, L.monMean, caption).slice(0, 2)).toEqual([
      n(s.mean ?? NaN, 1),
      n(ph.summary.mean ?? NaN, 2),
    ]);
    expect(rowCells(html, L.monMax, caption)[0]).toBe(n(s.max ?? NaN, 1));
    expect(rowCells(html, L.standard, caption).slice(0, 2)).toEqual(['≤ 50', '≤ 9']);
    expect(rowCells(html, L.monCompleteness, caption)[0]).toBe(
      formatPercent((s.completeness?.share ?? NaN) * 100, language, 1),
    );
    expect(rowCells(html, L.monExceedances, caption)[0]).toBe(
      `${n(s.exceedances, 0)} (${formatPercent(s.exceedancePercent ?? NaN, language, 2)})`,
    );
    const run = s.longestRun;
    expect(run).toBeDefined();
    expect(rowCells(html, L.monLongestRun, caption)[0]).toBe(
      [
        fill(L.monRunReadings, n(run?.readings ?? NaN, 0)),
        `${short(run?.startMs ?? NaN, language)} –`,
        short(run?.endMs ?? NaN, language),
      ].join('<br />'),
    );
    expect(rowCells(html, L.monFirstExceedance, caption)[0]).toBe(
      short(s.firstExceedanceMs ?? NaN, language),
    );
    expect(rowCells(html, L.monLastExceedance, caption)[0]).toBe(
      short(s.lastExceedanceMs ?? NaN, language),
    );
    // pH never exceeds: "none"; flow has no limit: a dash.
    expect(rowCells(html, L.monFirstExceedance, caption).slice(1)).toEqual([L.monNone, '–']);
    expect(rowCells(html, L.monDaysOverLoad, caption)[0]).toBe(n(s.load?.daysOverLimit ?? NaN, 0));
    expect(s.load?.daysOverLimit).toBeGreaterThan(0);
  });

  it('draws a chart of the daily mean and max per parameter with the limit line', () => {
    // Named and with units as the study gives them; flow is not a study parameter.
    for (const name of ['COD (mg/L)', 'pH', 'flow']) {
      expect(html).toContain(fill(L.monChartDaily, name));
    }
    expect(html).toContain(fill(L.monLimitMax, '50'));
  });

  it('colours the calendar by each day’s compliance, with the statuses in words', () => {
    const cod = param('cod');
    const seen = new Set<string>();
    for (const day of cod.daily) {
      // From the day's readings against COD's limit of 50, not from the calendar's own rule.
      const status =
        day.count === 0
          ? 'none'
          : (day.mean ?? 0) > 50
            ? 'red'
            : (day.max ?? 0) > 50
              ? 'yellow'
              : 'green';
      seen.add(status);
      const cell = new RegExp(
        `<g data-status="([a-z]+)" data-parameter="cod" data-day="${day.key}"><rect [^>]*fill="([^"]+)"`,
      ).exec(html);
      expect(cell?.[1], day.key).toBe(status);
      expect(cell?.[2]).toBe(
        status === 'none' ? 'url(#monitoring-1-calendar-1-no-data)' : STATUS_COLOURS[status],
      );
    }
    // The data exercise every status of a limited parameter.
    expect([...seen].sort()).toEqual(['green', 'none', 'red', 'yellow']);
    expect(cod.daily.filter((d) => d.meanComplies === false).map((d) => d.key)).toEqual([
      '2024-01-27',
      '2024-01-28',
      '2024-01-29',
      '2024-01-30',
      '2024-01-31',
    ]);
    for (const status of ['green', 'yellow', 'red', 'none', 'unlimited'] as const) {
      expect(html).toContain(L[`monStatus_${status}`]);
    }
  });

  it('lists the alerts', () => {
    const list = /<ul class="monitoring-alerts">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    const items = list.match(/<li>/g) ?? [];
    expect(items).toHaveLength(RESULT.events.length);
    const completeness = RESULT.events.find((e) => e.kind === 'completeness');
    expect(completeness).toBeDefined();
    expect(list).toContain(
      fill(
        L.monAlertCompleteness,
        'COD',
        formatPercent((completeness?.value ?? NaN) * 100, language, 1),
        formatDate(localDateTime(completeness?.startMs ?? NaN, WIB).slice(0, 10), language),
      ),
    );
    expect(html).not.toContain(fill(L.monAlertsMore, '').slice(0, 6));
  });

  it('shows the deviation EPI of each month from the monthly means', () => {
    const means = (id: string) => param(id).monthly.map((m) => m.mean ?? NaN);
    // cv-abc's weights and limits: COD 4,565 (50 mg/L), pH 4,065 (9).
    const expected = [0, 1].map(
      (k) =>
        deviationEpi([
          { weight: 4.565, standard: 50, measured: means('cod')[k] ?? NaN },
          { weight: 4.065, standard: 9, measured: means('ph')[k] ?? NaN },
        ]).total,
    );
    expect(rowCells(html, 'Jan 2024', L.monEpi)).toEqual([
      formatNumber(expected[0] ?? NaN, language, 2),
    ]);
    expect(rowCells(html, 'Feb 2024', L.monEpi)).toEqual([
      formatNumber(expected[1] ?? NaN, language, 2),
    ]);
    expect(html).toContain(fill(L.monEpiExcluded, 'BOD, TSS, Oil and grease'));
  });

  it('compares the daily means before and after the implementation date', () => {
    const cod = param('cod');
    const at = Date.UTC(2024, 1, 1) - WIB * 60_000;
    const before = cod.daily.filter((d) => d.startMs < at && d.mean !== undefined);
    const after = cod.daily.filter((d) => d.startMs >= at && d.mean !== undefined);
    const mean = (xs: typeof before) => xs.reduce((a, d) => a + (d.mean ?? 0), 0) / xs.length;
    const cells = rowCells(
      html,
      'COD (mg/L)',
      fill(L.monBeforeAfter, formatDate('2024-02-01', language)),
    );
    expect(cells.slice(0, 4)).toEqual([
      formatNumber(before.length, language, 0),
      formatNumber(after.length, language, 0),
      formatNumber(mean(before), language, 1),
      formatNumber(mean(after), language, 1),
    ]);
    const welch = welchTTest(
      after.map((d) => d.mean ?? NaN),
      before.map((d) => d.mean ?? NaN),
    );
    expect(cells[4]).toBe(
      formatPercent(((mean(after) - mean(before)) / mean(before)) * 100, language, 1),
    );
    expect(cells[5]).toBe(
      welch.pValue < 0.0001
        ? `&lt; ${formatNumber(0.0001, language, 4)}`
        : formatNumber(welch.pValue, language, 4),
    );
    expect(cells[6]).toBe(welch.pValue < 0.05 ? L.yes : L.notYes);
  });

  it('stays self-contained for the PDF: no external reference, every chart inline SVG', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const step5 = html.slice(html.indexOf('id="step-5"'));
    expect((step5.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(step5).not.toMatch(/NaN|Infinity|undefined/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
  });
});

describe('the monitoring section', () => {
  it('is absent without monitoring results, or with none', () => {
    for (const monitoring of [undefined, []]) {
      const html = render('id', monitoring);
      expect(html).not.toContain('id="step-5"');
      expect(html).not.toContain(labels('id').step5);
    }
  });

  it('lists the first 20 alerts, then how many more', () => {
    const acc = createMonitoringAccumulator({
      parameters: [{ id: 'cod', limit: { max: 50 } }],
      utcOffsetMinutes: WIB,
      alerts: [{ kind: 'exceedance' }],
    });
    // 25 single-reading episodes: every other hour over the limit.
    for (let h = 0; h < 50; h++) acc.add(START + h * HOUR, [h % 2 === 0 ? 70 : 20]);
    const result = acc.result({ hourly: false });
    expect(result.events).toHaveLength(25);
    for (const language of ['id', 'en'] as const) {
      const html = compact(render(language, [{ name: 'A', result }]));
      const list = /<ul class="monitoring-alerts">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
      expect(list.match(/<li>/g)).toHaveLength(20);
      expect(html).toContain(fill(labels(language).monAlertsMore, '5'));
    }
  });

  it('charts monthly means past 120 days, and splits the compliance table past 5 parameters', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const acc = createMonitoringAccumulator({
      parameters: ids.map((id) => ({ id, limit: { max: 10 } })),
      utcOffsetMinutes: WIB,
    });
    // One lab result a day for 130 days.
    for (let d = 0; d < 130; d++)
      acc.add(
        START + d * 24 * HOUR,
        ids.map(() => d % 12),
      );
    const L = labels('en');
    const html = compact(render('en', [{ name: 'Lab', result: acc.result({ hourly: false }) }]));
    expect(html).toContain(fill(L.monChartMonthly, 'a'));
    expect(html).not.toContain(fill(L.monChartDaily, 'a'));
    expect(html.match(new RegExp(escapeRegExp(fill(L.monCompliance, 'Lab')), 'g'))).toHaveLength(2);
    expect(rowCells(html, L.monReadings, fill(L.monCompliance, 'Lab'))).toHaveLength(5);
  });

  it('says when the implementation date cannot be read, and when there are no readings', () => {
    const empty = createMonitoringAccumulator({
      parameters: [{ id: 'cod', limit: { max: 50 } }],
      utcOffsetMinutes: WIB,
    }).result();
    const html = compact(
      render('en', [
        { ...SERIES, implementationDate: '1 Feb 2024' },
        { name: 'Empty', result: empty },
        { ...SERIES, name: 'Again' },
      ]),
    );
    // Two calendars in one document: their element ids still differ.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((x) => x?.endsWith('-no-data'))).toEqual([
      'monitoring-1-calendar-1-no-data',
      'monitoring-3-calendar-1-no-data',
    ]);
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
    expect(html).toContain(fill(labels('en').monBadDate, '1 Feb 2024'));
    expect(html).toContain(labels('en').monNoReadings);
  });
});

describe.each(['id', 'en'] as const)(
  'productivity and eco-efficiency over time (%s)',
  (language) => {
    const L = labels(language);
    /** cv-abc with production records for December 2023 (not monitored) and the two months monitored. */
    function renderWithRecords(): string {
      const { study } = loadExample('cv-abc');
      const withRecords: StudyInput = {
        ...study,
        productivity: {
          basis: 'value',
          unit: 'juta Rp',
          periods: [
            { label: '2023-12', outputs: { sales: 900 }, inputs: { material: 700 } },
            { label: '2024-01', outputs: { sales: 1000 }, inputs: { material: 600, labour: 200 } },
            { label: 'Feb 2024', outputs: { sales: 1100 }, inputs: { material: 600, labour: 200 } },
          ],
        },
      };
      return compact(
        renderReportHtml(withRecords, evaluateStudy(withRecords), {
          language,
          date: '2026-11-23',
          monitoring: [SERIES],
        }),
      );
    }
    const html = renderWithRecords();
    const n = (x: number) => shortNumber(x, language);
    const pct = (x: number) => `${x > 0 ? '+' : ''}${formatPercent(x, language, 1)}`;

    it('tabulates each month’s productivity, value per kg of load and per m³, after the EPI', () => {
      expect(html.indexOf(L.monEco)).toBeGreaterThan(html.indexOf(L.monEpi));
      const cod = param('cod').monthly;
      const flow = param('flow').monthly;
      const loadJan = cod[0]?.load?.amount ?? NaN;
      const loadFeb = cod[1]?.load?.amount ?? NaN;
      // m³ = mean flow (m³/h) × hours of the month: January 744 h, February 2024 696 h.
      const volJan = (flow[0]?.mean ?? NaN) * 744;
      const volFeb = (flow[1]?.mean ?? NaN) * 696;
      expect(rowCells(html, monthTitle('2024-01', language), L.monEco)).toEqual([
        formatNumber(1000, language, 2),
        formatNumber(800, language, 2),
        n(1.25),
        n(1000 / loadJan),
        n(1000 / volJan),
      ]);
      const perKg = 1100 / loadFeb;
      const perM3 = 1100 / volFeb;
      expect(rowCells(html, monthTitle('2024-02', language), L.monEco)).toEqual([
        formatNumber(1100, language, 2),
        formatNumber(800, language, 2),
        `${n(1.375)} (${pct(10)})`,
        `${n(perKg)} (${pct((perKg / (1000 / loadJan) - 1) * 100)})`,
        `${n(perM3)} (${pct((perM3 / (1000 / volJan) - 1) * 100)})`,
      ]);
      expect(html).toContain(fill(L.monEcoPerLoad, 'COD'));
      expect(html).toContain(L.monEcoPerVolume);
    });

    it('lists production months without monitoring instead of dropping them', () => {
      expect(html).toContain(fill(L.monEcoMissingMonitoring, monthTitle('2023-12', language)));
      expect(html).not.toContain(`<th scope="row">${monthTitle('2023-12', language)}</th>`);
    });

    it('is absent when no month-labelled period overlaps the series', () => {
      expect(render(language, [SERIES])).not.toContain(L.monEco);
    });
  },
);
