/**
 * Allocation-free kernels for the Monte Carlo's inner loop. Each repeats, on plain numbers and
 * preallocated typed arrays, the exact floating-point operations of an engine function in the
 * same order, so its results are bitwise equal to the engine's (fast-kernels.test.ts checks
 * this on random inputs). A kernel never throws: when an input or an intermediate is outside
 * what the engine accepts it returns false, and the caller runs the engine function instead,
 * which throws the engine's own error.
 */
import { MAX_UNIFORM_PERIODS } from '../economics/uniform-cash-flows.js';
import type { CheckedDeviationStandard } from '../epi/deviation-performance.js';

/** Slots of the economics kernel's output. */
export const ECONOMICS_NPV = 0;
export const ECONOMICS_ANNUAL_WORTH = 1;
export const ECONOMICS_BCR = 2;
/** The simple payback in years, NaN when never recovered. */
export const ECONOMICS_PAYBACK = 3;

const finite = Number.isFinite;

/**
 * NPV, AW, BCR and simple payback of a uniform alternative, bitwise equal to annualWorth,
 * uniformNetPresentValue and simplePaybackPeriod of uniformCashFlowSeries; false when the engine would throw.
 * @equation AW = B − (I·(A/P) − S·(A/F) + C); BCR = B / (I·(A/P) − S·(A/F) + C); NPV = −I + (B − C)·(P/A) + S·(P/F); payback: first t with ΣCF ≥ 0, linear within the year
 * @source annualWorth, uniformNetPresentValue, simplePaybackPeriod (src/engine/economics), the same operations in the same order
 * @param investment I ≥ 0
 * @param annualBenefit B ≥ 0
 * @param annualCost C ≥ 0
 * @param rate i > −1
 * @param life n, whole years 1 … 10 000
 * @param salvage S (0 when none)
 * @param out receives [NPV, AW, BCR, payback (NaN: never)]
 * @example uniformEconomicsInto(1e6, 3e5, 0, 0.1, 5, 0, out); out[2] // => 1.1377
 */
export function uniformEconomicsInto(
  investment: number,
  annualBenefit: number,
  annualCost: number,
  rate: number,
  life: number,
  salvage: number,
  out: Float64Array,
): boolean {
  if (!(finite(investment) && investment >= 0)) return false;
  if (!(finite(annualBenefit) && annualBenefit >= 0)) return false;
  if (!(finite(annualCost) && annualCost >= 0)) return false;
  if (!(finite(rate) && rate > -1)) return false;
  if (!(Number.isInteger(life) && life >= 1 && life <= MAX_UNIFORM_PERIODS)) return false;
  if (!finite(salvage)) return false;
  // equivalentAnnualAmounts, with (A/P) and (A/F) as annualGivenPresentFactor and
  // annualGivenFutureFactor compute them (x = n·ln(1+i); series forms for |x| < 1), and (P/A)
  // as presentGivenAnnualFactor does (the same product or quotient, inverted).
  const logGrowth = Math.log1p(rate);
  const x = life * logGrowth;
  let capitalRecoveryFactor: number;
  let sinkingFundFactor: number;
  let presentWorthFactor: number;
  if (Math.abs(x) < 1) {
    const logRatio = rate === 0 ? 1 : logGrowth / rate;
    const below = x === 0 ? 1 : Math.expm1(-x) / -x;
    const above = x === 0 ? 1 : Math.expm1(x) / x;
    presentWorthFactor = life * logRatio * below;
    capitalRecoveryFactor = 1 / presentWorthFactor;
    sinkingFundFactor = 1 / (life * logRatio * above);
  } else {
    const discountedLoss = -Math.expm1(-x);
    presentWorthFactor = discountedLoss / rate;
    capitalRecoveryFactor = rate / discountedLoss;
    sinkingFundFactor = rate / Math.expm1(x);
  }
  if (!(finite(capitalRecoveryFactor) && finite(sinkingFundFactor))) return false;
  if (!finite(presentWorthFactor)) return false;
  const annualInvestment = investment * capitalRecoveryFactor;
  const annualSalvage = salvage * sinkingFundFactor;
  const capitalRecovery = annualInvestment - annualSalvage;
  const equivalentAnnualCost = capitalRecovery + annualCost;
  const worth = annualBenefit - equivalentAnnualCost;
  if (!(finite(annualInvestment) && finite(annualSalvage) && finite(capitalRecovery))) return false;
  if (!(finite(equivalentAnnualCost) && finite(worth) && equivalentAnnualCost > 0)) return false;
  const bcr = annualBenefit / equivalentAnnualCost;
  if (!finite(bcr)) return false;
  const annualNet = annualBenefit - annualCost;
  if (!finite(annualNet)) return false;
  // uniformNetPresentValue: −I + (B − C)·(P/A) + S·(P/F). Without salvage the (P/F) term is a
  // zero of the salvage's sign whatever (P/F) is, and (P/F) is finite whenever (P/A) is.
  const salvageWorth = salvage === 0 ? salvage : salvage * Math.exp(-x);
  const npv = -investment + annualNet * presentWorthFactor + salvageWorth;
  if (!finite(npv)) return false;
  // uniformCashFlowSeries' flows: −I (or 0) now, A = B − C at the end of each year, A + S in
  // the last; simplePaybackPeriod's cumulative flow over them, in the engine's order.
  const first = investment === 0 ? 0 : -investment;
  const last = annualNet + salvage;
  if (!finite(last)) return false;
  let running = 0;
  let previous = 0;
  let firstNegative = -1;
  let year = -1;
  let before = 0;
  let after = 0;
  for (let t = 0; t <= life; t++) {
    const flow = t === 0 ? first : t === life ? last : annualNet;
    previous = running;
    running = running + flow;
    if (!finite(running)) return false;
    if (firstNegative === -1) {
      if (running < 0) firstNegative = t;
    } else if (year === -1 && running >= 0) {
      year = t;
      before = previous;
      after = running;
    }
  }
  // Recovered within the year after the last negative cumulative flow, linearly.
  let payback = NaN;
  if (firstNegative === -1) {
    payback = 0;
  } else if (year !== -1) {
    const denominator = after - before;
    if (denominator === 0) return false;
    const fraction = -before / denominator;
    if (!finite(fraction)) return false;
    payback = year - 1 + fraction;
  }
  out[ECONOMICS_NPV] = npv;
  out[ECONOMICS_ANNUAL_WORTH] = worth;
  out[ECONOMICS_BCR] = bcr;
  out[ECONOMICS_PAYBACK] = payback;
  return true;
}

