/**
 * The settings of a monitoring stream (SPARING or any logger): the parameters with their
 * limits and load limits, the flow parameter, the local UTC offset, the expected reading
 * interval, the monitoring period and the alert rules, checked once before the first reading.
 */
import { GpError, path, withFieldPrefix } from '../errors.js';
import {
  requireInRange,
  requireInteger,
  requireName,
  requireNonEmpty,
  requirePositive,
  requireUniqueIds,
} from '../validate.js';
import { checkAlertRules, type CheckedAlertRule, type MonitoringAlertRule } from './alert-rules.js';
import {
  checkMonitoringLimit,
  type CheckedMonitoringLimit,
  type MonitoringLimit,
} from './monitoring-limit.js';
import {
  checkLoadLimit,
  DEFAULT_LOAD_UNIT_FACTOR,
  type CheckedLoadLimit,
  type MonitoringLoadLimit,
} from './pollutant-load.js';
import { MS_PER_DAY, requireEpochMs, requireUtcOffsetMinutes } from './time-bucket.js';

/**
 * The longest monitoring period (`period`) in local days: ten years and a leap day or two. (An
 * accumulator without a period covers any span: its tables grow in chunks of days.)
 */
export const MAX_MONITORING_DAYS = 3660;
/**
 * The longest span of readings one accumulator takes, in days (30 years): its results hold a
 * rollup for every hour and day of the span, so a date typed wrongly (2124 for 2024) is refused
 * rather than turned into a century of empty rollups.
 */
export const MAX_MONITORING_SPAN_DAYS = 10_958;
/** Episodes kept before further ones are only counted. */
export const DEFAULT_MAX_EVENTS = 10_000;

export interface MonitoringParameter {
  /** Unique id, e.g. 'cod'. */
  readonly id: string;
  readonly limit?: MonitoringLimit | undefined;
  /** Compute the load (concentration × flow); needs `flowParameter`. Implied by `loadLimit`. */
  readonly load?: boolean | undefined;
  readonly loadLimit?: MonitoringLoadLimit | undefined;
}

export interface MonitoringSettings {
  /** The columns of every reading, in order. */
  readonly parameters: readonly MonitoringParameter[];
  /** Id of the flow parameter (m³/h with the default unit factor) that loads are computed with. */
  readonly flowParameter?: string | undefined;
  /** Minutes east of UTC of the local day (WIB 420, WITA 480, WIT 540). */
  readonly utcOffsetMinutes: number;
  /** The logger's reading interval, 0.001 s to a year (SPARING: 120 s); enables completeness and run gaps. */
  readonly expectedIntervalSeconds?: number | undefined;
  /** Load rate = concentration × flow × factor; default 0.001 (mg/L × m³/h → kg/h). */
  readonly loadUnitFactor?: number | undefined;
  /** The monitoring period [startMs, endMs); by default the local days from the first reading to the last. */
  readonly period?: { readonly startMs: number; readonly endMs: number } | undefined;
  readonly alerts?: readonly MonitoringAlertRule[] | undefined;
  /**
   * Closed exceedance episodes kept for events (default 10 000); later ones are only counted
   * (`eventsDropped`). Each parameter's first and still-open run are always kept.
   */
  readonly maxEvents?: number | undefined;
}

export interface CheckedMonitoringParameter {
  readonly id: string;
  readonly limit: CheckedMonitoringLimit | undefined;
  readonly load: boolean;
  readonly loadLimit: CheckedLoadLimit | undefined;
}

export interface CheckedMonitoringSettings {
  readonly parameters: readonly CheckedMonitoringParameter[];
  /** Index of the flow parameter, or −1. */
  readonly flowIndex: number;
  readonly utcOffsetMinutes: number;
  readonly expectedIntervalSeconds: number | undefined;
  readonly loadUnitFactor: number;
  readonly period: { readonly startMs: number; readonly endMs: number } | undefined;
  readonly alerts: readonly CheckedAlertRule[];
  readonly maxEvents: number;
}

function requireBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new GpError('INVALID_INPUT', field, 'must be true or false');
}

function checkPeriod(value: unknown): CheckedMonitoringSettings['period'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GpError('INVALID_INPUT', 'period', 'must be an object { startMs, endMs }');
  }
  const p = value as Record<string, unknown>;
  const startMs = requireEpochMs(p['startMs'], 'period.startMs');
  const endMs = requireEpochMs(p['endMs'], 'period.endMs');
  if (!(endMs > startMs)) {
    throw new GpError(
      'OUT_OF_RANGE',
      'period.endMs',
      `must be after startMs (${startMs}), got ${endMs}`,
    );
  }
  if (endMs - startMs > (MAX_MONITORING_DAYS - 1) * MS_PER_DAY) {
    throw new GpError(
      'OUT_OF_RANGE',
      'period',
      `may span at most ${MAX_MONITORING_DAYS - 1} days; split longer records and merge their results`,
    );
  }
  return { startMs, endMs };
}

