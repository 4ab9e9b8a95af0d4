/**
 * Pollutant load: the mass of a pollutant discharged per hour (a rate) or per day (an amount),
 * from its concentration and the effluent flow. Units: the concentration in mg/L and the flow
 * in m³/h give g/h (1 mg/L = 1 g/m³), so ×0.001 gives kg/h; other units take another factor.
 */
import { GpError, path } from '../errors.js';
import {
  requireFinite,
  requireFiniteResult,
  requireNonNegative,
  requirePositive,
} from '../validate.js';

/** mg/L × m³/h × 0.001 = kg/h. */
export const DEFAULT_LOAD_UNIT_FACTOR = 0.001;

/** Flow units a SPARING logger or a flow meter reports. */
export type FlowUnit = 'm3/h' | 'm3/d' | 'L/s';

/** Limits on the load: a rate (per reading, kg/h) and a daily amount (kg/day). */
export interface MonitoringLoadLimit {
  readonly perHour?: number | undefined;
  readonly perDay?: number | undefined;
}

export interface CheckedLoadLimit {
  readonly perHour: number | undefined;
  readonly perDay: number | undefined;
}

/**
 * The factor that turns concentration (mg/L) × flow into a load rate in kg/h.
 * @equation m³/h: 10⁻³; m³/d: 10⁻³/24; L/s: 3600·10⁻⁶ = 0.0036 (1 mg/L = 1 g/m³)
 * @source SI unit conversion (BIPM, The International System of Units, 9th ed., 2019); load = concentration × flow as in PermenLH 5/2014's load limits
 * @param flowUnit the unit of the flow readings
 * @throws GpError INVALID_INPUT for an unknown unit (field `flowUnit`)
 * @example loadUnitFactor('L/s') // => 0.0036
 */
export function loadUnitFactor(flowUnit: FlowUnit): number {
  if (flowUnit === 'm3/h') return 0.001;
  if (flowUnit === 'm3/d') return 0.001 / 24;
  if (flowUnit === 'L/s') return 0.0036;
  throw new GpError(
    'INVALID_INPUT',
    'flowUnit',
    `must be 'm3/h', 'm3/d' or 'L/s', got ${typeof flowUnit === 'string' ? `"${flowUnit}"` : typeof flowUnit}`,
  );
}

/**
 * The load rate of one reading: concentration × flow × a unit factor (kg/h for mg/L and m³/h).
 * @equation load = c · Q · f; f = 0.001 for c in mg/L, Q in m³/h, load in kg/h
 * @source PermenLH 5/2014 (load limit = concentration limit × maximum wastewater volume ÷ 1000); SI units: 1 mg/L = 1 g/m³
 * @param concentration c, finite (mg/L)
 * @param flow Q ≥ 0 (m³/h)
 * @param unitFactor f > 0 (default 0.001)
 * @throws GpError NOT_FINITE for a non-finite input; OUT_OF_RANGE for a negative flow or a factor ≤ 0; UNDEFINED_RESULT on overflow
 * @example pollutantLoadRate(153.22, 50) // => 7.661 (kg/h)
 */
export function pollutantLoadRate(
  concentration: number,
  flow: number,
  unitFactor = DEFAULT_LOAD_UNIT_FACTOR,
): number {
  const c = requireFinite(concentration, 'concentration');
  const q = requireNonNegative(flow, 'flow');
  const f = requirePositive(unitFactor, 'unitFactor');
  return requireFiniteResult(c * q * f, 'concentration');
}

/**
 * Checks a load limit; fields are named under `loadLimit`.
 * @equation perHour > 0 (kg/h, each reading's rate); perDay > 0 (kg/day, the day's amount); at least one
 * @source PermenLH 5/2014 (beban pencemaran paling tinggi, the maximum pollution load); Lestari's per-hour and per-day forms
 * @param loadLimit the limit as given (may come from untyped JSON)
 * @throws GpError INVALID_INPUT when it is not an object or has neither limit; NOT_FINITE or OUT_OF_RANGE for a bad number (`loadLimit.perDay`)
 * @example checkLoadLimit({ perDay: 120 }) // => { perHour: undefined, perDay: 120 }
 */
export function checkLoadLimit(loadLimit: unknown): CheckedLoadLimit {
  if (typeof loadLimit !== 'object' || loadLimit === null || Array.isArray(loadLimit)) {
    throw new GpError('INVALID_INPUT', 'loadLimit', 'must be an object { perHour, perDay }');
  }
  const l = loadLimit as Record<string, unknown>;
  const perHour =
    l['perHour'] === undefined
      ? undefined
      : requirePositive(l['perHour'], path('loadLimit', 'perHour'));
  const perDay =
    l['perDay'] === undefined
      ? undefined
      : requirePositive(l['perDay'], path('loadLimit', 'perDay'));
  if (perHour === undefined && perDay === undefined) {
    throw new GpError('INVALID_INPUT', 'loadLimit', 'needs perHour, perDay or both');
  }
  return { perHour, perDay };
}
