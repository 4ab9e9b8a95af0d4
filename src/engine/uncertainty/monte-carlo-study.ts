/**
 * A seeded Monte Carlo over a study's option evaluation: per option the distribution of NPV,
 * annual worth, BCR, payback, EPI and productivity after it; the probability that each option
 * is chosen under each decision rule and passes the sieve; a one-at-a-time tornado; and the
 * weighted sums' flip margins. Only the results an uncertain input touches are recomputed, and
 * the inner loop runs allocation-free kernels (fast-kernels.ts) that are bitwise equal to the
 * engine functions, falling back to those functions whenever a kernel declines.
 */
import { GpError } from '../errors.js';
import { isRange, type NumberOrRange } from '../range.js';
import { requireInteger, requireObject } from '../validate.js';
import { evaluateStudy } from '../study/evaluate-study.js';
import type { StudyInput } from '../study/study-input.js';
import {
  createDistributionSampler,
  distributionEnds,
  requireDistribution,
  type UncertainDistribution,
} from './distributions.js';
import { weightedSumFlipMargins, type WeightedSumFlipMargins } from './flip-margin.js';
import { economicWinnersInto } from './fast-kernels.js';
import { createRandomSource } from './random-source.js';
import {
  HISTOGRAM_BINS,
  createQuantileReservoirBank,
  createRunningMomentsBank,
  reservoirHistogram,
  reservoirRankErrorBound,
  reservoirSlot,
  type Histogram,
  type QuantileReservoirBank,
  type RunningMomentsBank,
} from './streaming-statistics.js';
import {
  buildStudyModel,
  createOptionPartEvaluator,
  evaluateAllOptions,
  resolveInputPath,
  ruleWinners,
  sievePasses,
  type OptionOutputs,
  type ResolvedInput,
  type RuleKey,
  type RuleWinners,
  type StudyModel,
  type WorkingState,
} from './study-model.js';

/** Study input path → distribution, e.g. `options[alt-2].effects.removal.cod`. */
export type UncertainInputs = Readonly<Record<string, UncertainDistribution>>;

export interface MonteCarloSettings {
  /** 1 … 10 000 000; default 10 000. */
  readonly iterations?: number;
  /** 0 … 2³² − 1; default 1. */
  readonly seed?: number;
  /** Treat every {low, high} removal or sieve value in the study as uniform; default true. */
  readonly rangesAsUniform?: boolean;
  /** Values kept for the quantiles (exact up to this many iterations); default 10 000. */
  readonly reservoirCapacity?: number;
}

export type MonteCarloOutput =
  'npv' | 'annualWorth' | 'bcr' | 'payback' | 'epiAfter' | 'productivityAfter';

export const MONTE_CARLO_OUTPUTS: readonly MonteCarloOutput[] = [
  'npv',
  'annualWorth',
  'bcr',
  'payback',
  'epiAfter',
  'productivityAfter',
];

export interface OutputDistribution {
  /** The deterministic value (every input at its point); undefined for a payback never reached. */
  readonly point: number | undefined;
  /** Iterations with a value (for payback: those that recovered the investment). */
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /**
   * HISTOGRAM_BINS (20) equal-width bins from min to max (one bin when min = max), counts in
   * iterations summing to count: exact when count ≤ the reservoir's capacity, otherwise the
   * reservoir's counts scaled to count (source 'reservoir'). Computed once at the end from the
   * reservoir, so memory stays constant and no other value changes.
   */
  readonly histogram: Histogram;
}

export interface MonteCarloOptionResult {
  readonly id: string;
  readonly name: string;
  readonly outputs: Partial<Record<MonteCarloOutput, OutputDistribution>>;
  /** Iterations in which the simple payback was never reached (when the option has economics). */
  readonly paybackNever?: number;
}

export interface RuleProbability {
  /** 'bcr' | 'npv' | 'annual-worth' | 'epi' (highest EPI after) | 'weighted-sum[k]'. */
  readonly rule: RuleKey;
  /** True for the study's own decisionRule. */
  readonly studyRule: boolean;
  /** The option(s) chosen with every input at its point value. */
  readonly deterministic: readonly string[];
  /** Share of iterations each option is chosen (a tie of k options counts 1/k each). */
  readonly probabilities: readonly { readonly option: string; readonly probability: number }[];
  /** Share of iterations in which no option qualified (economic rules: none acceptable). */
  readonly none: number;
}

