/**
 * The part of a study the uncertainty analysis re-evaluates: each option's economics, EPI and
 * productivity after it, the sieve and the weighted sums, held in a mutable working copy that
 * sampled inputs write into. Every result is computed by the same engine functions, in the
 * same order, as evaluateStudy, so with every input at its point value the numbers are equal.
 */
import { GpError } from '../errors.js';
import { isRange, pointOf, type NumberOrRange } from '../range.js';
import { divide } from '../validate.js';
import {
  annualWorth,
  rankEconomicAlternatives,
  simplePaybackPeriod,
  uniformCashFlowSeries,
  uniformNetPresentValue,
} from '../economics/index.js';
import { MAX_UNIFORM_PERIODS } from '../economics/uniform-cash-flows.js';
import { deviationEpi, trafficLightEpi, type LabMeasurement } from '../epi/index.js';
import {
  checkDeviationStandard,
  type CheckedDeviationStandard,
} from '../epi/deviation-performance.js';
import { concentrationsAfterRemoval, productivityAfterOption } from '../effects/index.js';
import { rankOptionsByWeightedSum, screenOptionsBySieve } from '../options/index.js';
import type { ProductivityData } from '../productivity/index.js';
import {
  studyEpiInputs,
  studyYearData,
  type AhpSectionResult,
  type EpiParameters,
} from '../study/evaluate-study.js';
import type { CostItem, StudyInput } from '../study/study-input.js';
import { UNBOUNDED, type InputDomain, type UncertainDistribution } from './distributions.js';
import {
  deviationEpiTotal,
  ECONOMICS_ANNUAL_WORTH,
  ECONOMICS_BCR,
  ECONOMICS_NPV,
  ECONOMICS_PAYBACK,
  uniformEconomicsInto,
} from './fast-kernels.js';

interface MutableItem {
  amount: number;
  quantity: number | undefined;
}

interface WorkingEconomics {
  investment: MutableItem[];
  annualCosts: MutableItem[] | undefined;
  annualBenefits: MutableItem[] | undefined;
  life: number;
  interestRate: number;
  salvage: number | undefined;
}

interface WorkingOption {
  readonly id: string;
  readonly economics: WorkingEconomics | undefined;
  readonly removal: Record<string, NumberOrRange> | undefined;
  readonly inputChanges: Record<string, number> | undefined;
  readonly outputChanges: Record<string, number> | undefined;
  readonly hasProductivity: boolean;
  readonly sieve: Record<string, NumberOrRange | boolean>;
  readonly scores: Record<string, number>;
}

export interface WorkingState {
  readonly options: WorkingOption[];
  /** screening.weightedSum[k].criteria[j].weight */
  readonly weights: number[][];
  /** effluent.parameters[i].measured (undefined: a traffic-light level given directly). */
  readonly epiMeasured: (LabMeasurement | undefined)[];
  /** The EPI weights Wi in use (effluent.parameters[i].weight, or from the AHP). */
  readonly epiWeights: number[];
  /** Set once a sampled input writes an EPI parameter: the EPI kernels' cached terms no longer hold. */
  epiVaried: boolean;
  /** Counts the writes of EPI parameters, so that terms computed from them are reused until the next. */
  epiVersion: number;
}

/** What an uncertain input changes, so that only those results are recomputed. */
export type InputTarget =
  | {
      readonly part: 'economics' | 'epi' | 'productivity' | 'sieve' | 'scores';
      readonly option: number;
    }
  | { readonly part: 'weights'; readonly weightedSum: number }
  /** An EPI parameter's measured value or weight: the EPI before and after every option. */
  | { readonly part: 'epi-parameters' };

export interface ResolvedInput {
  readonly path: string;
  readonly distribution: UncertainDistribution;
  readonly domain: InputDomain;
  /** 'given' by the caller, or derived from a 'range' in the study. */
  readonly source: 'given' | 'range';
  /** The value the deterministic evaluation uses (a sieve range stays a range). */
  readonly point: NumberOrRange;
  readonly target: InputTarget;
  readonly write: (state: WorkingState, value: NumberOrRange) => void;
}

/** The outputs of one option in one evaluation. */
export interface OptionOutputs {
  npv?: number;
  annualWorth?: number;
  bcr?: number;
  /** Simple payback in years, or undefined when never recovered. */
  payback?: number | undefined;
  hasPayback?: boolean;
  epiAfter?: number;
  productivityAfter?: number;
}

export type RuleKey = 'bcr' | 'npv' | 'annual-worth' | 'epi' | `weighted-sum[${number}]`;

/** Winners of one evaluation: per rule, the chosen ids (several on a tie, none when none qualifies). */
export type RuleWinners = Map<RuleKey, readonly string[]>;

