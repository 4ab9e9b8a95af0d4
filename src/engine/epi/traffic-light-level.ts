/**
 * The level (0–10) a measured value reaches on a traffic-light / Objective Matrix scale:
 * interpolated linearly between anchors (Case B), or the whole level reached (classic OMAX).
 */
import { GpError } from '../errors.js';
import { requireFiniteResult } from '../validate.js';
import { estimateBoundOf, scoreOverInterval } from './estimate-bound.js';
import {
  requireDetectionLimitPolicy,
  requireLabMeasurement,
  resolveLabMeasurement,
  type DetectionLimitPolicy,
  type EpiBound,
  type EpiInterval,
  type LabMeasurement,
  type ResolvedLabMeasurement,
} from './lab-measurement.js';
import {
  checkTrafficLightScale,
  type CheckedTrafficLightScale,
  type TrafficLightAnchor,
  type TrafficLightDirection,
  type TrafficLightScale,
} from './traffic-light-scale.js';

/** 'interpolated': linear between anchors (Case B); 'omax': the whole level reached (Riggs). */
export type TrafficLightScoring = 'interpolated' | 'omax';

export interface TrafficLightLevelSettings {
  readonly scoring?: TrafficLightScoring | undefined;
  /** What "< x" results are computed with; default 'limit'. */
  readonly belowDetectionLimit?: DetectionLimitPolicy | undefined;
}

export interface TrafficLightLevelResult {
  /** 0–10. */
  readonly level: number;
  readonly scoring: TrafficLightScoring;
  readonly direction: TrafficLightDirection;
  readonly measured: ResolvedLabMeasurement;
  /** The number placed on the scale: the measured value, or its distance from the ideal. */
  readonly scoredValue: number;
  /** Whether `level` is exact or a bound on the level of the true value ("< x" results). */
  readonly bound: EpiBound;
  readonly interval: EpiInterval;
}

/**
 * Checks a traffic-light scoring setting; undefined gives 'interpolated'.
 * @equation scoring ∈ {interpolated, omax}; default interpolated
 * @source PR. Adi Bungsu (Case B) §3.2.1 (interpolated levels such as 1.76); Riggs & Felix, Productivity by Objectives, Prentice-Hall 1983 (whole levels)
 * @param scoring the setting as given
 * @param field the field name to report
 * @throws GpError INVALID_INPUT when the setting is not one of the two
 * @example requireTrafficLightScoring(undefined, 'settings.scoring') // => 'interpolated'
 */
