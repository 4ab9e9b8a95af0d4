/**
 * A series as a dashboard reads it: the stored rollups for a window and the summaries and
 * events, recomputed from the readings first when the study's limits (or anything else the
 * rollups depend on) changed since they were stored.
 */
import type { MonitoringResult } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import type {
  MonitoringDerived,
  MonitoringDerivedQuery,
  MonitoringImport,
  MonitoringSeries,
  Store,
} from '../store/index.js';
import { deriveSeries } from './derive-series.js';
import { requireSeriesSettings, seriesSettings } from './series-settings.js';

export interface SeriesDashboard {
  readonly series: MonitoringSeries;
  readonly imports: readonly MonitoringImport[];
  /** Undefined while the series holds no readings. */
  readonly derived: MonitoringDerived | undefined;
  /** Whether the rollups were recomputed for this request (the study changed). */
  readonly recomputed: boolean;
}

export async function seriesDashboard(input: {
  readonly store: Store;
  readonly organisationId: string;
  readonly studyId: string;
  /** The study, resolved. */
  readonly study: StudyInput;
  readonly seriesId: string;
  readonly query?: MonitoringDerivedQuery;
}): Promise<SeriesDashboard> {
  const { store, organisationId, studyId, seriesId } = input;
  const [series, imports] = await Promise.all([
    store.getMonitoringSeries(organisationId, studyId, seriesId),
    store.listMonitoringImports(organisationId, studyId, seriesId),
  ]);
  const settings = requireSeriesSettings(input.study, series);
  let derived = await store.getMonitoringDerived(organisationId, studyId, seriesId, input.query);
  let recomputed = false;
  if (series.readings > 0 && derived?.fingerprint !== settings.fingerprint) {
    const full = await deriveSeries({ ...input, series });
    await store.replaceMonitoringDerived(organisationId, studyId, seriesId, full);
    derived = await store.getMonitoringDerived(organisationId, studyId, seriesId, input.query);
    recomputed = true;
  }
  return { series, imports, derived, recomputed };
}

/** Removes one import's readings and stores the rollups of the rest. */
export async function deleteSeriesImport(input: {
  readonly store: Store;
  readonly organisationId: string;
  readonly studyId: string;
  readonly study: StudyInput;
  readonly seriesId: string;
  readonly importId: string;
}): Promise<MonitoringSeries> {
  const { store, organisationId, studyId, seriesId } = input;
  await store.deleteMonitoringImport(organisationId, studyId, seriesId, input.importId, null);
  const series = await store.getMonitoringSeries(organisationId, studyId, seriesId);
  if (series.readings > 0 && seriesSettings(input.study, series).ok) {
    const derived = await deriveSeries({ ...input, series });
    await store.replaceMonitoringDerived(organisationId, studyId, seriesId, derived);
  }
  return series;
}

/** Every series of the study with readings, as the report's monitoring section takes them. */
export async function studyMonitoringForReport(input: {
  readonly store: Store;
  readonly organisationId: string;
  readonly studyId: string;
  readonly study: StudyInput;
}): Promise<{ name: string; result: MonitoringResult; source: string }[]> {
  const all = await input.store.listMonitoringSeries(input.organisationId, input.studyId);
  const reported: { name: string; result: MonitoringResult; source: string }[] = [];
  for (const series of all) {
    // A series the study no longer matches is left out rather than failing the whole report.
    if (series.readings === 0 || !seriesSettings(input.study, series).ok) continue;
    const { derived } = await seriesDashboard({
      ...input,
      seriesId: series.id,
      query: { grains: ['day', 'month'] },
    });
    if (derived !== undefined) {
      reported.push({ name: series.name, result: derived.result, source: 'database' });
    }
  }
  return reported;
}
