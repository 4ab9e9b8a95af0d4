/**
 * `lestari monitor` output for people (Indonesian or English, decimal comma in Indonesian)
 * and as JSON. Times are local in the monitoring's zone; numbers are never NaN: what has no
 * value (no readings, no limit) prints as "–" and is left out of the JSON.
 */
import {
  describeOffset,
  MONITORING_RULES,
  type MonitoringHeader,
  type MonitoringIssue,
  type MonitoringRule,
  type MonitoringSummary as ReaderSummary,
  type StudyMonitoringColumn,
  type StudyMonitoringNote,
} from '../document/monitoring/index.js';
import type {
  MonitoringAlertRule,
  MonitoringParameterResult,
  MonitoringResult,
  MonitoringRollup,
} from '../engine/monitoring/index.js';
import type { StudyInput } from '../engine/study/study-input.js';
import { formatInput, formatNumber, formatPercent, type ReportLanguage } from '../report/format.js';
import { textTable } from './text-table.js';

/** An accepted file, streamed: what the summary and the alerts are printed from. */
/** What the output says of the reading of the data (a file's, or the imports' of a series). */
export type RunReader = Pick<
  ReaderSummary,
  'ok' | 'bytes' | 'rows' | 'skippedRows' | 'counts' | 'issues' | 'issuesTruncated' | 'policy'
>;

export interface MonitoringRun {
  /** The file read, or the stored series' name. */
  readonly file: string;
  /** Default 'file'; 'series' for a series stored in the server's database. */
  readonly source?: 'file' | 'series';
  /** The study file, or the stored study's title. */
  readonly studyFile: string;
  readonly study: StudyInput;
  readonly reader: RunReader;
  /** The file's notation; undefined for a stored series. */
  readonly header: Pick<MonitoringHeader, 'delimiter' | 'numberFormat'> | undefined;
  readonly columns: readonly StudyMonitoringColumn[];
  readonly unmatchedColumns: readonly string[];
  readonly unmatchedParameters: readonly string[];
  readonly notes: readonly StudyMonitoringNote[];
  readonly droppedRows: number;
  readonly result: MonitoringResult;
}

