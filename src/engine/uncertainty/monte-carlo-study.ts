/**
 * A seeded Monte Carlo over a study's option evaluation: per option the distribution of NPV,
 * annual worth, BCR, payback, EPI and productivity after it; the probability that each option
 * is chosen under each decision rule and passes the sieve; a one-at-a-time tornado; and the
 * weighted sums' (and an EPI's AHP weights') flip margins. Only the results an uncertain input
 * touches are recomputed, and the inner loop runs allocation-free kernels (fast-kernels.ts) that
 * are bitwise equal to the engine functions, falling back to those functions whenever a kernel
 * declines. The iterations run in blocks of MONTE_CARLO_BLOCK_ITERATIONS with their own random
 * streams, merged in block order, so that threads outside the engine can share the blocks and
 * give the same result (createMonteCarloRun); up to one block this is the plain seeded loop.
 */
import { GpError } from '../errors.js';
import { isRange, type NumberOrRange } from '../range.js';
import { requireFinite, requireInteger, requireObject } from '../validate.js';
import { evaluateStudy } from '../study/evaluate-study.js';
import type { StudyInput } from '../study/study-input.js';
import {
  createDistributionSampler,
  distributionEnds,
  requireDistribution,
  type UncertainDistribution,
} from './distributions.js';
import { weightedSumFlipMargins, type WeightedSumFlipMargins } from './flip-margin.js';
import { ahpFlipMargins, type AhpFlipMargins } from './ahp-flip-margin.js';
import { economicWinnersInto } from './fast-kernels.js';
import { createBlockRandomSource, createRandomSource } from './random-source.js';
import {
  HISTOGRAM_BINS,
  MOMENT_FIELDS,
  mergeMoments,
  pushMoment,
  quantilesBySelection,
  reservoirHistogram,
  reservoirMergePlan,
  reservoirRankErrorBound,
  reservoirSlot,
  type Histogram,
} from './streaming-statistics.js';
import {
  buildStudyModel,
  createOptionPartEvaluator,
  epiBefore,
  evaluateAllOptions,
  resolveInputPath,
  ruleWinners,
  sievePasses,
  type OptionOutputs,
  type OptionPartEvaluator,
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
  /**
   * The study's EPI before any option (effluent as measured), present when a measured value or
   * an EPI weight is uncertain.
   */
  readonly epiBefore?: OutputDistribution;
  readonly flipMargins: readonly {
    readonly entry: number;
    readonly margins: WeightedSumFlipMargins;
  }[];
  /**
   * When the EPI weights come from an AHP (epi.weightsFrom): how far each AHP weight may move
   * (the others renormalised) before another option has the highest EPI after it.
   */
  readonly ahpFlipMargins?: {
    readonly ahp: string;
    readonly rule: 'epi';
    readonly margins: AhpFlipMargins;
  };
  readonly quantiles: {
    readonly method: 'reservoir';
    readonly capacity: number;
    /** Bound on the quantiles' rank error at 99 % confidence (0: exact). */
    readonly rankErrorBound99: number;
  };
}

export const MAX_MONTE_CARLO_ITERATIONS = 10_000_000;

/** Reservoir values (streams × capacity) up to which the finish transposes the reservoir whole. */
const ROW_SCRATCH_LIMIT = 1 << 22;

/**
 * The Monte Carlo of a study's option evaluation, seeded and reproducible (createMonteCarloRun's blocks, in order, on one thread).
 * @equation for t = 1…N: x_t ~ inputs (seeded, stream of block ⌊t/B⌋); y_t = evaluation(x_t); report mean, P5, P50, P95 of y and P(option chosen | rule)
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
  const run = createMonteCarloRun(study, uncertain, settings);
  let totals = run.runBlock(0);
  // Blocks after the first are computed into one reused set of arrays, merged, then overwritten.
  let scratch: MonteCarloTotals | undefined;
  for (let b = 1; b < run.blocks; b++) {
    scratch = run.runBlock(b, scratch);
    totals = run.merge(totals, scratch);
  }
  return run.finish(totals);
}

/** Iterations per block: the unit of work, of random streams and of merging (see createMonteCarloRun). */
export const MONTE_CARLO_BLOCK_ITERATIONS = 10_000;