export function requireTrafficLightScoring(scoring: unknown, field: string): TrafficLightScoring {
  if (scoring === undefined) return 'interpolated';
  if (scoring === 'interpolated' || scoring === 'omax') return scoring;
  throw new GpError(
    'INVALID_INPUT',
    field,
    `must be 'interpolated' or 'omax', got ${typeof scoring === 'string' ? `"${scoring}"` : typeof scoring}`,
  );
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Level on the straight line through anchors p and q (extrapolated outside them). */
function levelOnLine(x: number, p: TrafficLightAnchor, q: TrafficLightAnchor): number {
  return p.level + ((x - p.value) / (q.value - p.value)) * (q.level - p.level);
}

/** Value on the straight line through anchors p and q at a level. */
function valueOnLine(level: number, p: TrafficLightAnchor, q: TrafficLightAnchor): number {
  return p.value + ((level - p.level) / (q.level - p.level)) * (q.value - p.value);
}

function isBetter(direction: TrafficLightDirection, a: number, b: number): boolean {
  return direction === 'higherIsBetter' ? a > b : a < b;
}

/**
 * The interpolated level: exact at each anchor, linear between neighbours, the end segments
 * extended beyond the first and last anchors, then clamped to [0, 10]. Each segment's result
 * is kept within its two levels so that rounding cannot break monotonicity.
 */
function interpolatedLevel(x: number, scale: CheckedTrafficLightScale): number {
  const anchors = scale.anchors;
  for (const anchor of anchors) if (x === anchor.value) return anchor.level;
  const n = anchors.length;
  const first = anchors[0] as TrafficLightAnchor;
  const last = anchors[n - 1] as TrafficLightAnchor;
  if (isBetter(scale.direction, first.value, x)) {
    return clamp(levelOnLine(x, first, anchors[1] as TrafficLightAnchor), 0, first.level);
  }
  if (isBetter(scale.direction, x, last.value)) {
    return clamp(levelOnLine(x, anchors[n - 2] as TrafficLightAnchor, last), last.level, 10);
  }
  for (let k = 0; k < n - 1; k++) {
    const p = anchors[k] as TrafficLightAnchor;
    const q = anchors[k + 1] as TrafficLightAnchor;
    if (isBetter(scale.direction, q.value, x)) return clamp(levelOnLine(x, p, q), p.level, q.level);
  }
  return last.level; // unreachable: x lies between the first and last anchors
}

/** The value that reaches a level: the anchor's value at an anchor, linear between, extended outside. */
function valueAtLevel(level: number, scale: CheckedTrafficLightScale): number {
  const anchors = scale.anchors;
  for (const anchor of anchors) if (level === anchor.level) return anchor.value;
  const n = anchors.length;
  let k = 0;
  while (k < n - 2 && level > (anchors[k + 1] as TrafficLightAnchor).level) k++;
  return valueOnLine(level, anchors[k] as TrafficLightAnchor, anchors[k + 1] as TrafficLightAnchor);
}

/** OMAX: the highest whole level 0–10 whose value the measurement reaches; 0 when none. */
function wholeLevel(x: number, scale: CheckedTrafficLightScale): number {
  let reached = 0;
  for (let level = 0; level <= 10; level++) {
    const threshold = valueAtLevel(level, scale);
    const reaches = scale.direction === 'higherIsBetter' ? x >= threshold : x <= threshold;
    if (reaches) reached = level;
  }
  return reached;
}

/**
 * The value at each whole level 0–10 of a scale: the rows of an Objective Matrix.
 * @equation v_L = v_k + (L − L_k)/(L_k+1 − L_k)·(v_k+1 − v_k) on the anchor segment holding L (end segments extended); classic OMAX: step (v10 − v3)/7 above level 3, (v3 − v0)/3 below
 * @source Riggs & Felix, Productivity by Objectives, Prentice-Hall 1983 (objective matrix); PR. Adi Bungsu (Case B) §3.2.1 anchors
 * @param scale the anchors (and ideal, whose distances the values then are)
 * @throws GpError as `checkTrafficLightScale`; UNDEFINED_RESULT when an extended value overflows
 * @example trafficLightLevelValues({ anchors: [{ level: 0, value: 10 }, { level: 3, value: 7 }, { level: 10, value: 0 }] })[5] // => { level: 5, value: 5 }
 */
export function trafficLightLevelValues(scale: TrafficLightScale): readonly TrafficLightAnchor[] {
  const checked = checkTrafficLightScale(scale);
  const out: TrafficLightAnchor[] = [];
  for (let level = 0; level <= 10; level++) {
    out.push({ level, value: requireFiniteResult(valueAtLevel(level, checked), 'scale.anchors') });
  }
  return out;
}

/**
 * The traffic-light level (0–10) of a measured value on a scale of anchors.
 * @equation on the segment [v_k, v_k+1]: level = L_k + (M − v_k)/(v_k+1 − v_k)·(L_k+1 − L_k), clamped to [0, 10]; with an ideal, M is replaced by |M − ideal|; omax: the highest whole L with M at least as good as v_L
 * @source PR. Adi Bungsu (Case B) §3.2.1 and Tabel 4 (levels 0 worst, 3 wastewater limit, 8 drinking-water limit, 10 target); Riggs & Felix, Productivity by Objectives, Prentice-Hall 1983 (OMAX)
 * @param measured the lab result ("< x" allowed)
 * @param scale anchors and, for two-sided parameters, the ideal value
 * @param settings scoring ('interpolated' default, or 'omax') and belowDetectionLimit ('limit' default)
 * @throws GpError as `checkTrafficLightScale` (fields `scale…`) and `requireLabMeasurement` (field `measured`); INVALID_INPUT for unknown settings
 * @example trafficLightLevel(40, { anchors: [{ level: 0, value: 100 }, { level: 3, value: 50 }, { level: 8, value: 20 }, { level: 10, value: 0 }] }).level // => 4.6667
 */
export function trafficLightLevel(
  measured: LabMeasurement,
  scale: TrafficLightScale,
  settings?: TrafficLightLevelSettings,
): TrafficLightLevelResult {
  if (settings !== undefined && (typeof settings !== 'object' || settings === null)) {
    throw new GpError('INVALID_INPUT', 'settings', 'must be an object of settings');
  }
  const scoring = requireTrafficLightScoring(settings?.scoring, 'settings.scoring');
  const policy = requireDetectionLimitPolicy(
    settings?.belowDetectionLimit,
    'settings.belowDetectionLimit',
  );
  const input = requireLabMeasurement(measured, 'measured');
  const checked = checkTrafficLightScale(scale);
  const resolved = resolveLabMeasurement(input, policy);
  const ideal = checked.ideal;
  const place = (x: number) =>
    ideal === undefined ? x : requireFiniteResult(Math.abs(x - ideal), 'measured');
  const levelOf = (x: number) =>
    scoring === 'omax' ? wholeLevel(place(x), checked) : interpolatedLevel(place(x), checked);
  const scoredValue = place(resolved.value);
  const level = levelOf(resolved.value);
  // Far from the ideal, or far on the bad side, every scale ends at level 0; far on the good side at 10.
  const interval =
    ideal !== undefined
      ? scoreOverInterval(levelOf, resolved.interval, { peakAt: ideal }, 0)
      : checked.direction === 'lowerIsBetter'
        ? scoreOverInterval(levelOf, resolved.interval, 'decreasing', 0)
        : scoreOverInterval(levelOf, resolved.interval, 'increasing', 10);
  return {
    level,
    scoring,
    direction: checked.direction,
    measured: resolved,
    scoredValue,
    bound: estimateBoundOf(level, interval),
    interval,
  };
}
