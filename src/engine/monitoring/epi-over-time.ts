/**
 * The Environmental Performance Indicator over time: the study's EPI (deviation or
 * traffic-light method, from the epi chapter) computed for each day or month from that
 * period's mean concentrations, so a management review sees the EPI move as monitoring goes on.
 */
import { GpError, path } from '../errors.js';
import {
  deviationEpi,
  type DeviationEpiResult,
  type DeviationEpiSettings,
  type DeviationParameter,
} from '../epi/deviation-epi.js';
import {
  trafficLightEpi,
  type TrafficLightEpiResult,
  type TrafficLightEpiSettings,
  type TrafficLightParameter,
} from '../epi/traffic-light-epi.js';
import { requireFinite, requireName, requireNonEmpty } from '../validate.js';
import type { MonitoringResult } from './monitoring-accumulator.js';

/** One period's mean of each parameter, by id; a missing or undefined mean means no data. */
export interface PeriodMeans {
  /** The period's key, e.g. '2024-03' or '2024-03-01'. */
  readonly period: string;
  readonly means: Readonly<Record<string, number | undefined>>;
}

/** A deviation-method parameter whose measured value comes from each period's mean. */
export type DeviationEpiOverTimeParameter = Omit<DeviationParameter, 'measured' | 'id'> & {
  readonly id: string;
};

/** A traffic-light parameter scored on its scale from each period's mean. */
export type TrafficLightEpiOverTimeParameter = Omit<
  TrafficLightParameter,
  'measured' | 'level' | 'id'
> & {
  readonly id: string;
  readonly scale: NonNullable<TrafficLightParameter['scale']>;
};

/** The EPI of one period, or the parameters without a mean when it cannot be computed. */
export interface EpiPeriod<T> {
  readonly period: string;
  /** Undefined when a parameter has no mean in this period. */
  readonly epi: T | undefined;
  /** Ids of the parameters without a mean (empty when the EPI was computed). */
  readonly missing: readonly string[];
}

/** Checks the periods and returns, per period, the mean of each parameter id (or undefined). */
function checkPeriods(periods: unknown, ids: readonly string[]): (number | undefined)[][] {
  const items = requireNonEmpty<unknown>(periods, 'periods', 0);
  return items.map((item, i) => {
    const at = path('periods', i);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object { period, means }');
    }
    const p = item as Record<string, unknown>;
    requireName(p['period'], path(at, 'period'));
    const means = p['means'];
    if (typeof means !== 'object' || means === null || Array.isArray(means)) {
      throw new GpError(
        'INVALID_INPUT',
        path(at, 'means'),
        'must be an object of means by parameter id',
      );
    }
    const m = means as Record<string, unknown>;
    return ids.map((id) => {
      const v = Object.hasOwn(m, id) ? m[id] : undefined;
      return v === undefined ? undefined : requireFinite(v, `${path(at, 'means')}.${id}`);
    });
  });
}

function checkIds(parameters: unknown): string[] {
  const items = requireNonEmpty<unknown>(parameters, 'parameters');
  const ids = items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', path('parameters', i), 'must be an object with an id');
    }
    return requireName((item as Record<string, unknown>)['id'], path('parameters', i, 'id'));
  });
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first !== i) {
      throw new GpError(
        'DUPLICATE',
        path('parameters', i, 'id'),
        `"${id}" is already the id of parameters[${first}]`,
      );
    }
  });
  return ids;
}

function overTime<P, T>(
  periods: readonly PeriodMeans[],
  parameters: readonly P[],
  compute: (withMeans: P[]) => T,
  withMean: (parameter: P, mean: number) => P,
): EpiPeriod<T>[] {
  const ids = checkIds(parameters);
  const means = checkPeriods(periods, ids);
  return means.map((row, i) => {
    const missing = ids.filter((_, k) => row[k] === undefined);
    const period = (periods[i] as PeriodMeans).period;
    if (missing.length > 0) return { period, epi: undefined, missing };
    return {
      period,
      epi: compute(parameters.map((p, k) => withMean(p, row[k] as number))),
      missing,
    };
  });
}

