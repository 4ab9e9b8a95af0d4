/**
 * The engine's settings for a stored series: its columns read as the study's effluent
 * parameters with today's limits (the same matching as a file's header, so a series gives the
 * numbers its files would), the default alert rules, and a fingerprint that changes whenever
 * the rollups would — the stored rollups are a cache of the readings under one fingerprint.
 */
import { createHash } from 'node:crypto';
import { withDefaultAlerts } from '../../document/monitoring/default-alerts.js';
import type { MonitoringHeader } from '../../document/monitoring/index.js';
import {
  monitoringKey,
  monitoringSettingsFromStudy,
  type StudyMonitoringProblem,
} from '../../document/monitoring/index.js';
import type { MonitoringSettings } from '../../engine/monitoring/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import type { MonitoringSeries, MonitoringSeriesColumn } from '../store/index.js';
import { MonitoringServiceError } from './monitoring-error.js';

export type SeriesSettings =
  | {
      readonly ok: true;
      readonly settings: MonitoringSettings;
      /** For each settings parameter, the series column it is read from. */
      readonly columns: readonly number[];
      readonly fingerprint: string;
    }
  | { readonly ok: false; readonly problems: readonly StudyMonitoringProblem[] };

/** Ids the header matching gives the flow column: `flow`, `flow-2` … */
export function isFlowColumnId(id: string, study: StudyInput): boolean {
  const studyKeys = new Set(
    (study.effluent?.parameters ?? []).flatMap((p) => [monitoringKey(p.id), monitoringKey(p.name)]),
  );
  return /^flow(-\d+)?$/.test(id) && !studyKeys.has(monitoringKey(id));
}

/** A header as the reader would give for a file whose columns are the series'. */
export function seriesHeader(
  columns: readonly MonitoringSeriesColumn[],
  utcOffsetMinutes: number,
  expectedIntervalSeconds: number | null,
): MonitoringHeader {
  return {
    line: 1,
    delimiter: ',',
    delimiterSource: 'option',
    timestamp: { header: 'time', column: 1 },
    parameters: columns.map((c, j) => ({
      name: c.id,
      header: c.unit === null ? c.id : `${c.id} (${c.unit})`,
      column: j + 2,
      unit: c.unit ?? undefined,
      unitSource: c.unit === null ? undefined : 'header',
      min: undefined,
      max: undefined,
    })),
    ignored: [],
    numberFormat: 'en',
    numberFormatSource: 'option',
    numberFormatReason: 'stored readings',
    timeZone: utcOffsetMinutes,
    timeZoneSource: 'option',
    expectedIntervalMs:
      expectedIntervalSeconds === null ? undefined : expectedIntervalSeconds * 1000,
    expectedIntervalSource: expectedIntervalSeconds === null ? undefined : 'option',
    gapFactor: 3,
  };
}

/** The settings the series' rollups are computed with, from the (resolved) study. */
export function seriesSettings(study: StudyInput, series: MonitoringSeries): SeriesSettings {
  const header = seriesHeader(
    series.parameters,
    series.utcOffsetMinutes,
    series.expectedIntervalSeconds,
  );
  const flow = series.parameters.find((c) => isFlowColumnId(c.id, study));
  const mapping = monitoringSettingsFromStudy(study, header, {
    ...(flow !== undefined && { flowColumn: flow.id }),
  });
  if (!mapping.ok) return mapping;
  const settings = withDefaultAlerts(mapping.settings);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ settings, columns: mapping.columns, version: 1 }))
    .digest('hex');
  return { ok: true, settings, columns: mapping.columns, fingerprint };
}

/**
 * The settings, or the service's mapping error when the study no longer matches the series'
 * columns (a parameter removed or its unit changed since the readings were stored).
 */
export function requireSeriesSettings(
  study: StudyInput,
  series: MonitoringSeries,
): Extract<SeriesSettings, { ok: true }> {
  const settings = seriesSettings(study, series);
  if (!settings.ok) {
    throw new MonitoringServiceError(
      'mapping',
      `the study's effluent parameters no longer match the series "${series.name}"`,
      settings.problems,
    );
  }
  return settings;
}