/**
 * The statistics of consecutive blocks of a Monte Carlo, in typed arrays (structured-cloneable,
 * their buffers transferable to and from worker threads).
 */
export interface MonteCarloTotals {
  /** The first block these totals cover, and the number of blocks. */
  readonly firstBlock: number;
  readonly blockCount: number;
  /** MOMENT_FIELDS per stream: count, mean, M2, min, max. */
  readonly moments: Float64Array;
  /**
   * capacity slots of every stream, slot by slot (slot s of stream j at s·streams + j, so an
   * iteration's values and a merge's rows are contiguous); stream j keeps its first sizes[j].
   */
  readonly reservoir: Float64Array;
  readonly sizes: Int32Array;
  /** Per option: iterations whose simple payback was never reached. */
  readonly paybackNever: Float64Array;
  /** rules × options: the (tie-shared) wins; then per rule: iterations with no choice. */
  readonly wins: Float64Array;
  readonly none: Float64Array;
  /** Per sieve entry and option in it (flattened): iterations it passed. */
  readonly sieve: Float64Array;
}

/**
 * A Monte Carlo split into blocks of MONTE_CARLO_BLOCK_ITERATIONS iterations. Block b draws
 * from its own streams (the seed's streams jumped b times), so blocks may be computed in any
 * order, in any thread; merging them in block order (moments by Chan's update, reservoirs by
 * reservoirMergePlan with the block's merge stream, counts by sums) gives one result for a
 * seed whatever the number of threads. monteCarloStudy is this run on one thread.
 */
export interface MonteCarloRun {
  readonly iterations: number;
  readonly blocks: number;
  /**
   * Computes block b's statistics, into new arrays or into `reuse`'s (a block already merged,
   * whose arrays are then overwritten).
   */
  readonly runBlock: (block: number, reuse?: MonteCarloTotals) => MonteCarloTotals;
  /** Merges the next block into the totals of the blocks before it (undefined: none yet). */
  readonly merge: (
    totals: MonteCarloTotals | undefined,
    next: MonteCarloTotals,
  ) => MonteCarloTotals;
  /** Computes the parts of the result no block changes (tornado, flip margins) ahead of finish. */
  readonly prepareFinish: () => void;
  /** The result from the totals of every block. */
  readonly finish: (totals: MonteCarloTotals) => MonteCarloStudyResult;
}

/**
 * A Monte Carlo of a study's option evaluation as blocks to compute and merge in block order.
 * @equation block b = iterations [bB, min((b+1)B, N)), streams JUMP^b(seed's); totals = merge(…merge(block 0, block 1)…, block last)
 * @source Blackman & Vigna (2021) ACM TOMS 47(4) 36 (jump); Chan, Golub & LeVeque (1979) Stanford CS-TR-79-773 (merged moments); Vitter (1985) ACM TOMS 11(1) 37–57 (reservoirs)
 * @param study the study; its deterministic evaluation must succeed
 * @param uncertain distributions by input path (study ranges are added when rangesAsUniform)
 * @param settings as monteCarloStudy
 * @throws GpError as monteCarloStudy; INVALID_INPUT when blocks are merged out of order
 * @example createMonteCarloRun(cvAbc, {}, { iterations: 25_000 }).blocks // => 3
 */
