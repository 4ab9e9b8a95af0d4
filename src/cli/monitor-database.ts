/**
 * `lestari monitor import … --study ID-OR-TITLE --as EMAIL`: monitoring files into the
 * server's database (the one `npm start` / `npm run serve` use: DATABASE_URL, else SQLite under
 * LESTARI_DATA_DIR or ./data), through the same service as the API — all or nothing, the same
 * checks and rollups — and `monitor summary|alerts` without a file: a stored series read back. The CLI opens the server's store here
 * and nowhere else.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_MONITORING_POLICY,
  MONITORING_RULES,
  monitoringSettingsFromStudy,
  type MonitoringRule,
} from '../document/monitoring/index.js';
import { monitoringCsvFromWorkbook } from '../document/excel/index.js';
import { resolveStudy } from '../document/resolve-study.js';
import type { MonitoringAlertRule } from '../engine/monitoring/index.js';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  importReadings,
  MonitoringServiceError,
  seriesDashboard,
  seriesHeader,
  seriesSettings,
  type ImportReport,
} from '../server/monitoring/index.js';
import {
  openStore,
  StoreError,
  type MonitoringImport,
  type MonitoringSeries,
  type Role,
  type Store,
} from '../server/store/index.js';
import {
  parsePolicy,
  parsePositive,
  parseZone,
  progressBar,
  type Fail,
  type MonitorIo,
} from './monitor.js';
import {
  alertsText,
  issuesText,
  monitoringJson,
  rejectionLines,
  summaryText,
  type MonitoringRun,
  type RunReader,
} from './monitor-output.js';

interface DatabaseOptions {
  study: string;
  as?: string;
  org?: string;
  database?: string;
  dataDir?: string;
  series?: string;
  lang?: string;
  json?: boolean;
}

interface ImportOptions extends DatabaseOptions {
  zone?: string;
  interval?: string;
  flow?: string;
  policy?: string[];
}

const REJECTABLE = MONITORING_RULES.filter((r) => r !== 'header');
const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };
/** The CLI reads files of any size the disk holds; this only guards against a device file. */
const MAX_FILE_BYTES = 64 * 1024 ** 3;

/** How `monitor import|summary|alerts` find the server's database, account and series. */
export function addStoredSeriesOptions(command: Command): Command {
  return command
    .option('--as <email>', 'server database: the account acting (default: LESTARI_USER)')
    .option('--org <id-or-name>', 'server database: the organisation (default: the only one)')
    .option(
      '--database <url>',
      'server database: postgres://… (default: DATABASE_URL, else SQLite)',
    )
    .option(
      '--data-dir <dir>',
      'server database: the SQLite folder (default: LESTARI_DATA_DIR or ./data)',
    )
    .option(
      '--series <name>',
      'server database: the series (site); default the only one, or "Outlet"',
    );
}

function addDatabaseOptions(command: Command): Command {
  return addStoredSeriesOptions(
    command.requiredOption(
      '--study <id-or-title>',
      'the stored study (its id, or its exact title)',
    ),
  )
    .option('--lang <language>', 'language of the output: id (Indonesian) or en')
    .option('--json', 'the results as JSON, at full precision');
}

interface Opened {
  readonly store: Store;
  readonly organisationId: string;
  readonly userId: string;
  readonly studyId: string;
  readonly title: string;
  /** Resolved (standard limits filled in). */
  readonly study: StudyInput;
  readonly lang: 'id' | 'en';
}

