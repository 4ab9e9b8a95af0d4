/**
 * The traffic-light colour of a level: red below the wastewater limit's level, yellow up to the
 * drinking-water limit's level, green above (Case B: red < 3 ≤ yellow < 8 ≤ green).
 */
import { GpError, path } from '../errors.js';
import { requireFinite, requireInRange } from '../validate.js';

export type TrafficLightBand = 'red' | 'yellow' | 'green';

/** Levels where yellow and green begin; defaults 3 and 8. */
export interface TrafficLightBandThresholds {
  readonly yellowFrom: number;
  readonly greenFrom: number;
}

export const DEFAULT_TRAFFIC_LIGHT_BANDS: TrafficLightBandThresholds = {
  yellowFrom: 3,
  greenFrom: 8,
};

/**
 * Checks band thresholds; undefined gives the defaults (yellow from 3, green from 8).
 * @equation 0 ≤ yellowFrom ≤ greenFrom ≤ 10
 * @source PR. Adi Bungsu (Case B) §3.2.1: red below level 3, yellow 3–8, green 8–10
 * @param bands the thresholds as given
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when a threshold is not in [0, 10] or yellowFrom > greenFrom (field `bands.yellowFrom`)
 * @example checkTrafficLightBands(undefined) // => { yellowFrom: 3, greenFrom: 8 }
 */
export function checkTrafficLightBands(
  bands: TrafficLightBandThresholds | undefined,
): TrafficLightBandThresholds {
  if (bands === undefined) return DEFAULT_TRAFFIC_LIGHT_BANDS;
  if (typeof bands !== 'object' || bands === null || Array.isArray(bands)) {
    throw new GpError('INVALID_INPUT', 'bands', 'must be an object { yellowFrom, greenFrom }');
  }
  const yellowFrom = requireInRange(bands.yellowFrom, 0, 10, path('bands', 'yellowFrom'));
  const greenFrom = requireInRange(bands.greenFrom, 0, 10, path('bands', 'greenFrom'));
  if (yellowFrom > greenFrom) {
    throw new GpError(
      'OUT_OF_RANGE',
      path('bands', 'yellowFrom'),
      `must be ≤ greenFrom (${greenFrom}), got ${yellowFrom}`,
    );
  }
  return { yellowFrom, greenFrom };
}

/**
 * The traffic-light band of a level.
 * @equation red if level < yellowFrom; yellow if level < greenFrom; else green
 * @source PR. Adi Bungsu (Case B) §3.2.1 and §3.2.2 (EPI 2.67 is red)
 * @param level a level on the 0–10 scale
 * @param bands thresholds (default yellow from 3, green from 8)
 * @throws GpError NOT_FINITE when `level` is not a finite number; as `checkTrafficLightBands` for `bands`
 * @example trafficLightBand(2.6665) // => 'red'
 */
export function trafficLightBand(
  level: number,
  bands?: TrafficLightBandThresholds,
): TrafficLightBand {
  const value = requireFinite(level, 'level');
  const checked = checkTrafficLightBands(bands);
  if (value < checked.yellowFrom) return 'red';
  if (value < checked.greenFrom) return 'yellow';
  return 'green';
}