export function createMonteCarloRun(
  study: StudyInput,
  uncertain: UncertainInputs,
  settings: MonteCarloSettings = {},
): MonteCarloRun {
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
  createRandomSource(seed); // checks the seed before any work
  const capacity = requireInteger(
    options.reservoirCapacity ?? 10_000,
    'settings.reservoirCapacity',
    1,
  );
  if (capacity > 1_000_000)
    throw new GpError('OUT_OF_RANGE', 'settings.reservoirCapacity', 'must be ≤ 1 000 000');
  // The reservoirs have their own streams, so quantile sampling never shifts the inputs' draws;
  // the reservoirs of streams that skip iterations draw from a third, merges from a fourth.
  const reservoirSeed = (seed ^ 0x5bd1e995) >>> 0;
  const skippedSeed = (seed ^ 0x2545f491) >>> 0;
  const mergeSeed = (seed ^ 0x68e31da4) >>> 0;
  const blocks = Math.ceil(iterations / MONTE_CARLO_BLOCK_ITERATIONS);

  const { model, inputs } = prepare(study, uncertain, options.rangesAsUniform ?? true);
  const pointState = model.fresh();
  const pointOutputs = evaluateAllOptions(model, pointState);
  const pointWinners = ruleWinners(model, pointState, pointOutputs);
  const pointEpiBefore = epiBefore(model, pointState);
  const sieveCount = study.screening?.sieve?.length ?? 0;
  const pointSieve = Array.from({ length: sieveCount }, (_, k) =>
    sievePasses(model, pointState, k),
  );

  // What each iteration must recompute.
  const parts: { option: number; part: PartKind }[] = [];
  const addPart = (option: number, part: PartKind) => {
    if (!parts.some((p) => p.option === option && p.part === part)) parts.push({ option, part });
  };
  const dirtySieve = new Set<number>();
  let rulesDirty = false;
  let epiParametersDirty = false;
  for (const input of inputs) {
    const t = input.target;
    if (t.part === 'economics' || t.part === 'epi' || t.part === 'productivity') {
      addPart(t.option, t.part);
      rulesDirty = true;
    } else if (t.part === 'epi-parameters') {
      // A measured value or weight moves the EPI before and after every option.
      pointState.options.forEach((o, k) => {
        if (o.removal !== undefined) addPart(k, 'epi');
      });
      epiParametersDirty = true;
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
  // One statistics stream per tracked output (and the EPI before, when it varies).
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
  const epiBeforeStream =
    epiParametersDirty && pointEpiBefore !== undefined ? streams++ : undefined;
  const rules = model.rules;
  const sieveOffsets: number[] = [];
  let sieveLength = 0;
  for (const passes of pointSieve) {
    sieveOffsets.push(sieveLength);
    sieveLength += passes.length;
  }
  const indexOf = new Map(pointState.options.map((o, k) => [o.id, k]));
  // The trackers in use, option by option and output by output.
  const tracked = trackers.flatMap((row, k) =>
    row.flatMap((track, m) => (track === undefined ? [] : [{ k, m, track }])),
  );
  const samplers = inputs.map((input) =>
    createDistributionSampler(input.distribution, input.domain),
  );
  // The inner loop's lists as flat arrays (no per-iteration destructuring or property loads).
  const inputCount = inputs.length;
  const writers = inputs.map((input) => input.write);
  const partCount = parts.length;
  const partOptions = Int32Array.from(parts, (p) => p.option);
  const partKinds = parts.map((p) => p.part);
  const trackedCount = tracked.length;
  const trackedOptions = Int32Array.from(tracked, (x) => x.k);
  const trackedOutputs = Int32Array.from(tracked, (x) => x.m);
  const trackedStreams = Int32Array.from(tracked, (x) => x.track.stream);
  const state = model.fresh();
  const outputs = pointOutputs.map((o) => ({ ...o }));
  const evaluatePart = createOptionPartEvaluator(model);
  const ruleValues = new Float64Array(optionCount);
  const ruleOptions = new Int32Array(optionCount);
  const ruleOrder = new Int32Array(optionCount);

  const emptyTotals = (block: number): MonteCarloTotals => {
    const moments = new Float64Array(streams * MOMENT_FIELDS);
    for (let j = 0; j < streams; j++) {
      moments[j * MOMENT_FIELDS + 3] = Infinity;
      moments[j * MOMENT_FIELDS + 4] = -Infinity;
    }
    return {
      firstBlock: block,
      blockCount: 1,
      moments,
      reservoir: new Float64Array(streams * capacity),
      sizes: new Int32Array(streams),
      paybackNever: new Float64Array(optionCount),
      wins: new Float64Array(rules.length * optionCount),
      none: new Float64Array(rules.length),
      sieve: new Float64Array(sieveLength),
    };
  };

  /** A used block's arrays, emptied for block `block` (no new allocation per block). */
  const cleared = (totals: MonteCarloTotals, block: number): MonteCarloTotals => {
    const { moments } = totals;
    for (let j = 0; j < streams; j++) {
      const at = j * MOMENT_FIELDS;
      moments.fill(0, at, at + 3);
      moments[at + 3] = Infinity;
      moments[at + 4] = -Infinity;
    }
    totals.sizes.fill(0);
    totals.paybackNever.fill(0);
    totals.wins.fill(0);
    totals.none.fill(0);
    totals.sieve.fill(0);
    return { ...totals, firstBlock: block, blockCount: 1 };
  };

  const runBlock = (block: number, reuse?: MonteCarloTotals): MonteCarloTotals => {
    if (!(Number.isInteger(block) && block >= 0 && block < blocks))
      throw new GpError('OUT_OF_RANGE', 'block', `must be a whole number 0 … ${blocks - 1}`);
    const totals = reuse === undefined ? emptyTotals(block) : cleared(reuse, block);
    const { moments, reservoir, sizes, paybackNever, wins, none, sieve } = totals;
    const random = createBlockRandomSource(seed, block);
    const reservoirRandom = createBlockRandomSource(reservoirSeed, block);
    const skippedRandom = createBlockRandomSource(skippedSeed, block);
    const first = block * MONTE_CARLO_BLOCK_ITERATIONS;
    const count = Math.min(MONTE_CARLO_BLOCK_ITERATIONS, iterations - first);
    /** Adds a value to stream j's moments and reservoir (slot: the iteration's, for a stream fed every time). */
    const push = (j: number, value: number, t: number, slot: number) => {
      if (!Number.isFinite(value)) requireFinite(value, 'value');
      // A stream that skipped iterations (payback never reached) is sampled by its own index
      // and draws, so its reservoir stays a uniform sample of its values (no unfilled slots).
      const seen = moments[j * MOMENT_FIELDS] as number;
      pushMoment(moments, j, value);
      const s = seen === t ? slot : reservoirSlot(seen, capacity, skippedRandom);
      if (s < 0) return;
      reservoir[s * streams + j] = value;
      if (s >= (sizes[j] as number)) sizes[j] = s + 1;
    };
    const win = (r: number, k: number, share: number) => {
      const at = r * optionCount + k;
      wins[at] = (wins[at] as number) + share;
    };
    const tally = (r: number, winners: RuleWinners | (() => RuleWinners), t: number): void => {
      let ids: readonly string[] | undefined;
      try {
        ids = (typeof winners === 'function' ? winners() : winners).get(rules[r] as RuleKey);
      } catch (error) {
        throw atIteration(error, first + t, seed);
      }
      if (ids === undefined) return;
      if (ids.length === 0) none[r] = (none[r] as number) + 1;
      for (const id of ids) win(r, indexOf.get(id) as number, 1 / ids.length);
    };
    for (let t = 0; t < count; t++) {
      for (let i = 0; i < inputCount; i++) {
        let value: number;
        try {
          value = (samplers[i] as Sampler)(random);
        } catch (error) {
          throw atInput(inputs[i] as ResolvedInput, error);
        }
        (writers[i] as ResolvedInput['write'])(state, value);
      }
      // One try for the parts (no per-part handler in the loop): the error names its iteration.
      try {
        for (let p = 0; p < partCount; p++) {
          const option = partOptions[p] as number;
          evaluatePart(state, option, partKinds[p] as PartKind, outputs[option] as OptionOutputs);
        }
      } catch (error) {
        throw atIteration(error, first + t, seed);
      }
      const slot = reservoirSlot(t, capacity, reservoirRandom);
      for (let q = 0; q < trackedCount; q++) {
        const k = trackedOptions[q] as number;
        const value = outputValue(outputs[k] as OptionOutputs, trackedOutputs[q] as number);
        if (value === undefined) {
          paybackNever[k] = (paybackNever[k] as number) + 1;
          continue;
        }
        push(trackedStreams[q] as number, value, t, slot);
      }
      if (epiBeforeStream !== undefined) {
        let value: number | undefined;
        try {
          value = evaluatePart.epiBefore(state);
        } catch (error) {
          throw atIteration(error, first + t, seed);
        }
        if (value !== undefined) push(epiBeforeStream, value, t, slot);
      }
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r] as RuleKey;
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
          const threshold = rule === 'bcr' ? 1 : 0;
          const chosen = n === 0 ? -1 : economicWinnersInto(ruleValues, n, threshold, ruleOrder);
          if (chosen < 0) {
            tally(r, () => ruleWinners(model, state, outputs, [rule]), t);
            continue;
          }
          if (chosen === 0) none[r] = (none[r] as number) + 1;
          for (let w = 0; w < chosen; w++)
            win(r, ruleOptions[ruleOrder[w] as number] as number, 1 / chosen);
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
          if (chosen === 0) none[r] = (none[r] as number) + 1;
          for (let w = 0; w < chosen; w++) win(r, ruleOrder[w] as number, 1 / chosen);
        } else if (rulesDirty) {
          tally(r, () => ruleWinners(model, state, outputs, [rule]), t);
        } else {
          tally(r, pointWinners, t);
        }
      }
      for (let k = 0; k < sieveCount; k++) {
        const passes = dirtySieve.has(k)
          ? sievePasses(model, state, k)
          : (pointSieve[k] as boolean[]);
        const offset = sieveOffsets[k] as number;
        passes.forEach((kept, j) => {
          if (kept) sieve[offset + j] = (sieve[offset + j] as number) + 1;
        });
      }
    }
    return totals;
  };

  // The finish reads the reservoir stream by stream from a transposed copy when it is small
  // enough to hold twice, otherwise one stream at a time.
  const byRows = streams * capacity <= ROW_SCRATCH_LIMIT;
  /** The reservoir stream by stream, in one sequential pass over its rows. */
  const byStreams = (reservoir: Float64Array): Float64Array => {
    const out = new Float64Array(streams * capacity);
    for (let slot = 0, at = 0; slot < capacity; slot++) {
      for (let j = 0; j < streams; j++, at++) out[j * capacity + slot] = reservoir[at] as number;
    }
    return out;
  };
  const merge = (
    totals: MonteCarloTotals | undefined,
    next: MonteCarloTotals,
  ): MonteCarloTotals => {
    const expected = totals === undefined ? 0 : totals.firstBlock + totals.blockCount;
    if (next.firstBlock !== expected || next.blockCount !== 1) {
      throw new GpError(
        'INVALID_INPUT',
        'block',
        `blocks merge in order: expected block ${expected}, got ${next.firstBlock}`,
      );
    }
    if (totals === undefined) return next;
    const random = createBlockRandomSource(mergeSeed, next.firstBlock);
    // One plan per pair of counts, made in stream order: streams fed every iteration share it
    // (and its draws).
    const plans = new Map<string, Int32Array>();
    const planOf: (Int32Array | undefined)[] = [];
    for (let j = 0; j < streams; j++) {
      const at = j * MOMENT_FIELDS;
      const na = totals.moments[at] as number;
      const nb = next.moments[at] as number;
      if (!(nb > 0)) {
        planOf.push(undefined);
        continue;
      }
      const key = `${na},${nb}`;
      let plan = plans.get(key);
      if (plan === undefined) {
        plan = reservoirMergePlan(na, nb, capacity, random);
        plans.set(key, plan);
      }
      planOf.push(plan);
    }
    // a's kept values stay in their slots: only b's are copied in.
    const into = totals.reservoir;
    const from = next.reservoir;
    for (const plan of plans.values()) {
      const size = plan.length;
      const members: number[] = [];
      for (let j = 0; j < streams; j++) if (planOf[j] === plan) members.push(j);
      if (members.length === streams) {
        // Every stream: whole rows (the common case).
        for (let s = 0; s < size; s++) {
          const pick = plan[s] as number;
          if (pick >= 0) continue;
          into.set(from.subarray((-1 - pick) * streams, -pick * streams), s * streams);
        }
      } else {
        for (const j of members) {
          for (let s = 0; s < size; s++) {
            const pick = plan[s] as number;
            if (pick < 0) into[s * streams + j] = from[(-1 - pick) * streams + j] as number;
          }
        }
      }
      for (const j of members) totals.sizes[j] = size;
    }
    for (let j = 0; j < streams; j++) mergeMoments(totals.moments, next.moments, j);
    const add = (into: Float64Array, from: Float64Array) => {
      for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
    };
    add(totals.paybackNever, next.paybackNever);
    add(totals.wins, next.wins);
    add(totals.none, next.none);
    add(totals.sieve, next.sieve);
    return { ...totals, blockCount: totals.blockCount + 1 };
  };

  // The parts of the result no block changes, computed once (early, by a thread that would wait).
  let fixed: Pick<MonteCarloStudyResult, 'tornado' | 'flipMargins' | 'ahpFlipMargins'> | undefined;
  const fixedParts = () =>
    (fixed ??= {
      tornado: studyTornado(model, inputs, pointOutputs, evaluatePart),
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
      ahpFlipMargins: ahpEpiFlipMargins(study, model),
    });

  const finish = (totals: MonteCarloTotals): MonteCarloStudyResult => {
    if (totals.firstBlock !== 0 || totals.blockCount !== blocks) {
      throw new GpError(
        'INVALID_INPUT',
        'block',
        `the totals cover blocks ${totals.firstBlock} … ${totals.firstBlock + totals.blockCount - 1} of 0 … ${blocks - 1}`,
      );
    }
    const stats: Statistics = {
      totals,
      byStream: byRows ? byStreams(totals.reservoir) : undefined,
    };
    const { tornado, flipMargins, ahpFlipMargins: ahp } = fixedParts();
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
          if (track === undefined || countOf(stats, track.stream) === 0) return [];
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
          ...(pointOutputs[k]?.hasPayback === true && {
            paybackNever: totals.paybackNever[k] as number,
          }),
        };
      }),
      ...(epiBeforeStream !== undefined &&
        countOf(stats, epiBeforeStream) > 0 && {
          epiBefore: summary(stats, epiBeforeStream, pointEpiBefore),
        }),
      rules: rules.map((rule, r): RuleProbability => {
        const winsOf = (k: number) => totals.wins[r * optionCount + k] as number;
        return {
          rule,
          studyRule: rule === study.decisionRule,
          deterministic: pointWinners.get(rule) ?? [],
          probabilities: pointState.options.flatMap((o, k) =>
            winsOf(k) > 0 || isCandidate(model, rule, k, pointOutputs)
              ? [{ option: o.id, probability: winsOf(k) / iterations }]
              : [],
          ),
          none: (totals.none[r] as number) / iterations,
        };
      }),
      sieve: pointSieve.map((passes, k) => ({
        entry: k,
        options: passes.map((kept, j) => ({
          option: pointState.options[model.sieveOptions[k]?.[j] ?? 0]?.id ?? '',
          deterministic: kept,
          probability: (totals.sieve[(sieveOffsets[k] as number) + j] as number) / iterations,
        })),
      })),
      tornado,
      flipMargins,
      ...(ahp !== undefined && { ahpFlipMargins: ahp }),
      quantiles: {
        method: 'reservoir',
        capacity,
        rankErrorBound99: reservoirRankErrorBound(capacity, iterations, 0.01),
      },
    };
  };

  return {
    iterations,
    blocks,
    runBlock,
    merge,
    prepareFinish: () => {
      fixedParts();
    },
    finish,
  };
}

