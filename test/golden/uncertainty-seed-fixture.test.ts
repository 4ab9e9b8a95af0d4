/**
 * The Monte Carlo's output for a given seed does not change when its inner loop is made
 * faster: the JSON of cv-abc at seed 1, 2 000 iterations, was captured from the committed
 * implementation (commit 69c9557, before the fast kernels) and must stay identical, string
 * for string (JSON numbers round-trip, so this is bitwise). Two runs: the study's own ranges
 * (as `lestari uncertainty examples/cv-abc.yaml --seed 1 --iterations 2000 --json`), and
 * uncertain economics (rate, a benefit, a cost, a life) that exercise the economic kernels.
 * Since the NPV of an option became the uniform-series formula (uniformNetPresentValue, two
 * factors instead of a discounted sum per year), NPV values may differ from the capture in the
 * last digits: those are compared to 1e-14 relative (and must equal today's engine exactly),
 * every other value string for string.
 * Also: the fast option evaluator equals evaluateOptionPart on random sampled states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { evaluateStudy } from '../../src/engine/study/evaluate-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';
import { monteCarloStudy, type UncertainInputs } from '../../src/engine/uncertainty/index.js';
import {
  buildStudyModel,
  createOptionPartEvaluator,
  evaluateOptionPart,
  resolveInputPath,
  type OptionOutputs,
} from '../../src/engine/uncertainty/study-model.js';

function example(name: string): StudyInput {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'examples', `${name}.yaml`),
    'utf8',
  );
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.study;
}

const cvAbc = example('cv-abc');

const ECONOMICS: UncertainInputs = {
  'options[alt-1].economics.interestRate': { kind: 'triangular', low: 0.08, mode: 0.1, high: 0.14 },
  'options[alt-2].economics.annualBenefits[0].amount': {
    kind: 'plus-minus',
    value: 9_300_000,
    fraction: 0.2,
  },
  'options[alt-2].economics.annualCosts[1].amount': {
    kind: 'normal',
    mean: 8_614_080,
    sd: 900_000,
  },
  'options[alt-1].economics.life': { kind: 'uniform', low: 3, high: 12 },
};

// Captured from the committed monteCarloStudy before the fast path (JSON.stringify).
const RANGES_SEED_1 =
  '{"iterations":2000,"seed":1,"inputs":[{"path":"options[alt-2].effects.removal.bod","distribution":{"kind":"uniform","low":0.8,"high":0.9},"source":"range","point":0.8},{"path":"options[alt-2].effects.removal.cod","distribution":{"kind":"uniform","low":0.8,"high":0.9},"source":"range","point":0.8}],"options":[{"id":"alt-1","name":"Grease interceptor","outputs":{"npv":{"point":130432696.72339818,"count":2000,"mean":130432696.72339818,"sd":0,"min":130432696.72339818,"max":130432696.72339818,"p5":130432696.72339818,"p50":130432696.72339818,"p95":130432696.72339818},"annualWorth":{"point":34407816.80889748,"count":2000,"mean":34407816.80889748,"sd":0,"min":34407816.80889748,"max":34407816.80889748,"p5":34407816.80889748,"p50":34407816.80889748,"p95":34407816.80889748},"bcr":{"point":2.608429420294439,"count":2000,"mean":2.608429420294439,"sd":0,"min":2.608429420294439,"max":2.608429420294439,"p5":2.608429420294439,"p50":2.608429420294439,"p95":2.608429420294439},"payback":{"point":1.3645833333333333,"count":2000,"mean":1.3645833333333333,"sd":0,"min":1.3645833333333333,"max":1.3645833333333333,"p5":1.3645833333333333,"p50":1.3645833333333333,"p95":1.3645833333333333},"epiAfter":{"point":13.868421333333334,"count":2000,"mean":13.868421333333334,"sd":0,"min":13.868421333333334,"max":13.868421333333334,"p5":13.868421333333334,"p50":13.868421333333334,"p95":13.868421333333334}},"paybackNever":0},{"id":"alt-2","name":"Pompa dan DAF (dissolved air flotation)","outputs":{"npv":{"point":469012340.3165427,"count":2000,"mean":469012340.3165427,"sd":0,"min":469012340.3165427,"max":469012340.3165427,"p5":469012340.3165427,"p50":469012340.3165427,"p95":469012340.3165427},"annualWorth":{"point":76329598.52958666,"count":2000,"mean":76329598.52958666,"sd":0,"min":76329598.52958666,"max":76329598.52958666,"p5":76329598.52958666,"p50":76329598.52958666,"p95":76329598.52958666},"bcr":{"point":3.124965072911484,"count":2000,"mean":3.124965072911484,"sd":0,"min":3.124965072911484,"max":3.124965072911484,"p5":3.124965072911484,"p50":3.124965072911484,"p95":3.124965072911484},"payback":{"point":1.549826834771609,"count":2000,"mean":1.549826834771609,"sd":0,"min":1.549826834771609,"max":1.549826834771609,"p5":1.549826834771609,"p50":1.549826834771609,"p95":1.549826834771609},"epiAfter":{"point":15.241852666666668,"count":2000,"mean":15.643936199011915,"sd":0.17614701213169948,"min":15.254053735324147,"max":16.02557213717521,"p5":15.358599753560473,"p50":15.640472351519627,"p95":15.930521710631572}},"paybackNever":0}],"rules":[{"rule":"bcr","studyRule":true,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0},{"rule":"npv","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0},{"rule":"annual-worth","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0},{"rule":"epi","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0}],"sieve":[],"tornado":[{"option":"alt-2","output":"epiAfter","point":15.241852666666668,"bars":[{"path":"options[alt-2].effects.removal.cod","low":0.8,"high":0.9,"atLow":15.241852666666668,"atHigh":15.802434666666668,"swing":0.5605820000000001},{"path":"options[alt-2].effects.removal.bod","low":0.8,"high":0.9,"atLow":15.241852666666668,"atHigh":15.481019333333334,"swing":0.23916666666666586}]}],"flipMargins":[],"quantiles":{"method":"reservoir","capacity":10000,"rankErrorBound99":0}}';
const ECONOMICS_SEED_1 =
  '{"iterations":2000,"seed":1,"inputs":[{"path":"options[alt-1].economics.interestRate","distribution":{"kind":"triangular","low":0.08,"mode":0.1,"high":0.14},"source":"given","point":0.1},{"path":"options[alt-2].economics.annualBenefits[0].amount","distribution":{"kind":"plus-minus","value":9300000,"fraction":0.2},"source":"given","point":9300000},{"path":"options[alt-2].economics.annualCosts[1].amount","distribution":{"kind":"normal","mean":8614080,"sd":900000},"source":"given","point":8614080},{"path":"options[alt-1].economics.life","distribution":{"kind":"uniform","low":3,"high":12},"source":"given","point":5},{"path":"options[alt-2].effects.removal.bod","distribution":{"kind":"uniform","low":0.8,"high":0.9},"source":"range","point":0.8},{"path":"options[alt-2].effects.removal.cod","distribution":{"kind":"uniform","low":0.8,"high":0.9},"source":"range","point":0.8}],"options":[{"id":"alt-1","name":"Grease interceptor","outputs":{"npv":{"point":130432696.72339818,"count":2000,"mean":188389648.41972893,"sd":66011836.40304584,"min":51819121.58234704,"max":325480414.4537648,"p5":63954138.31314422,"p50":197042391.00314823,"p95":282477167.91295284},"annualWorth":{"point":34407816.80889748,"count":2000,"mean":37487762.784761146,"sd":4982273.843107863,"min":22254477.75198188,"max":43871750.32148808,"p5":25038749.61400914,"p50":39174945.109128416,"p95":42676745.82881261},"bcr":{"point":2.608429420294439,"count":2000,"mean":3.239780645320004,"sd":0.7323789552264103,"min":1.6634112769938074,"max":4.677970490550731,"p5":1.8139705351943336,"p50":3.3563799712518048,"p95":4.251994287646001},"payback":{"point":1.3645833333333333,"count":2000,"mean":1.3645833333333333,"sd":0,"min":1.3645833333333333,"max":1.3645833333333333,"p5":1.3645833333333333,"p50":1.3645833333333333,"p95":1.3645833333333333},"epiAfter":{"point":13.868421333333334,"count":2000,"mean":13.868421333333334,"sd":0,"min":13.868421333333334,"max":13.868421333333334,"p5":13.868421333333334,"p50":13.868421333333334,"p95":13.868421333333334}},"paybackNever":0},{"id":"alt-2","name":"Pompa dan DAF (dissolved air flotation)","outputs":{"npv":{"point":469012340.3165427,"count":2000,"mean":469836018.59161955,"sd":77992374.09894377,"min":323826622.9046939,"max":617594642.4968754,"p5":347426031.197619,"p50":469522226.48155534,"p95":591383697.8329827},"annualWorth":{"point":76329598.52958666,"count":2000,"mean":76463648.3757201,"sd":12692899.720557172,"min":52701291.618094586,"max":100510683.97047757,"p5":56541986.63972029,"p50":76412580.15485677,"p95":96244973.43090868},"bcr":{"point":3.124965072911484,"count":2000,"mean":3.1307272872799654,"sd":0.36075489883796286,"min":2.380851522286784,"max":3.9629862852779314,"p5":2.5613811621493703,"p50":3.124975226387937,"p95":3.706043730287934},"payback":{"point":1.549826834771609,"count":2000,"mean":1.5723909854287523,"sd":0.19951549631002638,"min":1.2529997796760963,"max":2.0166324222192977,"p5":1.2968138434163947,"p50":1.5485679455960333,"p95":1.922508843560477},"epiAfter":{"point":15.241852666666668,"count":2000,"mean":15.644479204737387,"sd":0.1732693043807167,"min":15.259705826219927,"max":16.038455347345682,"p5":15.361461566347348,"p50":15.642824088814608,"p95":15.920616446667653}},"paybackNever":0}],"rules":[{"rule":"bcr","studyRule":true,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0.583},{"option":"alt-2","probability":0.417}],"none":0},{"rule":"npv","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0},{"rule":"annual-worth","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0},{"rule":"epi","studyRule":false,"deterministic":["alt-2"],"probabilities":[{"option":"alt-1","probability":0},{"option":"alt-2","probability":1}],"none":0}],"sieve":[],"tornado":[{"option":"alt-1","output":"npv","point":130432696.72339818,"bars":[{"path":"options[alt-1].economics.life","low":3,"high":12,"atLow":60333163.0353118,"atHigh":292944072.3989122,"swing":232610909.36360037},{"path":"options[alt-1].economics.interestRate","low":0.08,"high":0.14,"atLow":141288091.59331787,"atHigh":111202432.88583082,"swing":30085658.707487047}]},{"option":"alt-1","output":"annualWorth","point":34407816.80889748,"bars":[{"path":"options[alt-1].economics.life","low":3,"high":12,"atLow":24260858.006042294,"atHigh":42993443.20424292,"swing":18732585.19820063},{"path":"options[alt-1].economics.interestRate","low":0.08,"high":0.14,"atLow":35386514.49297687,"atHigh":32391439.02941705,"swing":2995075.4635598175}]},{"option":"alt-1","output":"bcr","point":2.608429420294439,"bars":[{"path":"options[alt-1].economics.life","low":3,"high":12,"atLow":1.7692301208032295,"atHigh":4.357143054914419,"swing":2.587912934111189},{"path":"options[alt-1].economics.interestRate","low":0.08,"high":0.14,"atLow":2.7334871343163005,"atHigh":2.3837432839260257,"swing":0.3497438503902748}]},{"option":"alt-2","output":"npv","point":469012340.3165427,"bars":[{"path":"options[alt-2].economics.annualBenefits[0].amount","low":7440000,"high":11160000,"atLow":331865602.5172142,"atHigh":606159078.1158712,"swing":274293475.598657},{"path":"options[alt-2].economics.annualCosts[1].amount","low":6850112.413913951,"high":10378047.58608605,"atLow":479851157.52153635,"atHigh":458173523.1115491,"swing":21677634.40998727}]},{"option":"alt-2","output":"annualWorth","point":76329598.52958666,"bars":[{"path":"options[alt-2].economics.annualBenefits[0].amount","low":7440000,"high":11160000,"atLow":54009598.52958666,"atHigh":98649598.52958666,"swing":44640000},{"path":"options[alt-2].economics.annualCosts[1].amount","low":6850112.413913951,"high":10378047.58608605,"atLow":78093566.11567271,"atHigh":74565630.94350061,"swing":3527935.1721720994}]},{"option":"alt-2","output":"bcr","point":3.124965072911484,"bars":[{"path":"options[alt-2].economics.annualBenefits[0].amount","low":7440000,"high":11160000,"atLow":2.5035911715539396,"atHigh":3.746338974269028,"swing":1.2427478027150882},{"path":"options[alt-2].economics.annualCosts[1].amount","low":6850112.413913951,"high":10378047.58608605,"atLow":3.286350102593878,"atHigh":2.978688586551785,"swing":0.307661516042093}]},{"option":"alt-2","output":"payback","point":1.549826834771609,"bars":[{"path":"options[alt-2].economics.annualBenefits[0].amount","low":7440000,"high":11160000,"atLow":1.9835518165924235,"atHigh":1.2717458900581304,"swing":0.7118059265342931},{"path":"options[alt-2].economics.annualCosts[1].amount","low":6850112.413913951,"high":10378047.58608605,"atLow":1.5234993380443327,"atHigh":1.5770802600593843,"swing":0.0535809220150516}]},{"option":"alt-2","output":"epiAfter","point":15.241852666666668,"bars":[{"path":"options[alt-2].effects.removal.cod","low":0.8,"high":0.9,"atLow":15.241852666666668,"atHigh":15.802434666666668,"swing":0.5605820000000001},{"path":"options[alt-2].effects.removal.bod","low":0.8,"high":0.9,"atLow":15.241852666666668,"atHigh":15.481019333333334,"swing":0.23916666666666586}]}],"flipMargins":[],"quantiles":{"method":"reservoir","capacity":10000,"rankErrorBound99":0}}';

/** The JSON without the histograms, which were added after the capture (issue 6). */
function withoutHistograms(result: unknown): string {
  return JSON.stringify(result, (key, value: unknown) => (key === 'histogram' ? undefined : value));
}

