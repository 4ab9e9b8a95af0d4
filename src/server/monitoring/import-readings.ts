/**
 * One monitoring file into a study's series, all or nothing: the bytes stream through the
 * document layer's reader (every issue with its line; reject or flag per rule), the rows go to
 * the store as a pending import page by page (constant memory), and only when the whole file
 * is accepted does the import complete, in one transaction with the series' new rollups.
 * A refused file, a broken upload or any error removes the pending rows (and a series made
 * for this file).
 */
import {
  createMonitoringCsvReader,
  monitoringKey,
  monitoringSettingsFromStudy,
  type MonitoringBatch,
  type MonitoringCsvOptions,
  type MonitoringHeader,
  type MonitoringSummary as ReaderSummary,
  type StudyMonitoringNote,
} from '../../document/monitoring/index.js';
import { normaliseUnit } from '../../document/monitoring/header.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import type {
  MonitoringImport,
  MonitoringSeries,
  MonitoringSeriesColumn,
  Store,
} from '../store/index.js';
import { deriveSeries } from './derive-series.js';
import { MonitoringServiceError } from './monitoring-error.js';

/** The series a file goes to unless named. */
export const DEFAULT_SERIES_NAME = 'Outlet';

export interface ImportProgress {
  readonly phase: 'reading' | 'summarising';
  readonly bytes: number;
  readonly rows: number;
}