/**
 * The flip margins of the AHP weights the study's EPI takes (epi.weightsFrom), for the choice
 * of the option with the highest EPI after it: EPI = Σ Wi·si with si the parameter's
 * performance Pi (deviation) or level (traffic light) after the option.
 */
function ahpEpiFlipMargins(
  study: StudyInput,
  model: StudyModel,
): MonteCarloStudyResult['ahpFlipMargins'] {
  const from = study.epi?.weightsFrom;
  if (from === undefined || model.epi === undefined) return undefined;
  const evaluation = evaluateStudy(study);
  const ahp = evaluation.results.weights?.ahp?.find((a) => a.id === from);
  if (ahp === undefined) return undefined;
  const options = (evaluation.results.options ?? []).flatMap((o) => {
    const after = o.effects?.epi?.after;
    if (after === undefined) return [];
    const scores: Record<string, number> = {};
    for (const item of ahp.items) scores[item] = 0;
    for (const term of after.terms) {
      if (term.id === undefined) continue;
      scores[term.id] = 'performance' in term ? term.performance : term.level;
    }
    return [{ id: o.id, scores }];
  });
  if (options.length === 0) return undefined;
  return {
    ahp: from,
    rule: 'epi',
    margins: ahpFlipMargins({ items: ahp.items, weights: ahp.weights }, options),
  };
}

