/**
 * Evaluates a whole study: every result of every GP step, from one StudyInput. Each section
 * is computed on its own, so a bad input in one section is reported (with the field path as
 * the study file names it) while the other sections still compute.
 */
import { GpError } from '../errors.js';
import {
  deviationEpi,
  trafficLightEpi,
  type DeviationEpiResult,
  type DeviationParameter,
  type TrafficLightEpiResult,
  type TrafficLightParameter,
} from '../epi/index.js';
import {
  deviationEpiAfterOption,
  trafficLightEpiAfterOption,
  type DeviationEpiAfterOption,
  type TrafficLightEpiAfterOption,
} from '../effects/epi-after-option.js';
import {
  rankOptionsByWeightedSum,
  screenOptionsBySieve,
  type SieveResult,
  type WeightedSumResult,
} from '../options/index.js';
import {
  ahpGroupWeights,
  ahpWeights,
  cronbachAlpha,
  likertItemValidity,
  likertWeights,
  surveyDimensionScore,
  type AhpResult,
  type LikertReliability,
  type LikertValidity,
  type LikertWeights,
  type SurveyDimensionScore,
} from '../weights/index.js';
import { plantMassBalance, type PlantMassBalance } from '../mass-balance/index.js';
import {
  periodProductivity,
  processProductivity,
  totalProductivity,
  type PeriodProductivityResult,
  type ProcessProductivityResult,
  type ProductivityData,
  type TotalProductivity,
} from '../productivity/index.js';
import {
  productivityAfterOption,
  wasteQuantityReduction,
  type ProductivityAfterOption,
  type WasteReduction,
} from '../effects/index.js';
import {
  annualWorth,
  benefitCostRatioAnnual,
  discountedPaybackPeriod,
  incrementalInternalRateOfReturn,
  internalRateOfReturn,
  rankEconomicAlternatives,
  simplePaybackPeriod,
  uniformCashFlowSeries,
  uniformNetPresentValue,
  type EconomicRanking,
  type IncrementalRateOfReturnResult,
  type InternalRateOfReturn,
  type SeriesPaybackPeriod,
} from '../economics/index.js';
import type { NumberOrRange } from '../range.js';
import type {
  CostItem,
  DecisionRule,
  EffluentParameter,
  GpOption,
  OptionEconomics,
  OptionEffects,
  StudyInput,
} from './study-input.js';

