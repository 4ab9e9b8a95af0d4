/**
 * How far an AHP-weighted choice is from changing: for each criterion, the smallest increase
 * and decrease of its AHP weight at which another option ties the chosen one, the other
 * weights renormalised proportionally so that they still sum to 1.
 *
 * An AHP priority vector (weights.ahp[]) weights a linear additive choice: a weighted sum of
 * scores, or an EPI by deviation (EPI = Σ Wi·Pi) or traffic light (Σ Wi·level_i) through
 * epi.weightsFrom, whose scores are each option's performances or levels after it: the
 * Monte Carlo reports these margins for the best-EPI choice when the EPI takes AHP weights. A
 * study's weighted-sum screening takes its weights from the file, never from an AHP;
 * weightedSumFlipMargins (others fixed) covers that screening.
 *
 * Changing one weight with the others fixed and renormalising all of them afterwards changes
 * no choice, so the margin here is the one of weightedSumFlipMargins seen as shares of 1.
 */
import { GpError, path } from '../errors.js';
import { rankOptionsByWeightedSum, type WeightedSumOption } from '../options/index.js';
import { requireNonEmpty, requireNonNegative, requireObject } from '../validate.js';

/** AHP weights by item, as an AHP result gives them (`{ items, weights }`). */
export interface AhpCriteriaWeights {
  /** The criteria, in the priority vector's order (the ids of the options' scores). */
  readonly items: readonly string[];
  /** The priority vector (Σ = 1; any positive scale is normalised to it). */
  readonly weights: readonly number[];
}

/** A change of one AHP weight, the others renormalised, at which `rival` ties the chosen option. */
export interface AhpWeightFlip {
  /** The change of the criterion's weight (positive: increase), as a share of 1. */
  readonly delta: number;
  /** The criterion's weight at the margin, weight + delta. */
  readonly weight: number;
  /** delta ÷ weight (Triantaphyllou & Sánchez's relative change); undefined for a weight of 0 (or too small to divide by). */
  readonly relative: number | undefined;
  readonly rival: string;
  /** Every criterion's weight at the margin, in item order (Σ = 1). */
  readonly weights: readonly number[];
}

export interface AhpCriterionFlipMargin {
  readonly criterion: string;
  /** The criterion's AHP weight (normalised, Σ = 1). */
  readonly weight: number;
  /** Undefined when no increase up to weight 1 (the others 0) changes the choice. */
  readonly increase: AhpWeightFlip | undefined;
  /** Undefined when no decrease down to weight 0 changes the choice. */
  readonly decrease: AhpWeightFlip | undefined;
}

export type AhpFlipMargins =
  | {
      readonly kind: 'single';
      readonly chosen: string;
      readonly criteria: readonly AhpCriterionFlipMargin[];
      /** The criterion whose weight changes the choice by the smallest absolute change; undefined when none does. */
      readonly mostCritical:
        | {
            readonly criterion: string;
            readonly direction: 'increase' | 'decrease';
            readonly delta: number;
          }
        | undefined;
    }
  /** Already tied: any change of a weight that separates the tied options flips the choice. */
  | { readonly kind: 'tie'; readonly chosen: readonly string[] };

/**
 * The flip margin of each AHP criterion weight of a linear additive choice, the other weights renormalised proportionally.
 * @equation w_i(x) = w_i·(1 − x)/(1 − w_j) for i ≠ j; T_k(x) = x·s_kj + (1 − x)/(1 − w_j)·(T_k − w_j·s_kj); the chosen c ties rival k at Δ = x − w_j = (T_c − T_k)(1 − w_j)/((s_kj − s_cj) + (T_c − T_k)); margin = the smallest Δ > 0 with x ≤ 1 (and the largest Δ < 0 with x ≥ 0)
 * @source Triantaphyllou & Sánchez (1997) A sensitivity analysis approach for some deterministic multi-criteria decision-making methods, Decision Sciences 28(1) 151–194 (WSM: the smallest change of a criterion weight that changes the best alternative; the most critical criterion); Saaty (1980) The Analytic Hierarchy Process, McGraw-Hill (weights Σ = 1)
 * @param ahp the AHP items (criteria) and their priority vector, e.g. an AHP result of the study
 * @param options the options with a score per item (weighted-sum scores, or EPI performances Pi after each option)
 * @throws GpError EMPTY when there are no items; DIMENSION_MISMATCH when items and weights differ in length
 * @throws GpError NOT_FINITE, OUT_OF_RANGE when a weight is not a finite number ≥ 0 or all are 0; UNDEFINED_RESULT when their sum overflows; others as rankOptionsByWeightedSum
 * @example ahpFlipMargins({ items: ['cost', 'env'], weights: [0.6, 0.4] }, [{ id: 'x', scores: { cost: 8, env: 2 } }, { id: 'y', scores: { cost: 3, env: 9 } }]) // => chosen x (5.6 vs 5.4); env: increase Δ = 0.0167 (y ties at weights 0.5833, 0.4167)
 */