export interface StudyModel {
  readonly study: StudyInput;
  readonly epi: EpiModel | undefined;
  readonly current: ProductivityData | undefined;
  /** Option indices each screening entry covers. */
  readonly sieveOptions: readonly (readonly number[])[];
  readonly weightedSumOptions: readonly (readonly number[])[];
  readonly rules: readonly RuleKey[];
  readonly fresh: () => WorkingState;
}

type EpiModel = EpiParameters;

const copyItems = (items: readonly CostItem[]): MutableItem[] =>
  items.map((i) => ({ amount: i.amount, quantity: i.quantity }));

/**
 * The model of a study whose deterministic evaluation succeeded: working copies of the
 * options, the EPI parameters, the year's productivity data and the decision rules in use.
 * @equation model = { options' inputs, EPI parameters (weights from AHP if asked), rules }
 * @source evaluateStudy (src/engine/study/evaluate-study.ts), whose epiInputs and yearData this mirrors
 * @param study the study
 * @param ahp the study's computed AHP results (for epi.weightsFrom)
 * @throws GpError as evaluateStudy's EPI section
 * @example buildStudyModel(cvAbc, []).rules // => ['bcr', 'npv', 'annual-worth', 'epi']
 */
export function buildStudyModel(study: StudyInput, ahp: readonly AhpSectionResult[]): StudyModel {
  const options = study.options ?? [];
  const epi = studyEpiInputs(study, ahp);
  const fresh = (): WorkingState => ({
    options: options.map((o): WorkingOption => {
      const e = o.economics;
      return {
        id: o.id,
        economics:
          e === undefined
            ? undefined
            : {
                investment: copyItems(e.investment),
                annualCosts: e.annualCosts === undefined ? undefined : copyItems(e.annualCosts),
                annualBenefits:
                  e.annualBenefits === undefined ? undefined : copyItems(e.annualBenefits),
                life: e.life,
                interestRate: e.interestRate,
                salvage: e.salvage,
              },
        removal: o.effects?.removal === undefined ? undefined : { ...o.effects.removal },
        inputChanges:
          o.effects?.inputChanges === undefined ? undefined : { ...o.effects.inputChanges },
        outputChanges:
          o.effects?.outputChanges === undefined ? undefined : { ...o.effects.outputChanges },
        hasProductivity:
          o.effects?.inputChanges !== undefined || o.effects?.outputChanges !== undefined,
        sieve: { ...(o.sieve ?? {}) },
        scores: { ...(o.scores ?? {}) },
      };
    }),
    weights: (study.screening?.weightedSum ?? []).map((w) => w.criteria.map((c) => c.weight)),
    epiMeasured: (epi?.parameters ?? []).map((p) => ('measured' in p ? p.measured : undefined)),
    epiWeights: (epi?.parameters ?? []).map((p) => p.weight),
    epiVaried: false,
    epiVersion: 0,
  });
  const chosen = (problem: string | undefined, ids: readonly string[] | undefined): number[] =>
    ids !== undefined
      ? ids.flatMap((id) => options.flatMap((o, k) => (o.id === id ? [k] : [])))
      : options.flatMap((o, k) => (problem === undefined || o.problem === problem ? [k] : []));
  const rules: RuleKey[] = [];
  if (options.some((o) => o.economics !== undefined)) rules.push('bcr', 'npv', 'annual-worth');
  if (epi !== undefined && options.some((o) => o.effects?.removal !== undefined)) rules.push('epi');
  (study.screening?.weightedSum ?? []).forEach((_, k) => rules.push(`weighted-sum[${k}]`));
  return {
    study,
    epi,
    current: studyYearData(study),
    sieveOptions: (study.screening?.sieve ?? []).map((s) => chosen(s.problem, s.options)),
    weightedSumOptions: (study.screening?.weightedSum ?? []).map((w) =>
      chosen(w.problem, w.options),
    ),
    rules,
    fresh,
  };
}

/** Σ amount·quantity from 0, in the items' order (a loop: the same sum as the reduce it replaces). */
function sumItems(items: readonly MutableItem[] | undefined): number {
  let sum = 0;
  if (items === undefined) return sum;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as MutableItem;
    sum = sum + item.amount * (item.quantity ?? 1);
  }
  return sum;
}