/** An engine error placed at the study-file field it concerns. */
export interface StudyError {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export type EpiSectionResult = DeviationEpiResult | TrafficLightEpiResult;
export type EpiAfterOption = DeviationEpiAfterOption | TrafficLightEpiAfterOption;

export interface AhpSectionResult extends AhpResult {
  readonly id: string;
  readonly items: readonly string[];
  /** Each respondent's own result, when several matrices were aggregated. */
  readonly respondents?: readonly (AhpResult & { readonly name: string | undefined })[];
}

/** An option's engineering economics over its life, with its cash flows shown. */
export interface OptionEconomicsResult {
  readonly investment: number;
  readonly annualCost: number;
  readonly annualBenefit: number;
  readonly life: number;
  readonly interestRate: number;
  readonly salvage: number;
  /** (A/P, i, n), full precision. */
  readonly capitalRecoveryFactor: number;
  /** I·(A/P, i, n) − S·(A/F, i, n). */
  readonly capitalRecovery: number;
  /** Capital recovery + annual cost: the annualised cost in the B/C ratio. */
  readonly equivalentAnnualCost: number;
  /** Annual benefit − equivalent annual cost. */
  readonly annualWorth: number;
  /** Annual benefit ÷ equivalent annual cost. */
  readonly bcr: number;
  /** Year 0 … n: −I, then benefit − cost (+ salvage in year n). */
  readonly cashFlows: readonly number[];
  readonly npv: number;
  readonly irr: InternalRateOfReturn;
  readonly payback: {
    readonly simple: SeriesPaybackPeriod;
    readonly discounted: SeriesPaybackPeriod;
  };
}

export interface DecisionResult {
  readonly rule: DecisionRule;
  /** The option the rule selects, or several on a tie; none when no option qualifies. */
  readonly chosen: readonly string[];
  readonly ranking?: EconomicRanking;
  /** Incremental analysis, lower investment first: each challenger against the defender. */
  readonly incremental?: readonly (IncrementalRateOfReturnResult & {
    readonly defender: string;
    readonly challenger: string;
  })[];
  /** The last incremental comparison's rate (two options: the one the papers report). */
  readonly incrementalIrr?: { readonly rate: number; readonly percent: number };
}

/** A Likert questionnaire: weights from mean scores, item validity and reliability. */
export interface LikertSectionResult {
  readonly id: string;
  readonly items: readonly string[];
  readonly weights: LikertWeights;
  readonly validity: LikertValidity;
  readonly reliability: LikertReliability;
}

export interface OptionResult {
  readonly id: string;
  readonly name: string;
  readonly problem: string | undefined;
  readonly economics?: OptionEconomicsResult;
  readonly effects?: {
    readonly epi?: EpiAfterOption;
    readonly productivity?: ProductivityAfterOption;
    readonly waste?: WasteReduction;
  };
}

export interface MassBalanceSectionResult {
  readonly balance: PlantMassBalance;
  readonly productivity: ProcessProductivityResult;
}

export interface ProductivitySectionResult {
  /** Each period, Σoutput/Σinput of the year and the mean of the periods' ratios. */
  readonly periods: PeriodProductivityResult;
  /** The year's total and partial productivity by input category (from yearInputs or Σ periods). */
  readonly year?: TotalProductivity;
}

export interface StudyResults {
  readonly massBalance?: MassBalanceSectionResult;
  readonly productivity?: ProductivitySectionResult;
  readonly epi?: EpiSectionResult;
  readonly weights?: {
    readonly ahp: readonly AhpSectionResult[];
    readonly likert: readonly LikertSectionResult[];
  };
  readonly survey?: readonly (SurveyDimensionScore & { readonly name: string })[];
  readonly options?: readonly OptionResult[];
  readonly screening?: {
    readonly sieve: readonly (SieveResult & { readonly problem: string | undefined })[];
    readonly weightedSum: readonly (WeightedSumResult & { readonly problem: string | undefined })[];
  };
  readonly decision?: DecisionResult;
}

export interface StudyEvaluation {
  readonly results: StudyResults;
  /** Every input problem found; empty when the whole study computed. */
  readonly errors: readonly StudyError[];
}

/**
 * Computes every result of a Green Productivity study, in GP step order.
 * @equation results = each chapter's function applied to its part of the study
 * @source APO (2006) Handbook on Green Productivity: the six steps and their tools
 * @param study the study, as the study file describes it
 * @example evaluateStudy(study).results.epi?.total // => 1.3315 for the CV. ABC example
 */
export function evaluateStudy(study: StudyInput): StudyEvaluation {
  const errors: StudyError[] = [];
  const attempt = <T>(compute: () => T, place: (field: string) => string): T | undefined => {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof GpError)) throw error;
      errors.push({ code: error.code, path: place(error.field), message: error.detail });
      return undefined;
    }
  };

  const massBalanceInput = study.massBalance;
  const massBalance =
    massBalanceInput === undefined
      ? undefined
      : attempt(
          (): MassBalanceSectionResult => ({
            balance: plantMassBalance(massBalanceInput),
            productivity: processProductivity(massBalanceInput),
          }),
          // The chapter's own paths start at its argument (`balance.processes[1]…`): map to the file.
          (field) => joinPath('massBalance', field.replace(/^balance(\.|(?=\[)|$)/, '')),
        );

  const productivityInput = study.productivity;
  const productivity =
    productivityInput === undefined
      ? undefined
      : attempt(
          (): ProductivitySectionResult => {
            const periods = periodProductivity(productivityInput);
            const year = yearProductivity(study);
            return { periods, ...(year !== undefined && { year }) };
          },
          (field) =>
            joinPath(
              'productivity',
              field
                .replace(/^series(\.|$)/, '')
                .replace(/^data\.inputs/, 'yearInputs')
                .replace(/^data(\.|$)/, '')
                .replace(/^inputs/, 'yearInputs'),
            ),
        );

  const ahp = (study.weights?.ahp ?? []).flatMap((input, i): AhpSectionResult[] => {
    const at = `weights.ahp[${i}]`;
    const result = attempt(
      (): AhpSectionResult => {
        const settings = input.method === undefined ? {} : { method: input.method };
        const respondents = input.respondents ?? [];
        if (respondents.length > 0) {
          const group = ahpGroupWeights(
            respondents.map((r) => r.matrix),
            settings,
          );
          return {
            ...group.group,
            id: input.id,
            items: input.items,
            respondents: group.respondents.map((r, k) => ({ ...r, name: respondents[k]?.name })),
          };
        }
        if (input.matrix === undefined) {
          throw new GpError('INVALID_INPUT', '', 'give a matrix or respondents’ matrices');
        }
        if (input.matrix.length !== input.items.length) {
          throw new GpError(
            'DIMENSION_MISMATCH',
            'matrix',
            `has ${input.matrix.length} rows for ${input.items.length} items`,
          );
        }
        return { ...ahpWeights(input.matrix, settings), id: input.id, items: input.items };
      },
      (field) =>
        joinPath(
          at,
          field.replace(/^matrices\[(\d+)\]/, (_, k: string) => `respondents[${k}].matrix`),
        ),
    );
    return result === undefined ? [] : [result];
  });

  const likert = (study.weights?.likert ?? []).flatMap((input, i): LikertSectionResult[] => {
    const result = attempt(
      (): LikertSectionResult => {
        if ((input.responses[0]?.length ?? 0) !== input.items.length) {
          throw new GpError(
            'DIMENSION_MISMATCH',
            'responses[0]',
            `has ${input.responses[0]?.length ?? 0} scores for ${input.items.length} items`,
          );
        }
        return {
          id: input.id,
          items: input.items,
          weights: likertWeights(input.responses, input.scale),
          validity: likertItemValidity(
            input.responses,
            input.scale,
            input.alpha === undefined ? {} : { alpha: input.alpha },
          ),
          reliability: cronbachAlpha(input.responses, input.scale),
        };
      },
      (field) => joinPath(`weights.likert[${i}]`, field),
    );
    return result === undefined ? [] : [result];
  });

  const survey = (study.survey ?? []).flatMap((dimension, i) => {
    const result = attempt(
      () => ({
        ...surveyDimensionScore(dimension.responses, dimension.scale),
        name: dimension.name,
      }),
      (field) => joinPath(`survey[${i}]`, field),
    );
    return result === undefined ? [] : [result];
  });

  const epiParameters = attempt(
    () => studyEpiInputs(study, ahp),
    (field) => field,
  );
  const epi =
    epiParameters === undefined
      ? undefined
      : attempt(
          () => computeEpi(study, epiParameters),
          (field) => mapEpiField(field),
        );

  const options = (study.options ?? []).map((option, i): OptionResult => {
    const at = `options[${i}]`;
    const removal = option.effects?.removal;
    const epiAfter =
      removal === undefined || epiParameters === undefined
        ? undefined
        : attempt(
            () => epiAfterOption(study, epiParameters, removal),
            (field) =>
              field.startsWith('removal') ? joinPath(`${at}.effects`, field) : mapEpiField(field),
          );
    const economicsInput = option.economics;
    const economics =
      economicsInput === undefined
        ? undefined
        : attempt(
            () => optionEconomics(economicsInput),
            (field) => joinPath(`${at}.economics`, mapEconomicsField(field)),
          );
    const changes = option.effects;
    const productivityAfter =
      changes?.inputChanges === undefined && changes?.outputChanges === undefined
        ? undefined
        : attempt(
            () => {
              const current = studyYearData(study);
              if (current === undefined) {
                throw new GpError(
                  'INVALID_INPUT',
                  'inputChanges',
                  'needs productivity data (periods with inputs and outputs, or yearInputs) to change',
                );
              }
              const asChanges = (record: Readonly<Record<string, number>> | undefined) =>
                Object.entries(record ?? {}).map(([category, delta]) => ({ category, delta }));
              return productivityAfterOption(current, {
                inputs: asChanges(changes?.inputChanges),
                outputs: asChanges(changes?.outputChanges),
              });
            },
            (field) => joinPath(`${at}.effects`, changeField(field, changes)),
          );
    const waste =
      changes?.waste === undefined
        ? undefined
        : attempt(
            () => wasteQuantityReduction(changes.waste as NonNullable<typeof changes.waste>),
            // The chapter's paths start at its argument's `waste`, as the file's do.
            (field) => joinPath(`${at}.effects`, field),
          );
    const effects = {
      ...(epiAfter !== undefined && { epi: epiAfter }),
      ...(productivityAfter !== undefined && { productivity: productivityAfter }),
      ...(waste !== undefined && { waste }),
    };
    return {
      id: option.id,
      name: option.name,
      problem: option.problem,
      ...(economics !== undefined && { economics }),
      ...(Object.keys(effects).length > 0 && { effects }),
    };
  });

  const screening = screen(study, attempt);

  const decision =
    study.decisionRule === undefined
      ? undefined
      : attempt(
          () => decide(study.decisionRule as DecisionRule, options),
          (field) => joinPath('decisionRule', field),
        );

  const results: StudyResults = {
    ...(massBalance !== undefined && { massBalance }),
    ...(productivity !== undefined && { productivity }),
    ...(epi !== undefined && { epi }),
    ...((ahp.length > 0 || likert.length > 0) && { weights: { ahp, likert } }),
    ...(survey.length > 0 && { survey }),
    ...(options.length > 0 && { options }),
    ...(screening !== undefined && { screening }),
    ...(decision !== undefined && { decision }),
  };
  return { results, errors };
}

