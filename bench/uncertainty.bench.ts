/**
 * Benchmark of the uncertainty Monte Carlo (issue 6): 100 000 iterations of a study with five
 * options, every option uncertain (interest rate, a benefit, a cost, a removal efficiency),
 * against a plain loop that samples the same economics inputs and evaluates only the NPV.
 * Not a test: it prints what this machine does. Run with `npm run bench`.
 */
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

function benchStudy(): StudyInput {
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

function uncertainInputs(): UncertainInputs {
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

export function runUncertaintyBench(): void {
  const study = benchStudy();
  const uncertain = uncertainInputs();
  monteCarloStudy(study, uncertain, { iterations: 2000 }); // warm-up (JIT)
  npvOnlyFloor(2000);

  const rssBefore = process.memoryUsage().rss;
  const small = timed(() => monteCarloStudy(study, uncertain, { iterations: 10_000 }));
  const rssAfterSmall = process.memoryUsage().rss;
  const peakAfterSmall = process.resourceUsage().maxRSS * 1024;
  const large = timed(() => monteCarloStudy(study, uncertain, { iterations: 100_000 }));
  const rssAfterLarge = process.memoryUsage().rss;
  const peakAfterLarge = process.resourceUsage().maxRSS * 1024;
  const floor = timed(() => npvOnlyFloor(100_000));

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const lestari = perSecond(100_000, large.ms);
  const npvOnly = perSecond(100_000, floor.ms);
  console.log(
    `uncertainty: ${OPTIONS} options, ${large.value.inputs.length} uncertain inputs, 100 000 iterations in ${large.ms.toFixed(0)} ms (10 000 in ${small.ms.toFixed(0)} ms; goal < 300 ms)`,
  );
  console.log(
    `memory: rss ${mb(rssBefore)} before, ${mb(rssAfterSmall)} after 10k, ${mb(rssAfterLarge)} after 100k; peak rss ${mb(peakAfterSmall)} after 10k, ${mb(peakAfterLarge)} after 100k`,
  );
  console.log(
    `uncertainty: lestari ${lestari.toLocaleString('en')} it/s, npv-only floor ${npvOnly.toLocaleString('en')} it/s, ratio ${(npvOnly / lestari).toFixed(2)}`,
  );
}
