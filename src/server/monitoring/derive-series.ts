/**
 * A series' derived state (rollups, summaries, events) computed from its stored readings,
 * read back in pages through the engine's accumulator: constant memory in the readings, the
 * same numbers as reading the files themselves.
 */
import { createMonitoringAccumulator } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import type { MonitoringDerived, MonitoringSeries, Store } from '../store/index.js';
import { requireSeriesSettings } from './series-settings.js';

/** Readings per page read back from the database. */
export const READ_PAGE_ROWS = 50_000;

export interface DeriveSeriesInput {
  readonly store: Store;
  readonly organisationId: string;
  readonly studyId: string;
  /** The study, resolved (standard limits filled in). */
  readonly study: StudyInput;
  readonly series: MonitoringSeries;
  /** A pending import whose rows count too (the import being completed). */
  readonly includeImportId?: string;
  /** Called after each page with the rows read so far. */
  readonly onProgress?: (rows: number) => void;
}

/**
 * The derived state of every reading of the series, or null when it has none.
 * @throws MonitoringServiceError mapping, when the study no longer matches the series' columns
 */
export async function deriveSeries(input: DeriveSeriesInput): Promise<MonitoringDerived | null> {
  const { store, organisationId, studyId, series } = input;
  const settings = requireSeriesSettings(input.study, series);
  const accumulator = createMonitoringAccumulator(settings.settings);
  let afterMs: number | undefined;
  let rows = 0;
  for (;;) {
    const page = await store.readMonitoringReadings(organisationId, studyId, series.id, {
      limit: READ_PAGE_ROWS,
      ...(afterMs !== undefined && { afterMs }),
      ...(input.includeImportId !== undefined && { includeImportId: input.includeImportId }),
    });
    const n = page.timesMs.length;
    if (n === 0) break;
    accumulator.addColumns(
      page.timesMs,
      settings.columns.map((j) => page.values[j] as Float64Array),
    );
    rows += n;
    afterMs = page.timesMs[n - 1] as number;
    input.onProgress?.(rows);
    if (n < READ_PAGE_ROWS) break;
  }
  if (rows === 0) return null;
  return { fingerprint: settings.fingerprint, result: accumulator.result() };
}