/**
 * The year's productivity data: the published year inputs by category (Case C) with the
 * periods' summed output, or the periods' summed outputs and inputs. Undefined when the
 * periods carry only ready ratios (Case A). Option effects change these data.
 * @equation output = Σ periods' outputs; inputs = yearInputs, else Σ periods' inputs by category
 * @source PT ECCO Tannery (Case C) §4.2.6 B: the year's inputs by category before and after each option
 * @param study the study
 * @example studyYearData(ecco)?.inputs.energy // => 24440.9
 */
export function studyYearData(study: StudyInput): ProductivityData | undefined {
  const p = study.productivity;
  if (p === undefined) return undefined;
  const sum = (key: 'outputs' | 'inputs'): Record<string, number> | undefined => {
    const out: Record<string, number> = {};
    for (const period of p.periods) {
      const values = period[key];
      if (values === undefined) return undefined;
      for (const [name, v] of Object.entries(values)) out[name] = (out[name] ?? 0) + v;
    }
    return p.periods.length === 0 ? undefined : out;
  };
  const outputs = sum('outputs');
  const inputs = p.yearInputs ?? sum('inputs');
  if (outputs === undefined || inputs === undefined) return undefined;
  return { basis: p.basis, ...(p.unit !== undefined && { unit: p.unit }), outputs, inputs };
}

