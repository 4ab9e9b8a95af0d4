/**
 * APO sieve method: GP options are screened against cutoffs on critical criteria (cost, time,
 * human resources …); an option that fails any cutoff is eliminated. Every failed criterion is
 * reported, not only the first, so the team sees all the reasons an option fell.
 *
 * Boundary rule: a value EQUAL to a cutoff is kept. A maximum cutoff eliminates values that
 * exceed it (strictly greater), a minimum cutoff values strictly below it. Case B states its
 * cutoffs as "> 50 juta", "> 6 bulan", "> 12 bulan" (eliminate when greater), and its Tabel 8
 * option 1 (12 months against "> 12 months") is eliminated for cost alone.
 * Ranges ("6–12 months") are judged by their worst end: the upper end against a maximum,
 * the lower end against a minimum.
 */
import { GpError, path } from '../errors.js';
import type { NumberOrRange } from '../range.js';
import { bounds, requireNumberOrRange } from '../range.js';
import {
  requireFinite,
  requireName,
  requireNonEmpty,
  requireObject,
  requireUniqueIds,
} from '../validate.js';

/** max: eliminated when the value exceeds the cutoff; min: when below it; required: when no. */
export type SieveCriterionKind = 'max' | 'min' | 'required';

export interface SieveCriterion {
  readonly id: string;
  readonly name?: string;
  readonly kind: SieveCriterionKind;
  /** The cutoff for 'max' and 'min'; none for 'required'. */
  readonly cutoff?: number;
}

export interface SieveOption {
  readonly id: string;
  readonly name?: string;
  /** A value for every criterion, by criterion id: number or range for max/min, yes/no for required. */
  readonly values: Readonly<Record<string, NumberOrRange | boolean>>;
}

/** One criterion an option failed. */
export type SieveReason =
  | {
      readonly criterion: string;
      readonly kind: 'max' | 'min';
      readonly value: NumberOrRange;
      readonly cutoff: number;
      /** The end of the value compared: the upper end for a maximum, the lower for a minimum. */
      readonly compared: number;
    }
  | {
      readonly criterion: string;
      readonly kind: 'required';
      readonly value: false;
    };

export interface SieveOptionResult {
  readonly option: string;
  readonly kept: boolean;
  /** Every criterion the option failed, in criteria order; empty when kept. */
  readonly reasons: readonly SieveReason[];
}

export interface SieveResult {
  /** One result per option, in input order. */
  readonly options: readonly SieveOptionResult[];
  /** Ids of the options kept, in input order. */
  readonly kept: readonly string[];
  /** Ids of the options eliminated, in input order. */
  readonly eliminated: readonly string[];
}

/**
 * Screens GP options with the APO sieve method: an option is eliminated when any value passes
 * its cutoff (a range by its worst end; a value equal to the cutoff is kept) or a required
 * yes/no criterion is no. Every failed criterion is listed with its value and cutoff.
 * @equation eliminated ⇔ ∃ max criterion: high(v) > cutoff, or min criterion: low(v) < cutoff, or required criterion: v = no
 * @source APO (2001) Concept of Green Productivity, Tokyo (sieve method), as applied by Indriati, Rahman & Tantrika, PR. Adi Bungsu study (Case B), Tabel 7–8
 * @param criteria the cutoffs: id, kind ('max' | 'min' | 'required') and cutoff for max/min
 * @param options the GP options: id and a value per criterion id (extra values are ignored)
 * @throws GpError EMPTY when criteria or options are empty; DUPLICATE when two share an id
 * @throws GpError INVALID_INPUT when a kind is unknown, a max/min criterion has no cutoff, a required one has a cutoff, or a value is missing or of the wrong type
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when a cutoff or value is not finite, or a range has low > high
 * @example screenOptionsBySieve([{ id: 'cost', kind: 'max', cutoff: 50 }], [{ id: 'o1', values: { cost: 30 } }, { id: 'o2', values: { cost: { low: 40, high: 60 } } }]).eliminated // => ['o2']
 */
export function screenOptionsBySieve(
  criteria: readonly SieveCriterion[],
  options: readonly SieveOption[],
): SieveResult {
  const checkedCriteria = requireNonEmpty<SieveCriterion>(criteria, 'criteria').map((c, i) =>
    checkCriterion(c, i),
  );
  requireUniqueIds(checkedCriteria, 'criteria');
  const optionList = requireNonEmpty<SieveOption>(options, 'options');
  const ids = optionList.map((o, k) => requireObject(o, path('options', k)).id);
  ids.forEach((id, k) => requireName(id, path('options', k, 'id')));
  requireUniqueIds(
    ids.map((id) => ({ id })),
    'options',
  );

  const results = optionList.map((option, k): SieveOptionResult => {
    const values = requireObject(option.values, path('options', k, 'values'));
    const reasons: SieveReason[] = [];
    for (const criterion of checkedCriteria) {
      const field = path('options', k, 'values', criterion.id);
      const raw: unknown = Object.prototype.hasOwnProperty.call(values, criterion.id)
        ? (values as Record<string, unknown>)[criterion.id]
        : undefined;
      if (raw === undefined) {
        throw new GpError('INVALID_INPUT', field, `is missing (criterion "${criterion.id}")`);
      }
      if (criterion.kind === 'required') {
        if (typeof raw !== 'boolean') {
          throw new GpError('INVALID_INPUT', field, `must be yes or no (true/false)`);
        }
        if (!raw) reasons.push({ criterion: criterion.id, kind: 'required', value: false });
        continue;
      }
      if (typeof raw === 'boolean') {
        throw new GpError('INVALID_INPUT', field, `must be a number or a range, got yes/no`);
      }
      const value = requireNumberOrRange(raw, field);
      const { low, high } = bounds(value);
      const cutoff = criterion.cutoff;
      if (criterion.kind === 'max' && high > cutoff) {
        reasons.push({ criterion: criterion.id, kind: 'max', value, cutoff, compared: high });
      } else if (criterion.kind === 'min' && low < cutoff) {
        reasons.push({ criterion: criterion.id, kind: 'min', value, cutoff, compared: low });
      }
    }
    return { option: option.id, kept: reasons.length === 0, reasons };
  });

  return {
    options: results,
    kept: results.filter((r) => r.kept).map((r) => r.option),
    eliminated: results.filter((r) => !r.kept).map((r) => r.option),
  };
}

type CheckedCriterion =
  | { readonly id: string; readonly kind: 'max' | 'min'; readonly cutoff: number }
  | { readonly id: string; readonly kind: 'required'; readonly cutoff?: undefined };

function checkCriterion(criterion: SieveCriterion, i: number): CheckedCriterion {
  const c = requireObject(criterion, path('criteria', i));
  const id = requireName(c.id, path('criteria', i, 'id'));
  const kind: unknown = c.kind;
  if (kind === 'required') {
    if (c.cutoff !== undefined) {
      throw new GpError(
        'INVALID_INPUT',
        path('criteria', i, 'cutoff'),
        'a required (yes/no) criterion takes no cutoff',
      );
    }
    return { id, kind };
  }
  if (kind === 'max' || kind === 'min') {
    if (c.cutoff === undefined) {
      throw new GpError('INVALID_INPUT', path('criteria', i, 'cutoff'), `is missing`);
    }
    return { id, kind, cutoff: requireFinite(c.cutoff, path('criteria', i, 'cutoff')) };
  }
  throw new GpError(
    'INVALID_INPUT',
    path('criteria', i, 'kind'),
    `must be 'max', 'min' or 'required', got ${String(kind)}`,
  );
}
