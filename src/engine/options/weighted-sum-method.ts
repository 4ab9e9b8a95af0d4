/**
 * APO weighted sum method: the options that passed the sieve are scored per criterion (e.g.
 * 1–10, 10 best), each score is multiplied by the criterion's weight and the products are
 * added; the highest total is chosen. Ties are data: options with equal totals share a rank,
 * and a tie for first place is returned as the choice `{ kind: 'tie' }`.
 *
 * Equality: when every weight and score is a whole number (and the totals stay below 2^53),
 * totals are compared exactly. Otherwise two totals are equal when they differ by at most
 * `tieTolerance` (default 1e-9) relative to the larger; groups are formed down the sorted
 * totals, each option compared with the first (highest) option of its group.
 */
import { GpError, path } from '../errors.js';
import {
  requireFinite,
  requireFiniteResult,
  requireName,
  requireNonEmpty,
  requireNonNegative,
  requireObject,
  requireUniqueIds,
} from '../validate.js';

export interface WeightedSumCriterion {
  readonly id: string;
  readonly name?: string;
  /** Importance of the criterion (≥ 0; any positive scale, e.g. 1–10). */
  readonly weight: number;
}

export interface WeightedSumOption {
  readonly id: string;
  readonly name?: string;
  /** A score for every criterion, by criterion id (higher is better). */
  readonly scores: Readonly<Record<string, number>>;
}

export interface WeightedSumSettings {
  /** The scoring scale; when given, every score must lie within it (e.g. { min: 1, max: 10 }). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** Relative tolerance for equal totals when weights or scores are not whole numbers; default 1e-9. */
  readonly tieTolerance?: number;
}

export interface WeightedSumTerm {
  readonly criterion: string;
  readonly weight: number;
  readonly score: number;
  /** weight × score */
  readonly product: number;
}

export interface WeightedSumOptionResult {
  readonly option: string;
  /** One term per criterion, in criteria order. */
  readonly terms: readonly WeightedSumTerm[];
  readonly total: number;
  /** Competition rank: tied options share a rank and the next rank is skipped (1, 2, 2, 4). */
  readonly rank: number;
}

export interface WeightedSumRankGroup {
  readonly rank: number;
  /** The options sharing this rank, in input order. */
  readonly options: readonly string[];
  /** The highest total in the group (all are equal under the comparison rule). */
  readonly total: number;
}

/** The option with the highest total, or the options tied for it. */
export type WeightedSumChoice =
  | { readonly kind: 'single'; readonly option: string; readonly total: number }
  | { readonly kind: 'tie'; readonly options: readonly string[]; readonly total: number };

export interface WeightedSumResult {
  /** One result per option, in input order. */
  readonly options: readonly WeightedSumOptionResult[];
  /** Rank groups from best to worst. */
  readonly ranking: readonly WeightedSumRankGroup[];
  readonly choice: WeightedSumChoice;
  /** True when totals were compared exactly (whole-number weights and scores). */
  readonly exactComparison: boolean;
  /** The relative tolerance used when the comparison is not exact. */
  readonly tieTolerance: number;
}

/**
 * Ranks GP options by the APO weighted sum method: total = Σ weight × score, every term shown;
 * options with equal totals share a rank, and a tie for first place is reported as such.
 * @equation total_o = Σ_c weight_c × score_o,c; rank by total, highest first
 * @source APO (2001) Concept of Green Productivity, Tokyo (weighted sum method), as applied by Indriati, Rahman & Tantrika, PR. Adi Bungsu study (Case B), Tabel 9–10
 * @param criteria the criteria with their weights (≥ 0, not all zero)
 * @param options the options with a score per criterion id (extra scores are ignored)
 * @param settings scale (scores must lie within it), tieTolerance (default 1e-9, relative)
 * @throws GpError EMPTY when criteria or options are empty; DUPLICATE when two share an id
 * @throws GpError NOT_FINITE when a weight or score is not a finite number; INVALID_INPUT when a score is missing
 * @throws GpError OUT_OF_RANGE when a weight is negative, all weights are zero, a score is off the scale, or the scale or tolerance is invalid
 * @throws GpError UNDEFINED_RESULT when a product or total overflows
 * @example rankOptionsByWeightedSum([{ id: 'cost', weight: 10 }, { id: 'benefit', weight: 9 }], [{ id: 'o1', scores: { cost: 6, benefit: 8 } }, { id: 'o3', scores: { cost: 6, benefit: 9 } }]).choice // => { kind: 'single', option: 'o3', total: 141 }
 */