function yearProductivity(study: StudyInput): TotalProductivity | undefined {
  const data = studyYearData(study);
  return data === undefined ? undefined : totalProductivity(data);
}

const sumItems = (items: readonly CostItem[] | undefined): number =>
  (items ?? []).reduce((sum, item) => sum + item.amount * (item.quantity ?? 1), 0);

function optionEconomics(input: OptionEconomics): OptionEconomicsResult {
  const uniform = {
    investment: sumItems(input.investment),
    annualBenefit: sumItems(input.annualBenefits),
    annualCost: sumItems(input.annualCosts),
    rate: input.interestRate,
    life: input.life,
    ...(input.salvage !== undefined && { salvage: input.salvage }),
  };
  const worth = annualWorth(uniform);
  const bcr = benefitCostRatioAnnual(uniform);
  const cashFlows = uniformCashFlowSeries({
    investment: uniform.investment,
    annualNet: uniform.annualBenefit - uniform.annualCost,
    periods: uniform.life,
    ...(input.salvage !== undefined && { salvage: input.salvage }),
  });
  return {
    investment: uniform.investment,
    annualCost: uniform.annualCost,
    annualBenefit: uniform.annualBenefit,
    life: uniform.life,
    interestRate: uniform.rate,
    salvage: input.salvage ?? 0,
    capitalRecoveryFactor: worth.capitalRecoveryFactor,
    capitalRecovery: worth.capitalRecovery,
    equivalentAnnualCost: worth.equivalentAnnualCost,
    annualWorth: worth.annualWorth,
    bcr: bcr.ratio,
    cashFlows,
    npv: uniformNetPresentValue(uniform).netPresentValue,
    irr: internalRateOfReturn(cashFlows),
    payback: {
      simple: simplePaybackPeriod(cashFlows),
      discounted: discountedPaybackPeriod(uniform.rate, cashFlows),
    },
  };
}