/** NPV, AW, BCR and simple payback exactly as evaluateStudy's optionEconomics computes them. */
function economicsOutputs(e: WorkingEconomics, out: OptionOutputs): void {
  const uniform = {
    investment: sumItems(e.investment),
    annualBenefit: sumItems(e.annualBenefits),
    annualCost: sumItems(e.annualCosts),
    rate: e.interestRate,
    life: e.life,
    ...(e.salvage !== undefined && { salvage: e.salvage }),
  };
  const worth = annualWorth(uniform);
  // benefitCostRatioAnnual's own guard and division, on the same equivalent amounts.
  if (!(worth.equivalentAnnualCost > 0)) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'annualCosts',
      `equivalent annual cost must be > 0 for a benefit-cost ratio, got ${worth.equivalentAnnualCost}`,
    );
  }
  const cashFlows = uniformCashFlowSeries({
    investment: uniform.investment,
    annualNet: uniform.annualBenefit - uniform.annualCost,
    periods: uniform.life,
    ...(e.salvage !== undefined && { salvage: e.salvage }),
  });
  const payback = simplePaybackPeriod(cashFlows);
  out.npv = uniformNetPresentValue(uniform).netPresentValue;
  out.annualWorth = worth.annualWorth;
  out.bcr = divide(worth.annualBenefit, worth.equivalentAnnualCost, 'annualCosts');
  out.hasPayback = true;
  out.payback = payback.kind === 'recovered' ? payback.years : undefined;
}

/** The EPI parameters with the working state's measured values and weights (the model's when none varied). */
function workingEpi(model: EpiModel, state: WorkingState): EpiModel {
  if (!state.epiVaried) return model;
  const weight = (i: number, w: number) => state.epiWeights[i] ?? w;
  if (model.method === 'deviation') {
    return {
      method: 'deviation',
      parameters: model.parameters.map((p, i) => ({
        ...p,
        weight: weight(i, p.weight),
        measured: state.epiMeasured[i] ?? p.measured,
      })),
    };
  }
  return {
    method: 'traffic-light',
    parameters: model.parameters.map((p, i) => {
      const measured = state.epiMeasured[i];
      return {
        ...p,
        weight: weight(i, p.weight),
        ...(measured !== undefined && 'measured' in p && { measured }),
      };
    }),
  };
}

/**
 * The study's EPI before any option, with the working state's measured values and weights.
 * @equation deviation: EPI = Σ Wi·Pi(Mi); traffic light: EPI = Σ Wi·level_i(Mi)
 * @source evaluateStudy's EPI section (deviationEpi, trafficLightEpi), the same functions
 * @param model the study model (with an EPI)
 * @param state the working state
 * @throws GpError as deviationEpi and trafficLightEpi, at `effluent…` or `epi…`
 * @example epiBefore(model, model.fresh()) // => 1.3315 (CV. ABC)
 */
export function epiBefore(model: StudyModel, state: WorkingState): number | undefined {
  if (model.epi === undefined) return undefined;
  const epi = workingEpi(model.epi, state);
  const settings = model.study.epi;
  try {
    if (epi.method === 'deviation') {
      return deviationEpi(epi.parameters, { belowDetectionLimit: settings?.belowDetectionLimit })
        .total;
    }
    return trafficLightEpi(epi.parameters, {
      belowDetectionLimit: settings?.belowDetectionLimit,
      scoring: settings?.scoring,
      bands: settings?.bands,
    }).total;
  } catch (error) {
    if (error instanceof GpError && error.field.startsWith('parameters'))
      throw new GpError(error.code, `effluent.${error.field}`, error.detail);
    throw error;
  }
}

function epiAfter(
  model: EpiModel,
  removal: Readonly<Record<string, NumberOrRange>>,
  study: StudyInput,
): number {
  const settings = study.epi;
  if (model.method === 'deviation') {
    const concentrations = concentrationsAfterRemoval(model.parameters, removal);
    return deviationEpi(
      model.parameters.map((p, i) => ({ ...p, measured: concentrations[i]?.after ?? p.measured })),
      { belowDetectionLimit: settings?.belowDetectionLimit },
    ).total;
  }
  const concentrations = concentrationsAfterRemoval(model.parameters, removal);
  return trafficLightEpi(
    model.parameters.map((p, i) => {
      const c = concentrations[i];
      return c?.removal === undefined ? p : { ...p, measured: c.after as LabMeasurement };
    }),
    {
      belowDetectionLimit: settings?.belowDetectionLimit,
      scoring: settings?.scoring,
      bands: settings?.bands,
    },
  ).total;
}

/**
 * Recomputes one part (economics, EPI after, productivity after) of one option's outputs.
 * @equation economics: NPV, AW, BCR = B / (I·(A/P) − S·(A/F) + C), simple payback; epi: EPI(M·(1 − r)); productivity: Σout'/Σin'
 * @source evaluateStudy's optionEconomics and effects, the same engine functions in the same order
 * @param model the study model
 * @param state the working state with the sampled inputs written in
 * @param index the option's index
 * @param part which results to recompute
 * @param out the option's outputs, updated in place
 * @throws GpError as the engine functions, at `options[i].economics…` or `options[i].effects…`
 * @example evaluateOptionPart(model, model.fresh(), 1, 'economics', out); out.bcr // => 3.125 (CV. ABC alt-2)
 */
