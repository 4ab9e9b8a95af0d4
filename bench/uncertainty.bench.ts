/**
 * Benchmark of the uncertainty Monte Carlo (issue 6): 100 000 iterations of a study with five
 * options, every option uncertain (interest rate, a benefit, a cost, a removal efficiency),
 * against a plain loop that samples the same economics inputs and evaluates only the NPV.
 * One thread (monteCarloStudy), and two (monteCarloStudyParallel: the main thread and one
 * worker, the identical result): with the worker already started (a pool, as a server keeps
 * it), and cold (the worker started and ended in the run, as one CLI call does).
 * Not a test: it prints what this machine does. Run with `npm run bench`.
 */
import { availableParallelism } from 'node:os';
import {
  createUncertaintyWorkerPool,
  monteCarloStudyParallel,
} from '../src/parallel/uncertainty-parallel.js';
import { netPresentValue, uniformCashFlowSeries } from '../src/engine/economics/index.js';
import type { GpOption, StudyInput } from '../src/engine/study/study-input.js';
import {
  createRandomSource,
  monteCarloStudy,
  sampleDistribution,
  UNBOUNDED,
  type UncertainDistribution,
  type UncertainInputs,
} from '../src/engine/uncertainty/index.js';

const OPTIONS = 5;
/** Runs on the warm pool before timing, then timed runs (each beside a one-thread run and the floor). */
const WARM_RUNS = 8;
const TIMED_RUNS = 9;

export function benchStudy(): StudyInput {
  const options: GpOption[] = Array.from({ length: OPTIONS }, (_, k) => ({
    id: `alt-${k + 1}`,
    name: `Option ${k + 1}`,
    economics: {
      investment: [{ item: 'Equipment', amount: 50_000_000 + 20_000_000 * k }],
      annualCosts: [{ item: 'Maintenance', amount: 2_000_000 + 500_000 * k }],
      annualBenefits: [{ item: 'Savings', amount: 20_000_000 + 6_000_000 * k }],
      life: 10,
      interestRate: 0.1,
    },
    effects: { removal: { cod: { low: 0.6 + 0.05 * k, high: 0.7 + 0.05 * k }, bod: 0.5 } },
  }));
  return {
    lestari: 1,
    language: 'en',
    study: { title: 'Benchmark', organisation: { name: 'Bench' } },
    effluent: {
      parameters: [
        { id: 'bod', name: 'BOD', measured: 60, weight: 4.1, limit: { max: 50 } },
        { id: 'cod', name: 'COD', measured: 160, weight: 4.5, limit: { max: 100 } },
        { id: 'tss', name: 'TSS', measured: 40, weight: 4, limit: { max: 100 } },
      ],
    },
    epi: { method: 'deviation', belowDetectionLimit: 'limit' },
    options,
    decisionRule: 'bcr',
  };
}

export function uncertainInputs(): UncertainInputs {
  const out: Record<string, UncertainDistribution> = {};
  for (let k = 0; k < OPTIONS; k++) {
    const id = `alt-${k + 1}`;
    out[`options[${id}].economics.interestRate`] = {
      kind: 'triangular',
      low: 0.08,
      mode: 0.1,
      high: 0.14,
    };
    out[`options[${id}].economics.annualBenefits[0].amount`] = {
      kind: 'plus-minus',
      value: 20_000_000 + 6_000_000 * k,
      fraction: 0.2,
    };
    out[`options[${id}].economics.annualCosts[0].amount`] = {
      kind: 'normal',
      mean: 2_000_000 + 500_000 * k,
      sd: 300_000,
    };
  }
  return out;
}

/** The floor: sample the same economics inputs, build the cash flows, evaluate the NPV only. */
function npvOnlyFloor(iterations: number): number {
  const random = createRandomSource(1);
  const rate: UncertainDistribution = { kind: 'triangular', low: 0.08, mode: 0.1, high: 0.14 };
  let checksum = 0;
  for (let t = 0; t < iterations; t++) {
    for (let k = 0; k < OPTIONS; k++) {
      const i = sampleDistribution(rate, random, UNBOUNDED);
      const benefit = sampleDistribution(
        { kind: 'plus-minus', value: 20_000_000 + 6_000_000 * k, fraction: 0.2 },
        random,
        UNBOUNDED,
      );
      const cost = sampleDistribution(
        { kind: 'normal', mean: 2_000_000 + 500_000 * k, sd: 300_000 },
        random,
        { min: 0, max: Infinity },
      );
      const flows = uniformCashFlowSeries({
        investment: 50_000_000 + 20_000_000 * k,
        annualNet: benefit - cost,
        periods: 10,
      });
      checksum += netPresentValue(i, flows).netPresentValue;
    }
  }
  return checksum;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The fastest and the median of `runs` timings (the machine may be shared: one run can be unlucky). */
async function timings(
  runs: number,
  run: () => Promise<number>,
): Promise<{ best: number; median: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await run());
  ms.sort((a, b) => a - b);
  return { best: ms[0] as number, median: ms[Math.floor(runs / 2)] as number };
}

