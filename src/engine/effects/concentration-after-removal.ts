/**
 * The effluent after a GP option: each parameter's concentration reduced by the option's removal
 * efficiency, c·(1 − r). Parameters the option does not treat stay as they are (Case A keeps
 * pH 7.65). A "< x" result stays a "< x·(1 − r)" result.
 */
import { GpError, path } from '../errors.js';
import { requireLabMeasurement, type LabMeasurement } from '../epi/index.js';
import { pointOf, requireNumberOrRange, type NumberOrRange, type RangePoint } from '../range.js';
import { requireInRange, requireName, requireNonEmpty, requireNonNegative } from '../validate.js';

/** Removal efficiency (0–1, or a literature range such as 0.8–0.9) per parameter id. */
export type RemovalEfficiencies = Readonly<Record<string, NumberOrRange>>;

export interface RemovalSettings {
  /** The point of a removal range used: 'low' (default, as Case A takes 80 % of 80–90 %), 'mid' or 'high'. */
  readonly removalPoint?: RangePoint | undefined;
}

/** A parameter as the removal sees it: an id to match and, when treated, a measured value. */
export interface RemovalTarget {
  readonly id?: string | undefined;
  readonly measured?: LabMeasurement | undefined;
}

export interface ConcentrationAfterRemoval {
  readonly index: number;
  readonly id: string | undefined;
  readonly before: LabMeasurement | undefined;
  /** The removal efficiency used (0–1); undefined when the option does not treat this parameter. */
  readonly removal: number | undefined;
  readonly after: LabMeasurement | undefined;
}

/**
 * A concentration after a removal efficiency r; a "< x" or "> x" result keeps its qualifier.
 * @equation c_after = c·(1 − r), 0 ≤ r ≤ 1
 * @source CV. ABC (Case A) Tabel IV: DAF removals BOD 80 %, COD 80 %, TSS 70 %, oil & grease 98 % (17.5 → 3.5 …)
 * @param measured the concentration before (≥ 0)
 * @param removal the removal efficiency as a fraction
 * @throws GpError OUT_OF_RANGE when the concentration is negative (field `measured`) or r is outside [0, 1] (field `removal`)
 * @example concentrationAfterRemoval(61.4, 0.8) // => 12.28
 */
export function concentrationAfterRemoval(
  measured: LabMeasurement,
  removal: number,
): LabMeasurement {
  const checked = requireLabMeasurement(measured, 'measured');
  const r = requireInRange(removal, 0, 1, 'removal');
  if (typeof checked === 'number') {
    return requireNonNegative(checked, 'measured') * (1 - r);
  }
  const value = requireNonNegative(checked.value, path('measured', 'value')) * (1 - r);
  return checked.qualifier === undefined ? { value } : { value, qualifier: checked.qualifier };
}

function requireRemovalRange(value: unknown, field: string): NumberOrRange {
  const checked = requireNumberOrRange(value, field);
  if (typeof checked === 'number') return requireInRange(checked, 0, 1, field);
  return {
    low: requireInRange(checked.low, 0, 1, path(field, 'low')),
    high: requireInRange(checked.high, 0, 1, path(field, 'high')),
  };
}

function requireRemovalPoint(point: unknown, field: string): RangePoint {
  if (point === undefined) return 'low';
  if (point === 'low' || point === 'mid' || point === 'high') return point;
  throw new GpError(
    'INVALID_INPUT',
    field,
    `must be 'low', 'mid' or 'high', got ${typeof point === 'string' ? `"${point}"` : typeof point}`,
  );
}

/**
 * The concentrations of a list of parameters after an option's removal efficiencies, matched by id.
 * @equation c_after,i = c_i·(1 − r_i) where the option gives r_i, else c_i
 * @source CV. ABC (Case A) Tabel IV (estimated effluent after DAF)
 * @param parameters each with an `id` (to match) and a `measured` value
 * @param removal removal efficiency per parameter id (a fraction or a range `{ low, high }`)
 * @param settings removalPoint: which point of a range is used (default 'low')
 * @throws GpError EMPTY when `parameters` is empty; DUPLICATE when two parameters share an id
 * @throws GpError UNKNOWN_REFERENCE when a removal names no parameter (field `removal.<id>`); OUT_OF_RANGE when r is outside [0, 1]
 * @throws GpError INVALID_INPUT when a treated parameter has no measured value; OUT_OF_RANGE when it is negative (`parameters[i].measured`)
 * @example concentrationsAfterRemoval([{ id: 'bod', measured: 17.5 }, { id: 'ph', measured: 7.65 }], { bod: 0.8 }).map((c) => c.after) // => [3.5, 7.65]
 */
export function concentrationsAfterRemoval(
  parameters: readonly RemovalTarget[],
  removal: RemovalEfficiencies,
  settings?: RemovalSettings,
): readonly ConcentrationAfterRemoval[] {
  if (
    settings !== undefined &&
    (typeof settings !== 'object' || settings === null || Array.isArray(settings))
  ) {
    throw new GpError('INVALID_INPUT', 'settings', 'must be an object of settings');
  }
  const point = requireRemovalPoint(settings?.removalPoint, 'settings.removalPoint');
  const items = requireNonEmpty<unknown>(parameters, 'parameters');
  if (typeof removal !== 'object' || removal === null || Array.isArray(removal)) {
    throw new GpError(
      'INVALID_INPUT',
      'removal',
      'must be an object of removal efficiencies by parameter id',
    );
  }
  const indexById = new Map<string, number>();
  const targets = items.map((item, index) => {
    const at = path('parameters', index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object with id and measured');
    }
    const p = item as { id?: unknown; measured?: unknown };
    const id = p.id === undefined ? undefined : requireName(p.id, path(at, 'id'));
    if (id !== undefined) {
      const previous = indexById.get(id);
      if (previous !== undefined) {
        throw new GpError(
          'DUPLICATE',
          path(at, 'id'),
          `id '${id}' is already used by parameters[${previous}]`,
        );
      }
      indexById.set(id, index);
    }
    const measured =
      p.measured === undefined
        ? undefined
        : requireLabMeasurement(p.measured, path(at, 'measured'));
    return { id, measured };
  });
  const removalByIndex = new Map<number, number>();
  for (const [key, value] of Object.entries(removal)) {
    const field = path('removal', key);
    const index = indexById.get(key);
    if (index === undefined) {
      throw new GpError('UNKNOWN_REFERENCE', field, `no parameter has the id '${key}'`);
    }
    removalByIndex.set(index, pointOf(requireRemovalRange(value, field), point));
  }
  return targets.map((target, index) => {
    const r = removalByIndex.get(index);
    if (r === undefined) {
      return {
        index,
        id: target.id,
        before: target.measured,
        removal: undefined,
        after: target.measured,
      };
    }
    if (target.measured === undefined) {
      throw new GpError(
        'INVALID_INPUT',
        path('removal', target.id ?? ''),
        `parameter '${target.id ?? ''}' has no measured value to remove from`,
      );
    }
    const measuredAt = path('parameters', index, 'measured');
    const after = withMeasuredField(measuredAt, () =>
      concentrationAfterRemoval(target.measured as LabMeasurement, r),
    );
    return { index, id: target.id, before: target.measured, removal: r, after };
  });
}

/** Renames the `measured` field of an error from `concentrationAfterRemoval` to the list's path. */
function withMeasuredField<T>(measuredAt: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && error.field.startsWith('measured')) {
      throw new GpError(
        error.code,
        measuredAt + error.field.slice('measured'.length),
        error.detail,
      );
    }
    throw error;
  }
}