/** Economics chapter fields as the study file names them. */
function mapEconomicsField(field: string): string {
  return field
    .replace(/^rate/, 'interestRate')
    .replace(/^periods/, 'life')
    .replace(/^annualBenefit/, 'annualBenefits')
    .replace(/^annualCost/, 'annualCosts');
}

/** Chooses among the options that have economics, by the study's decision rule. */
function decide(rule: DecisionRule, options: readonly OptionResult[]): DecisionResult {
  const candidates = options.flatMap((o) =>
    o.economics === undefined ? [] : [{ id: o.id, economics: o.economics }],
  );
  if (candidates.length === 0) {
    throw new GpError('INVALID_INPUT', '', `"${rule}" needs options with economics`);
  }
  if (rule !== 'incremental-irr') {
    const value = (e: OptionEconomicsResult) =>
      rule === 'bcr' ? e.bcr : rule === 'npv' ? e.npv : e.annualWorth;
    const ranking = rankEconomicAlternatives(
      rule,
      candidates.map((c) => ({ name: c.id, value: value(c.economics) })),
    );
    const choice = ranking.choice;
    const chosen =
      choice.kind === 'chosen' ? [choice.name] : choice.kind === 'tie' ? choice.names : [];
    return { rule, chosen, ranking };
  }
  // Incremental analysis: order by investment, let each challenger face the current defender.
  const ordered = [...candidates].sort((a, b) => a.economics.investment - b.economics.investment);
  const [first, ...rest] = ordered;
  if (first === undefined) throw new GpError('EMPTY', '', 'no options to compare');
  let defender = first;
  const incremental: NonNullable<DecisionResult['incremental']>[number][] = [];
  for (const challenger of rest) {
    const result = incrementalInternalRateOfReturn({
      first: defender.economics.cashFlows,
      second: challenger.economics.cashFlows,
      marr: challenger.economics.interestRate,
    });
    incremental.push({ ...result, defender: defender.id, challenger: challenger.id });
    if (result.chosen === 'second') defender = challenger;
  }
  const last = incremental[incremental.length - 1]?.incrementalRate;
  return {
    rule,
    chosen: [defender.id],
    incremental,
    ...(last?.kind === 'unique' && {
      incrementalIrr: { rate: last.rate, percent: last.rate * 100 },
    }),
  };
}

type Attempt = <T>(compute: () => T, place: (field: string) => string) => T | undefined;

export type EpiParameters =
  | { readonly method: 'deviation'; readonly parameters: readonly DeviationParameter[] }
  | { readonly method: 'traffic-light'; readonly parameters: readonly TrafficLightParameter[] };