const T = {
  id: {
    title: 'Pemantauan air limbah',
    file: 'Berkas',
    series: 'Seri tersimpan',
    rows: (n: string, used: string) => `${n} baris data (${used} dipakai)`,
    interval: 'interval',
    noInterval: 'interval tidak diketahui',
    zone: 'zona',
    columns: 'Kolom',
    unusedColumns: 'Kolom tidak dipakai',
    notInFile: 'Parameter studi tanpa kolom',
    notes: 'Catatan',
    dropped: (n: string) =>
      `${n} baris dengan waktu tidak setelah baris sebelumnya dilewati (waktu ganda)`,
    parameter: 'Parameter',
    limit: 'Baku mutu',
    readings: 'Pembacaan',
    missing: 'Hilang',
    completeness: 'Kelengkapan',
    mean: 'Rata-rata',
    min: 'Min',
    max: 'Maks',
    exceedances: 'Pelampauan',
    longestRun: 'Pelampauan beruntun terpanjang',
    run: (n: string, from: string, to: string, worst: string) =>
      `${n} pembacaan, ${from} – ${to}, terburuk ${worst}`,
    noRun: 'tidak ada',
    dailyMean: 'Hari dengan rata-rata harian memenuhi',
    dailyMax: 'Hari dengan semua pembacaan memenuhi',
    days: (ok: string, total: string) => `${ok}/${total} hari`,
    load: 'Beban',
    loadLine: (rate: string, amount: string) => `rata-rata ${rate} kg/jam, jumlah ${amount} kg`,
    loadLimit: 'Beban maksimum',
    loadPerDay: (limit: string, over: string, total: string) =>
      `${limit} kg/hari: ${over}/${total} hari melampaui`,
    loadPerHour: (limit: string, over: string) => `${limit} kg/jam: ${over} pembacaan melampaui`,
    month: 'Bulan',
    daysOk: 'Hari memenuhi',
    noLimit: 'tanpa baku mutu',
    issues: 'Masalah data',
    noIssues: 'Masalah data: tidak ada',
    rule: 'Aturan',
    count: 'Jumlah',
    action: 'Tindakan',
    firstLines: 'Baris pertama',
    actions: { reject: 'tolak', flag: 'tandai' },
    rejected: (file: string, n: string) =>
      `${file}: berkas ditolak (${n} masalah dengan aturan "tolak"); tidak ada hasil yang dipakai`,
    more: (n: string) => `… dan ${n} lagi`,
    alerts: 'Peringatan',
    noAlerts: 'Tidak ada peringatan.',
    start: 'Mulai',
    end: 'Selesai',
    value: 'Nilai',
    ruleExceedance: 'pelampauan',
    ruleRun: (n: number) => `≥ ${n} pelampauan beruntun`,
    ruleCompleteness: (share: string) => `kelengkapan harian < ${share}`,
    dropped2: (n: string) => `${n} episode lain tidak disimpan`,
    eventsCount: (n: string) => `${n} peringatan`,
    note: {
      'default-zone': (_: string, zone: string) =>
        `zona waktu tidak ada di berkas maupun opsi: hari dan bulan dihitung dalam ${zone}`,
      'no-interval': () =>
        'interval pembacaan tidak diberikan atau terdeteksi: kelengkapan tidak dihitung',
      'no-limit': (s: string) => `${s} tanpa baku mutu: hanya diringkas`,
      'flow-without-unit': (s: string) => `debit "${s}" tanpa satuan: dibaca sebagai m3/jam`,
      'no-load': (s: string) => `${s}: beban tidak dihitung (satuan bukan mg/L)`,
      'load-limit-without-flow': (s: string) =>
        `${s} punya beban pencemaran maksimum, tetapi bebannya tidak dihitung (tidak ada kolom debit atau satuan bukan mg/L): beban maksimum tidak diperiksa`,
    },
  },
  en: {
    title: 'Effluent monitoring',
    file: 'File',
    series: 'Stored series',
    rows: (n: string, used: string) => `${n} data rows (${used} used)`,
    interval: 'interval',
    noInterval: 'interval unknown',
    zone: 'zone',
    columns: 'Columns',
    unusedColumns: 'Columns not used',
    notInFile: 'Study parameters without a column',
    notes: 'Notes',
    dropped: (n: string) =>
      `${n} rows whose time is not after the previous row's were left out (duplicate times)`,
    parameter: 'Parameter',
    limit: 'Limit',
    readings: 'Readings',
    missing: 'Missing',
    completeness: 'Completeness',
    mean: 'Mean',
    min: 'Min',
    max: 'Max',
    exceedances: 'Exceedances',
    longestRun: 'Longest run of exceedances',
    run: (n: string, from: string, to: string, worst: string) =>
      `${n} readings, ${from} – ${to}, worst ${worst}`,
    noRun: 'none',
    dailyMean: 'Days whose daily mean complies',
    dailyMax: 'Days whose every reading complies',
    days: (ok: string, total: string) => `${ok}/${total} days`,
    load: 'Load',
    loadLine: (rate: string, amount: string) => `mean ${rate} kg/h, total ${amount} kg`,
    loadLimit: 'Load limit',
    loadPerDay: (limit: string, over: string, total: string) =>
      `${limit} kg/day: ${over}/${total} days over`,
    loadPerHour: (limit: string, over: string) => `${limit} kg/h: ${over} readings over`,
    month: 'Month',
    daysOk: 'Days complying',
    noLimit: 'no limit',
    issues: 'Data issues',
    noIssues: 'Data issues: none',
    rule: 'Rule',
    count: 'Count',
    action: 'Action',
    firstLines: 'First lines',
    actions: { reject: 'reject', flag: 'flag' },
    rejected: (file: string, n: string) =>
      `${file}: file refused (${n} issues under a "reject" rule); no results are used`,
    more: (n: string) => `… and ${n} more`,
    alerts: 'Alerts',
    noAlerts: 'No alerts.',
    start: 'Start',
    end: 'End',
    value: 'Value',
    ruleExceedance: 'exceedance',
    ruleRun: (n: number) => `≥ ${n} consecutive exceedances`,
    ruleCompleteness: (share: string) => `daily completeness < ${share}`,
    dropped2: (n: string) => `${n} further episodes not kept`,
    eventsCount: (n: string) => `${n} alerts`,
    note: {
      'default-zone': (_: string, zone: string) =>
        `no time zone in the file or the options: days and months are counted in ${zone}`,
      'no-interval': () => 'no reading interval given or detected: completeness is not computed',
      'no-limit': (s: string) => `${s} has no limit: summarised only`,
      'flow-without-unit': (s: string) => `flow "${s}" has no unit: read as m3/h`,
      'no-load': (s: string) => `${s}: no load (its unit is not mg/L)`,
      'load-limit-without-flow': (s: string) =>
        `${s} has a load limit but its load is not computed (no flow column, or its unit is not mg/L): the load limit is not checked`,
    },
  },
} as const;