export function evaluateOptionPart(
  model: StudyModel,
  state: WorkingState,
  index: number,
  part: 'economics' | 'epi' | 'productivity',
  out: OptionOutputs,
): void {
  const option = state.options[index] as WorkingOption;
  const at = `options[${index}]`;
  try {
    if (part === 'economics' && option.economics !== undefined) {
      economicsOutputs(option.economics, out);
    } else if (part === 'epi' && option.removal !== undefined && model.epi !== undefined) {
      out.epiAfter = epiAfter(workingEpi(model.epi, state), option.removal, model.study);
    } else if (part === 'productivity' && option.hasProductivity && model.current !== undefined) {
      const asChanges = (record: Readonly<Record<string, number>> | undefined) =>
        Object.entries(record ?? {}).map(([category, delta]) => ({ category, delta }));
      out.productivityAfter = productivityAfterOption(model.current, {
        inputs: asChanges(option.inputChanges),
        outputs: asChanges(option.outputChanges),
      }).after.ratio;
    }
  } catch (error) {
    if (error instanceof GpError) {
      const section = part === 'economics' ? 'economics' : 'effects';
      throw new GpError(
        error.code,
        `${at}.${section}${error.field === '' ? '' : `.${error.field}`}`,
        error.detail,
      );
    }
    throw error;
  }
}

/**
 * Every output of every option in the working state.
 * @equation outputs_k = evaluateOptionPart(k, economics ∪ epi ∪ productivity)
 * @source evaluateStudy (options section)
 * @param model the study model
 * @param state the working state
 * @throws GpError as evaluateOptionPart
 * @example evaluateAllOptions(model, model.fresh())[1].epiAfter // => 15.2419 (CV. ABC alt-2)
 */
export function evaluateAllOptions(model: StudyModel, state: WorkingState): OptionOutputs[] {
  return state.options.map((_, k) => {
    const out: OptionOutputs = {};
    for (const part of ['economics', 'epi', 'productivity'] as const) {
      evaluateOptionPart(model, state, k, part, out);
    }
    return out;
  });
}

/**
 * Which options of one sieve entry pass, by screenOptionsBySieve (a range compares its relevant end).
 * @equation kept = no max criterion with value > cutoff, no min with value < cutoff, every required one yes
 * @source APO (2006) Handbook on Green Productivity, sieve method; screenOptionsBySieve
 * @param model the study model
 * @param state the working state
 * @param entry the index in screening.sieve
 * @throws GpError as screenOptionsBySieve
 * @example sievePasses(model, model.fresh(), 0) // => [true, false, true, true] (PR. Adi Bungsu, water)
 */
export function sievePasses(model: StudyModel, state: WorkingState, entry: number): boolean[] {
  const s = model.study.screening?.sieve?.[entry];
  const indices = model.sieveOptions[entry] ?? [];
  if (s === undefined) return [];
  const result = screenOptionsBySieve(
    s.criteria,
    indices.map((k) => {
      const o = state.options[k] as WorkingOption;
      return { id: o.id, values: o.sieve };
    }),
  );
  return result.options.map((o) => o.kept);
}

/**
 * The option(s) each decision rule chooses, from the options' outputs and the working weights.
 * @equation bcr/npv/aw: rankEconomicAlternatives (argmax above the threshold); epi: argmax EPI after; weighted sum: rankOptionsByWeightedSum
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed., ch. 5–6, 9; APO weighted-sum method
 * @param model the study model
 * @param state the working state
 * @param outputs the options' outputs
 * @param rules the rules to decide (default: every rule the study uses)
 * @throws GpError as the ranking functions
 * @example ruleWinners(model, state, outputs).get('bcr') // => ['alt-2'] (CV. ABC)
 */
export function ruleWinners(
  model: StudyModel,
  state: WorkingState,
  outputs: readonly OptionOutputs[],
  rules: readonly RuleKey[] = model.rules,
): RuleWinners {
  const winners: RuleWinners = new Map();
  for (const rule of rules) {
    if (rule === 'bcr' || rule === 'npv' || rule === 'annual-worth') {
      const alternatives = outputs.flatMap((o, k) => {
        const value = rule === 'bcr' ? o.bcr : rule === 'npv' ? o.npv : o.annualWorth;
        return value === undefined ? [] : [{ name: state.options[k]?.id ?? '', value }];
      });
      const choice = rankEconomicAlternatives(rule, alternatives).choice;
      winners.set(
        rule,
        choice.kind === 'chosen' ? [choice.name] : choice.kind === 'tie' ? choice.names : [],
      );
    } else if (rule === 'epi') {
      let best = -Infinity;
      let ids: string[] = [];
      outputs.forEach((o, k) => {
        const v = o.epiAfter;
        if (v === undefined) return;
        const id = state.options[k]?.id ?? '';
        if (v > best) {
          best = v;
          ids = [id];
        } else if (v === best) ids.push(id);
      });
      winners.set(rule, ids);
    } else {
      const entry = Number(/\d+/.exec(rule)?.[0]);
      const w = model.study.screening?.weightedSum?.[entry];
      if (w === undefined) continue;
      const weights = state.weights[entry] ?? [];
      const result = rankOptionsByWeightedSum(
        w.criteria.map((c, j) => ({ id: c.id, weight: weights[j] ?? c.weight })),
        (model.weightedSumOptions[entry] ?? []).map((k) => {
          const o = state.options[k] as WorkingOption;
          return { id: o.id, scores: o.scores };
        }),
      );
      winners.set(
        rule,
        result.choice.kind === 'single' ? [result.choice.option] : result.choice.options,
      );
    }
  }
  return winners;
}

