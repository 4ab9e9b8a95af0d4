/**
 * Review (GP step 5): the study's EPI recomputed from each day's or month's mean readings,
 * and each parameter before and after an implementation date. Both take the monitoring
 * result and the study as they are now, so editing weights or limits elsewhere updates them.
 */
import {
  beforeAfterComparison,
  deviationEpiOverTime,
  monitoringPeriodMeans,
  trafficLightEpiOverTime,
  type BeforeAfterComparison,
  type MonitoringResult,
} from '../../../engine/monitoring/index.js';
import { studyEpiInputs, type AhpSectionResult } from '../../../engine/study/evaluate-study.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import type { EpiPoint } from './charts.js';

export interface EpiOverTime {
  readonly method: 'deviation' | 'traffic-light';
  readonly points: readonly EpiPoint[];
  /** Study parameters in the EPI (those with readings). */
  readonly included: readonly string[];
  /** Study parameters left out: no column in the file, or a level given rather than a scale. */
  readonly excluded: readonly string[];
}

export type EpiOverTimeOutcome =
  | { readonly ok: true; readonly epi: EpiOverTime }
  | {
      readonly ok: false;
      readonly reason: 'no-epi' | 'no-parameters' | 'error';
      readonly message?: string;
    };

/** The EPI of each day or month over the monitored parameters. */
export function epiOverTime(
  study: StudyInput,
  ahp: readonly AhpSectionResult[],
  result: MonitoringResult,
  unit: 'day' | 'month',
): EpiOverTimeOutcome {
  try {
    const inputs = studyEpiInputs(study, ahp);
    if (inputs === undefined) return { ok: false, reason: 'no-epi' };
    const monitored = new Set(result.parameters.map((p) => p.id));
    const periods = monitoringPeriodMeans(result, unit);
    const settings = study.epi;
    if (inputs.method === 'deviation') {
      const used = inputs.parameters.filter((p) => p.id !== undefined && monitored.has(p.id));
      const ids = used.map((p) => p.id as string);
      const excluded = inputs.parameters.flatMap((p) =>
        p.id === undefined || ids.includes(p.id) ? [] : [p.id],
      );
      if (used.length === 0 || periods.length === 0) return { ok: false, reason: 'no-parameters' };
      const epi = deviationEpiOverTime(
        periods,
        used.map(({ measured: _measured, ...p }) => ({ ...p, id: p.id as string })),
        { belowDetectionLimit: settings?.belowDetectionLimit },
      );
      return {
        ok: true,
        epi: {
          method: 'deviation',
          points: epi.map((e) => ({ period: e.period, total: e.epi?.total })),
          included: ids,
          excluded,
        },
      };
    }
    const used = inputs.parameters.flatMap((p) =>
      p.id !== undefined &&
      monitored.has(p.id) &&
      p.scale !== undefined &&
      p.scale.anchors.length > 0
        ? [{ id: p.id, name: p.name, weight: p.weight, scale: p.scale }]
        : [],
    );
    const ids = used.map((p) => p.id);
    const excluded = inputs.parameters.flatMap((p) =>
      p.id === undefined || ids.includes(p.id) ? [] : [p.id],
    );
    if (used.length === 0 || periods.length === 0) return { ok: false, reason: 'no-parameters' };
    const epi = trafficLightEpiOverTime(periods, used, {
      belowDetectionLimit: settings?.belowDetectionLimit,
      scoring: settings?.scoring,
      bands: settings?.bands,
    });
    return {
      ok: true,
      epi: {
        method: 'traffic-light',
        points: epi.map((e) => ({ period: e.period, total: e.epi?.total })),
        included: ids,
        excluded,
      },
    };
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Epoch ms of local midnight starting `date` ('YYYY-MM-DD') at the given offset. */
export function localMidnightMs(date: string, utcOffsetMinutes: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - utcOffsetMinutes * 60_000;
}

export type BeforeAfterRow =
  | { readonly id: string; readonly ok: true; readonly comparison: BeforeAfterComparison }
  | { readonly id: string; readonly ok: false; readonly message: string };

/** Each parameter's daily means before and after the implementation date (Welch's t-test). */
export function beforeAfterRows(result: MonitoringResult, date: string): BeforeAfterRow[] {
  const at = localMidnightMs(date, result.utcOffsetMinutes);
  if (at === undefined) return [];
  return result.parameters.map((p) => {
    const series = p.daily.flatMap((d) =>
      d.mean === undefined ? [] : [{ timeMs: d.startMs, value: d.mean }],
    );
    try {
      return { id: p.id, ok: true, comparison: beforeAfterComparison(series, at) };
    } catch (error) {
      return {
        id: p.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  });
}

/** 'YYYY-MM-DD HH:mm' of an instant in local time at the given offset. */
export function localDateTime(ms: number, utcOffsetMinutes: number): string {
  const iso = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