/**
 * The result equals the capture value for value: numbers under an `npv` key or in a tornado
 * entry of the NPV within 1e-14 relative, every other number, string and key exactly.
 */
function expectCapturedUpToNpvRounding(actual: string, captured: string): void {
  let npvCompared = 0;
  const walk = (got: unknown, want: unknown, path: string, npv: boolean): void => {
    if (typeof want === 'number' && typeof got === 'number' && npv) {
      npvCompared += 1;
      expect(Math.abs(got - want), path).toBeLessThanOrEqual(1e-14 * Math.max(Math.abs(want), 1));
    } else if (Array.isArray(want)) {
      expect(Array.isArray(got) && got.length === want.length, path).toBe(true);
      want.forEach((w, i) => walk((got as unknown[])[i], w, `${path}[${i}]`, npv));
    } else if (typeof want === 'object' && want !== null) {
      const g = got as Record<string, unknown>;
      const w = want as Record<string, unknown>;
      expect(Object.keys(g), path).toEqual(Object.keys(w));
      const npvEntry = npv || w.output === 'npv';
      for (const key of Object.keys(w))
        walk(g[key], w[key], `${path}.${key}`, npvEntry || key === 'npv');
    } else {
      expect(got, path).toBe(want);
    }
  };
  walk(JSON.parse(actual), JSON.parse(captured), '$', false);
  expect(npvCompared).toBeGreaterThan(0);
}