export interface SievePassProbability {
  readonly entry: number;
  readonly options: readonly {
    readonly option: string;
    readonly deterministic: boolean;
    readonly probability: number;
  }[];
}

export interface TornadoBar {
  readonly path: string;
  readonly low: number;
  readonly high: number;
  /** The output with the input at its low / high end, others at their point (undefined: payback never). */
  readonly atLow: number | undefined;
  readonly atHigh: number | undefined;
  readonly swing: number;
}

export interface TornadoResult {
  readonly option: string;
  readonly output: MonteCarloOutput;
  readonly point: number | undefined;
  /** Inputs that move the output, largest swing first. */
  readonly bars: readonly TornadoBar[];
}

export interface MonteCarloStudyResult {
  readonly iterations: number;
  readonly seed: number;
  readonly inputs: readonly {
    readonly path: string;
    readonly distribution: UncertainDistribution;
    readonly source: 'given' | 'range';
    readonly point: NumberOrRange;
  }[];
  readonly options: readonly MonteCarloOptionResult[];
  readonly rules: readonly RuleProbability[];
  readonly sieve: readonly SievePassProbability[];
  readonly tornado: readonly TornadoResult[];
  readonly flipMargins: readonly {
    readonly entry: number;
    readonly margins: WeightedSumFlipMargins;
  }[];
  readonly quantiles: {
    readonly method: 'reservoir';
    readonly capacity: number;
    /** Bound on the quantiles' rank error at 99 % confidence (0: exact). */
    readonly rankErrorBound99: number;
  };
}

export const MAX_MONTE_CARLO_ITERATIONS = 10_000_000;

/**
 * The Monte Carlo of a study's option evaluation, seeded and reproducible.
 * @equation for t = 1…N: x_t ~ inputs (seeded); y_t = evaluation(x_t); report mean, P5, P50, P95 of y and P(option chosen | rule)
 * @source Metropolis & Ulam (1949) The Monte Carlo method, JASA 44(247) 335–341; Vose (2008) Risk Analysis: A Quantitative Guide, 3rd ed., Wiley, ch. 7
 * @param study the study; its deterministic evaluation must succeed
 * @param uncertain distributions by input path (study ranges are added when rangesAsUniform)
 * @param settings iterations (default 10 000), seed (default 1), rangesAsUniform (default true), reservoirCapacity
 * @throws GpError the study's first evaluation error; UNKNOWN_REFERENCE for a path that names no input (field `uncertain["…"]`); OUT_OF_RANGE for a distribution outside its input's domain; an iteration's evaluation error at the option's field
 * @example monteCarloStudy(cvAbc, {}, { iterations: 1000 }).rules[0].probabilities // => alt-2 chosen by BCR in every iteration
 */