// ── Resolving uncertain input paths ─────────────────────────────────────────────────────

const FRACTION: InputDomain = { min: 0, max: 1 };
const NON_NEGATIVE: InputDomain = { min: 0, max: Infinity };

/**
 * Resolves a study input path to its domain, point value, what it changes and how to write it.
 * @equation options[id].economics.{interestRate, life, salvage, investment|annualCosts|annualBenefits[k].amount|quantity}, options[id].effects.{removal, inputChanges, outputChanges}.key, options[id].sieve.key, options[id].scores.key, screening.weightedSum[k].criteria[j].weight, effluent.parameters[id].{measured, weight}
 * @source Lestari issue 6 (uncertain inputs); study-input.ts field names
 * @param study the study
 * @param path the input path (an option by id, or by index when no id matches)
 * @param field the field path for errors
 * @throws GpError UNKNOWN_REFERENCE when the path names no numeric input
 * @example resolveInputPath(cvAbc, 'options[alt-2].effects.removal.cod', 'x').point // => 0.8
 */
export function resolveInputPath(
  study: StudyInput,
  path: string,
  field: string,
): Omit<ResolvedInput, 'distribution' | 'source' | 'path'> & { readonly path: string } {
  const unknown = (detail: string) => new GpError('UNKNOWN_REFERENCE', field, detail);
  const options = study.options ?? [];
  const ws = /^screening\.weightedSum\[(\d+)\]\.criteria\[([^\]]+)\]\.weight$/.exec(path);
  if (ws !== null) {
    const k = Number(ws[1]);
    const criteria = study.screening?.weightedSum?.[k]?.criteria;
    if (criteria === undefined) throw unknown(`no screening.weightedSum[${k}]`);
    const key = ws[2] as string;
    let j = criteria.findIndex((c) => c.id === key);
    if (j < 0 && /^\d+$/.test(key) && Number(key) < criteria.length) j = Number(key);
    const criterion = criteria[j];
    if (criterion === undefined)
      throw unknown(`no criterion "${key}" in screening.weightedSum[${k}]`);
    return {
      path: `screening.weightedSum[${k}].criteria[${j}].weight`,
      domain: NON_NEGATIVE,
      point: criterion.weight,
      target: { part: 'weights', weightedSum: k },
      write: (state, value) => {
        (state.weights[k] as number[])[j] = pointOf(value);
      },
    };
  }
  const effluent = /^effluent\.parameters\[([^\]]+)\]\.(measured|weight)$/.exec(path);
  if (effluent !== null) return effluentInput(study, effluent[1] as string, effluent[2], unknown);
  const match = /^options\[([^\]]+)\]\.(.+)$/.exec(path);
  if (match === null) {
    throw unknown(
      'is not an input the uncertainty analysis can vary (options[…].economics…, options[…].effects…, options[…].sieve…, options[…].scores…, screening.weightedSum[…].criteria[…].weight, effluent.parameters[…].measured, effluent.parameters[…].weight)',
    );
  }
  const ref = match[1] as string;
  let index = options.findIndex((o) => o.id === ref);
  if (index < 0 && /^\d+$/.test(ref) && Number(ref) < options.length) index = Number(ref);
  const option = options[index];
  if (option === undefined) throw unknown(`no option "${ref}"`);
  const canonical = (rest: string) => `options[${option.id}].${rest}`;
  const rest = match[2] as string;
  const keyed =
    /^(effects\.removal|effects\.inputChanges|effects\.outputChanges|sieve|scores)\.(.+)$/.exec(
      rest,
    );
  if (keyed !== null) {
    const section = keyed[1] as string;
    const key = keyed[2] as string;
    const record: Readonly<Record<string, unknown>> | undefined =
      section === 'effects.removal'
        ? option.effects?.removal
        : section === 'effects.inputChanges'
          ? option.effects?.inputChanges
          : section === 'effects.outputChanges'
            ? option.effects?.outputChanges
            : section === 'sieve'
              ? option.sieve
              : option.scores;
    const value =
      record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
        ? record[key]
        : undefined;
    if (
      typeof value !== 'number' &&
      !(typeof value === 'object' && value !== null && isRange(value as NumberOrRange))
    ) {
      throw unknown(`option "${option.id}" has no numeric ${section} "${key}"`);
    }
    const point = value as NumberOrRange;
    const part =
      section === 'effects.removal'
        ? 'epi'
        : section === 'sieve'
          ? 'sieve'
          : section === 'scores'
            ? 'scores'
            : 'productivity';
    // The record chosen once, not by comparing the section every iteration.
    const recordOf: (o: WorkingOption) => Record<string, unknown> | undefined =
      section === 'effects.removal'
        ? (o) => o.removal
        : section === 'effects.inputChanges'
          ? (o) => o.inputChanges
          : section === 'effects.outputChanges'
            ? (o) => o.outputChanges
            : section === 'sieve'
              ? (o) => o.sieve
              : (o) => o.scores;
    const write = (state: WorkingState, v: NumberOrRange) => {
      (recordOf(state.options[index] as WorkingOption) as Record<string, unknown>)[key] = v;
    };
    return {
      path: canonical(`${section}.${key}`),
      domain: section === 'effects.removal' ? FRACTION : UNBOUNDED,
      // A removal range's point is its low end, as evaluateStudy takes it; a sieve range stays a range.
      point: section === 'effects.removal' ? pointOf(point) : point,
      target: { part, option: index },
      write,
    };
  }
  const e = option.economics;
  if (e !== undefined && rest.startsWith('economics.')) {
    const target: InputTarget = { part: 'economics', option: index };
    const econ = (state: WorkingState) =>
      (state.options[index] as WorkingOption).economics as WorkingEconomics;
    const field2 = rest.slice('economics.'.length);
    if (field2 === 'interestRate') {
      return {
        path: canonical(rest),
        domain: NON_NEGATIVE,
        point: e.interestRate,
        target,
        write: (s, v) => {
          econ(s).interestRate = pointOf(v);
        },
      };
    }
    if (field2 === 'life') {
      // Life is a whole number of years: a sampled life is rounded to the nearest year.
      return {
        path: canonical(rest),
        domain: { min: 1, max: MAX_UNIFORM_PERIODS },
        point: e.life,
        target,
        write: (s, v) => {
          econ(s).life = Math.round(pointOf(v));
        },
      };
    }
    if (field2 === 'salvage') {
      return {
        path: canonical(rest),
        domain: UNBOUNDED,
        point: e.salvage ?? 0,
        target,
        write: (s, v) => {
          econ(s).salvage = pointOf(v);
        },
      };
    }
    const item = /^(investment|annualCosts|annualBenefits)\[(\d+)\]\.(amount|quantity)$/.exec(
      field2,
    );
    if (item !== null) {
      const list = item[1] as 'investment' | 'annualCosts' | 'annualBenefits';
      const k = Number(item[2]);
      const prop = item[3] as 'amount' | 'quantity';
      const entry = e[list]?.[k];
      if (entry === undefined)
        throw unknown(`option "${option.id}" has no economics.${list}[${k}]`);
      return {
        path: canonical(rest),
        domain: NON_NEGATIVE,
        point: prop === 'amount' ? entry.amount : (entry.quantity ?? 1),
        target,
        // Named stores chosen once (no keyed access or comparisons): this runs every iteration.
        write: itemWriter(econ, list, k, prop),
      };
    }
  }
  throw unknown(`option "${option.id}" has no input "${rest}" the uncertainty analysis can vary`);
}