/** Opens the store and finds the account, organisation and study, checking the role. */
async function open(options: DatabaseOptions, least: Role, fail: Fail): Promise<Opened> {
  if (options.lang !== undefined && options.lang !== 'id' && options.lang !== 'en') {
    fail(2, [`--lang ${options.lang}: must be id or en`]);
  }
  const email = options.as ?? process.env['LESTARI_USER'];
  if (email === undefined || email.trim() === '') {
    fail(2, ['--as <email>: name the account that acts (or set LESTARI_USER)']);
  }
  const databaseUrl = options.database ?? process.env['DATABASE_URL'];
  const store = await openStore({
    ...(databaseUrl !== undefined && { databaseUrl }),
    dataDir: options.dataDir ?? process.env['LESTARI_DATA_DIR'] ?? './data',
  });
  try {
    const user = await store.findUserByEmail(email);
    if (user === undefined) fail(2, [`--as ${email}: no such account in this database`]);
    const memberships = await store.listMemberships(user.id);
    const wanted = options.org?.trim().toLowerCase();
    const matching = memberships.filter(
      (m) =>
        wanted === undefined ||
        m.organisation.id === wanted ||
        m.organisation.name.toLowerCase() === wanted,
    );
    const membership = matching[0];
    if (membership === undefined || matching.length > 1) {
      const names = memberships.map((m) => `${m.organisation.name} (${m.organisation.id})`);
      fail(2, [
        options.org === undefined
          ? `--org: ${email} belongs to ${memberships.length} organisations; name one: ${names.join(', ')}`
          : `--org ${options.org}: not one of ${email}'s organisations (${names.join(', ')})`,
      ]);
    }
    if (RANK[membership.role] < RANK[least]) {
      fail(2, [
        `${email} is ${membership.role} of ${membership.organisation.name}; this needs the ${least} role`,
      ]);
    }
    const organisationId = membership.organisation.id;
    const studies = await store.listStudies(organisationId);
    // The id or the exact title, else a part of the title that names one study.
    const exact = studies.filter((s) => s.id === options.study || s.title === options.study);
    const part = options.study.trim().toLowerCase();
    const found =
      exact.length > 0
        ? exact
        : studies.filter((s) => part !== '' && s.title.toLowerCase().includes(part));
    const summary = found[0];
    if (summary === undefined || found.length > 1) {
      fail(2, [
        found.length > 1
          ? `--study ${options.study}: ${found.length} studies match; give the id or the whole title (${found.map((s) => `"${s.title}" ${s.id}`).join(', ')})`
          : `--study ${options.study}: no such study in ${membership.organisation.name} (${studies.map((s) => `"${s.title}"`).join(', ') || 'none'})`,
      ]);
    }
    const stored = await store.getStudy(organisationId, summary.id);
    const resolved = resolveStudy(stored.document);
    if (!resolved.ok) {
      fail(2, [
        `study "${summary.title}" has errors: ${resolved.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      ]);
    }
    const lang =
      options.lang === 'id' || options.lang === 'en'
        ? options.lang
        : resolved.study.language === 'en'
          ? 'en'
          : 'id';
    return {
      store,
      organisationId,
      userId: user.id,
      studyId: summary.id,
      title: summary.title,
      study: resolved.study,
      lang,
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The series named, or the study's only one. */
async function pickSeries(
  opened: Opened,
  name: string | undefined,
  fail: Fail,
): Promise<MonitoringSeries> {
  const all = await opened.store.listMonitoringSeries(opened.organisationId, opened.studyId);
  const found =
    name === undefined ? all : all.filter((s) => s.name.toLowerCase() === name.toLowerCase());
  const series = found[0];
  if (series === undefined || found.length > 1) {
    fail(2, [
      all.length === 0
        ? `study "${opened.title}" has no monitoring series yet: lestari monitor import FILE --study …`
        : `--series: name one of ${all.map((s) => `"${s.name}"`).join(', ')}`,
    ]);
  }
  return series;
}

/** The imports' reports added up, as the output's reader line. */
function readerOfImports(
  series: MonitoringSeries,
  imports: readonly MonitoringImport[],
): RunReader {
  const counts = Object.fromEntries(MONITORING_RULES.map((r) => [r, 0])) as Record<
    MonitoringRule,
    number
  >;
  let skippedRows = 0;
  for (const i of imports) {
    const report = i.report as Partial<ImportReport> | null;
    for (const rule of MONITORING_RULES) counts[rule] += report?.counts?.[rule] ?? 0;
    skippedRows += report?.skippedRows ?? 0;
  }
  return {
    ok: true,
    bytes: imports.reduce((n, i) => n + i.bytes, 0),
    rows: series.readings,
    skippedRows,
    counts,
    issues: [],
    issuesTruncated: false,
    policy: DEFAULT_MONITORING_POLICY,
  };
}

/** The stored series as the file commands' output shows a file. */
async function storedRun(opened: Opened, series: MonitoringSeries, fail: Fail) {
  let dashboard;
  try {
    dashboard = await seriesDashboard({
      store: opened.store,
      organisationId: opened.organisationId,
      studyId: opened.studyId,
      study: opened.study,
      seriesId: series.id,
      query: { grains: ['day', 'month'] },
    });
  } catch (error) {
    if (error instanceof MonitoringServiceError) fail(2, [error.message]);
    throw error;
  }
  const result = dashboard.derived?.result;
  if (result === undefined) fail(2, [`series "${series.name}" holds no readings`]);
  const header = seriesHeader(
    series.parameters,
    series.utcOffsetMinutes,
    series.expectedIntervalSeconds,
  );
  const mapping = monitoringSettingsFromStudy(opened.study, header);
  const run: MonitoringRun = {
    file: `"${series.name}"`,
    source: 'series',
    studyFile: opened.lang === 'id' ? 'basis data server' : 'server database',
    study: opened.study,
    reader: readerOfImports(dashboard.series, dashboard.imports),
    header: undefined,
    columns: mapping.ok ? mapping.parameters : [],
    unmatchedColumns: [],
    unmatchedParameters: mapping.ok ? mapping.unmatchedParameters : [],
    notes: [],
    droppedRows: 0,
    result,
  };
  return { run, imports: dashboard.imports };
}

/** The file's bytes as the reader takes them: streamed, or an Excel sheet as CSV. */
async function fileChunks(file: string, fail: Fail): Promise<AsyncIterable<Uint8Array> | string[]> {
  if (extname(file).toLowerCase() !== '.xlsx') {
    return createReadStream(file, { highWaterMark: 1024 * 1024 });
  }
  const converted = await monitoringCsvFromWorkbook(new Uint8Array(await readFile(file)));
  if (!converted.ok) fail(2, [`${file}: ${converted.message}`]);
  return [converted.csv];
}

function importLine(report: ImportReport, series: MonitoringSeries, lang: 'id' | 'en'): string {
  const n = (v: number) => v.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return lang === 'id'
    ? `${n(report.storedRows)} baris disimpan ke seri "${series.name}" (kini ${n(series.readings)} pembacaan)`
    : `${n(report.storedRows)} rows stored in series "${series.name}" (now ${n(series.readings)} readings)`;
}

/** Adds `import` to the `monitor` command. */
export function addMonitorDatabaseCommands(monitor: Command, io: MonitorIo, fail: Fail): void {
  addDatabaseOptions(
    monitor
      .command('import')
      .description(
        'store a monitoring file in a study of the server’s database (all or nothing), then summarise the series',
      )
      .argument('<readings>', 'the monitoring file (.csv, or .xlsx: its first sheet with data)'),
  )
    .option('--zone <zone>', 'zone of timestamps written without one: WIB, WITA, WIT, +07:00')
    .option('--interval <seconds>', 'the logger’s reading interval (default: detected)')
    .option('--flow <column>', 'the flow column (default: flow, debit, Q …)')
    .option(
      '--policy <rule=action...>',
      `per rule, reject or flag (rules: ${REJECTABLE.join(', ')})`,
    )
    .action(async (file: string, options: ImportOptions) => {
      const policy = parsePolicy(options.policy, fail);
      const zone = parseZone(options.zone, fail);
      const interval = parsePositive(options.interval, 'interval', fail);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch {
        fail(2, [`${file}: no such file`]);
      }
      const opened = await open(options, 'editor', fail);
      try {
        const bar = progressBar(io, size);
        let outcome;
        try {
          outcome = await importReadings({
            store: opened.store,
            organisationId: opened.organisationId,
            studyId: opened.studyId,
            study: opened.study,
            seriesName: options.series,
            fileName: file.split(/[\\/]/).pop() ?? file,
            createdBy: opened.userId,
            chunks: await fileChunks(file, fail),
            maxBytes: MAX_FILE_BYTES,
            reader: {
              timeZone: zone,
              expectedIntervalSeconds: interval,
              flowColumn: options.flow,
              policy,
            },
            onProgress: (p) => bar.update(p.bytes, p.rows),
          });
        } catch (error) {
          if (error instanceof MonitoringServiceError || error instanceof StoreError) {
            fail(2, [`${file}: ${error.message}`]);
          }
          throw error;
        }
        if (!outcome.ok) {
          bar.done(outcome.reader.bytes, outcome.reader.rows);
          fail(2, rejectionLines(file, outcome.reader, opened.lang));
        }
        bar.done(outcome.reader.bytes, outcome.reader.rows);
        const { run } = await storedRun(opened, outcome.series, fail);
        if (options.json === true) {
          io.stdout(
            `${JSON.stringify({ import: outcome.import, report: outcome.report, ...monitoringJson(run) }, null, 2)}\n`,
          );
        } else {
          io.stdout(
            `${importLine(outcome.report, outcome.series, opened.lang)}\n${issuesText(file, outcome.reader, opened.lang)}\n${summaryText(run, opened.lang)}\n`,
          );
        }
      } finally {
        await opened.store.close();
      }
    });
}

/**
 * `monitor summary|alerts` without a readings file: the study's stored series, printed as a
 * file is (exit 1 on exceedances or alerts, as for a file). Its alert rules are the defaults
 * the server keeps the series with.
 */
export async function showStoredSeries(
  kind: 'summary' | 'alerts',
  options: DatabaseOptions,
  io: MonitorIo,
  fail: Fail,
): Promise<void> {
  const opened = await open(options, 'viewer', fail);
  let run: MonitoringRun;
  let alerts: readonly MonitoringAlertRule[];
  try {
    const series = await pickSeries(opened, options.series, fail);
    const stored = await storedRun(opened, series, fail);
    run = stored.run;
    const settings = seriesSettings(opened.study, series);
    alerts = settings.ok ? (settings.settings.alerts ?? []) : [];
    if (options.json === true) {
      io.stdout(
        `${JSON.stringify({ series, imports: stored.imports, ...monitoringJson(run, kind === 'alerts' ? alerts : undefined) }, null, 2)}\n`,
      );
    } else if (kind === 'alerts') {
      io.stdout(`${alertsText(run, alerts, opened.lang)}\n`);
    } else {
      io.stdout(`${summaryText(run, opened.lang)}\n`);
    }
  } finally {
    await opened.store.close();
  }
  const flagged =
    kind === 'alerts'
      ? run.result.events.length > 0 || run.result.eventsDropped > 0
      : run.result.parameters.some((p) => p.summary.exceedances > 0);
  if (flagged) fail(1, []);
}
