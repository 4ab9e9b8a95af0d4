/**
 * How far a weighted-sum ranking is from changing its choice: for each criterion weight, the
 * smallest increase and decrease (others fixed) at which another option ties the chosen one.
 */
import { GpError, path } from '../errors.js';
import {
  rankOptionsByWeightedSum,
  type WeightedSumCriterion,
  type WeightedSumOption,
} from '../options/index.js';

/** A change of one weight at which `rival` ties the chosen option (beyond it, the rival wins). */
export interface WeightFlip {
  /** The change of the weight (positive: increase). */
  readonly delta: number;
  /** The weight at the margin, weight + delta. */
  readonly weight: number;
  readonly rival: string;
}

export interface CriterionFlipMargin {
  readonly criterion: string;
  readonly weight: number;
  /** Undefined when no increase changes the choice. */
  readonly increase: WeightFlip | undefined;
  /** Undefined when no decrease down to weight 0 changes the choice. */
  readonly decrease: WeightFlip | undefined;
}

export type WeightedSumFlipMargins =
  | {
      readonly kind: 'single';
      readonly chosen: string;
      readonly criteria: readonly CriterionFlipMargin[];
    }
  /** Already tied: any change of a weight that separates the tied options flips the choice. */
  | { readonly kind: 'tie'; readonly chosen: readonly string[] };

/**
 * The flip margin of each criterion weight in a weighted-sum ranking.
 * @equation T_k(Δ) = T_k + Δ·s_kj; the chosen c ties rival k at Δ = (T_c − T_k)/(s_kj − s_cj); margin = the smallest such Δ > 0 (and < 0 with w_j + Δ ≥ 0)
 * @source Triantaphyllou & Sánchez (1997) A sensitivity analysis approach for some deterministic multi-criteria decision-making methods, Decision Sciences 28(1) 151–194 (most critical criterion)
 * @param criteria the weighted-sum criteria, as for rankOptionsByWeightedSum
 * @param options the options with their scores
 * @throws GpError as rankOptionsByWeightedSum
 * @example weightedSumFlipMargins([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], [{ id: 'x', scores: { a: 3, b: 1 } }, { id: 'y', scores: { a: 1, b: 2 } }]) // => criterion b: increase 1 (y ties x at weight 2)
 */
export function weightedSumFlipMargins(
  criteria: readonly WeightedSumCriterion[],
  options: readonly WeightedSumOption[],
): WeightedSumFlipMargins {
  const ranked = rankOptionsByWeightedSum(criteria, options);
  if (ranked.choice.kind === 'tie') return { kind: 'tie', chosen: ranked.choice.options };
  const chosenId = ranked.choice.option;
  const chosen = ranked.options.find((o) => o.option === chosenId);
  if (chosen === undefined) throw new GpError('INVALID_INPUT', 'options', 'no chosen option');
  return {
    kind: 'single',
    chosen: chosenId,
    criteria: criteria.map((criterion, j): CriterionFlipMargin => {
      let increase: WeightFlip | undefined;
      let decrease: WeightFlip | undefined;
      const sc = chosen.terms[j]?.score ?? 0;
      for (const other of ranked.options) {
        if (other.option === chosenId) continue;
        const sk = other.terms[j]?.score ?? 0;
        if (sk === sc) continue;
        const delta = (chosen.total - other.total) / (sk - sc);
        if (!Number.isFinite(delta)) continue;
        const weight = criterion.weight + delta;
        const flip = { delta, weight, rival: other.option };
        if (delta > 0 && (increase === undefined || delta < increase.delta)) increase = flip;
        if (delta < 0 && weight >= 0 && (decrease === undefined || delta > decrease.delta)) {
          decrease = flip;
        }
      }
      if (!Number.isFinite(criterion.weight)) {
        throw new GpError('NOT_FINITE', path('criteria', j, 'weight'), 'must be a finite number');
      }
      return { criterion: criterion.id, weight: criterion.weight, increase, decrease };
    }),
  };
}