/**
 * Checks the settings of a monitoring stream and resolves the flow parameter and the alert
 * rules; fields are named as in the settings object (`parameters[1].limit.max`).
 * @equation parameters unique by id; limit min ≤ max; load rate = c·Q·f needs a flow parameter; period end > start, ≤ 3659 days
 * @source PermenLHK P.93/2018 (SPARING: pH, COD, TSS, NH3-N and flow every 2 minutes); PermenLH 5/2014 (limits, loads)
 * @param settings the settings as given (may come from untyped JSON)
 * @throws GpError INVALID_INPUT, EMPTY, DUPLICATE, NOT_FINITE or OUT_OF_RANGE naming the field
 * @throws GpError UNKNOWN_REFERENCE when flowParameter or an alert's parameter names no parameter
 * @example checkMonitoringSettings({ parameters: [{ id: 'cod', limit: { max: 100 } }], utcOffsetMinutes: 420 }).flowIndex // => -1
 */
export function checkMonitoringSettings(settings: unknown): CheckedMonitoringSettings {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new GpError(
      'INVALID_INPUT',
      '',
      'settings must be an object with parameters and utcOffsetMinutes',
    );
  }
  const s = settings as Record<string, unknown>;
  const items = requireNonEmpty<unknown>(s['parameters'], 'parameters');
  const raw = items.map((item, index) => {
    const at = path('parameters', index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object with an id');
    }
    const p = item as Record<string, unknown>;
    const id = requireName(p['id'], path(at, 'id'));
    const limit =
      p['limit'] === undefined
        ? undefined
        : withFieldPrefix(at, () => checkMonitoringLimit(p['limit']));
    const loadLimit =
      p['loadLimit'] === undefined
        ? undefined
        : withFieldPrefix(at, () => checkLoadLimit(p['loadLimit']));
    const load = requireBoolean(p['load'], path(at, 'load'));
    if (load === false && loadLimit !== undefined) {
      throw new GpError('INVALID_INPUT', path(at, 'load'), 'is false but a loadLimit is given');
    }
    return { id, limit, load: load === true || loadLimit !== undefined, loadLimit };
  });
  requireUniqueIds(raw, 'parameters');
  let flowIndex = -1;
  if (s['flowParameter'] !== undefined) {
    const flowId = requireName(s['flowParameter'], 'flowParameter');
    flowIndex = raw.findIndex((p) => p.id === flowId);
    if (flowIndex < 0) {
      throw new GpError(
        'UNKNOWN_REFERENCE',
        'flowParameter',
        `"${flowId}" is not a monitored parameter`,
      );
    }
    if ((raw[flowIndex] as CheckedMonitoringParameter).load) {
      throw new GpError(
        'INVALID_INPUT',
        path('parameters', flowIndex, 'load'),
        'the flow parameter carries no load of its own',
      );
    }
  }
  raw.forEach((p, i) => {
    if (p.load && flowIndex < 0) {
      throw new GpError(
        'INVALID_INPUT',
        path('parameters', i, p.loadLimit === undefined ? 'load' : 'loadLimit'),
        'a load needs flowParameter (concentration × flow)',
      );
    }
  });
  const utcOffsetMinutes = requireUtcOffsetMinutes(s['utcOffsetMinutes']);
  const expectedIntervalSeconds =
    s['expectedIntervalSeconds'] === undefined
      ? undefined
      : requireInRange(s['expectedIntervalSeconds'], 0.001, 31_622_400, 'expectedIntervalSeconds');
  const loadUnitFactor =
    s['loadUnitFactor'] === undefined
      ? DEFAULT_LOAD_UNIT_FACTOR
      : requirePositive(s['loadUnitFactor'], 'loadUnitFactor');
  const period = checkPeriod(s['period']);
  const alerts = checkAlertRules(
    s['alerts'],
    raw.map((p) => ({ id: p.id, hasLimit: p.limit !== undefined })),
    expectedIntervalSeconds !== undefined,
  );
  const maxEvents =
    s['maxEvents'] === undefined
      ? DEFAULT_MAX_EVENTS
      : requireInteger(s['maxEvents'], 'maxEvents', 0);
  return {
    parameters: raw,
    flowIndex,
    utcOffsetMinutes,
    expectedIntervalSeconds,
    loadUnitFactor,
    period,
    alerts,
    maxEvents,
  };
}