export async function runUncertaintyBench(): Promise<void> {
  const study = benchStudy();
  const uncertain = uncertainInputs();
  const settings = { iterations: 100_000, seed: 1 };
  monteCarloStudy(study, uncertain, { iterations: 20_000 }); // warm-up (JIT)
  npvOnlyFloor(2000);

  const rssBefore = process.memoryUsage().rss;
  const small = timed(() => monteCarloStudy(study, uncertain, { iterations: 10_000 }));
  const rssAfterSmall = process.memoryUsage().rss;
  const peakAfterSmall = process.resourceUsage().maxRSS * 1024;
  const large = timed(() => monteCarloStudy(study, uncertain, settings));
  const rssAfterLarge = process.memoryUsage().rss;
  const peakAfterLarge = process.resourceUsage().maxRSS * 1024;
  const huge = timed(() => monteCarloStudy(study, uncertain, { iterations: 1_000_000 }));
  const peakAfterHuge = process.resourceUsage().maxRSS * 1024;
  const expected = JSON.stringify(large.value);

  // One thread against two (a warm pool of one worker), interleaved so both see the same load.
  const pool = createUncertaintyWorkerPool(1);
  let same = true;
  const one: number[] = [];
  const floor: number[] = [];
  let two = { best: Infinity, median: Infinity };
  try {
    // Warm-up: the worker's JIT too (it sees only its share of the blocks, so it needs more runs
    // than the main thread to reach its optimised code).
    for (let i = 0; i < WARM_RUNS; i++)
      await monteCarloStudyParallel(study, uncertain, settings, { pool });
    two = await timings(TIMED_RUNS, async () => {
      one.push(timed(() => monteCarloStudy(study, uncertain, settings)).ms);
      floor.push(timed(() => npvOnlyFloor(100_000)).ms);
      const run = await timedAsync(() =>
        monteCarloStudyParallel(study, uncertain, settings, { pool }),
      );
      same &&= JSON.stringify(run.value) === expected;
      return run.ms;
    });
  } finally {
    await pool.close();
  }
  // Cold: the worker started (and ended) for the run, as one CLI call does (a server keeps its pool).
  const cold = await timedAsync(() =>
    monteCarloStudyParallel(study, uncertain, settings, { threads: 2 }),
  );

  const best = (ms: readonly number[]) => Math.min(...ms);
  const median = (ms: readonly number[]) =>
    [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] as number;
  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const lestari = perSecond(100_000, best(one));
  const parallel = perSecond(100_000, two.best);
  const npvOnly = perSecond(100_000, best(floor));
  console.log(
    `uncertainty: ${OPTIONS} options, ${large.value.inputs.length} uncertain inputs, 100 000 iterations (best of ${TIMED_RUNS}, median in brackets): one thread ${best(one).toFixed(0)} ms (${median(one).toFixed(0)}); two threads ${two.best.toFixed(0)} ms (${two.median.toFixed(0)}) with the worker started, ${cold.ms.toFixed(0)} ms starting it; ${availableParallelism()} cores; goal < 300 ms; same result on two threads: ${same ? 'yes' : 'NO'}`,
  );
  console.log(
    `memory: rss ${mb(rssBefore)} before, ${mb(rssAfterSmall)} after 10k (${small.ms.toFixed(0)} ms), ${mb(rssAfterLarge)} after 100k; peak rss ${mb(peakAfterSmall)} after 10k, ${mb(peakAfterLarge)} after 100k, ${mb(peakAfterHuge)} after 1M (${huge.ms.toFixed(0)} ms)`,
  );
  console.log(
    `uncertainty: lestari ${lestari.toLocaleString('en')} it/s one thread, ${parallel.toLocaleString('en')} it/s two threads; npv-only floor ${npvOnly.toLocaleString('en')} it/s, ratio ${(npvOnly / lestari).toFixed(2)} (one thread), ${(npvOnly / parallel).toFixed(2)} (two)`,
  );
}
