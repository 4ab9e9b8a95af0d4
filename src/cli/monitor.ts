/**
 * `lestari monitor summary|alerts READINGS.csv --study STUDY.yaml`: a monitoring file (SPARING
 * or any logger) streamed from disk in constant memory through the CSV reader and the
 * monitoring accumulator (on two cores from PARALLEL_MIN_BYTES, with the same result), its columns read as the study's effluent parameters with their
 * limits. Nothing is reported as accepted unless the reader accepts the whole file: a rule
 * set to reject lists every issue as FILE:LINE and exits 2.
 */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { withDefaultAlerts } from '../document/monitoring/default-alerts.js';
import { addStoredSeriesOptions, showStoredSeries } from './monitor-database.js';
import {
  MONITORING_RULES,
  monitoringSettingsFromStudy,
  parseTimeZone,
  type MonitoringAction,
  type MonitoringCsvOptions,
  type MonitoringHeader,
  type MonitoringRule,
  type MonitoringSummary as ReaderSummary,
  type StudyMonitoringColumn,
  type StudyMonitoringNote,
} from '../document/monitoring/index.js';
import { formatStudyFileError, locateInText } from '../document/parse-study.js';
import {
  createMonitoringAccumulator,
  type MonitoringAlertRule,
  type MonitoringResult,
} from '../engine/monitoring/index.js';
import type { StudyInput } from '../engine/study/study-input.js';
import { loadStudy } from './load-study.js';
import {
  ingestMonitoringParallel,
  PARALLEL_MIN_BYTES,
  type ParallelIngestResult,
} from './monitor-parallel.js';
import {
  alertsText,
  issuesText,
  monitoringJson,
  rejectionLines,
  summaryText,
  type MonitoringRun,
} from './monitor-output.js';

export interface MonitorIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: then a progress bar is drawn there. */
  readonly stderrIsTTY?: boolean | undefined;
  /** The clock for the progress bar's rate (ms); default Date.now. */
  readonly now?: (() => number) | undefined;
  /** Files from this size are read on two cores; default PARALLEL_MIN_BYTES (for tests). */
  readonly parallelMinBytes?: number | undefined;
}

/** Throws the exit: `fail(2, lines)`; given by main.ts (its CliExit). */
export type Fail = (code: number, lines: readonly string[]) => never;

export interface CommonOptions {
  study: string;
  as?: string;
  org?: string;
  database?: string;
  dataDir?: string;
  series?: string;
  zone?: string;
  interval?: string;
  flow?: string;
  policy?: string[];
  lang?: string;
  json?: boolean;
}

const REJECTABLE = MONITORING_RULES.filter((r) => r !== 'header');

export function parsePolicy(
  entries: readonly string[] | undefined,
  fail: Fail,
): MonitoringCsvOptions['policy'] {
  const policy: Partial<Record<Exclude<MonitoringRule, 'header'>, MonitoringAction>> = {};
  for (const entry of entries ?? []) {
    const m = /^([a-z-]+)=(reject|flag)$/.exec(entry.trim());
    const rule = m?.[1] as Exclude<MonitoringRule, 'header'> | undefined;
    if (m === null || rule === undefined || !REJECTABLE.includes(rule)) {
      fail(2, [
        `--policy ${entry}: must be RULE=reject or RULE=flag, RULE one of ${REJECTABLE.join(', ')}`,
      ]);
    }
    policy[rule] = m[2] as MonitoringAction;
  }
  return policy;
}

export function parseZone(text: string | undefined, fail: Fail): number | undefined {
  if (text === undefined) return undefined;
  const zone = parseTimeZone(text);
  if (zone === undefined) {
    fail(2, [`--zone ${text}: not a time zone (WIB, WITA, WIT, UTC, +07:00)`]);
  }
  return zone;
}

export function parsePositive(
  text: string | undefined,
  name: string,
  fail: Fail,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(',', '.'));
  if (!/^\s*\d+([.,]\d+)?\s*$/.test(text) || !(value > 0)) {
    fail(2, [`--${name} ${text}: must be a number > 0`]);
  }
  return value;
}