export function monteCarloStudy(
  study: StudyInput,
  uncertain: UncertainInputs,
  settings: MonteCarloSettings = {},
): MonteCarloStudyResult {
  const options = requireObject(settings, 'settings');
  const iterations = requireInteger(options.iterations ?? 10_000, 'settings.iterations', 1);
  if (iterations > MAX_MONTE_CARLO_ITERATIONS) {
    throw new GpError(
      'OUT_OF_RANGE',
      'settings.iterations',
      `must be ≤ ${MAX_MONTE_CARLO_ITERATIONS}`,
    );
  }
  const seed = options.seed ?? 1;
  const capacity = requireInteger(
    options.reservoirCapacity ?? 10_000,
    'settings.reservoirCapacity',
    1,
  );
  const random = createRandomSource(seed);
  // The reservoir has its own stream, so quantile sampling never shifts the inputs' draws.
  const reservoirRandom = createRandomSource((seed ^ 0x5bd1e995) >>> 0);
  // The reservoirs of streams that skip iterations draw from a third stream.
  const skippedRandom = createRandomSource((seed ^ 0x2545f491) >>> 0);

  const { model, inputs } = prepare(study, uncertain, options.rangesAsUniform ?? true);
  const pointState = model.fresh();
  const pointOutputs = evaluateAllOptions(model, pointState);
  const pointWinners = ruleWinners(model, pointState, pointOutputs);
  const sieveCount = study.screening?.sieve?.length ?? 0;
  const pointSieve = Array.from({ length: sieveCount }, (_, k) =>
    sievePasses(model, pointState, k),
  );

  // What each iteration must recompute.
  const parts: { option: number; part: 'economics' | 'epi' | 'productivity' }[] = [];
  const dirtySieve = new Set<number>();
  let rulesDirty = false;
  for (const input of inputs) {
    const t = input.target;
    if (t.part === 'economics' || t.part === 'epi' || t.part === 'productivity') {
      if (!parts.some((p) => p.option === t.option && p.part === t.part))
        parts.push({ option: t.option, part: t.part });
      rulesDirty = true;
    } else if (t.part === 'sieve') {
      (study.screening?.sieve ?? []).forEach((_, k) => {
        if (model.sieveOptions[k]?.includes(t.option)) dirtySieve.add(k);
      });
    } else {
      rulesDirty = true;
    }
  }

  const optionCount = pointState.options.length;
  // One statistics stream per tracked output, held together in typed arrays.
  let streams = 0;
  const trackers = pointOutputs.map((out) =>
    MONTE_CARLO_OUTPUTS.map((key): Tracker | undefined =>
      key === 'payback'
        ? out.hasPayback === true
          ? { stream: streams++ }
          : undefined
        : out[key] === undefined
          ? undefined
          : { stream: streams++ },
    ),
  );
  const stats: Statistics | undefined =
    streams === 0
      ? undefined
      : {
          moments: createRunningMomentsBank(streams),
          reservoirs: createQuantileReservoirBank(streams, capacity),
        };
  const paybackNever = new Array<number>(optionCount).fill(0);
  const ruleCounts = new Map<RuleKey, { wins: number[]; none: number }>(
    model.rules.map((r) => [r, { wins: new Array<number>(optionCount).fill(0), none: 0 }]),
  );
  const sieveCounts = pointSieve.map((passes) => new Array<number>(passes.length).fill(0));

  const state = model.fresh();
  const outputs = pointOutputs.map((o) => ({ ...o }));
  const indexOf = new Map(state.options.map((o, k) => [o.id, k]));
  const evaluatePart = createOptionPartEvaluator(model);
  // The trackers in use, option by option and output by output.
  const tracked = trackers.flatMap((row, k) =>
    row.flatMap((track, m) => (track === undefined ? [] : [{ k, m, track }])),
  );
  const samplers = inputs.map((input) =>
    createDistributionSampler(input.distribution, input.domain),
  );
  // Per rule: the counts, and for the economic rules and EPI the allocation-free choice.
  const ruleTallies = model.rules.map((rule) => ({
    rule,
    counts: ruleCounts.get(rule) as { wins: number[]; none: number },
    threshold: rule === 'bcr' ? 1 : 0,
  }));
  const ruleValues = new Float64Array(optionCount);
  const ruleOptions = new Int32Array(optionCount);
  const ruleOrder = new Int32Array(optionCount);
  const tally = (
    rule: RuleKey,
    counts: { wins: number[]; none: number },
    winners: RuleWinners | (() => RuleWinners),
    t: number,
  ): void => {
    let ids: readonly string[] | undefined;
    try {
      ids = (typeof winners === 'function' ? winners() : winners).get(rule);
    } catch (error) {
      throw atIteration(error, t, seed);
    }
    if (ids === undefined) return;
    if (ids.length === 0) counts.none += 1;
    for (const id of ids) {
      const k = indexOf.get(id) as number;
      counts.wins[k] = (counts.wins[k] as number) + 1 / ids.length;
    }
  };
  for (let t = 0; t < iterations; t++) {
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as ResolvedInput;
      input.write(state, sampleWithin(input, samplers[i] as Sampler, random));
    }
    for (const p of parts) {
      try {
        evaluatePart(state, p.option, p.part, outputs[p.option] as OptionOutputs);
      } catch (error) {
        throw atIteration(error, t, seed);
      }
    }
    const slot = reservoirSlot(t, capacity, reservoirRandom);
    for (const { k, m, track } of tracked) {
      const value = outputValue(outputs[k] as OptionOutputs, m);
      if (value === undefined) {
        paybackNever[k] = (paybackNever[k] as number) + 1;
        continue;
      }
      // A stream that skipped iterations (payback never reached) is sampled by its own index
      // and draws, so its reservoir stays a uniform sample of its values (no unfilled slots).
      const seen = (stats as Statistics).moments.count(track.stream);
      (stats as Statistics).moments.push(track.stream, value);
      (stats as Statistics).reservoirs.offer(
        track.stream,
        value,
        seen === t ? slot : reservoirSlot(seen, capacity, skippedRandom),
      );
    }
    for (const { rule, counts, threshold } of ruleTallies) {
      if (rulesDirty && (rule === 'bcr' || rule === 'npv' || rule === 'annual-worth')) {
        // rankEconomicAlternatives' choice, by economicWinnersInto (bitwise-equal).
        let n = 0;
        for (let k = 0; k < optionCount; k++) {
          const out = outputs[k] as OptionOutputs;
          const value = rule === 'bcr' ? out.bcr : rule === 'npv' ? out.npv : out.annualWorth;
          if (value === undefined) continue;
          ruleValues[n] = value;
          ruleOptions[n++] = k;
        }
        const chosen = n === 0 ? -1 : economicWinnersInto(ruleValues, n, threshold, ruleOrder);
        if (chosen < 0) {
          tally(rule, counts, () => ruleWinners(model, state, outputs, [rule]), t);
          continue;
        }
        if (chosen === 0) counts.none += 1;
        for (let w = 0; w < chosen; w++) {
          const k = ruleOptions[ruleOrder[w] as number] as number;
          counts.wins[k] = (counts.wins[k] as number) + 1 / chosen;
        }
      } else if (rulesDirty && rule === 'epi') {
        // The highest EPI after, every option that reaches it.
        let best = -Infinity;
        let chosen = 0;
        for (let k = 0; k < optionCount; k++) {
          const v = (outputs[k] as OptionOutputs).epiAfter;
          if (v === undefined) continue;
          if (v > best) {
            best = v;
            chosen = 0;
            ruleOrder[chosen++] = k;
          } else if (v === best) ruleOrder[chosen++] = k;
        }
        if (chosen === 0) counts.none += 1;
        for (let w = 0; w < chosen; w++) {
          const k = ruleOrder[w] as number;
          counts.wins[k] = (counts.wins[k] as number) + 1 / chosen;
        }
      } else if (rulesDirty) {
        tally(rule, counts, () => ruleWinners(model, state, outputs, [rule]), t);
      } else {
        tally(rule, counts, pointWinners, t);
      }
    }
    for (let k = 0; k < sieveCount; k++) {
      const passes = dirtySieve.has(k)
        ? sievePasses(model, state, k)
        : (pointSieve[k] as boolean[]);
      const counts = sieveCounts[k] as number[];
      passes.forEach((kept, j) => {
        if (kept) counts[j] = (counts[j] as number) + 1;
      });
    }
  }

  return {
    iterations,
    seed,
    inputs: inputs.map((i) => ({
      path: i.path,
      distribution: i.distribution,
      source: i.source,
      point: i.point,
    })),
    options: pointState.options.map((o, k): MonteCarloOptionResult => {
      const studyOption = study.options?.[k];
      const entries = MONTE_CARLO_OUTPUTS.flatMap((key, m) => {
        const track = trackers[k]?.[m];
        if (track === undefined || stats === undefined || stats.moments.count(track.stream) === 0)
          return [];
        const point = pointOutputs[k]?.[key];
        return [
          [
            key,
            summary(stats, track.stream, typeof point === 'number' ? point : undefined),
          ] as const,
        ];
      });
      return {
        id: o.id,
        name: studyOption?.name ?? o.id,
        outputs: Object.fromEntries(entries),
        ...(pointOutputs[k]?.hasPayback === true && { paybackNever: paybackNever[k] }),
      };
    }),
    rules: model.rules.map((rule): RuleProbability => {
      const counts = ruleCounts.get(rule) as { wins: number[]; none: number };
      return {
        rule,
        studyRule: rule === study.decisionRule,
        deterministic: pointWinners.get(rule) ?? [],
        probabilities: pointState.options.flatMap((o, k) =>
          (counts.wins[k] ?? 0) > 0 || isCandidate(model, rule, k, pointOutputs)
            ? [{ option: o.id, probability: (counts.wins[k] ?? 0) / iterations }]
            : [],
        ),
        none: counts.none / iterations,
      };
    }),
    sieve: pointSieve.map((passes, k) => ({
      entry: k,
      options: passes.map((kept, j) => ({
        option: pointState.options[model.sieveOptions[k]?.[j] ?? 0]?.id ?? '',
        deterministic: kept,
        probability: (sieveCounts[k]?.[j] ?? 0) / iterations,
      })),
    })),
    tornado: studyTornado(model, inputs, pointOutputs),
    flipMargins: (study.screening?.weightedSum ?? []).map((w, entry) => ({
      entry,
      margins: weightedSumFlipMargins(
        w.criteria,
        (model.weightedSumOptions[entry] ?? []).map((k) => ({
          id: pointState.options[k]?.id ?? '',
          scores: pointState.options[k]?.scores ?? {},
        })),
      ),
    })),
    quantiles: {
      method: 'reservoir',
      capacity,
      rankErrorBound99: reservoirRankErrorBound(capacity, iterations, 0.01),
    },
  };
}