export interface ImportReadingsInput {
  readonly store: Store;
  readonly organisationId: string;
  readonly studyId: string;
  /** The study, resolved (standard limits filled in). */
  readonly study: StudyInput;
  readonly seriesName?: string | undefined;
  readonly fileName: string;
  readonly createdBy: string;
  readonly chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** Refuse more bytes than this (the upload is cut short). */
  readonly maxBytes: number;
  readonly reader?: {
    readonly timeZone?: number | undefined;
    readonly expectedIntervalSeconds?: number | undefined;
    readonly flowColumn?: string | undefined;
    readonly policy?: MonitoringCsvOptions['policy'];
  };
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** What an import tells its caller and keeps as the import's report. */
export interface ImportReport {
  readonly rows: number;
  readonly storedRows: number;
  /** Flagged rows left out because their time did not move forward (duplicates, out of order). */
  readonly droppedRows: number;
  readonly skippedRows: number;
  readonly counts: ReaderSummary['counts'];
  readonly issues: ReaderSummary['issues'];
  readonly issuesTruncated: boolean;
  readonly notes: readonly StudyMonitoringNote[];
  /** File columns that are not stored (not a study parameter, or not a column of the series). */
  readonly unmatchedColumns: readonly string[];
  /** Series columns the file lacks (stored as missing). */
  readonly missingColumns: readonly string[];
  readonly firstTimeMs: number | undefined;
  readonly lastTimeMs: number | undefined;
}

export type ImportReadingsOutcome =
  | {
      readonly ok: true;
      readonly series: MonitoringSeries;
      readonly import: MonitoringImport;
      readonly report: ImportReport;
      readonly reader: ReaderSummary;
    }
  | { readonly ok: false; readonly reader: ReaderSummary };

/** The file's columns for each series column (−1: not in the file). */
interface Plan {
  readonly series: MonitoringSeries;
  readonly created: boolean;
  readonly pick: readonly number[];
  readonly notes: readonly StudyMonitoringNote[];
  readonly unmatchedColumns: readonly string[];
  readonly missingColumns: readonly string[];
  readonly importId: string;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export async function importReadings(input: ImportReadingsInput): Promise<ImportReadingsOutcome> {
  const { store, organisationId, studyId, study } = input;
  const name = (input.seriesName ?? DEFAULT_SERIES_NAME).trim() || DEFAULT_SERIES_NAME;
  const existing = (await store.listMonitoringSeries(organisationId, studyId)).find((s) =>
    sameName(s.name, name),
  );
  const options = input.reader ?? {};

  let header: MonitoringHeader | undefined;
  const batches: MonitoringBatch[] = [];
  const reader = createMonitoringCsvReader({
    onHeader: (h) => (header = h),
    onBatch: (b) => batches.push(b),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
    ...(options.expectedIntervalSeconds !== undefined && {
      expectedIntervalMs: options.expectedIntervalSeconds * 1000,
    }),
    ...(options.policy !== undefined && { policy: options.policy }),
  });

  let plan: Plan | undefined;
  let lastTime = existing?.lastTimeMs ?? -Infinity;
  let storedRows = 0;
  let droppedRows = 0;
  let firstTimeMs: number | undefined;

  const makePlan = async (h: MonitoringHeader): Promise<Plan> => {
    const mapping = monitoringSettingsFromStudy(study, h, {
      ...(options.timeZone !== undefined && { utcOffsetMinutes: options.timeZone }),
      ...(options.expectedIntervalSeconds !== undefined && {
        expectedIntervalSeconds: options.expectedIntervalSeconds,
      }),
      ...(options.flowColumn !== undefined && { flowColumn: options.flowColumn }),
    });
    if (!mapping.ok) {
      throw new MonitoringServiceError(
        'mapping',
        mapping.problems.map((p) => p.message).join('; '),
        mapping.problems,
      );
    }
    const fileColumns: MonitoringSeriesColumn[] = mapping.parameters.map((c) => ({
      id: c.id,
      unit: c.unit ?? null,
    }));
    let series = existing;
    let created = false;
    const missingColumns: string[] = [];
    const unmatchedColumns = [...mapping.unmatchedColumns];
    let pick: number[];
    if (series === undefined) {
      series = await store.createMonitoringSeries(organisationId, studyId, {
        name,
        utcOffsetMinutes: mapping.settings.utcOffsetMinutes,
        expectedIntervalSeconds: mapping.settings.expectedIntervalSeconds ?? null,
        parameters: fileColumns,
        createdBy: input.createdBy,
      });
      created = true;
      pick = [...mapping.columns];
    } else {
      const problems: string[] = [];
      pick = series.parameters.map((column) => {
        const k = mapping.parameters.findIndex(
          (c) => monitoringKey(c.id) === monitoringKey(column.id),
        );
        if (k < 0) {
          missingColumns.push(column.id);
          return -1;
        }
        const fileUnit = mapping.parameters[k]?.unit;
        if (
          fileUnit !== undefined &&
          column.unit !== null &&
          normaliseUnit(fileUnit) !== normaliseUnit(column.unit)
        ) {
          problems.push(
            `column "${mapping.parameters[k]?.header ?? column.id}" is in ${fileUnit} but the series stores ${column.id} in ${column.unit}`,
          );
        }
        return mapping.columns[k] as number;
      });
      for (const c of mapping.parameters) {
        if (!series.parameters.some((s) => monitoringKey(s.id) === monitoringKey(c.id))) {
          unmatchedColumns.push(c.header);
        }
      }
      if (problems.length > 0) {
        throw new MonitoringServiceError('mapping', problems.join('; '), problems);
      }
    }
    try {
      const pending = await store.beginMonitoringImport(organisationId, studyId, series.id, {
        fileName: input.fileName,
        createdBy: input.createdBy,
      });
      return {
        series,
        created,
        pick,
        notes: mapping.notes,
        unmatchedColumns,
        missingColumns,
        importId: pending.id,
      };
    } catch (error) {
      if (created) await store.deleteMonitoringSeries(organisationId, studyId, series.id);
      throw error;
    }
  };

  /** The batches read so far into the pending import, rows in time order only. */
  const flush = async (): Promise<void> => {
    if (header === undefined) return;
    plan ??= await makePlan(header);
    const current = plan;
    for (const batch of batches.splice(0)) {
      const keep: number[] = [];
      for (let i = 0; i < batch.length; i++) {
        const t = batch.times[i] as number;
        if (t > lastTime) {
          keep.push(i);
          lastTime = t;
        } else if (
          current.series.lastTimeMs !== null &&
          t <= current.series.lastTimeMs &&
          storedRows === 0
        ) {
          throw new MonitoringServiceError(
            'overlap',
            `line ${batch.lines[i] ?? '?'}: ${new Date(t).toISOString()} is not after the series' last stored reading (${new Date(current.series.lastTimeMs).toISOString()}); delete the import that holds it first`,
          );
        } else {
          droppedRows += 1;
        }
      }
      if (keep.length === 0) continue;
      const times = Float64Array.from(keep, (i) => batch.times[i] as number);
      const values = current.pick.map((j) => {
        const source = j < 0 ? undefined : batch.values[j];
        return Float64Array.from(keep, (i) => (source === undefined ? NaN : (source[i] as number)));
      });
      firstTimeMs ??= times[0];
      await store.appendMonitoringReadings(current.importId, { timesMs: times, values });
      storedRows += keep.length;
    }
  };

  const cleanUp = async (): Promise<void> => {
    if (plan === undefined) return;
    await store.abortMonitoringImport(plan.importId);
    if (plan.created) {
      await store.deleteMonitoringSeries(organisationId, studyId, plan.series.id);
    }
  };

  let bytes = 0;
  let summary: ReaderSummary;
  try {
    for await (const chunk of input.chunks) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (bytes > input.maxBytes) {
        throw new MonitoringServiceError(
          'too-large',
          `the file is larger than ${input.maxBytes} bytes`,
        );
      }
      reader.push(chunk);
      await flush();
      const p = reader.progress();
      input.onProgress?.({ phase: 'reading', bytes: p.bytes, rows: p.rows });
    }
    summary = reader.end();
    if (!summary.ok) {
      await cleanUp();
      return { ok: false, reader: summary };
    }
    await flush();
    if (plan === undefined || storedRows === 0) {
      throw new MonitoringServiceError('no-rows', `${input.fileName}: no rows to store`);
    }
    const p = plan;
    const derived = await deriveSeries({
      store,
      organisationId,
      studyId,
      study,
      series: p.series,
      includeImportId: p.importId,
      onProgress: (rows) => input.onProgress?.({ phase: 'summarising', bytes, rows }),
    });
    const report: ImportReport = {
      rows: summary.rows,
      storedRows,
      droppedRows,
      skippedRows: summary.skippedRows,
      counts: summary.counts,
      issues: summary.issues,
      issuesTruncated: summary.issuesTruncated,
      notes: p.notes,
      unmatchedColumns: p.unmatchedColumns,
      missingColumns: p.missingColumns,
      firstTimeMs,
      lastTimeMs: lastTime,
    };
    if (derived === null) throw new Error('a completed import has rows');
    const completed = await store.completeMonitoringImport(p.importId, {
      bytes,
      report,
      derived,
    });
    const series = await store.getMonitoringSeries(organisationId, studyId, p.series.id);
    return { ok: true, series, import: completed, report, reader: summary };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