/**
 * The EPI chapter's inputs from the study's effluent parameters: limits as standards, weights
 * as given or from an AHP result, levels or anchors for the traffic-light method.
 * @equation parameter i → (Wi, measured, standard and limit kind) or (Wi, level | anchors)
 * @source APO (2006) Handbook on Green Productivity, EPI; Case A Tabel II, Case B Tabel 4–6
 * @param study the study
 * @param ahp the study's computed AHP results, for epi.weightsFrom
 * @example studyEpiInputs(cvAbc, [])?.parameters[0]?.standard // => 30
 */
export function studyEpiInputs(
  study: StudyInput,
  ahp: readonly AhpSectionResult[],
): EpiParameters | undefined {
  const settings = study.epi;
  const parameters = study.effluent?.parameters ?? [];
  if (settings === undefined || parameters.length === 0) return undefined;
  const weights = weightsFor(parameters, settings.weightsFrom, ahp);
  if (settings.method === 'deviation') {
    return {
      method: 'deviation',
      parameters: parameters.map((p, i) => ({
        id: p.id,
        name: p.name,
        weight: weights[i] as number,
        measured: p.measured,
        ...deviationStandard(p, i),
      })),
    };
  }
  return {
    method: 'traffic-light',
    parameters: parameters.map((p, i) => ({
      id: p.id,
      name: p.name,
      weight: weights[i] as number,
      ...(p.level !== undefined
        ? { level: p.level }
        : {
            measured: p.measured,
            scale: {
              anchors: p.anchors ?? [],
              ...(p.ideal !== undefined && { ideal: p.ideal }),
            },
          }),
    })),
  };
}

function weightsFor(
  parameters: readonly EffluentParameter[],
  weightsFrom: string | undefined,
  ahp: readonly AhpSectionResult[],
): number[] {
  if (weightsFrom === undefined) {
    return parameters.map((p, i) => {
      if (p.weight === undefined) {
        throw new GpError(
          'INVALID_INPUT',
          `effluent.parameters[${i}].weight`,
          'is required (or take the weights from AHP with epi.weightsFrom)',
        );
      }
      return p.weight;
    });
  }
  const source = ahp.find((a) => a.id === weightsFrom);
  if (source === undefined) {
    throw new GpError('UNKNOWN_REFERENCE', 'epi.weightsFrom', `no computed AHP "${weightsFrom}"`);
  }
  return parameters.map((p, i) => {
    const k = source.items.indexOf(p.id);
    if (k < 0) {
      throw new GpError(
        'UNKNOWN_REFERENCE',
        `effluent.parameters[${i}].id`,
        `"${p.id}" is not an item of AHP "${weightsFrom}" (items: ${source.items.join(', ')})`,
      );
    }
    return source.weights[k] as number;
  });
}

function deviationStandard(
  p: EffluentParameter,
  i: number,
): Pick<DeviationParameter, 'standard' | 'limitKind'> {
  const limit = p.limit;
  if (limit?.max !== undefined) return { standard: limit.max, limitKind: 'upper' };
  if (limit?.min !== undefined) return { standard: limit.min, limitKind: 'lower' };
  if (limit?.range !== undefined) {
    if (typeof limit.range === 'number') {
      throw new GpError(
        'INVALID_INPUT',
        `effluent.parameters[${i}].limit.range`,
        'must be a range such as 6–9',
      );
    }
    return { standard: limit.range, limitKind: 'range' };
  }
  throw new GpError(
    'INVALID_INPUT',
    `effluent.parameters[${i}].limit`,
    'the deviation method needs a limit (give limit, or effluent.standard)',
  );
}

function computeEpi(study: StudyInput, inputs: EpiParameters): EpiSectionResult {
  const settings = study.epi;
  if (inputs.method === 'deviation') {
    return deviationEpi(inputs.parameters, {
      belowDetectionLimit: settings?.belowDetectionLimit,
    });
  }
  return trafficLightEpi(inputs.parameters, {
    belowDetectionLimit: settings?.belowDetectionLimit,
    scoring: settings?.scoring,
    bands: settings?.bands,
  });
}