/** A writer of one economics item's amount or quantity, its list and property chosen once. */
function itemWriter(
  econ: (state: WorkingState) => WorkingEconomics,
  list: 'investment' | 'annualCosts' | 'annualBenefits',
  k: number,
  prop: 'amount' | 'quantity',
): ResolvedInput['write'] {
  const itemOf: (w: WorkingEconomics) => MutableItem =
    list === 'investment'
      ? (w) => w.investment[k] as MutableItem
      : list === 'annualCosts'
        ? (w) => (w.annualCosts as MutableItem[])[k] as MutableItem
        : (w) => (w.annualBenefits as MutableItem[])[k] as MutableItem;
  return prop === 'amount'
    ? (s, v) => {
        itemOf(econ(s)).amount = typeof v === 'number' ? v : pointOf(v);
      }
    : (s, v) => {
        itemOf(econ(s)).quantity = typeof v === 'number' ? v : pointOf(v);
      };
}

/** effluent.parameters[ref].measured or .weight: an EPI input of the study's EPI section. */
function effluentInput(
  study: StudyInput,
  ref: string,
  property: string | undefined,
  unknown: (detail: string) => GpError,
): Omit<ResolvedInput, 'distribution' | 'source' | 'path'> & { readonly path: string } {
  const parameters = study.effluent?.parameters ?? [];
  let i = parameters.findIndex((p) => p.id === ref);
  if (i < 0 && /^\d+$/.test(ref) && Number(ref) < parameters.length) i = Number(ref);
  const parameter = parameters[i];
  if (parameter === undefined) throw unknown(`no effluent parameter "${ref}"`);
  if (study.epi === undefined) throw unknown('the study computes no EPI (no epi section)');
  const path = `effluent.parameters[${parameter.id}].${property}`;
  const target: InputTarget = { part: 'epi-parameters' };
  if (property === 'weight') {
    if (study.epi.weightsFrom !== undefined) {
      throw unknown(
        `the EPI weights come from the AHP "${study.epi.weightsFrom}" (epi.weightsFrom); its flip margins show how far they may move`,
      );
    }
    if (parameter.weight === undefined) throw unknown(`parameter "${parameter.id}" has no weight`);
    return {
      path,
      domain: NON_NEGATIVE,
      point: parameter.weight,
      target,
      write: (state, v) => {
        state.epiWeights[i] = pointOf(v);
        state.epiVaried = true;
        state.epiVersion += 1;
      },
    };
  }
  if (study.epi.method === 'traffic-light' && parameter.level !== undefined) {
    throw unknown(
      `parameter "${parameter.id}" gives its traffic-light level, not a measured value`,
    );
  }
  const measured = parameter.measured;
  return {
    path,
    domain: NON_NEGATIVE,
    point: typeof measured === 'number' ? measured : measured.value,
    target,
    // A "< x" result stays one: the sampled number is the uncertain detection limit.
    write: (state, v) => {
      const value = pointOf(v);
      state.epiMeasured[i] =
        typeof measured === 'number' ? value : { qualifier: measured.qualifier, value };
      state.epiVaried = true;
      state.epiVersion += 1;
    },
  };
}

