/**
 * Alert rules for continuous monitoring and the events they raise: an exceedance episode (a
 * run of consecutive readings beyond the limit), a run of at least N such readings, and a day
 * whose data completeness falls below a threshold (a SPARING logger offline).
 */
import { GpError, path } from '../errors.js';
import { requireFinite, requireInteger, requireName, requireNonEmpty } from '../validate.js';

/**
 * 'exceedance': every episode of consecutive exceedances; 'run': episodes of at least
 * `minReadings` readings; 'completeness': days whose completeness share is below `below`.
 * Without `parameter` a rule applies to every parameter it can (with a limit, for the first two).
 */
export type MonitoringAlertRule =
  | { readonly kind: 'exceedance'; readonly parameter?: string | undefined }
  | { readonly kind: 'run'; readonly parameter?: string | undefined; readonly minReadings: number }
  | {
      readonly kind: 'completeness';
      readonly parameter?: string | undefined;
      /** A share in (0, 1]: 0.9 raises an event for a day with less than 90 % of its readings. */
      readonly below: number;
    };

export type MonitoringAlertKind = MonitoringAlertRule['kind'];

/** A rule checked against the parameters: which it applies to, and its threshold. */
export interface CheckedAlertRule {
  /** Position in the `alerts` list; events name it. */
  readonly index: number;
  readonly kind: MonitoringAlertKind;
  /** Indices of the parameters the rule applies to. */
  readonly parameters: readonly number[];
  /** Shortest episode that raises an event: 1 for 'exceedance', N for 'run', 0 for 'completeness'. */
  readonly minReadings: number;
  /** The completeness threshold; 0 for the other kinds. */
  readonly below: number;
}

/** What an alert rule found. */
export interface MonitoringEvent {
  /** Index of the rule in `alerts`. */
  readonly rule: number;
  readonly kind: MonitoringAlertKind;
  readonly parameter: string;
  /** Episode: time of its first exceeding reading; completeness: the day's start (epoch ms). */
  readonly startMs: number;
  /** Episode: time of its last exceeding reading; completeness: the next day's start. */
  readonly endMs: number;
  /** Episode: the reading farthest beyond the limit; completeness: the day's share (0–1). */
  readonly value: number;
  /** Episode: its number of readings; completeness: readings present that day. */
  readonly readings: number;
}

/** What the rule checker needs to know of a parameter. */
export interface AlertRuleParameter {
  readonly id: string;
  readonly hasLimit: boolean;
}

/**
 * Checks alert rules against the monitored parameters and resolves which parameters each
 * applies to; fields are named under `alerts`.
 * @equation exceedance: episodes with n ≥ 1; run: n ≥ N (N whole ≥ 1); completeness: share < below, 0 < below ≤ 1
 * @source PermenLHK P.93/2018 (SPARING: a reading every 2 minutes); EHS suites' notifications and deviation records when limits are exceeded (Lestari methods notes)
 * @param rules the rules as given (undefined: none)
 * @param parameters the monitored parameters' ids and whether each has a limit
 * @param hasExpectedInterval whether an expected reading interval is set (completeness needs it)
 * @throws GpError INVALID_INPUT for an unknown kind, a rule on a parameter without a limit, or completeness without an interval
 * @throws GpError UNKNOWN_REFERENCE for an unknown parameter (`alerts[i].parameter`); OUT_OF_RANGE for a bad minReadings or below
 * @example checkAlertRules([{ kind: 'run', minReadings: 3 }], [{ id: 'cod', hasLimit: true }], false)[0].minReadings // => 3
 */
export function checkAlertRules(
  rules: unknown,
  parameters: readonly AlertRuleParameter[],
  hasExpectedInterval: boolean,
): readonly CheckedAlertRule[] {
  if (rules === undefined) return [];
  const items = requireNonEmpty<unknown>(rules, 'alerts', 0);
  return items.map((item, index) => {
    const at = path('alerts', index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object with a kind');
    }
    const r = item as Record<string, unknown>;
    const kind = r['kind'];
    if (kind !== 'exceedance' && kind !== 'run' && kind !== 'completeness') {
      throw new GpError(
        'INVALID_INPUT',
        path(at, 'kind'),
        `must be 'exceedance', 'run' or 'completeness', got ${typeof kind === 'string' ? `"${kind}"` : typeof kind}`,
      );
    }
    const needsLimit = kind !== 'completeness';
    let targets: number[];
    if (r['parameter'] === undefined) {
      targets = parameters.flatMap((p, i) => (!needsLimit || p.hasLimit ? [i] : []));
      if (targets.length === 0) {
        throw new GpError('INVALID_INPUT', at, 'no monitored parameter has a limit to check');
      }
    } else {
      const id = requireName(r['parameter'], path(at, 'parameter'));
      const found = parameters.findIndex((p) => p.id === id);
      if (found < 0) {
        throw new GpError(
          'UNKNOWN_REFERENCE',
          path(at, 'parameter'),
          `"${id}" is not a monitored parameter`,
        );
      }
      if (needsLimit && !(parameters[found] as AlertRuleParameter).hasLimit) {
        throw new GpError('INVALID_INPUT', path(at, 'parameter'), `"${id}" has no limit to check`);
      }
      targets = [found];
    }
    if (kind === 'completeness') {
      if (!hasExpectedInterval) {
        throw new GpError('INVALID_INPUT', at, 'a completeness rule needs expectedIntervalSeconds');
      }
      const below = requireFinite(r['below'], path(at, 'below'));
      if (!(below > 0 && below <= 1)) {
        throw new GpError('OUT_OF_RANGE', path(at, 'below'), `must be > 0 and ≤ 1, got ${below}`);
      }
      return { index, kind, parameters: targets, minReadings: 0, below };
    }
    const minReadings =
      kind === 'run' ? requireInteger(r['minReadings'], path(at, 'minReadings'), 1) : 1;
    return { index, kind, parameters: targets, minReadings, below: 0 };
  });
}