interface Tracker {
  /** The output's index in the statistics banks. */
  readonly stream: number;
}

interface Statistics {
  readonly moments: RunningMomentsBank;
  readonly reservoirs: QuantileReservoirBank;
}

function summary(stats: Statistics, j: number, point: number | undefined): OutputDistribution {
  const [p5, p50, p95] = stats.reservoirs.quantiles(j, [0.05, 0.5, 0.95]) as [
    number,
    number,
    number,
  ];
  const count = stats.moments.count(j);
  const min = stats.moments.min(j);
  const max = stats.moments.max(j);
  return {
    point,
    count,
    mean: stats.moments.mean(j),
    sd: Math.sqrt(stats.moments.variance(j)),
    min,
    max,
    p5,
    p50,
    p95,
    histogram: reservoirHistogram(stats.reservoirs.sample(j), count, min, max, HISTOGRAM_BINS),
  };
}

function isCandidate(
  model: StudyModel,
  rule: RuleKey,
  k: number,
  outputs: readonly OptionOutputs[],
): boolean {
  const out = outputs[k];
  if (rule === 'epi') return out?.epiAfter !== undefined;
  if (rule === 'bcr' || rule === 'npv' || rule === 'annual-worth') return out?.npv !== undefined;
  const entry = Number(/\d+/.exec(rule)?.[0]);
  return model.weightedSumOptions[entry]?.includes(k) ?? false;
}

