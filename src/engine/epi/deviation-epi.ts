/**
 * The Environmental Performance Indicator by the deviation method: EPI = Σ Wi·Pi over the
 * effluent parameters, with each parameter's term and share shown, and with "< x" lab results
 * carried through as bounds. Weights are used as given (they need not sum to 1: Case A uses
 * 4.1, 4.565 …).
 */
import { GpError, path, withFieldPrefix } from '../errors.js';
import type { NumberOrRange } from '../range.js';
import {
  requireFiniteResult,
  requireName,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.js';
import {
  checkDeviationStandard,
  performanceAgainst,
  type CheckedDeviationStandard,
  type DeviationLimitKind,
} from './deviation-performance.js';
import {
  combineEstimateBounds,
  estimateBoundOf,
  scoreOverInterval,
  sumIntervals,
  weightedInterval,
  type ScoreShape,
} from './estimate-bound.js';
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

export interface DeviationParameter {
  /** Reference used by options' removal efficiencies. */
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  /** Wi ≥ 0, as given (not normalised). */
  readonly weight: number;
  readonly measured: LabMeasurement;
  /** S for a one-sided limit, or `{ low, high }` for a range (pH 6–9). */
  readonly standard: NumberOrRange;
  /** 'upper' (default for a number), 'lower' (e.g. dissolved oxygen) or 'range'. */
  readonly limitKind?: DeviationLimitKind | undefined;
}

export interface DeviationEpiSettings {
  /** What "< x" results are computed with; default 'limit' (x itself, as Case C). */
  readonly belowDetectionLimit?: DetectionLimitPolicy | undefined;
}

export interface DeviationEpiTerm {
  readonly index: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly limitKind: DeviationLimitKind;
  readonly measured: ResolvedLabMeasurement;
  readonly weight: number;
  /** Pi, a fraction (0.4167 = 41.67 %). */
  readonly performance: number;
  /** Wi·Pi. */
  readonly term: number;
  /** term / total; undefined when the total is 0. Shares sum to 1 and may be negative or > 1. */
  readonly share: number | undefined;
  /** Whether `performance` and `term` are exact or bounds on the true ones. */
  readonly bound: EpiBound;
  /** Where the true Pi and term can lie, given "< x" / "> x" results. */
  readonly performanceInterval: EpiInterval;
  readonly termInterval: EpiInterval;
  /** Pi ≥ 0: the computed value meets the standard. */
  readonly compliant: boolean;
}

export interface DeviationEpiResult {
  readonly method: 'deviation';
  readonly terms: readonly DeviationEpiTerm[];
  /** EPI = Σ Wi·Pi, full precision. */
  readonly total: number;
  readonly weightSum: number;
  readonly bound: EpiBound;
  readonly interval: EpiInterval;
  readonly belowDetectionLimit: DetectionLimitPolicy;
}

/** How Pi moves with M; a range peaks where both sides score equal, the harmonic mean of lo and hi. */
function shapeOf(standard: CheckedDeviationStandard): ScoreShape {
  if (standard.kind === 'upper') return 'decreasing';
  if (standard.kind === 'lower') return 'increasing';
  return { peakAt: 2 / (1 / standard.low + 1 / standard.high) };
}

/** A term's share of the total; undefined when the total is 0 or the ratio overflows. */
function shareOf(term: number, total: number): number | undefined {
  if (total === 0) return undefined;
  const share = term / total;
  return Number.isFinite(share) ? share : undefined;
}

/** Reads an optional text field (id, name). */
function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requireName(value, field);
}

/** Checks that settings are an object (or absent). */
function requireSettingsObject(settings: unknown, field: string): Record<string, unknown> {
  if (settings === undefined) return {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new GpError('INVALID_INPUT', field, 'must be an object of settings');
  }
  return settings as Record<string, unknown>;
}

/**
 * The EPI by the deviation method, with each parameter's Pi, term Wi·Pi and share of the total.
 * @equation EPI = Σ Wi·Pi; Pi = (S − M)/S (upper), (M − S)/S (lower), min((hi − M)/hi, (M − lo)/lo) (range)
 * @source APO, Handbook on Green Productivity (2006), EPI; CV. ABC (Case A) Tabel II; PT ECCO Tannery (Case C) Tabel 6
 * @param parameters weight, measured value ("< x" allowed), standard and limit kind of each parameter
 * @param settings belowDetectionLimit: 'limit' (default), 'half' or 'zero'
 * @throws GpError EMPTY when `parameters` is empty; INVALID_INPUT when an item is not an object
 * @throws GpError OUT_OF_RANGE when a weight is negative (`parameters[i].weight`) or a standard ≤ 0 (`parameters[i].standard`)
 * @throws GpError NOT_FINITE when a number is missing or not finite; UNDEFINED_RESULT when a result overflows
 * @example deviationEpi([{ weight: 4.1, measured: 17.5, standard: 30 }]).total // => 1.7083 (BOD, Case A Tabel II)
 */
export function deviationEpi(
  parameters: readonly DeviationParameter[],
  settings?: DeviationEpiSettings,
): DeviationEpiResult {
  const options = requireSettingsObject(settings, 'settings');
  const policy = requireDetectionLimitPolicy(
    options['belowDetectionLimit'],
    'settings.belowDetectionLimit',
  );
  const items = requireNonEmpty<unknown>(parameters, 'parameters');
  const partial = items.map((item, index) => {
    const at = path('parameters', index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object with weight, measured, standard');
    }
    const p = item as Record<string, unknown>;
    const id = optionalText(p['id'], path(at, 'id'));
    const name = optionalText(p['name'], path(at, 'name'));
    const weight = requireNonNegative(p['weight'], path(at, 'weight'));
    const measuredInput = requireLabMeasurement(p['measured'], path(at, 'measured'));
    const standard = withFieldPrefix(at, () =>
      checkDeviationStandard(p['standard'] as NumberOrRange, p['limitKind'] as DeviationLimitKind),
    );
    const measured = resolveLabMeasurement(measuredInput, policy);
    const measuredField = path(at, 'measured');
    const score = (x: number) => performanceAgainst(x, standard, measuredField);
    const performance = score(measured.value);
    // Pi falls without bound as M grows past an upper limit or a range; it rises for a lower limit.
    const performanceInterval = scoreOverInterval(score, measured.interval, shapeOf(standard));
    const term = requireFiniteResult(weight * performance, at);
    const termInterval = weightedInterval(weight, performanceInterval, at);
    const bound = weight === 0 ? 'exact' : estimateBoundOf(performance, performanceInterval);
    return {
      index,
      id,
      name,
      limitKind: standard.kind,
      measured,
      weight,
      performance,
      term,
      bound,
      performanceInterval,
      termInterval,
      compliant: performance >= 0,
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
  const terms: DeviationEpiTerm[] = partial.map((t) => ({ ...t, share: shareOf(t.term, total) }));
  return {
    method: 'deviation',
    terms,
    total,
    weightSum,
    bound: combineEstimateBounds(terms.map((t) => t.bound)),
    interval: sumIntervals(
      terms.map((t) => t.termInterval),
      'parameters',
    ),
    belowDetectionLimit: policy,
  };
}