// ── The fast path of the inner loop ─────────────────────────────────────────────────────

/** Re-evaluates one part of one option's outputs in place, like evaluateOptionPart. */
export type OptionPartEvaluator = ((
  state: WorkingState,
  index: number,
  part: 'economics' | 'epi' | 'productivity',
  out: OptionOutputs,
) => void) & {
  /** epiBefore, from the same cached terms when measured values or weights are sampled. */
  readonly epiBefore: (state: WorkingState) => number | undefined;
};

interface EpiKernel {
  readonly fixedTerms: Float64Array;
  readonly removal: Float64Array;
  readonly measured: Float64Array;
  readonly weights: Float64Array;
  readonly standards: readonly CheckedDeviationStandard[];
  /** Parameter index → the option's removal key, for the parameters the option treats. */
  readonly treatedIndex: Int32Array;
  readonly treatedKey: readonly string[];
  /** The treated parameters' measured values when they are sampled (scratch). */
  readonly variedMeasured: Float64Array;
}

/** The deviation EPI's terms Wi·Pi with the working state's measured values and weights. */
function workingTerms(model: StudyModel, state: WorkingState): Float64Array | undefined {
  const epi = model.epi;
  if (epi === undefined || epi.method !== 'deviation') return undefined;
  try {
    const working = workingEpi(epi, state);
    const terms = deviationEpi(working.parameters as typeof epi.parameters, {
      belowDetectionLimit: model.study.epi?.belowDetectionLimit,
    }).terms;
    return Float64Array.from(terms, (t) => t.term);
  } catch {
    return undefined;
  }
}

/** The deviation EPI kernel of one option, or undefined when a treated value is not a plain number. */
function epiKernel(model: StudyModel, option: WorkingOption): EpiKernel | undefined {
  const epi = model.epi;
  if (epi === undefined || epi.method !== 'deviation' || option.removal === undefined) return;
  const parameters = epi.parameters;
  try {
    const base = deviationEpi(parameters, {
      belowDetectionLimit: model.study.epi?.belowDetectionLimit,
    });
    const treated: [number, string][] = [];
    const measured = new Float64Array(parameters.length).fill(NaN);
    for (const key of Object.keys(option.removal)) {
      const i = parameters.findIndex((p) => p.id === key);
      const m = parameters[i]?.measured;
      const value = typeof m === 'number' ? m : m?.qualifier === undefined ? m?.value : undefined;
      if (value === undefined) return;
      treated.push([i, key]);
      measured[i] = value;
    }
    return {
      fixedTerms: Float64Array.from(base.terms, (t) => t.term),
      // NaN (untreated) except at the treated parameters, which every evaluation overwrites.
      removal: new Float64Array(parameters.length).fill(NaN),
      measured,
      weights: Float64Array.from(parameters, (p) => p.weight),
      standards: parameters.map((p) => checkDeviationStandard(p.standard, p.limitKind)),
      treatedIndex: Int32Array.from(treated, ([i]) => i),
      treatedKey: treated.map(([, key]) => key),
      variedMeasured: new Float64Array(parameters.length).fill(NaN),
    };
  } catch {
    return undefined;
  }
}

