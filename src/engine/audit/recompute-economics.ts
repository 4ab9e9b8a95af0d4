/**
 * Recomputing an option's annual economics under a hypothesis: another life n, or interest
 * factors rounded to k decimals as printed tables give them. The audit uses this to test
 * whether a paper's number follows from a rounded factor (Case C: 356,883,200 with
 * (A/P,15%,5) = 0.2983) or from an n other than the one it wrote (Case A, alternative 2).
 */
import { GpError } from '../errors.js';
import {
  equivalentAnnualAmounts,
  factorAsUsed,
  presentGivenAnnualFactor,
  presentGivenFutureFactor,
} from '../economics/index.js';

/** The data of an option's economics, as its computed `economics` result carries them. */
export interface OptionEconomicsFigures {
  readonly investment: number;
  readonly annualCost: number;
  readonly annualBenefit: number;
  readonly life: number;
  readonly interestRate: number;
  readonly salvage: number;
}

/** The results the audit can recompute, named as in an option's `economics` result. */
export const RECOMPUTED_ECONOMICS_FIELDS = [
  'capitalRecoveryFactor',
  'capitalRecovery',
  'equivalentAnnualCost',
  'annualWorth',
  'bcr',
  'npv',
] as const;

export type RecomputedEconomicsField = (typeof RECOMPUTED_ECONOMICS_FIELDS)[number];

/** Each result under the hypothesis; undefined where it is not defined (a BCR over zero cost). */
export type RecomputedEconomics = Readonly<Record<RecomputedEconomicsField, number | undefined>>;

/**
 * Reads an option's economic data from its computed `economics` result.
 *
 * @equation figures = (I, C, B, n, i, S) of the result; S = 0 when absent
 * @source Lestari option `economics` result (investment, annualCost, annualBenefit, life, interestRate)
 * @param economics The option's `economics` result, of unknown shape.
 * @example economicsFiguresOf({ investment: 100, annualCost: 5, annualBenefit: 40, life: 5, interestRate: 0.1 })?.salvage // => 0
 */
export function economicsFiguresOf(economics: unknown): OptionEconomicsFigures | undefined {
  if (typeof economics !== 'object' || economics === null) return undefined;
  const record = economics as Record<string, unknown>;
  const read = (key: string): number | undefined => {
    const v = record[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const investment = read('investment');
  const annualCost = read('annualCost');
  const annualBenefit = read('annualBenefit');
  const life = read('life');
  const interestRate = read('interestRate') ?? read('rate');
  if (
    investment === undefined ||
    annualCost === undefined ||
    annualBenefit === undefined ||
    life === undefined ||
    interestRate === undefined
  ) {
    return undefined;
  }
  return {
    investment,
    annualCost,
    annualBenefit,
    life,
    interestRate,
    salvage: read('salvage') ?? 0,
  };
}

/**
 * An option's annual economics for a given life, with exact or rounded interest factors.
 *
 * @equation CR = I·(A/P,i,n) − S·(A/F,i,n); EAC = CR + C; AW = B − EAC; BCR = B / EAC; NPV = −I + (B − C)·(P/A,i,n) + S·(P/F,i,n); factors rounded to k decimals when k is given
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 5–6 and 9; four-decimal factors as in its compound interest tables
 * @param figures The option's data (investment, annual cost and benefit, rate, salvage).
 * @param life The life n to use (the data's, or one a paper wrote).
 * @param factorDecimals Round every factor to this many decimals; absent: exact factors.
 * @example recomputeOptionEconomics({ investment: 73360000, annualCost: 2040000, annualBenefit: 55800000, life: 5, interestRate: 0.1, salvage: 0 }, 5, 4).capitalRecovery // => 19352368
 */
export function recomputeOptionEconomics(
  figures: OptionEconomicsFigures,
  life: number,
  factorDecimals?: number,
): RecomputedEconomics {
  const none: RecomputedEconomics = {
    capitalRecoveryFactor: undefined,
    capitalRecovery: undefined,
    equivalentAnnualCost: undefined,
    annualWorth: undefined,
    bcr: undefined,
    npv: undefined,
  };
  try {
    const amounts = equivalentAnnualAmounts({
      investment: figures.investment,
      annualBenefit: figures.annualBenefit,
      annualCost: figures.annualCost,
      rate: figures.interestRate,
      life,
      salvage: figures.salvage,
      ...(factorDecimals === undefined ? {} : { factorDecimals }),
    });
    const fromCapitalRecovery = recomputeFromCapitalRecovery(figures, amounts.capitalRecovery);
    const seriesFactor = factorAsUsed(
      presentGivenAnnualFactor(figures.interestRate, life),
      factorDecimals,
    );
    const singleFactor = factorAsUsed(
      presentGivenFutureFactor(figures.interestRate, life),
      factorDecimals,
    );
    const npv =
      -figures.investment +
      (figures.annualBenefit - figures.annualCost) * seriesFactor +
      figures.salvage * singleFactor;
    return {
      ...fromCapitalRecovery,
      capitalRecoveryFactor: amounts.capitalRecoveryFactor,
      capitalRecovery: amounts.capitalRecovery,
      npv: Number.isFinite(npv) ? npv : undefined,
    };
  } catch (error) {
    if (error instanceof GpError) return none;
    throw error;
  }
}

/**
 * The annual results that follow from a given capital recovery cost (a printed one, say).
 *
 * @equation EAC = CR + C; AW = B − EAC; BCR = B / EAC (undefined when EAC = 0)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 6 (annual cash flow analysis) and ch. 9 (benefit-cost ratio)
 * @param figures The option's data.
 * @param capitalRecovery The capital recovery cost to start from.
 * @example recomputeFromCapitalRecovery({ investment: 73360000, annualCost: 2040000, annualBenefit: 55800000, life: 5, interestRate: 0.1, salvage: 0 }, 19352368).bcr // => 2.60841…
 */
export function recomputeFromCapitalRecovery(
  figures: OptionEconomicsFigures,
  capitalRecovery: number,
): Pick<RecomputedEconomics, 'equivalentAnnualCost' | 'annualWorth' | 'bcr'> {
  const equivalentAnnualCost = capitalRecovery + figures.annualCost;
  const annualWorth = figures.annualBenefit - equivalentAnnualCost;
  const bcr = equivalentAnnualCost === 0 ? undefined : figures.annualBenefit / equivalentAnnualCost;
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : undefined);
  return {
    equivalentAnnualCost: finite(equivalentAnnualCost),
    annualWorth: finite(annualWorth),
    bcr: finite(bcr),
  };
}
