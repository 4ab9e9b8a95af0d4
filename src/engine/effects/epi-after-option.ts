/**
 * The estimated EPI after a GP option: the effluent after the option's removal efficiencies,
 * scored by the same method and settings as before, and the change (Case A Tabel IV).
 */
import {
  deviationEpi,
  trafficLightEpi,
  type DeviationEpiResult,
  type DeviationEpiSettings,
  type DeviationParameter,
  type LabMeasurement,
  type TrafficLightEpiResult,
  type TrafficLightEpiSettings,
  type TrafficLightParameter,
} from '../epi/index.js';
import { requireFinite, requireFiniteResult } from '../validate.js';
import {
  concentrationsAfterRemoval,
  type ConcentrationAfterRemoval,
  type RemovalEfficiencies,
  type RemovalSettings,
} from './concentration-after-removal.js';

export interface EpiChange {
  /** after − before (an increase is an improvement for both methods). */
  readonly absolute: number;
  /** (after − before) / |before|; undefined when before is 0 or the ratio overflows. */
  readonly relative: number | undefined;
}

export interface DeviationEpiAfterOption {
  readonly method: 'deviation';
  readonly concentrations: readonly ConcentrationAfterRemoval[];
  readonly before: DeviationEpiResult;
  readonly after: DeviationEpiResult;
  readonly change: EpiChange;
  /** after.terms[i].term − before.terms[i].term: where the improvement comes from. */
  readonly termChanges: readonly number[];
}

export interface TrafficLightEpiAfterOption {
  readonly method: 'traffic-light';
  readonly concentrations: readonly ConcentrationAfterRemoval[];
  readonly before: TrafficLightEpiResult;
  readonly after: TrafficLightEpiResult;
  readonly change: EpiChange;
  readonly termChanges: readonly number[];
}

/**
 * The change of an EPI, absolute and relative to the magnitude of the value before.
 * @equation Δ = after − before; relative = Δ / |before|
 * @source CV. ABC (Case A) §G: EPI increase after alternative 2 (1.3315 → 15.2419, +13.9104)
 * @param before the EPI before the option
 * @param after the estimated EPI after it
 * @throws GpError NOT_FINITE when an input is not a finite number; UNDEFINED_RESULT when Δ overflows
 * @example epiChange(1.3315, 15.2419) // => { absolute: 13.9104, relative: 10.447 }
 */
export function epiChange(before: number, after: number): EpiChange {
  const b = requireFinite(before, 'before');
  const a = requireFinite(after, 'after');
  const absolute = requireFiniteResult(a - b, 'after');
  const relative = b === 0 ? undefined : absolute / Math.abs(b);
  return {
    absolute,
    relative: relative !== undefined && Number.isFinite(relative) ? relative : undefined,
  };
}

function termChangesOf(
  before: readonly { readonly term: number }[],
  after: readonly { readonly term: number }[],
): readonly number[] {
  return before.map((t, i) => requireFiniteResult((after[i]?.term ?? t.term) - t.term, 'removal'));
}

/**
 * The deviation EPI before and after an option's removal efficiencies, and its change.
 * @equation M_after,i = M_i·(1 − r_i); EPI_after = Σ Wi·Pi(M_after,i); Δ = EPI_after − EPI_before
 * @source CV. ABC (Case A) Tabel II and Tabel IV (DAF: BOD 80 %, COD 80 %, TSS 70 %, oil & grease 98 %)
 * @param parameters the deviation parameters (each treated one needs an `id`)
 * @param removal removal efficiency per parameter id, 0–1 or a range
 * @param settings the EPI settings (belowDetectionLimit) and removalPoint for ranges (default 'low')
 * @throws GpError as `deviationEpi` and `concentrationsAfterRemoval`
 * @example deviationEpiAfterOption([{ id: 'og', weight: 4.565, measured: 12, standard: 10 }], { og: 0.98 }).after.total // => 4.4554
 */
export function deviationEpiAfterOption(
  parameters: readonly DeviationParameter[],
  removal: RemovalEfficiencies,
  settings?: DeviationEpiSettings & RemovalSettings,
): DeviationEpiAfterOption {
  const before = deviationEpi(parameters, settings);
  const concentrations = concentrationsAfterRemoval(parameters, removal, settings);
  const after = deviationEpi(
    parameters.map((p, i) => ({ ...p, measured: concentrations[i]?.after ?? p.measured })),
    settings,
  );
  return {
    method: 'deviation',
    concentrations,
    before,
    after,
    change: epiChange(before.total, after.total),
    termChanges: termChangesOf(before.terms, after.terms),
  };
}

/**
 * The traffic-light EPI before and after an option's removal efficiencies, and its change.
 * @equation M_after,i = M_i·(1 − r_i); EPI_after = Σ Wi·level_i(M_after,i); Δ = EPI_after − EPI_before
 * @source PR. Adi Bungsu (Case B) traffic-light EPI; CV. ABC (Case A) Tabel IV for the removal estimate
 * @param parameters the traffic-light parameters (a treated one needs an `id`, a measured value and a scale)
 * @param removal removal efficiency per parameter id, 0–1 or a range
 * @param settings the EPI settings (scoring, belowDetectionLimit, bands) and removalPoint
 * @throws GpError as `trafficLightEpi` and `concentrationsAfterRemoval`; INVALID_INPUT when a removal names a parameter whose level is given directly, with no measured value (field `removal.<id>`)
 * @example trafficLightEpiAfterOption([{ id: 'bod', weight: 1, measured: 60, scale: { anchors: [{ level: 0, value: 100 }, { level: 3, value: 50 }, { level: 10, value: 0 }] } }], { bod: 0.5 }).after.total // => 5.8
 */
export function trafficLightEpiAfterOption(
  parameters: readonly TrafficLightParameter[],
  removal: RemovalEfficiencies,
  settings?: TrafficLightEpiSettings & RemovalSettings,
): TrafficLightEpiAfterOption {
  const before = trafficLightEpi(parameters, settings);
  const concentrations = concentrationsAfterRemoval(parameters, removal, settings);
  const after = trafficLightEpi(
    parameters.map((p, i) => {
      const c = concentrations[i];
      return c?.removal === undefined ? p : { ...p, measured: c.after as LabMeasurement };
    }),
    settings,
  );
  return {
    method: 'traffic-light',
    concentrations,
    before,
    after,
    change: epiChange(before.total, after.total),
    termChanges: termChangesOf(before.terms, after.terms),
  };
}
