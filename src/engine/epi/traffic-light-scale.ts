/**
 * The level scale of the traffic-light (Objective Matrix) EPI: anchors saying which measured
 * value reaches which level on 0–10. Case B's anchors are 0 = worst condition, 3 = wastewater
 * limit, 8 = drinking-water limit, 10 = target; the classic OMAX uses 0 = worst, 3 = standard,
 * 10 = target. Any strictly monotone list fits.
 */
import { GpError, path } from '../errors.js';
import { requireFinite, requireInRange, requireNonEmpty, requireNonNegative } from '../validate.js';

/** A measured value and the level (0–10) it scores. */
export interface TrafficLightAnchor {
  readonly level: number;
  readonly value: number;
}

/**
 * A parameter's level scale. Without `ideal`, anchor values are measured values. With `ideal`
 * (two-sided parameters such as pH), anchor values are distances |M − ideal| from the ideal,
 * in the parameter's unit, falling as the level rises (distance 0 is best), so the scale is
 * the same on both sides of the ideal.
 */
export interface TrafficLightScale {
  readonly anchors: readonly TrafficLightAnchor[];
  readonly ideal?: number | undefined;
}

/** Read from the anchors: values falling as levels rise mean lower is better. */
export type TrafficLightDirection = 'lowerIsBetter' | 'higherIsBetter';

export interface CheckedTrafficLightScale {
  /** Sorted by level, lowest first. */
  readonly anchors: readonly TrafficLightAnchor[];
  readonly direction: TrafficLightDirection;
  readonly ideal: number | undefined;
}

/**
 * Checks a traffic-light scale and reads its direction from the anchors.
 * @equation levels in [0, 10], distinct; values strictly monotone in level: falling → lowerIsBetter, rising → higherIsBetter
 * @source PR. Adi Bungsu (Case B) §3.2.1 (levels 0, 3, 8, 10); Riggs & Felix, Productivity by Objectives, Prentice-Hall 1983 (objective matrix levels 0–10)
 * @param scale anchors (at least 2, any order) and, for two-sided parameters, the ideal value
 * @throws GpError EMPTY when there are fewer than 2 anchors (field `scale.anchors`)
 * @throws GpError OUT_OF_RANGE when a level is outside [0, 10] or, with an ideal, a distance is negative
 * @throws GpError DUPLICATE when two anchors share a level; INVALID_INPUT when the values are not strictly monotone in the level (field `scale.anchors[k].value`), or rise with the level when an ideal is given
 * @example checkTrafficLightScale({ anchors: [{ level: 0, value: 100 }, { level: 3, value: 50 }, { level: 10, value: 5 }] }).direction // => 'lowerIsBetter'
 */
export function checkTrafficLightScale(scale: TrafficLightScale): CheckedTrafficLightScale {
  if (typeof scale !== 'object' || scale === null || Array.isArray(scale)) {
    throw new GpError('INVALID_INPUT', 'scale', 'must be an object with anchors');
  }
  const ideal =
    scale.ideal === undefined ? undefined : requireFinite(scale.ideal, path('scale', 'ideal'));
  const raw = requireNonEmpty<unknown>(scale.anchors, path('scale', 'anchors'), 2);
  const anchors = raw.map((anchor, k) => {
    const at = path('scale', 'anchors', k);
    if (typeof anchor !== 'object' || anchor === null || Array.isArray(anchor)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object { level, value }');
    }
    const a = anchor as { level?: unknown; value?: unknown };
    const level = requireInRange(a.level, 0, 10, path(at, 'level'));
    const value =
      ideal === undefined
        ? requireFinite(a.value, path(at, 'value'))
        : requireNonNegative(a.value, path(at, 'value'));
    return { level, value, index: k };
  });
  const sorted = [...anchors].sort((a, b) => a.level - b.level || a.index - b.index);
  let rising: boolean | undefined;
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1] as (typeof sorted)[number];
    const current = sorted[k] as (typeof sorted)[number];
    const at = path('scale', 'anchors', current.index);
    if (current.level === previous.level) {
      throw new GpError(
        'DUPLICATE',
        path(at, 'level'),
        `level ${current.level} is already given by anchors[${previous.index}]`,
      );
    }
    const step = current.value - previous.value;
    if (!Number.isFinite(step)) {
      throw new GpError('UNDEFINED_RESULT', path(at, 'value'), 'anchor values are too far apart');
    }
    const thisRising = step > 0;
    if (step === 0 || (rising !== undefined && rising !== thisRising)) {
      throw new GpError(
        'INVALID_INPUT',
        path(at, 'value'),
        `anchor values must rise or fall strictly with the level; ${current.value} at level ${current.level} after ${previous.value} at level ${previous.level}`,
      );
    }
    rising = thisRising;
  }
  const direction: TrafficLightDirection = rising === true ? 'higherIsBetter' : 'lowerIsBetter';
  if (ideal !== undefined && direction !== 'lowerIsBetter') {
    throw new GpError(
      'INVALID_INPUT',
      path('scale', 'anchors'),
      'with an ideal value the anchor values are distances from it and must fall as the level rises',
    );
  }
  return {
    anchors: sorted.map(({ level, value }) => ({ level, value })),
    direction,
    ideal,
  };
}