/**
 * An evaluator equal to evaluateOptionPart that runs the allocation-free kernels (uniform
 * economics, the deviation EPI after removal) and falls back to the engine functions whenever a
 * kernel declines, so results and errors are those of evaluateOptionPart.
 * @equation as evaluateOptionPart; economics by uniformEconomicsInto, deviation EPI by deviationEpiTotal
 * @source evaluateStudy's optionEconomics and effects; fast-kernels.ts (bitwise-equal kernels)
 * @param model the study model
 * @example createOptionPartEvaluator(model)(model.fresh(), 1, 'economics', out); out.bcr // => 3.125 (CV. ABC alt-2)
 */
export function createOptionPartEvaluator(model: StudyModel): OptionPartEvaluator {
  const economics = new Float64Array(4);
  // Per option index: its EPI kernel, null when it has none, undefined until first asked.
  const kernels: (EpiKernel | null | undefined)[] = [];
  // The EPI terms of the working state's measured values and weights, for the state and
  // version they were computed for (undefined when deviationEpi throws: the engine path then runs).
  const varied: {
    state: WorkingState | undefined;
    version: number;
    terms: Float64Array | undefined;
    weights: Float64Array | undefined;
  } = { state: undefined, version: -1, terms: undefined, weights: undefined };
  const refresh = (state: WorkingState) => {
    if (varied.state !== state || varied.version !== state.epiVersion) {
      varied.state = state;
      varied.version = state.epiVersion;
      varied.terms = workingTerms(model, state);
      varied.weights = Float64Array.from(state.epiWeights);
    }
  };
  const evaluate = (
    state: WorkingState,
    index: number,
    part: 'economics' | 'epi' | 'productivity',
    out: OptionOutputs,
  ): void => {
    const option = state.options[index] as WorkingOption;
    if (part === 'economics' && option.economics !== undefined) {
      const e = option.economics;
      if (
        uniformEconomicsInto(
          sumItems(e.investment),
          sumItems(e.annualBenefits),
          sumItems(e.annualCosts),
          e.interestRate,
          e.life,
          e.salvage ?? 0,
          economics,
        )
      ) {
        out.npv = economics[ECONOMICS_NPV] as number;
        out.annualWorth = economics[ECONOMICS_ANNUAL_WORTH] as number;
        out.bcr = economics[ECONOMICS_BCR] as number;
        out.hasPayback = true;
        const payback = economics[ECONOMICS_PAYBACK] as number;
        out.payback = Number.isNaN(payback) ? undefined : payback;
        return;
      }
    } else if (part === 'epi') {
      let kernel = kernels[index];
      if (kernel === undefined) kernel = kernels[index] = epiKernel(model, option) ?? null;
      let ready = kernel !== null && option.removal !== undefined;
      let fixedTerms = kernel?.fixedTerms;
      let weights = kernel?.weights;
      let measured = kernel?.measured;
      if (ready && state.epiVaried && kernel !== null) {
        // Sampled measured values or weights: the untreated terms from them (once per change,
        // shared by the options), the treated parameters' values from the state.
        refresh(state);
        fixedTerms = varied.terms;
        weights = varied.weights;
        measured = kernel.variedMeasured;
        for (let t = 0; t < kernel.treatedIndex.length; t++) {
          const i = kernel.treatedIndex[t] as number;
          const m = state.epiMeasured[i];
          measured[i] = typeof m === 'number' ? m : NaN;
        }
        ready = fixedTerms !== undefined;
      }
      if (ready && kernel !== null && option.removal !== undefined) {
        const removal = option.removal;
        const { treatedIndex, treatedKey } = kernel;
        for (let t = 0; t < treatedIndex.length; t++) {
          const r = removal[treatedKey[t] as string];
          kernel.removal[treatedIndex[t] as number] =
            r === undefined ? NaN : typeof r === 'number' ? r : pointOf(r);
        }
        const total = deviationEpiTotal(
          fixedTerms as Float64Array,
          kernel.removal,
          measured as Float64Array,
          weights as Float64Array,
          kernel.standards,
        );
        if (!Number.isNaN(total)) {
          out.epiAfter = total;
          return;
        }
      }
    }
    evaluateOptionPart(model, state, index, part, out);
  };
  return Object.assign(evaluate, {
    // deviationEpi's total is Σ Wi·Pi from 0 in the parameters' order: the cached terms' sum.
    epiBefore: (state: WorkingState): number | undefined => {
      if (!state.epiVaried || model.epi?.method !== 'deviation') return epiBefore(model, state);
      refresh(state);
      const terms = varied.terms;
      if (terms === undefined) return epiBefore(model, state);
      let total = 0;
      for (let i = 0; i < terms.length; i++) total += terms[i] as number;
      return total;
    },
  });
}