/** A progress bar on stderr: bytes of total, rows, rows per second. */
export function progressBar(io: MonitorIo, total: number) {
  const now = io.now ?? Date.now;
  const started = now();
  let last = -Infinity;
  let drawn = false;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const draw = (bytes: number, rows: number, force: boolean) => {
    if (io.stderrIsTTY !== true) return;
    const t = now();
    if (!force && t - last < 100) return;
    last = t;
    const seconds = Math.max((t - started) / 1000, 0.001);
    const share = total > 0 ? Math.min(bytes / total, 1) : 1;
    const width = 24;
    const filled = Math.round(share * width);
    const rate = Math.round(rows / seconds);
    io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${mb(bytes)}/${mb(total)} MB  ${rows} rows  ${rate} rows/s`,
    );
    drawn = true;
  };
  return {
    update: (bytes: number, rows: number) => draw(bytes, rows, false),
    done: (bytes: number, rows: number) => {
      draw(bytes, rows, true);
      if (drawn) io.stderr('\n');
    },
  };
}

/** The outcome of streaming one file: accepted (with results) or refused. */
export type StreamOutcome =
  | {
      readonly ok: true;
      readonly reader: ReaderSummary;
      readonly header: MonitoringHeader;
      readonly columns: readonly StudyMonitoringColumn[];
      readonly unmatchedColumns: readonly string[];
      readonly unmatchedParameters: readonly string[];
      readonly notes: readonly StudyMonitoringNote[];
      /** Rows left out because their time is not after the previous row's (flagged duplicates). */
      readonly droppedRows: number;
      readonly result: MonitoringResult;
    }
  | { readonly ok: false; readonly reader: ReaderSummary };

class StopReading extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

/**
 * Streams `file` through the reader and the accumulator. Mapping and settings problems and
 * unreadable files end in `fail(2, …)`; a refused file returns `{ ok: false }`.
 */
export async function streamMonitoring(
  file: string,
  study: StudyInput,
  studyFile: string,
  studyText: string,
  options: CommonOptions,
  /** The alert rules; 'default' for Lestari's (as the server and the web step use). */
  alerts: readonly MonitoringAlertRule[] | 'default' | undefined,
  io: MonitorIo,
  fail: Fail,
): Promise<StreamOutcome> {
  const policy = parsePolicy(options.policy, fail);
  const zone = parseZone(options.zone, fail);
  const interval = parsePositive(options.interval, 'interval', fail);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) fail(2, [`${file}: is not a file`]);
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(2, [`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`]);
  }

  let mapping: Extract<ReturnType<typeof monitoringSettingsFromStudy>, { ok: true }> | undefined;
  const settingsError = (error: unknown): never => {
    if (error instanceof Error && error.name === 'GpError') {
      throw new StopReading([`${file}: ${error.message}`]);
    }
    throw error;
  };

  // The study's parameters for the file's columns; checked here, before any row is read.
  const settingsOf = (header: MonitoringHeader) => {
    const m = monitoringSettingsFromStudy(study, header, {
      ...(zone !== undefined && { utcOffsetMinutes: zone }),
      ...(interval !== undefined && { expectedIntervalSeconds: interval }),
      ...(options.flow !== undefined && { flowColumn: options.flow }),
      ...(alerts !== undefined && alerts !== 'default' && { alerts }),
    });
    if (!m.ok) {
      throw new StopReading(
        m.problems.map((p) =>
          p.path.startsWith('effluent')
            ? `${formatStudyFileError(studyFile, locateInText(studyText, p.path, p.message))} (${file})`
            : `${file}: ${p.message}`,
        ),
      );
    }
    const settings = alerts === 'default' ? withDefaultAlerts(m.settings) : m.settings;
    try {
      createMonitoringAccumulator(settings);
    } catch (error) {
      settingsError(error);
    }
    mapping = m;
    return { settings, columns: m.columns };
  };

  const bar = progressBar(io, size);
  let ingest: ParallelIngestResult;
  try {
    // Two cores for a large file (the result is the one-core result either way).
    ingest = await ingestMonitoringParallel({
      file,
      reader: {
        ...(zone !== undefined && { timeZone: zone }),
        ...(interval !== undefined && { expectedIntervalMs: interval * 1000 }),
        ...(policy !== undefined && { policy }),
      },
      settingsOf,
      minBytes: io.parallelMinBytes ?? PARALLEL_MIN_BYTES,
      onProgress: (bytes, rows) => bar.update(bytes, rows),
    });
    bar.done(ingest.summary.bytes, ingest.summary.rows);
  } catch (error) {
    bar.done(0, 0);
    if (error instanceof StopReading) fail(2, error.lines);
    if (error instanceof Error && error.name === 'GpError') fail(2, [`${file}: ${error.message}`]);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') fail(2, [`${file}: ${(error as Error).message}`]);
    throw error;
  }
  const summary = ingest.summary;
  if (!summary.ok) return { ok: false, reader: summary };
  if (summary.header === undefined || mapping === undefined || ingest.settings === undefined) {
    fail(2, [`${file}: no rows to read`]);
  }
  const accumulator = ingest.accumulators[0] ?? createMonitoringAccumulator(ingest.settings);
  return {
    ok: true,
    reader: summary,
    header: summary.header,
    columns: mapping.parameters,
    unmatchedColumns: mapping.unmatchedColumns,
    unmatchedParameters: mapping.unmatchedParameters,
    notes: mapping.notes,
    droppedRows: ingest.droppedRows,
    result: accumulator.result({ hourly: false }),
  };
}

function languageOf(option: string | undefined, study: StudyInput): 'id' | 'en' {
  return option === 'id' || option === 'en' ? option : study.language === 'en' ? 'en' : 'id';
}

function addCommonOptions(command: Command): Command {
  return addStoredSeriesOptions(
    command
      .argument(
        '[readings]',
        'the monitoring file (.csv): a timestamp column and one per parameter; without it, the study’s series stored in the server’s database',
      )
      .requiredOption(
        '--study <file>',
        'the study file whose effluent parameters and limits apply (without READINGS: the stored study’s id or title)',
      ),
  )
    .option('--zone <zone>', 'zone of timestamps written without one: WIB, WITA, WIT, +07:00')
    .option('--interval <seconds>', 'the logger’s reading interval (default: detected)')
    .option('--flow <column>', 'the flow column (default: flow, debit, Q …)')
    .option(
      '--policy <rule=action...>',
      `per rule, reject or flag (rules: ${REJECTABLE.join(', ')})`,
    )
    .option('--lang <language>', 'language of the output: id (Indonesian) or en')
    .option('--json', 'the results as JSON, at full precision');
}

async function prepare(
  file: string,
  options: CommonOptions,
  alerts: readonly MonitoringAlertRule[] | undefined,
  io: MonitorIo,
  fail: Fail,
): Promise<{ run: MonitoringRun; lang: 'id' | 'en' }> {
  if (options.lang !== undefined && options.lang !== 'id' && options.lang !== 'en') {
    fail(2, [`--lang ${options.lang}: must be id or en`]);
  }
  const loaded = await loadStudy(options.study);
  if (!loaded.ok) fail(2, loaded.messages);
  const outcome = await streamMonitoring(
    file,
    loaded.study,
    options.study,
    loaded.text,
    options,
    alerts,
    io,
    fail,
  );
  const lang = languageOf(options.lang, loaded.study);
  if (!outcome.ok) fail(2, rejectionLines(file, outcome.reader, lang));
  return { run: { file, studyFile: options.study, study: loaded.study, ...outcome }, lang };
}

/** Adds `summary` and `alerts` to the `monitor` command. */
export function addMonitorCommands(monitor: Command, io: MonitorIo, fail: Fail): void {
  addCommonOptions(
    monitor
      .command('summary')
      .description(
        'per parameter: readings, completeness, mean/min/max, exceedances, runs, days, months, loads',
      ),
  ).action(async (file: string | undefined, options: CommonOptions) => {
    if (file === undefined) return showStoredSeries('summary', options, io, fail);
    const { run, lang } = await prepare(file, options, undefined, io, fail);
    io.stdout(
      options.json === true
        ? `${JSON.stringify(monitoringJson(run), null, 2)}\n`
        : `${summaryText(run, lang)}\n${issuesText(run.file, run.reader, lang)}`,
    );
    const exceeded = run.result.parameters.some((p) => p.summary.exceedances > 0);
    if (exceeded) fail(1, []);
  });

  addCommonOptions(
    monitor
      .command('alerts')
      .description('the alert events: exceedance episodes, long runs, days of low completeness'),
  )
    .option('--run <n>', 'alert on runs of at least N consecutive exceedances')
    .option('--completeness <share>', 'alert on days with less than this share of readings (0–1)')
    .action(
      async (
        file: string | undefined,
        options: CommonOptions & { run?: string; completeness?: string },
      ) => {
        if (file === undefined) {
          if (options.run !== undefined || options.completeness !== undefined) {
            fail(2, [
              '--run and --completeness apply to a readings file; a stored series keeps Lestari’s default rules',
            ]);
          }
          return showStoredSeries('alerts', options, io, fail);
        }
        const alerts: MonitoringAlertRule[] = [];
        if (options.run !== undefined) {
          if (!/^\d+$/.test(options.run) || Number(options.run) < 1) {
            fail(2, [`--run ${options.run}: must be a whole number ≥ 1`]);
          }
          alerts.push({ kind: 'run', minReadings: Number(options.run) });
        }
        if (options.completeness !== undefined) {
          const below = parsePositive(options.completeness, 'completeness', fail);
          if (below === undefined || below > 1) {
            fail(2, [`--completeness ${options.completeness}: must be a share > 0 and ≤ 1`]);
          }
          alerts.push({ kind: 'completeness', below });
        }
        if (alerts.length === 0) alerts.push({ kind: 'exceedance' });
        const { run, lang } = await prepare(file, options, alerts, io, fail);
        io.stdout(
          options.json === true
            ? `${JSON.stringify(monitoringJson(run, alerts), null, 2)}\n`
            : `${alertsText(run, alerts, lang)}\n`,
        );
        if (run.result.events.length > 0 || run.result.eventsDropped > 0) fail(1, []);
      },
    );
}