type Sampler = ReturnType<typeof createDistributionSampler>;

/** An output of one option by its index in MONTE_CARLO_OUTPUTS (a fixed property, not a keyed load). */
function outputValue(out: OptionOutputs, m: number): number | undefined {
  switch (m) {
    case 0:
      return out.npv;
    case 1:
      return out.annualWorth;
    case 2:
      return out.bcr;
    case 3:
      return out.payback;
    case 4:
      return out.epiAfter;
    default:
      return out.productivityAfter;
  }
}

function sampleWithin(
  input: ResolvedInput,
  sampler: Sampler,
  random: ReturnType<typeof createRandomSource>,
): number {
  try {
    return sampler(random);
  } catch (error) {
    if (error instanceof GpError)
      throw new GpError(error.code, `uncertain["${input.path}"].${error.field}`, error.detail);
    throw error;
  }
}

function atIteration(error: unknown, t: number, seed: number): unknown {
  if (!(error instanceof GpError)) return error;
  return new GpError(
    error.code,
    error.field,
    `${error.detail} (in iteration ${t + 1} of the Monte Carlo, seed ${seed})`,
  );
}

/** Checks the study and the inputs; resolves paths, adds the study's own ranges. */
function prepare(
  study: StudyInput,
  uncertain: UncertainInputs,
  rangesAsUniform: boolean,
): { model: StudyModel; inputs: ResolvedInput[] } {
  requireObject(study, 'study');
  const evaluation = evaluateStudy(study);
  const first = evaluation.errors[0];
  if (first !== undefined)
    throw new GpError(first.code as GpError['code'], first.path, first.message);
  const model = buildStudyModel(study, evaluation.results.weights?.ahp ?? []);
  const inputs: ResolvedInput[] = [];
  const seen = new Set<string>();
  for (const [path, distribution] of Object.entries(requireObject(uncertain, 'uncertain'))) {
    const field = `uncertain["${path}"]`;
    const resolved = resolveInputPath(study, path, field);
    if (seen.has(resolved.path))
      throw new GpError('DUPLICATE', field, `${resolved.path} is given twice`);
    seen.add(resolved.path);
    inputs.push({
      ...resolved,
      source: 'given',
      distribution: requireDistribution(distribution, resolved.domain, field),
    });
  }
  if (rangesAsUniform) {
    (study.options ?? []).forEach((option) => {
      const ranged = [
        ...Object.entries(option.effects?.removal ?? {}).map(
          ([k, v]) => [`effects.removal.${k}`, v] as const,
        ),
        ...Object.entries(option.sieve ?? {}).map(([k, v]) => [`sieve.${k}`, v] as const),
      ];
      for (const [rest, value] of ranged) {
        if (typeof value !== 'object' || !isRange(value)) continue;
        const resolved = resolveInputPath(
          study,
          `options[${option.id}].${rest}`,
          `options[${option.id}].${rest}`,
        );
        if (seen.has(resolved.path)) continue;
        seen.add(resolved.path);
        inputs.push({
          ...resolved,
          source: 'range',
          distribution: requireDistribution(
            { kind: 'uniform', low: value.low, high: value.high },
            resolved.domain,
            resolved.path,
          ),
        });
      }
    });
  }
  return { model, inputs };
}

