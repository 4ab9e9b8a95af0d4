/**
 * The alert rules Lestari asks the engine for unless told otherwise: a run over a limit lasting
 * at least half an hour (a single high reading of a 2-minute logger is noise, not an incident;
 * with monthly lab results every exceedance counts), and a day under 90 % of its expected
 * readings. One definition for the web step, the server's stored series and the report.
 */
import type { MonitoringAlertRule, MonitoringSettings } from '../../engine/monitoring/index.js';

export const ALERT_RUN_MINUTES = 30;
export const ALERT_COMPLETENESS = 0.9;

/** Readings in a row that make a run alert at this interval (1 without an interval). */
export function runReadings(expectedIntervalSeconds: number | undefined): number {
  if (expectedIntervalSeconds === undefined) return 1;
  return Math.max(1, Math.round((ALERT_RUN_MINUTES * 60) / expectedIntervalSeconds));
}

/** The settings with the default alert rules (none without limits or an interval). */
export function withDefaultAlerts(settings: MonitoringSettings): MonitoringSettings {
  const alerts: MonitoringAlertRule[] = [];
  if (settings.parameters.some((p) => p.limit !== undefined)) {
    alerts.push({ kind: 'run', minReadings: runReadings(settings.expectedIntervalSeconds) });
  }
  if (settings.expectedIntervalSeconds !== undefined) {
    alerts.push({ kind: 'completeness', below: ALERT_COMPLETENESS });
  }
  return alerts.length === 0 ? settings : { ...settings, alerts };
}
