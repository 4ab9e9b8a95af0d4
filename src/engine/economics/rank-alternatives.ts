/**
 * Ranks mutually exclusive alternatives by one economic measure (higher is better for all
 * three) and states the choice. An alternative is acceptable when AW ≥ 0, NPV ≥ 0 or
 * BCR ≥ 1; the best acceptable one is chosen, alternatives equal to within 1e-12 (relative,
 * i.e. floating-point noise) share a rank and are reported as a tie, and if none is
 * acceptable the choice is to do nothing. Ranking by BCR itself is what Case A does;
 * textbooks prefer incremental B/C for mutually exclusive alternatives.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireName, requireNonEmpty } from '../validate.js';

/** The measures a study can rank by (the same names as the study file's decision rule). */
export type EconomicRankingCriterion = 'annual-worth' | 'npv' | 'bcr';

export interface RankableAlternative {
  readonly name: string;
  /** The alternative's AW, NPV or BCR. */
  readonly value: number;
}

export interface RankedAlternative {
  readonly name: string;
  readonly value: number;
  /** 1 = best; equal values share a rank. */
  readonly rank: number;
  readonly acceptable: boolean;
}

export type EconomicChoice =
  | { readonly kind: 'chosen'; readonly name: string }
  | { readonly kind: 'tie'; readonly names: readonly string[] }
  | { readonly kind: 'none-acceptable' };

export interface EconomicRanking {
  readonly criterion: EconomicRankingCriterion;
  /** The value an alternative must reach to be acceptable: 0 for AW and NPV, 1 for BCR. */
  readonly threshold: number;
  /** Best first. */
  readonly ranking: readonly RankedAlternative[];
  readonly choice: EconomicChoice;
}

const TIE_TOLERANCE = 1e-12;

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Ranks alternatives by AW, NPV or BCR and names the chosen one (or the tie).
 *
 * @equation choose argmax value among alternatives with value ≥ threshold (0 for AW/NPV, 1 for BCR)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 5–6 (maximise PW/AW among mutually exclusive alternatives), ch. 9 (B/C); Case A chooses the higher BCR, Case C the higher AW
 * @param criterion 'annual-worth', 'npv' or 'bcr'.
 * @param alternatives Named values, at least one; names unique.
 * @throws GpError INVALID_INPUT when the criterion is unknown or a name is empty
 * @throws GpError EMPTY when there are no alternatives
 * @throws GpError NOT_FINITE when a value is not a finite number
 * @throws GpError DUPLICATE when two alternatives share a name
 * @example rankEconomicAlternatives('bcr', [{ name: 'alt 1', value: 2.608 }, { name: 'alt 2', value: 3.125 }]).choice // => { kind: 'chosen', name: 'alt 2' }
 */
export function rankEconomicAlternatives(
  criterion: EconomicRankingCriterion,
  alternatives: readonly RankableAlternative[],
): EconomicRanking {
  if (criterion !== 'annual-worth' && criterion !== 'npv' && criterion !== 'bcr') {
    throw new GpError(
      'INVALID_INPUT',
      'criterion',
      `must be 'annual-worth', 'npv' or 'bcr', got ${String(criterion)}`,
    );
  }
  const threshold = criterion === 'bcr' ? 1 : 0;
  const items = requireNonEmpty<unknown>(alternatives, 'alternatives');
  const seen = new Set<string>();
  const checked = items.map((item, k) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', `alternatives[${k}]`, 'must be an object');
    }
    const record = item as Readonly<Record<string, unknown>>;
    const name = requireName(record.name, `alternatives[${k}].name`);
    if (seen.has(name)) {
      throw new GpError('DUPLICATE', `alternatives[${k}].name`, `"${name}" appears twice`);
    }
    seen.add(name);
    return { name, value: requireFinite(record.value, `alternatives[${k}].value`) };
  });

  const sorted = [...checked].sort((a, b) => b.value - a.value);
  const ranking: RankedAlternative[] = [];
  sorted.forEach((alt, k) => {
    const previous = ranking[k - 1];
    const rank =
      previous !== undefined && sameValue(previous.value, alt.value) ? previous.rank : k + 1;
    ranking.push({ ...alt, rank, acceptable: alt.value >= threshold });
  });

  const best = ranking.filter((alt) => alt.rank === 1 && alt.acceptable);
  const choice: EconomicChoice =
    best.length === 0
      ? { kind: 'none-acceptable' }
      : best.length === 1
        ? { kind: 'chosen', name: best[0]?.name ?? '' }
        : { kind: 'tie', names: best.map((alt) => alt.name) };
  return { criterion, threshold, ranking, choice };
}
