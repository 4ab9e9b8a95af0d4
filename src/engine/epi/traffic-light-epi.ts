/**
 * The Environmental Performance Indicator by the traffic-light (level) method: EPI = Σ Wi·level_i
 * with levels on 0–10, each parameter's term, share and band, and the band of the EPI. Levels
 * are computed from anchors, or given directly (Case B publishes levels, not anchors).
 */
import { GpError, path, withFieldPrefix } from '../errors.js';
import {
  divide,
  requireFiniteResult,
  requireInRange,
  requireName,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.js';
import { combineEstimateBounds, sumIntervals, weightedInterval } from './estimate-bound.js';
import {
  requireDetectionLimitPolicy,
  type DetectionLimitPolicy,
  type EpiBound,
  type EpiInterval,
  type LabMeasurement,
  type ResolvedLabMeasurement,
} from './lab-measurement.js';
import {
  checkTrafficLightBands,
  trafficLightBand,
  type TrafficLightBand,
  type TrafficLightBandThresholds,
} from './traffic-light-band.js';
import {
  requireTrafficLightScoring,
  trafficLightLevel,
  type TrafficLightScoring,
} from './traffic-light-level.js';
import type { TrafficLightDirection, TrafficLightScale } from './traffic-light-scale.js';

/** A parameter with its level given directly, or a measured value with a scale to score it on. */
export interface TrafficLightParameter {
  /** Reference used by options' removal efficiencies. */
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  /** Wi ≥ 0 (Case B: AHP weights summing to 1). */
  readonly weight: number;
  /** The level (0–10) when given directly, as Case B Tabel 4. */
  readonly level?: number | undefined;
  readonly measured?: LabMeasurement | undefined;
  readonly scale?: TrafficLightScale | undefined;
}

export interface TrafficLightEpiSettings {
  readonly scoring?: TrafficLightScoring | undefined;
  readonly belowDetectionLimit?: DetectionLimitPolicy | undefined;
  readonly bands?: TrafficLightBandThresholds | undefined;
}

export interface TrafficLightEpiTerm {
  readonly index: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly weight: number;
  /** Where the level came from. */
  readonly source: 'given' | 'measured';
  readonly level: number;
  readonly band: TrafficLightBand;
  /** Wi·level. */
  readonly term: number;
  /** term / total; undefined when the total is 0. */
  readonly share: number | undefined;
  readonly bound: EpiBound;
  readonly levelInterval: EpiInterval;
  readonly termInterval: EpiInterval;
  /** Only for measured parameters. */
  readonly measured: ResolvedLabMeasurement | undefined;
  readonly direction: TrafficLightDirection | undefined;
}

export interface TrafficLightEpiResult {
  readonly method: 'traffic-light';
  readonly terms: readonly TrafficLightEpiTerm[];
  /** EPI = Σ Wi·level_i, full precision. */
  readonly total: number;
  readonly weightSum: number;
  /** total / Σ Wi, on the 0–10 scale; equals the total when the weights sum to 1. */
  readonly meanLevel: number;
  /** The band of `meanLevel`. */
  readonly band: TrafficLightBand;
  readonly bound: EpiBound;
  readonly interval: EpiInterval;
  readonly scoring: TrafficLightScoring;
  readonly bands: TrafficLightBandThresholds;
  readonly belowDetectionLimit: DetectionLimitPolicy;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requireName(value, field);
}

function shareOf(term: number, total: number): number | undefined {
  if (total === 0) return undefined;
  const share = term / total;
  return Number.isFinite(share) ? share : undefined;
}

/**
 * The EPI by the traffic-light method, with each parameter's level, band, term Wi·level and share.
 * @equation EPI = Σ Wi·level_i; band of EPI / Σ Wi (red < 3 ≤ yellow < 8 ≤ green by default)
 * @source PR. Adi Bungsu (Case B) Tabel 4–6 (EPI 2.67, red); Riggs & Felix, Productivity by Objectives, Prentice-Hall 1983 (objective matrix)
 * @param parameters weight and either a level (0–10) or a measured value with a scale
 * @param settings scoring ('interpolated' or 'omax'), belowDetectionLimit, bands
 * @throws GpError EMPTY when `parameters` is empty; INVALID_INPUT when a parameter has both or neither of level and measured+scale
 * @throws GpError OUT_OF_RANGE when a weight is negative or a level outside [0, 10]; as `trafficLightLevel` (fields `parameters[i].scale…`)
 * @throws GpError UNDEFINED_RESULT when all weights are 0 (the EPI's band is then undefined)
 * @example trafficLightEpi([{ weight: 0.421, level: 1.76 }, { weight: 0.579, level: 5 }]).band // => 'yellow'
 */
export function trafficLightEpi(
  parameters: readonly TrafficLightParameter[],
  settings?: TrafficLightEpiSettings,
): TrafficLightEpiResult {
  if (
    settings !== undefined &&
    (typeof settings !== 'object' || settings === null || Array.isArray(settings))
  ) {
    throw new GpError('INVALID_INPUT', 'settings', 'must be an object of settings');
  }
  const scoring = requireTrafficLightScoring(settings?.scoring, 'settings.scoring');
  const policy = requireDetectionLimitPolicy(
    settings?.belowDetectionLimit,
    'settings.belowDetectionLimit',
  );
  const bands = withFieldPrefix('settings', () => checkTrafficLightBands(settings?.bands));
  const items = requireNonEmpty<unknown>(parameters, 'parameters');
  const partial = items.map((item, index) => {
    const at = path('parameters', index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object with weight and level or measured');
    }
    const p = item as Record<string, unknown>;
    const id = optionalText(p['id'], path(at, 'id'));
    const name = optionalText(p['name'], path(at, 'name'));
    const weight = requireNonNegative(p['weight'], path(at, 'weight'));
    const hasLevel = p['level'] !== undefined;
    const hasMeasured = p['measured'] !== undefined;
    const hasScale = p['scale'] !== undefined;
    if (hasLevel && (hasMeasured || hasScale)) {
      throw new GpError(
        'INVALID_INPUT',
        at,
        'give either a level or measured with a scale, not both',
      );
    }
    let level: number;
    let levelInterval: EpiInterval;
    let bound: EpiBound;
    let measured: ResolvedLabMeasurement | undefined;
    let direction: TrafficLightDirection | undefined;
    if (hasLevel) {
      level = requireInRange(p['level'], 0, 10, path(at, 'level'));
      levelInterval = { low: level, high: level };
      bound = 'exact';
    } else {
      if (!hasMeasured) {
        throw new GpError(
          'INVALID_INPUT',
          path(at, 'measured'),
          'needs a level or a measured value',
        );
      }
      if (!hasScale) {
        throw new GpError(
          'INVALID_INPUT',
          path(at, 'scale'),
          'needs a scale (anchors) to score measured',
        );
      }
      const scored = withFieldPrefix(at, () =>
        trafficLightLevel(p['measured'] as LabMeasurement, p['scale'] as TrafficLightScale, {
          scoring,
          belowDetectionLimit: policy,
        }),
      );
      level = scored.level;
      levelInterval = scored.interval;
      bound = scored.bound;
      measured = scored.measured;
      direction = scored.direction;
    }
    const term = requireFiniteResult(weight * level, at);
    return {
      index,
      id,
      name,
      weight,
      source: hasLevel ? ('given' as const) : ('measured' as const),
      level,
      band: trafficLightBand(level, bands),
      term,
      bound: weight === 0 ? ('exact' as const) : bound,
      levelInterval,
      termInterval: weightedInterval(weight, levelInterval, at),
      measured,
      direction,
    };
  });
  let total = 0;
  let weightSum = 0;
  for (const t of partial) {
    total += t.term;
    weightSum += t.weight;
  }
  requireFiniteResult(total, 'parameters');
  requireFiniteResult(weightSum, 'parameters');
  if (weightSum === 0) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'parameters',
      'the weights sum to 0, so the EPI has no band',
    );
  }
  const meanLevel = Math.min(Math.max(divide(total, weightSum, 'parameters'), 0), 10);
  const terms: TrafficLightEpiTerm[] = partial.map((t) => ({
    ...t,
    share: shareOf(t.term, total),
  }));
  return {
    method: 'traffic-light',
    terms,
    total,
    weightSum,
    meanLevel,
    band: trafficLightBand(meanLevel, bands),
    bound: combineEstimateBounds(terms.map((t) => t.bound)),
    interval: sumIntervals(
      terms.map((t) => t.termInterval),
      'parameters',
    ),
    scoring,
    bands,
    belowDetectionLimit: policy,
  };
}