export function ahpFlipMargins(
  ahp: AhpCriteriaWeights,
  options: readonly WeightedSumOption[],
): AhpFlipMargins {
  requireObject(ahp, 'ahp');
  const items = requireNonEmpty<string>(ahp.items, 'ahp.items');
  const raw = requireNonEmpty<number>(ahp.weights, 'ahp.weights');
  if (raw.length !== items.length) {
    throw new GpError(
      'DIMENSION_MISMATCH',
      'ahp.weights',
      `has ${raw.length} weights for ${items.length} items`,
    );
  }
  const given = raw.map((w, j) => requireNonNegative(w, path('ahp', 'weights', j)));
  const sum = given.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) {
    throw new GpError('OUT_OF_RANGE', 'ahp.weights', 'the weights must not all be zero');
  }
  if (!Number.isFinite(sum)) {
    throw new GpError('UNDEFINED_RESULT', 'ahp.weights', 'the sum of the weights overflows');
  }
  const shares = given.map((w) => w / sum);
  const criteria = items.map((id, j) => ({ id, weight: shares[j] as number }));
  const ranked = rankOptionsByWeightedSum(criteria, options);
  if (ranked.choice.kind === 'tie') return { kind: 'tie', chosen: ranked.choice.options };
  const chosenId = ranked.choice.option;
  const chosen = ranked.options.find((o) => o.option === chosenId);
  if (chosen === undefined) throw new GpError('INVALID_INPUT', 'options', 'no chosen option');

  const renormalised = (j: number, x: number): number[] => {
    const w = shares[j] as number;
    return shares.map((v, i) => (i === j ? x : (v * (1 - x)) / (1 - w)));
  };

  const margins = criteria.map((criterion, j): AhpCriterionFlipMargin => {
    const w = criterion.weight;
    let increase: AhpWeightFlip | undefined;
    let decrease: AhpWeightFlip | undefined;
    // A criterion that holds all the weight has no others to renormalise.
    if (1 - w > 0) {
      const sc = chosen.terms[j]?.score ?? 0;
      for (const other of ranked.options) {
        if (other.option === chosenId) continue;
        const lead = chosen.total - other.total;
        const slope = (other.terms[j]?.score ?? 0) - sc + lead;
        if (slope === 0) continue;
        const delta = (lead * (1 - w)) / slope;
        const x = w + delta;
        if (!Number.isFinite(delta) || x < 0 || x > 1) continue;
        if (delta > 0 && (increase === undefined || delta < increase.delta)) {
          increase = flip(delta, x, other.option);
        }
        if (delta < 0 && (decrease === undefined || delta > decrease.delta)) {
          decrease = flip(delta, x, other.option);
        }
      }
    }
    return { criterion: criterion.id, weight: w, increase, decrease };

    function flip(delta: number, x: number, rival: string): AhpWeightFlip {
      return {
        delta,
        weight: x,
        relative: Number.isFinite(delta / w) ? delta / w : undefined,
        rival,
        weights: renormalised(j, x),
      };
    }
  });

  let mostCritical: Extract<AhpFlipMargins, { kind: 'single' }>['mostCritical'];
  for (const m of margins) {
    for (const [direction, f] of [
      ['increase', m.increase],
      ['decrease', m.decrease],
    ] as const) {
      if (f === undefined) continue;
      if (mostCritical === undefined || Math.abs(f.delta) < Math.abs(mostCritical.delta)) {
        mostCritical = { criterion: m.criterion, direction, delta: f.delta };
      }
    }
  }
  return { kind: 'single', chosen: chosenId, criteria: margins, mostCritical };
}