const TIE_TOLERANCE = 1e-12;

/**
 * The choice of rankEconomicAlternatives on values: a stable sort best first, equal values
 * (within 1e-12 relative, chained) share rank 1, winners are those at rank 1 above the threshold.
 * @equation winners = { k : rank_k = 1 ∧ v_k ≥ threshold }, ranks chained by |a − b| ≤ 1e-12·max(|a|, |b|)
 * @source rankEconomicAlternatives (src/engine/economics/rank-alternatives.ts); Newnan et al., 13th ed., ch. 5–6, 9
 * @param values the alternatives' values (finite), in the alternatives' order
 * @param count how many of the values to rank (≥ 1)
 * @param threshold 1 for BCR, 0 for NPV and AW
 * @param order scratch of at least count indices; receives the winners first, in the ranking's order
 * @example economicWinnersInto(Float64Array.of(1.2, 3.1, 0.9), 3, 1, order) // => 1 (order[0] = 1)
 */
export function economicWinnersInto(
  values: Float64Array,
  count: number,
  threshold: number,
  order: Int32Array,
): number {
  // Insertion sort, descending and stable, as Array.prototype.sort with (a, b) => b − a.
  for (let k = 0; k < count; k++) {
    const v = values[k] as number;
    let j = k - 1;
    while (j >= 0 && (values[order[j] as number] as number) < v) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = k;
  }
  let winners = 0;
  let previous = values[order[0] as number] as number;
  for (let k = 0; k < count; k++) {
    const index = order[k] as number;
    const v = values[index] as number;
    if (k > 0) {
      if (!(Math.abs(previous - v) <= TIE_TOLERANCE * Math.max(Math.abs(previous), Math.abs(v))))
        break;
      previous = v;
    }
    if (v >= threshold) order[winners++] = index;
  }
  return winners;
}

/**
 * The total of deviationEpi when only some parameters' measured values change: those terms are
 * recomputed (Wi·Pi on M·(1 − r)), the others are taken as given, summed in the parameters' order.
 * @equation EPI = Σ_i Wi·Pi, Pi = performance(Mi·(1 − ri), Si) for a removed parameter, the given term otherwise
 * @source deviationEpi and concentrationsAfterRemoval (src/engine/epi, src/engine/effects), the same operations in the same order
 * @param fixedTerms the terms of the parameters that do not change (ignored where removal is not NaN)
 * @param removal ri per parameter (0–1), NaN for a parameter the option does not treat
 * @param measured Mi ≥ 0 per parameter (a plain number result)
 * @param weights Wi per parameter
 * @param standards the checked standards
 * @returns the total, or NaN when the engine would throw
 * @example deviationEpiTotal(Float64Array.of(0.2), Float64Array.of(0.5), Float64Array.of(60), Float64Array.of(4), [{ kind: 'upper', value: 50 }]) // => 1.6
 */
export function deviationEpiTotal(
  fixedTerms: Float64Array,
  removal: Float64Array,
  measured: Float64Array,
  weights: Float64Array,
  standards: readonly CheckedDeviationStandard[],
): number {
  let total = 0;
  for (let i = 0; i < fixedTerms.length; i++) {
    const r = removal[i] as number;
    if (Number.isNaN(r)) {
      total += fixedTerms[i] as number;
      continue;
    }
    const m = measured[i] as number;
    if (!(r >= 0 && r <= 1 && finite(m) && m >= 0)) return NaN;
    const x = m * (1 - r);
    const standard = standards[i] as CheckedDeviationStandard;
    let performance: number;
    if (standard.kind === 'upper') {
      performance = (standard.value - x) / standard.value;
    } else if (standard.kind === 'lower') {
      performance = (x - standard.value) / standard.value;
    } else {
      const belowHigh = (standard.high - x) / standard.high;
      const aboveLow = (x - standard.low) / standard.low;
      if (!(finite(belowHigh) && finite(aboveLow))) return NaN;
      performance = Math.min(belowHigh, aboveLow);
    }
    if (!finite(performance)) return NaN;
    const term = (weights[i] as number) * performance;
    if (!finite(term)) return NaN;
    total += term;
  }
  return finite(total) ? total : NaN;
}