/** One-at-a-time sensitivity: each input at its low and high end, the others at their point. */
function studyTornado(
  model: StudyModel,
  inputs: readonly ResolvedInput[],
  pointOutputs: readonly OptionOutputs[],
): TornadoResult[] {
  const ends = inputs.map((input) => {
    const { low, high } = distributionEnds(input.distribution, input.domain);
    const at = (value: number) => {
      const state: WorkingState = model.fresh();
      input.write(state, value);
      return evaluateAllOptions(model, state);
    };
    return { input, low, high, atLow: at(low), atHigh: at(high) };
  });
  const results: TornadoResult[] = [];
  pointOutputs.forEach((out, k) => {
    for (const key of MONTE_CARLO_OUTPUTS) {
      if (key === 'payback' ? out.hasPayback !== true : out[key] === undefined) continue;
      const value = (o: OptionOutputs | undefined) => {
        const v = o?.[key];
        return typeof v === 'number' ? v : undefined;
      };
      const bars = ends.flatMap((e): TornadoBar[] => {
        const atLow = value(e.atLow[k]);
        const atHigh = value(e.atHigh[k]);
        const base = value(out);
        const swing =
          atLow !== undefined && atHigh !== undefined
            ? Math.abs(atHigh - atLow)
            : atLow === base && atHigh === base
              ? 0
              : Infinity;
        if (swing === 0) return [];
        return [
          {
            path: e.input.path,
            low: e.low,
            high: e.high,
            atLow,
            atHigh,
            swing: Number.isFinite(swing) ? swing : Number.MAX_VALUE,
          },
        ];
      });
      if (bars.length === 0) continue;
      results.push({
        option: model.study.options?.[k]?.id ?? '',
        output: key,
        point: value(out),
        bars: bars.sort((a, b) => b.swing - a.swing),
      });
    }
  });
  return results;
}