describe('monteCarloStudy output for a seed is unchanged by the fast path (cv-abc, seed 1)', () => {
  it('gives the captured JSON for the study’s own ranges', () => {
    const result = monteCarloStudy(cvAbc, {}, { iterations: 2000, seed: 1 });
    expectCapturedUpToNpvRounding(withoutHistograms(result), RANGES_SEED_1);
    // With every economic input fixed, each NPV is today's engine value exactly.
    const engine = evaluateStudy(cvAbc).results.options ?? [];
    for (const option of result.options) {
      const npv = option.outputs.npv;
      expect(npv?.mean).toBe(engine.find((o) => o.id === option.id)?.economics?.npv);
    }
    // Every output carries an exact histogram (2 000 iterations fit the reservoir).
    for (const option of result.options)
      for (const d of Object.values(option.outputs))
        expect(d.histogram).toMatchObject({ source: 'exact' });
  });

  it('gives the captured JSON with uncertain economics', () => {
    const json = withoutHistograms(
      monteCarloStudy(cvAbc, ECONOMICS, { iterations: 2000, seed: 1 }),
    );
    expectCapturedUpToNpvRounding(json, ECONOMICS_SEED_1);
  });
});

describe('createOptionPartEvaluator', () => {
  for (const name of ['cv-abc', 'ecco-tannery', 'adi-bungsu']) {
    it(`equals evaluateOptionPart bitwise on random economics and removals (${name})`, () => {
      const study = example(name);
      const model = buildStudyModel(study, evaluateStudy(study).results.weights?.ahp ?? []);
      const options = study.options ?? [];
      const paths = options.flatMap((o) => [
        ...(o.economics === undefined
          ? []
          : [
              `options[${o.id}].economics.interestRate`,
              `options[${o.id}].economics.life`,
              ...o.economics.investment.map(
                (_, k) => `options[${o.id}].economics.investment[${k}].amount`,
              ),
              ...(o.economics.annualBenefits ?? []).map(
                (_, k) => `options[${o.id}].economics.annualBenefits[${k}].amount`,
              ),
              ...(o.economics.annualCosts ?? []).map(
                (_, k) => `options[${o.id}].economics.annualCosts[${k}].amount`,
              ),
            ]),
        ...Object.keys(o.effects?.removal ?? {}).map(
          (k) => `options[${o.id}].effects.removal.${k}`,
        ),
      ]);
      const inputs = paths.map((p) => resolveInputPath(study, p, p));
      const fast = createOptionPartEvaluator(model);
      const state = model.fresh();
      const reference = model.fresh();
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: inputs.length,
            maxLength: inputs.length,
          }),
          (units) => {
            inputs.forEach((input, i) => {
              const u = units[i] as number;
              // Removals 0–1, rates 0–0.5, lives 1–30, amounts 0–2× their point.
              const point = typeof input.point === 'number' ? input.point : input.point.low;
              const v = input.path.endsWith('.life')
                ? 1 + u * 29
                : input.path.endsWith('.interestRate')
                  ? u / 2
                  : input.target.part === 'epi'
                    ? u
                    : point * 2 * u;
              input.write(state, v);
              input.write(reference, v);
            });
            options.forEach((_, k) => {
              for (const part of ['economics', 'epi', 'productivity'] as const) {
                const a: OptionOutputs = {};
                const b: OptionOutputs = {};
                let errorA: unknown;
                let errorB: unknown;
                try {
                  fast(state, k, part, a);
                } catch (error) {
                  errorA = error;
                }
                try {
                  evaluateOptionPart(model, reference, k, part, b);
                } catch (error) {
                  errorB = error;
                }
                expect(String(errorA)).toBe(String(errorB));
                for (const key of Object.keys(b) as (keyof OptionOutputs)[]) {
                  expect(Object.is(a[key], b[key]), `${name} ${k} ${part} ${key}`).toBe(true);
                }
                expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
              }
            });
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
