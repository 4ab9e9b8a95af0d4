/**
 * Carrying "< x" lab results through a score: the interval the score can take when the true
 * value lies anywhere the measurement allows, and whether the reported score is a bound.
 * Scores here are monotone or single-peaked in the measured value, so the extremes lie at the
 * interval's ends or at the peak.
 */
import { requireFiniteResult } from '../validate.js';
import type { EpiBound, EpiInterval } from './lab-measurement.js';

/** How a score moves with the measured value: monotone, or rising to a peak and falling after. */
export type ScoreShape = 'increasing' | 'decreasing' | { readonly peakAt: number };

/**
 * The interval a score takes when its argument ranges over [low, high] (high may be unbounded).
 * @equation decreasing: [f(high), f(low)]; increasing: [f(low), f(high)]; peak p: [min(f(low), f(high)), f(clamp(p, low, high))]; f(∞) = atInfinity or unbounded
 * @source interval extension of a monotone or unimodal function (Moore, Interval Analysis, Prentice-Hall 1966, ch. 3)
 * @param score the score as a function of the measured value
 * @param interval where the measured value can lie (`high` undefined: no upper end)
 * @param shape how the score moves with the measured value
 * @param atInfinity the score's limit as the value grows without bound; undefined when it has none (±∞)
 * @throws GpError only what `score` throws
 * @example scoreOverInterval((c) => (30 - c) / 30, { low: 0, high: 3 }, 'decreasing') // => { low: 0.9, high: 1 }
 */
export function scoreOverInterval(
  score: (value: number) => number,
  interval: { readonly low: number; readonly high?: number | undefined },
  shape: ScoreShape,
  atInfinity?: number,
): EpiInterval {
  const atLow = score(interval.low);
  const atHigh = interval.high === undefined ? atInfinity : score(interval.high);
  if (shape === 'decreasing') return { low: atHigh, high: atLow };
  if (shape === 'increasing') return { low: atLow, high: atHigh };
  const low = atHigh === undefined ? undefined : Math.min(atLow, atHigh);
  const peak = shape.peakAt;
  let high: number | undefined;
  if (peak <= interval.low) high = atLow;
  else if (interval.high === undefined || peak < interval.high) high = score(peak);
  else high = atHigh;
  return { low, high };
}

/**
 * Whether a reported score is exact, a lower bound, an upper bound or only an estimate.
 * @equation exact if low = high; atLeast if estimate ≤ low; atMost if estimate ≥ high; else estimate
 * @source interval bounds of a score computed from censored ("< x") lab results (Helsel, Statistics for Censored Environmental Data, 2nd ed., Wiley 2012, ch. 1)
 * @param estimate the reported score
 * @param interval where the true score can lie
 * @example estimateBoundOf(0.9856, { low: 0.9856, high: 1 }) // => 'atLeast'
 */
export function estimateBoundOf(estimate: number, interval: EpiInterval): EpiBound {
  const { low, high } = interval;
  if (low !== undefined && high !== undefined && low === high) return 'exact';
  if (low !== undefined && estimate <= low) return 'atLeast';
  if (high !== undefined && estimate >= high) return 'atMost';
  return 'estimate';
}

/**
 * The bound of a sum of terms: lower bounds add to a lower bound, upper bounds to an upper one.
 * @equation all exact → exact; only exact and atLeast → atLeast; only exact and atMost → atMost; else estimate
 * @source interval addition (Moore, Interval Analysis, Prentice-Hall 1966, ch. 2)
 * @param bounds the terms' bounds
 * @example combineEstimateBounds(['exact', 'atLeast', 'atLeast']) // => 'atLeast'
 */
export function combineEstimateBounds(bounds: readonly EpiBound[]): EpiBound {
  const kinds = new Set(bounds.filter((b) => b !== 'exact'));
  if (kinds.size === 0) return 'exact';
  if (kinds.size === 1) return [...kinds][0] as EpiBound;
  return 'estimate';
}

/**
 * The interval of a weighted term w·x from the interval of x, for a weight w ≥ 0.
 * @equation [w·low, w·high]; w = 0 gives [0, 0] even when x is unbounded
 * @source interval multiplication by a non-negative scalar (Moore, Interval Analysis, Prentice-Hall 1966, ch. 2)
 * @param weight a finite weight ≥ 0 (checked by the caller)
 * @param interval where x can lie
 * @param field the field to name on overflow
 * @throws GpError UNDEFINED_RESULT when a product overflows
 * @example weightedInterval(2, { low: 0.5, high: 1 }, 'weight') // => { low: 1, high: 2 }
 */
export function weightedInterval(
  weight: number,
  interval: EpiInterval,
  field: string,
): EpiInterval {
  if (weight === 0) return { low: 0, high: 0 };
  const times = (x: number | undefined) =>
    x === undefined ? undefined : requireFiniteResult(weight * x, field);
  return { low: times(interval.low), high: times(interval.high) };
}

/**
 * The interval of a sum from the intervals of its terms; an unbounded term leaves that end open.
 * @equation [Σ low_i, Σ high_i]
 * @source interval addition (Moore, Interval Analysis, Prentice-Hall 1966, ch. 2)
 * @param intervals the terms' intervals
 * @param field the field to name on overflow
 * @throws GpError UNDEFINED_RESULT when a sum overflows
 * @example sumIntervals([{ low: 1, high: 2 }, { low: 0.5, high: 0.5 }], 'parameters') // => { low: 1.5, high: 2.5 }
 */
export function sumIntervals(intervals: readonly EpiInterval[], field: string): EpiInterval {
  let low: number | undefined = 0;
  let high: number | undefined = 0;
  for (const interval of intervals) {
    low = low === undefined || interval.low === undefined ? undefined : low + interval.low;
    high = high === undefined || interval.high === undefined ? undefined : high + interval.high;
  }
  return {
    low: low === undefined ? undefined : requireFiniteResult(low, field),
    high: high === undefined ? undefined : requireFiniteResult(high, field),
  };
}