interface Tracker {
  /** The output's index in the statistics banks. */
  readonly stream: number;
}

interface Statistics {
  readonly totals: MonteCarloTotals;
  /** The reservoir transposed (capacity values per stream), unless too large to copy. */
  readonly byStream: Float64Array | undefined;
}

const countOf = (stats: Statistics, j: number): number =>
  stats.totals.moments[j * MOMENT_FIELDS] as number;

/** Stream j's distribution, as the running moments and quantile reservoir banks report it. */
function summary(stats: Statistics, j: number, point: number | undefined): OutputDistribution {
  const { moments, sizes, reservoir } = stats.totals;
  const at = j * MOMENT_FIELDS;
  const size = sizes[j] as number;
  const streams = sizes.length;
  const capacity = reservoir.length / streams;
  let sample: Float64Array;
  if (stats.byStream !== undefined) {
    sample = stats.byStream.subarray(j * capacity, j * capacity + size);
  } else {
    sample = new Float64Array(size);
    for (let s = 0; s < size; s++) sample[s] = reservoir[s * streams + j] as number;
  }
  const [p5, p50, p95] = quantilesBySelection(sample.slice(), [0.05, 0.5, 0.95]) as [
    number,
    number,
    number,
  ];
  const count = moments[at] as number;
  const min = moments[at + 3] as number;
  const max = moments[at + 4] as number;
  const variance = count < 2 ? 0 : Math.max(0, (moments[at + 2] as number) / (count - 1));
  return {
    point,
    count,
    mean: moments[at + 1] as number,
    sd: Math.sqrt(variance),
    min,
    max,
    p5,
    p50,
    p95,
    histogram: reservoirHistogram(sample, count, min, max, HISTOGRAM_BINS),
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

type PartKind = 'economics' | 'epi' | 'productivity';
const PART_KINDS: readonly PartKind[] = ['economics', 'epi', 'productivity'];

/** A sampler's error at its input's field. */
function atInput(input: ResolvedInput, error: unknown): unknown {
  if (error instanceof GpError)
    return new GpError(error.code, `uncertain["${input.path}"].${error.field}`, error.detail);
  return error;
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
  evaluatePart: OptionPartEvaluator,
): TornadoResult[] {
  const ends = inputs.map((input) => {
    const { low, high } = distributionEnds(input.distribution, input.domain);
    const at = (value: number) => {
      const state: WorkingState = model.fresh();
      input.write(state, value);
      // evaluateAllOptions by the kernels (bitwise equal, the engine's errors when they decline).
      return state.options.map((_, k) => {
        const out: OptionOutputs = {};
        for (const part of PART_KINDS) evaluatePart(state, k, part, out);
        return out;
      });
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