function epiAfterOption(
  study: StudyInput,
  inputs: EpiParameters,
  removal: Readonly<Record<string, NumberOrRange>>,
): EpiAfterOption {
  const settings = study.epi;
  if (inputs.method === 'deviation') {
    return deviationEpiAfterOption(inputs.parameters, removal, {
      belowDetectionLimit: settings?.belowDetectionLimit,
    });
  }
  return trafficLightEpiAfterOption(inputs.parameters, removal, {
    belowDetectionLimit: settings?.belowDetectionLimit,
    scoring: settings?.scoring,
    bands: settings?.bands,
  });
}

/** EPI chapter fields (`parameters[2].standard`) as the study file names them. */
function mapEpiField(field: string): string {
  return field
    .replace(/^parameters/, 'effluent.parameters')
    .replace(/\.standard/, '.limit')
    .replace(/\.scale\.anchors/, '.anchors')
    .replace(/\.scale\.ideal/, '.ideal')
    .replace(/^(bands|scoring|belowDetectionLimit)/, 'epi.$1');
}

function screen(study: StudyInput, attempt: Attempt): StudyResults['screening'] {
  const all = study.options ?? [];
  const chosen = (problem: string | undefined, ids: readonly string[] | undefined): GpOption[] =>
    ids !== undefined
      ? ids.flatMap((id) => all.filter((o) => o.id === id))
      : all.filter((o) => problem === undefined || o.problem === problem);
  const optionPath = (id: string) => `options[${all.findIndex((o) => o.id === id)}]`;

  const sieve = (study.screening?.sieve ?? []).flatMap((s, i) => {
    const options = chosen(s.problem, s.options);
    const result = attempt(
      () =>
        screenOptionsBySieve(
          s.criteria,
          options.map((o) => ({ id: o.id, name: o.name, values: o.sieve ?? {} })),
        ),
      (field) =>
        field
          .replace(/^criteria/, `screening.sieve[${i}].criteria`)
          .replace(
            /^options\[(\d+)\]\.values/,
            (_, k: string) => `${optionPath(options[Number(k)]?.id ?? '')}.sieve`,
          ),
    );
    return result === undefined ? [] : [{ ...result, problem: s.problem }];
  });

  const weightedSum = (study.screening?.weightedSum ?? []).flatMap((w, i) => {
    const options = chosen(w.problem, w.options);
    const result = attempt(
      () =>
        rankOptionsByWeightedSum(
          w.criteria,
          options.map((o) => ({ id: o.id, name: o.name, scores: o.scores ?? {} })),
        ),
      (field) =>
        field
          .replace(/^criteria/, `screening.weightedSum[${i}].criteria`)
          .replace(/^options\[(\d+)\]/, (_, k: string) => optionPath(options[Number(k)]?.id ?? '')),
    );
    return result === undefined ? [] : [{ ...result, problem: w.problem }];
  });

  if (sieve.length === 0 && weightedSum.length === 0) return undefined;
  return { sieve, weightedSum };
}

/**
 * `changes.inputs[2].delta` → `inputChanges.<its category>`: the engine lists the changes, the
 * study file keys them by category.
 */
function changeField(field: string, effects: OptionEffects | undefined): string {
  const m = /^(?:changes\.)?(inputs|outputs)(?:\[(\d+)\])?/.exec(field);
  if (m === null) return field;
  const record = m[1] === 'inputs' ? 'inputChanges' : 'outputChanges';
  const key = m[2] === undefined ? undefined : Object.keys(effects?.[record] ?? {})[Number(m[2])];
  return key === undefined ? record : `${record}.${key}`;
}

function joinPath(prefix: string, field: string): string {
  if (field === '') return prefix;
  return field.startsWith('[') ? prefix + field : `${prefix}.${field}`;
}