/**
 * The deviation-method EPI of each period, from that period's mean of every parameter; equal,
 * period by period, to deviationEpi on those means.
 * @equation EPI_t = Σ Wi·Pi(M̄_i,t); Pi = (S − M)/S (upper), (M − S)/S (lower), min((hi − M)/hi, (M − lo)/lo) (range)
 * @source APO, Handbook on Green Productivity (2006), EPI and step 5 (monitoring and review); deviationEpi (src/engine/epi)
 * @param periods each period's key and mean of each parameter, by id
 * @param parameters the study's EPI parameters (weight, standard, limit kind), each with the id its means are under
 * @param settings as deviationEpi (belowDetectionLimit)
 * @throws GpError INVALID_INPUT, EMPTY or DUPLICATE for bad parameters or periods; NOT_FINITE for a mean that is not finite (`periods[i].means.cod`); as deviationEpi (`parameters[i].standard` …)
 * @example deviationEpiOverTime([{ period: '2024-01', means: { bod: 17.5 } }], [{ id: 'bod', weight: 4.1, standard: 30 }])[0].epi.total // => 1.7083
 */
export function deviationEpiOverTime(
  periods: readonly PeriodMeans[],
  parameters: readonly DeviationEpiOverTimeParameter[],
  settings?: DeviationEpiSettings,
): EpiPeriod<DeviationEpiResult>[] {
  return overTime(
    periods,
    parameters as readonly DeviationParameter[],
    (withMeans) => deviationEpi(withMeans, settings),
    (p, mean) => ({ ...p, measured: mean }),
  );
}

/**
 * The traffic-light EPI of each period, each parameter's mean scored on its scale; equal,
 * period by period, to trafficLightEpi on those means.
 * @equation EPI_t = Σ Wi·level_i(M̄_i,t), levels interpolated between the scale's anchors (0, 3, 8, 10)
 * @source PR. Adi Bungsu (Case B) Tabel 4–6; Riggs & Felix, Productivity by Objectives (1983), objective matrix; trafficLightEpi (src/engine/epi)
 * @param periods each period's key and mean of each parameter, by id
 * @param parameters the study's EPI parameters (weight, scale), each with the id its means are under
 * @param settings as trafficLightEpi (scoring, belowDetectionLimit, bands)
 * @throws GpError INVALID_INPUT, EMPTY or DUPLICATE for bad parameters or periods; NOT_FINITE for a mean that is not finite; as trafficLightEpi
 * @example trafficLightEpiOverTime([{ period: '2024-01', means: { cod: 100 } }], [{ id: 'cod', weight: 1, scale: { anchors: [{ level: 0, value: 400 }, { level: 3, value: 100 }, { level: 10, value: 0 }] } }])[0].epi.total // => 3
 */
export function trafficLightEpiOverTime(
  periods: readonly PeriodMeans[],
  parameters: readonly TrafficLightEpiOverTimeParameter[],
  settings?: TrafficLightEpiSettings,
): EpiPeriod<TrafficLightEpiResult>[] {
  return overTime(
    periods,
    parameters as readonly TrafficLightParameter[],
    (withMeans) => trafficLightEpi(withMeans, settings),
    (p, mean) => ({ ...p, measured: mean }),
  );
}

/**
 * The daily or monthly means of a monitoring result, as periods for the EPI over time (a
 * bucket without readings has no mean).
 * @equation M̄_i,t = Σ x / n over the readings of parameter i in period t
 * @source APO, Handbook on Green Productivity (2006), step 5: monitoring of the indicators set in planning
 * @param result a monitoring accumulator's result
 * @param unit 'day' or 'month'
 * @throws GpError INVALID_INPUT when unit is neither 'day' nor 'month' or result is not a monitoring result
 * @example monitoringPeriodMeans(accumulator.result(), 'month')[0] // => { period: '2024-01', means: { cod: 153.22 } }
 */
export function monitoringPeriodMeans(
  result: MonitoringResult,
  unit: 'day' | 'month',
): PeriodMeans[] {
  if (unit !== 'day' && unit !== 'month') {
    throw new GpError('INVALID_INPUT', 'unit', `must be 'day' or 'month', got ${String(unit)}`);
  }
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray((result as { parameters?: unknown }).parameters)
  ) {
    throw new GpError('INVALID_INPUT', 'result', 'must be a monitoring result');
  }
  const first = result.parameters[0];
  if (first === undefined) return [];
  const buckets = unit === 'day' ? first.daily : first.monthly;
  return buckets.map((bucket, k) => {
    const means: Record<string, number | undefined> = {};
    for (const p of result.parameters) {
      means[p.id] = (unit === 'day' ? p.daily : p.monthly)[k]?.mean;
    }
    return { period: bucket.key, means };
  });
}