export function rankOptionsByWeightedSum(
  criteria: readonly WeightedSumCriterion[],
  options: readonly WeightedSumOption[],
  settings?: WeightedSumSettings,
): WeightedSumResult {
  const scale = readScale(settings?.scale);
  const tieTolerance =
    settings?.tieTolerance === undefined
      ? 1e-9
      : requireNonNegative(settings.tieTolerance, 'settings.tieTolerance');
  if (!(tieTolerance < 1)) {
    throw new GpError('OUT_OF_RANGE', 'settings.tieTolerance', `must be < 1, got ${tieTolerance}`);
  }

  const checkedCriteria = requireNonEmpty<WeightedSumCriterion>(criteria, 'criteria').map(
    (c, i) => {
      requireObject(c, path('criteria', i));
      return {
        id: requireName(c.id, path('criteria', i, 'id')),
        weight: requireNonNegative(c.weight, path('criteria', i, 'weight')),
      };
    },
  );
  requireUniqueIds(checkedCriteria, 'criteria');
  if (!checkedCriteria.some((c) => c.weight > 0)) {
    throw new GpError('OUT_OF_RANGE', 'criteria', 'the weights must not all be zero');
  }

  const optionList = requireNonEmpty<WeightedSumOption>(options, 'options');
  const scored = optionList.map((option, k): ScoredOption => {
    requireObject(option, path('options', k));
    const id = requireName(option.id, path('options', k, 'id'));
    const scores = requireObject(option.scores, path('options', k, 'scores'));
    const terms = checkedCriteria.map((criterion): WeightedSumTerm => {
      const field = path('options', k, 'scores', criterion.id);
      if (!Object.prototype.hasOwnProperty.call(scores, criterion.id)) {
        throw new GpError('INVALID_INPUT', field, `is missing (criterion "${criterion.id}")`);
      }
      const score = requireFinite((scores as Record<string, unknown>)[criterion.id], field);
      if (scale !== undefined && !(score >= scale.min && score <= scale.max)) {
        throw new GpError(
          'OUT_OF_RANGE',
          field,
          `must be on the scale ${scale.min}–${scale.max}, got ${score}`,
        );
      }
      const product = requireFiniteResult(criterion.weight * score, field);
      return { criterion: criterion.id, weight: criterion.weight, score, product };
    });
    const total = requireFiniteResult(
      terms.reduce((sum, t) => sum + t.product, 0),
      path('options', k),
    );
    return { id, terms, total };
  });
  requireUniqueIds(scored, 'options');

  const exactComparison =
    checkedCriteria.every((c) => Number.isInteger(c.weight)) &&
    scored.every((o) => o.terms.every((t) => Number.isInteger(t.score))) &&
    scored.every(
      (o) => o.terms.reduce((sum, t) => sum + Math.abs(t.product), 0) <= Number.MAX_SAFE_INTEGER,
    );
  const equal = (leader: number, total: number): boolean =>
    exactComparison
      ? leader === total
      : Math.abs(leader - total) <= tieTolerance * Math.max(Math.abs(leader), Math.abs(total));

  // Stable sort: equal totals keep input order.
  const totalOf = (k: number): number => (scored[k] as ScoredOption).total;
  const idOf = (k: number): string => (scored[k] as ScoredOption).id;
  const order = scored.map((_, k) => k).sort((a, b) => totalOf(b) - totalOf(a));
  const ranking: { rank: number; members: number[]; total: number }[] = [];
  let placed = 0;
  for (const k of order) {
    const total = totalOf(k);
    const group = ranking[ranking.length - 1];
    if (group !== undefined && equal(group.total, total)) {
      group.members.push(k);
    } else {
      ranking.push({ rank: placed + 1, members: [k], total });
    }
    placed++;
  }
  const rankOf = new Map<number, number>();
  ranking.forEach((g) => g.members.forEach((k) => rankOf.set(k, g.rank)));

  const first = ranking[0] as (typeof ranking)[number];
  const firstIds = [...first.members].sort((a, b) => a - b).map(idOf);
  const choice: WeightedSumChoice =
    firstIds.length === 1
      ? { kind: 'single', option: firstIds[0] as string, total: first.total }
      : { kind: 'tie', options: firstIds, total: first.total };

  return {
    options: scored.map((o, k) => ({
      option: o.id,
      terms: o.terms,
      total: o.total,
      rank: rankOf.get(k) as number,
    })),
    ranking: ranking.map((g) => ({
      rank: g.rank,
      options: [...g.members].sort((a, b) => a - b).map(idOf),
      total: g.total,
    })),
    choice,
    exactComparison,
    tieTolerance,
  };
}

interface ScoredOption {
  readonly id: string;
  readonly terms: readonly WeightedSumTerm[];
  readonly total: number;
}

function readScale(
  scale: WeightedSumSettings['scale'],
): { readonly min: number; readonly max: number } | undefined {
  if (scale === undefined) return undefined;
  requireObject(scale, 'settings.scale');
  const min = requireFinite(scale.min, 'settings.scale.min');
  const max = requireFinite(scale.max, 'settings.scale.max');
  if (!(min < max)) {
    throw new GpError('OUT_OF_RANGE', 'settings.scale', `min (${min}) must be < max (${max})`);
  }
  return { min, max };
}