const DASH = '–';

function int(n: number, lang: ReportLanguage): string {
  return formatNumber(n, lang, 0);
}

/** A reading or a statistic: up to 3 decimals, no trailing zeros. */
function val(n: number | undefined, lang: ReportLanguage): string {
  return n === undefined || !Number.isFinite(n) ? DASH : formatInput(n, lang, 3);
}

function pct(share: number | undefined, lang: ReportLanguage, decimals = 1): string {
  return share === undefined || !Number.isFinite(share)
    ? DASH
    : formatPercent(share * 100, lang, decimals);
}

/** `2024-03-01 08:02` in the zone (minutes east of UTC). */
export function localTime(ms: number, zone: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const iso = new Date(ms + zone * 60_000).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

function limitText(p: MonitoringParameterResult, unit: string | undefined, lang: ReportLanguage) {
  const l = p.limit;
  if (l === undefined) return T[lang].noLimit;
  const u = unit === undefined || unit === '' ? '' : ` ${unit}`;
  if (l.min !== undefined && l.max !== undefined) {
    return `${val(l.min, lang)}–${val(l.max, lang)}${u}`;
  }
  if (l.max !== undefined) return `≤ ${val(l.max, lang)}${u}`;
  return `≥ ${val(l.min, lang)}${u}`;
}

function interval(seconds: number | undefined, lang: ReportLanguage): string {
  if (seconds === undefined) return T[lang].noInterval;
  if (seconds % 60 === 0) return `${T[lang].interval} ${int(seconds / 60, lang)} min`;
  return `${T[lang].interval} ${val(seconds, lang)} s`;
}

/** Days with readings whose rollup complies, of the days with readings. */
function dayCounts(daily: readonly MonitoringRollup[], key: 'meanComplies' | 'extremesComply') {
  let total = 0;
  let ok = 0;
  for (const d of daily) {
    if (d[key] === undefined) continue;
    total += 1;
    if (d[key]) ok += 1;
  }
  return { ok, total };
}

function heading(run: MonitoringRun, lang: ReportLanguage): string[] {
  const t = T[lang];
  const r = run.result;
  const zone = r.utcOffsetMinutes;
  const span =
    r.firstTimeMs === undefined || r.lastTimeMs === undefined
      ? ''
      : `, ${localTime(r.firstTimeMs, zone)} – ${localTime(r.lastTimeMs, zone)}`;
  const lines = [
    `${t.title}: ${run.study.study.title} (${run.studyFile})`,
    `${run.source === 'series' ? t.series : t.file} ${run.file}: ${t.rows(int(run.reader.rows, lang), int(r.readings, lang))}${span} ${describeOffset(zone)}; ${interval(r.expectedIntervalSeconds, lang)}`,
    `${t.columns}: ${run.columns.map((c) => (c.isFlow ? `${c.header} → flow` : `${c.header} → ${c.name} (${c.id})`)).join('; ')}`,
  ];
  if (run.unmatchedColumns.length > 0) {
    lines.push(`${t.unusedColumns}: ${run.unmatchedColumns.join(', ')}`);
  }
  if (run.unmatchedParameters.length > 0) {
    lines.push(`${t.notInFile}: ${run.unmatchedParameters.join(', ')}`);
  }
  const notes = run.notes.map((n) =>
    t.note[n.code](n.subject ?? '', describeOffset(r.utcOffsetMinutes)),
  );
  if (run.droppedRows > 0) notes.push(t.dropped(int(run.droppedRows, lang)));
  if (notes.length > 0) lines.push(`${t.notes}: ${notes.join('; ')}`);
  return lines;
}

/** The summary: the overview table, then per parameter its run, days, load and months. */
export function summaryText(run: MonitoringRun, lang: ReportLanguage): string {
  const t = T[lang];
  const r = run.result;
  const zone = r.utcOffsetMinutes;
  const out = heading(run, lang);
  const columnOf = (id: string) => run.columns.find((c) => c.id === id);
  out.push(
    '',
    textTable(
      [
        { header: t.parameter },
        { header: t.limit },
        { header: t.readings, align: 'right' },
        { header: t.missing, align: 'right' },
        { header: t.completeness, align: 'right' },
        { header: t.mean, align: 'right' },
        { header: t.min, align: 'right' },
        { header: t.max, align: 'right' },
        { header: t.exceedances, align: 'right' },
        { header: '%', align: 'right' },
      ],
      r.parameters.map((p) => {
        const c = columnOf(p.id);
        const s = p.summary;
        return [
          `${c?.name ?? p.id}${c?.unit === undefined || c.unit === '' ? '' : ` (${c.unit})`}`,
          limitText(p, c?.unit, lang),
          int(s.count, lang),
          int(s.missing, lang),
          pct(s.completeness?.share, lang),
          val(s.mean, lang),
          val(s.min, lang),
          val(s.max, lang),
          p.limit === undefined ? DASH : int(s.exceedances, lang),
          p.limit === undefined || s.exceedancePercent === undefined
            ? DASH
            : formatPercent(s.exceedancePercent, lang, 2),
        ];
      }),
    ),
  );
  for (const p of r.parameters) {
    const c = columnOf(p.id);
    const s = p.summary;
    const hasLimit = p.limit !== undefined;
    if (!hasLimit && s.load === undefined) continue;
    out.push('', `■ ${c?.name ?? p.id} — ${limitText(p, c?.unit, lang)}`);
    if (hasLimit) {
      const lr = s.longestRun;
      out.push(
        `  ${t.longestRun}: ${
          lr === undefined
            ? t.noRun
            : t.run(
                int(lr.readings, lang),
                localTime(lr.startMs, zone),
                localTime(lr.endMs, zone),
                val(lr.worst, lang),
              )
        }`,
      );
      const mean = dayCounts(p.daily, 'meanComplies');
      const max = dayCounts(p.daily, 'extremesComply');
      out.push(`  ${t.dailyMean}: ${t.days(int(mean.ok, lang), int(mean.total, lang))}`);
      out.push(`  ${t.dailyMax}: ${t.days(int(max.ok, lang), int(max.total, lang))}`);
    }
    if (s.load !== undefined) {
      out.push(`  ${t.load}: ${t.loadLine(val(s.load.meanRate, lang), val(s.load.amount, lang))}`);
      // The permit's maximum load: days whose amount is over perDay, readings over perHour.
      const ll = p.loadLimit;
      if (ll !== undefined) {
        const parts: string[] = [];
        if (ll.perDay !== undefined) {
          const judged = p.daily.filter((d) => d.load?.complies !== undefined).length;
          parts.push(
            t.loadPerDay(val(ll.perDay, lang), int(s.load.daysOverLimit, lang), int(judged, lang)),
          );
        }
        if (ll.perHour !== undefined) {
          parts.push(t.loadPerHour(val(ll.perHour, lang), int(s.load.rateExceedances, lang)));
        }
        out.push(`  ${t.loadLimit}: ${parts.join('; ')}`);
      }
    }
    const rows = p.monthly.map((m) => {
      const days = p.daily.filter((d) => d.startMs >= m.startMs && d.startMs < m.endMs);
      const ok = dayCounts(days, 'meanComplies');
      return [
        m.key,
        int(m.count, lang),
        int(m.missing, lang),
        pct(m.completeness?.share, lang),
        val(m.mean, lang),
        val(m.min, lang),
        val(m.max, lang),
        hasLimit ? int(m.exceedances, lang) : DASH,
        hasLimit ? t.days(int(ok.ok, lang), int(ok.total, lang)) : DASH,
        ...(s.load === undefined
          ? []
          : [
              val(
                days.reduce((sum, d) => sum + (d.load?.amount ?? 0), 0),
                lang,
              ),
            ]),
      ];
    });
    out.push(
      textTable(
        [
          { header: `  ${t.month}` },
          { header: t.readings, align: 'right' },
          { header: t.missing, align: 'right' },
          { header: t.completeness, align: 'right' },
          { header: t.mean, align: 'right' },
          { header: t.min, align: 'right' },
          { header: t.max, align: 'right' },
          { header: t.exceedances, align: 'right' },
          { header: t.daysOk, align: 'right' },
          ...(s.load === undefined ? [] : [{ header: `${t.load} (kg)`, align: 'right' as const }]),
        ],
        rows.map(([key, ...rest]) => [`  ${key ?? ''}`, ...rest]),
      ),
    );
  }
  return out.join('\n');
}

const SHOWN_LINES = 5;

/** Per rule: count, action and the first lines (`FILE:LINE`). */
export function issuesText(
  file: string,
  reader: Pick<ReaderSummary, 'counts' | 'issues' | 'policy'>,
  lang: ReportLanguage,
): string {
  const t = T[lang];
  const rules = MONITORING_RULES.filter((rule) => reader.counts[rule] > 0);
  if (rules.length === 0) return `\n${t.noIssues}\n`;
  const rows = rules.map((rule) => {
    const lines = reader.issues.filter((i) => i.rule === rule).slice(0, SHOWN_LINES);
    const more = reader.counts[rule] - lines.length;
    return [
      rule,
      int(reader.counts[rule], lang),
      t.actions[reader.policy[rule]],
      lines.map((i) => `${file}:${i.line}`).join(', ') +
        (more > 0 ? ` ${t.more(int(more, lang))}` : ''),
    ];
  });
  return `\n${t.issues}\n${textTable(
    [
      { header: t.rule },
      { header: t.count, align: 'right' },
      { header: t.action },
      { header: t.firstLines },
    ],
    rows,
  )}\n`;
}

/** A refused file: the sentence, then every kept issue of a rejecting rule as FILE:LINE. */
export function rejectionLines(
  file: string,
  reader: ReaderSummary,
  lang: ReportLanguage,
): string[] {
  const t = T[lang];
  const rejected = MONITORING_RULES.filter(
    (rule) => reader.policy[rule] === 'reject' && reader.counts[rule] > 0,
  );
  const total = rejected.reduce((n, rule) => n + reader.counts[rule], 0);
  const lines = [t.rejected(file, int(total, lang))];
  const issue = (i: MonitoringIssue) =>
    `${file}:${i.line}${i.column === undefined ? '' : `:${i.column}`} ${i.rule}: ${i.message}`;
  for (const rule of rejected) {
    const kept = reader.issues.filter((i) => i.rule === rule);
    lines.push(...kept.map(issue));
    const more = reader.counts[rule] - kept.length;
    if (more > 0) lines.push(`${rule}: ${t.more(int(more, lang))}`);
  }
  return lines;
}

function ruleText(rule: MonitoringAlertRule, lang: ReportLanguage): string {
  const t = T[lang];
  if (rule.kind === 'run') return t.ruleRun(rule.minReadings);
  if (rule.kind === 'completeness') {
    const n = formatInput(rule.below * 100, lang, 2);
    return t.ruleCompleteness(lang === 'id' ? `${n} %` : `${n}%`);
  }
  return t.ruleExceedance;
}

/** The alert events as a table, in time order. */
export function alertsText(
  run: MonitoringRun,
  alerts: readonly MonitoringAlertRule[],
  lang: ReportLanguage,
): string {
  const t = T[lang];
  const r = run.result;
  const zone = r.utcOffsetMinutes;
  const out = heading(run, lang);
  out.push('', `${t.alerts}: ${alerts.map((a) => ruleText(a, lang)).join('; ')}`);
  if (r.events.length === 0) {
    out.push(t.noAlerts);
    return out.join('\n');
  }
  const nameOf = (id: string) => run.columns.find((c) => c.id === id)?.name ?? id;
  out.push(
    textTable(
      [
        { header: t.rule },
        { header: t.parameter },
        { header: t.start },
        { header: t.end },
        { header: t.value, align: 'right' },
        { header: t.readings, align: 'right' },
      ],
      r.events.map((e) => [
        ruleText(alerts[e.rule] ?? ({ kind: e.kind } as MonitoringAlertRule), lang),
        nameOf(e.parameter),
        localTime(e.startMs, zone),
        localTime(e.endMs, zone),
        e.kind === 'completeness' ? pct(e.value, lang) : val(e.value, lang),
        int(e.readings, lang),
      ]),
    ),
    t.eventsCount(int(r.events.length, lang)),
  );
  if (r.eventsDropped > 0) out.push(t.dropped2(int(r.eventsDropped, lang)));
  return out.join('\n');
}

/** ISO 8601 with the zone's offset: `2024-03-01T08:02:00+07:00`. */
function isoLocal(ms: number, zone: number): string {
  const iso = new Date(ms + zone * 60_000).toISOString().slice(0, 19);
  const sign = zone < 0 ? '-' : '+';
  const abs = Math.abs(zone);
  return `${iso}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The JSON document: the file, the column mapping, the reader's checks and the results. */
export function monitoringJson(run: MonitoringRun, alerts?: readonly MonitoringAlertRule[]) {
  const r = run.result;
  const zone = r.utcOffsetMinutes;
  const counts = Object.fromEntries(
    MONITORING_RULES.filter((rule) => run.reader.counts[rule] > 0).map((rule) => [
      rule,
      run.reader.counts[rule],
    ]),
  ) as Partial<Record<MonitoringRule, number>>;
  const base = {
    lestari: 1,
    [run.source === 'series' ? 'series' : 'file']: run.file,
    study: run.studyFile,
    columns: run.columns,
    unmatchedColumns: run.unmatchedColumns,
    unmatchedParameters: run.unmatchedParameters,
    notes: run.notes,
    reader: {
      ok: run.reader.ok,
      bytes: run.reader.bytes,
      rows: run.reader.rows,
      used: r.readings,
      droppedRows: run.droppedRows,
      skippedRows: run.reader.skippedRows,
      numberFormat: run.header?.numberFormat,
      delimiter: run.header?.delimiter,
      counts,
      issues: run.reader.issues,
      issuesTruncated: run.reader.issuesTruncated,
    },
  };
  if (alerts !== undefined) {
    return {
      ...base,
      alerts,
      utcOffsetMinutes: zone,
      events: r.events.map((e) => ({
        ...e,
        start: isoLocal(e.startMs, zone),
        end: isoLocal(e.endMs, zone),
      })),
      eventsDropped: r.eventsDropped,
    };
  }
  return { ...base, monitoring: r };
}
