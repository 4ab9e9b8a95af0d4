/**
 * Uncertain EPI inputs (measured concentrations, EPI weights) and weighted-sum inputs
 * (criteria weights, scores) in the Monte Carlo: fixed, they give the deterministic
 * evaluation exactly; a uniform concentration gives the uniform EPI term the deviation method
 * implies; seeds reproduce; paths that name nothing the EPI uses are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStudy } from '../study/evaluate-study.js';
import type { StudyInput } from '../study/study-input.js';
import { monteCarloStudy, type UncertainInputs } from './monte-carlo-study.js';
import type { UncertainDistribution } from './distributions.js';
import {
  buildStudyModel,
  createOptionPartEvaluator,
  evaluateOptionPart,
  resolveInputPath,
  type OptionOutputs,
} from './study-model.js';

const study: StudyInput = {
  lestari: 1,
  language: 'en',
  study: { title: 'EPI inputs', organisation: { name: 'Test' } },
  effluent: {
    parameters: [
      { id: 'bod', name: 'BOD', measured: 60, weight: 4.1, limit: { max: 50 } },
      { id: 'cod', name: 'COD', measured: 160, weight: 4.5, limit: { max: 100 } },
      {
        id: 'og',
        name: 'Oil and grease',
        measured: { qualifier: '<', value: 2 },
        weight: 3,
        limit: { max: 10 },
      },
    ],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit' },
  options: [
    {
      id: 'daf',
      name: 'DAF',
      effects: { removal: { cod: 0.8, bod: 0.5 } },
      scores: { cost: 4, effect: 9 },
    },
    {
      id: 'trap',
      name: 'Grease trap',
      effects: { removal: { cod: 0.3, og: 0.9 } },
      scores: { cost: 8, effect: 5 },
    },
    { id: 'none', name: 'No EPI', scores: { cost: 9, effect: 1 } },
  ],
  screening: {
    weightedSum: [
      {
        criteria: [
          { id: 'cost', name: 'Cost', weight: 6 },
          { id: 'effect', name: 'Effect', weight: 5 },
        ],
      },
    ],
  },
};

const fixed = (value: number): UncertainDistribution => ({
  kind: 'uniform',
  low: value,
  high: value,
});

const everyInputFixed: UncertainInputs = {
  'effluent.parameters[bod].measured': fixed(60),
  'effluent.parameters[cod].measured': { kind: 'normal', mean: 160, sd: 0 },
  'effluent.parameters[og].measured': { kind: 'plus-minus', value: 2, fraction: 0 },
  'effluent.parameters[bod].weight': fixed(4.1),
  'effluent.parameters[cod].weight': { kind: 'triangular', low: 4.5, mode: 4.5, high: 4.5 },
  'effluent.parameters[og].weight': fixed(3),
  'screening.weightedSum[0].criteria[cost].weight': fixed(6),
  'screening.weightedSum[0].criteria[effect].weight': fixed(5),
  'options[daf].scores.cost': fixed(4),
  'options[trap].scores.effect': fixed(5),
  'options[none].scores.cost': fixed(9),
};

describe('uncertain measured concentrations and EPI and weighted-sum weights', () => {
  it('equal the deterministic evaluation exactly when every one is fixed', () => {
    const { results, errors } = evaluateStudy(study);
    expect(errors).toEqual([]);
    // 12 000 iterations: two blocks, merged.
    const mc = monteCarloStudy(study, everyInputFixed, { iterations: 12_000, seed: 3 });
    expect(mc.inputs.map((i) => i.path)).toContain('effluent.parameters[og].measured');
    const before = results.epi?.total as number;
    expect(mc.epiBefore).toMatchObject({
      point: before,
      mean: before,
      sd: 0,
      p5: before,
      p95: before,
    });
    for (const option of results.options ?? []) {
      const epi = option.effects?.epi?.after.total;
      const got = mc.options.find((o) => o.id === option.id)?.outputs.epiAfter;
      if (epi === undefined) {
        expect(got).toBeUndefined();
        continue;
      }
      expect(got).toMatchObject({ point: epi, mean: epi, min: epi, max: epi, p50: epi, sd: 0 });
      expect(got?.count).toBe(12_000);
    }
    const chosen = results.screening?.weightedSum?.[0]?.choice;
    const ws = mc.rules.find((r) => r.rule === 'weighted-sum[0]');
    expect(chosen).toMatchObject({ kind: 'single', option: ws?.deterministic[0] });
    for (const p of ws?.probabilities ?? [])
      expect(p.probability).toBe(p.option === ws?.deterministic[0] ? 1 : 0);
    const epiRule = mc.rules.find((r) => r.rule === 'epi');
    for (const p of epiRule?.probabilities ?? [])
      expect(p.probability).toBe(epiRule?.deterministic.includes(p.option) ? 1 : 0);
  });

  it('gives the analytic uniform EPI term for a uniform concentration, before and after', () => {
    // COD ~ U(120, 200), limit 100, W = 4.5: after DAF (r = 0.8) the term is
    // W·(S − M·0.2)/S, uniform on [4.5·(1 − 0.4), 4.5·(1 − 0.24)] plus the fixed terms.
    const n = 40_000;
    const mc = monteCarloStudy(
      study,
      { 'effluent.parameters[cod].measured': { kind: 'uniform', low: 120, high: 200 } },
      { iterations: n, seed: 11 },
    );
    const point = mc.options.find((o) => o.id === 'daf')?.outputs.epiAfter;
    const codAt160 = 4.5 * ((100 - 160 * 0.2) / 100);
    const fixedTerms = (point?.point as number) - codAt160;
    const low = fixedTerms + 4.5 * ((100 - 200 * 0.2) / 100);
    const high = fixedTerms + 4.5 * ((100 - 120 * 0.2) / 100);
    const width = high - low;
    const sd = width / Math.sqrt(12);
    // Mean within 4 standard errors; sd and quantiles within a few per cent of the width.
    expect(Math.abs((point?.mean as number) - (low + high) / 2)).toBeLessThan(
      (4 * sd) / Math.sqrt(n),
    );
    expect(Math.abs((point?.sd as number) - sd)).toBeLessThan(0.02 * sd);
    expect(point?.min).toBeGreaterThanOrEqual(low - 1e-12);
    expect(point?.max).toBeLessThanOrEqual(high + 1e-12);
    for (const [p, q] of [
      [0.05, point?.p5],
      [0.5, point?.p50],
      [0.95, point?.p95],
    ] as const) {
      expect(Math.abs((q as number) - (low + p * width))).toBeLessThan(0.02 * width);
    }
    // Every EPI bin of the uniform holds about n/20 iterations.
    for (const c of point?.histogram.counts ?? [])
      expect(Math.abs(c - n / 20)).toBeLessThan(n / 20 / 4);
    // The EPI before moves by W·(S − M)/S: uniform on a width of 4.5·0.8.
    expect(mc.epiBefore?.sd).toBeCloseTo((4.5 * 0.8) / Math.sqrt(12), 1);
    // The grease trap (r = 0.3) moves with slope 4.5·0.7/100 per mg/L.
    const trap = mc.options.find((o) => o.id === 'trap')?.outputs.epiAfter;
    expect((trap?.sd as number) / (point?.sd as number)).toBeCloseTo(0.7 / 0.2, 1);
  });

  it('moves the weighted-sum choice with its weights and scores, and reproduces from the seed', () => {
    const uncertain: UncertainInputs = {
      'screening.weightedSum[0].criteria[cost].weight': { kind: 'uniform', low: 2, high: 10 },
      'options[daf].scores.effect': { kind: 'triangular', low: 6, mode: 9, high: 10 },
      'effluent.parameters[bod].weight': { kind: 'plus-minus', value: 4.1, fraction: 0.5 },
    };
    const a = monteCarloStudy(study, uncertain, { iterations: 15_000, seed: 5 });
    const b = monteCarloStudy(study, uncertain, { iterations: 15_000, seed: 5 });
    const c = monteCarloStudy(study, uncertain, { iterations: 15_000, seed: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    const ws = a.rules.find((r) => r.rule === 'weighted-sum[0]');
    const shares = ws?.probabilities.map((p) => p.probability) ?? [];
    expect(shares.filter((p) => p > 0.01).length).toBeGreaterThan(1);
    expect(shares.reduce((s, p) => s + p, 0) + (ws?.none ?? 0)).toBeCloseTo(1, 12);
    // The EPI weight moves the EPI of both options (a tornado bar on each).
    const bars = a.tornado.filter((t) =>
      t.bars.some((bar) => bar.path === 'effluent.parameters[bod].weight'),
    );
    expect(bars.map((t) => t.option).sort()).toEqual(['daf', 'trap']);
  });

  it('keeps a "< x" result as one, the detection limit sampled', () => {
    const mc = monteCarloStudy(
      study,
      { 'effluent.parameters[og].measured': { kind: 'uniform', low: 1, high: 3 } },
      { iterations: 2000, seed: 2 },
    );
    // The trap removes 90 % of oil and grease, the DAF none: only the DAF's EPI moves 1:1.
    const daf = mc.options.find((o) => o.id === 'daf')?.outputs.epiAfter;
    expect(daf?.max).toBeGreaterThan(daf?.min as number);
    expect(mc.inputs[0]?.point).toBe(2);
  });

  it('refuses paths that name no EPI input, naming the field', () => {
    const refuse = (s: StudyInput, path: string, message: RegExp) =>
      expect(() => monteCarloStudy(s, { [path]: fixed(1) }, { iterations: 10 })).toThrow(message);
    refuse(study, 'effluent.parameters[tss].measured', /no effluent parameter "tss"/);
    refuse(study, 'effluent.parameters[cod].limit', /not an input/);
    const { epi: _, ...withoutEpi } = study;
    refuse(withoutEpi, 'effluent.parameters[cod].measured', /computes no EPI/);
    const fromAhp: StudyInput = {
      ...study,
      weights: {
        ahp: [
          {
            id: 'w',
            items: ['bod', 'cod', 'og'],
            matrix: [
              [1, 2, 3],
              [0.5, 1, 2],
              [1 / 3, 0.5, 1],
            ],
          },
        ],
      },
      epi: { method: 'deviation', belowDetectionLimit: 'limit', weightsFrom: 'w' },
    };
    refuse(fromAhp, 'effluent.parameters[cod].weight', /come from the AHP "w"/);
    // With AHP weights the result carries their flip margins for the EPI choice.
    const mc = monteCarloStudy(fromAhp, {}, { iterations: 10 });
    expect(mc.ahpFlipMargins).toMatchObject({ ahp: 'w', rule: 'epi' });
    expect(mc.ahpFlipMargins?.margins).toMatchObject({
      kind: 'single',
      chosen: mc.rules.find((r) => r.rule === 'epi')?.deterministic[0],
    });
  });

  it('computes the EPI with sampled measured values and weights bitwise as the engine path', () => {
    const model = buildStudyModel(study, []);
    const paths = [
      'effluent.parameters[bod].measured',
      'effluent.parameters[cod].measured',
      'effluent.parameters[og].measured',
      'effluent.parameters[bod].weight',
      'effluent.parameters[cod].weight',
      'options[daf].effects.removal.cod',
      'options[trap].effects.removal.og',
    ].map((path) => resolveInputPath(study, path, path));
    const fast = createOptionPartEvaluator(model);
    const state = model.fresh();
    const value = fc.double({ min: 0, max: 400, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), value), {
          maxLength: 8,
        }),
        (writes) => {
          for (const [k, v] of writes) {
            const input = paths[k];
            if (input === undefined) continue;
            input.write(state, input.domain.max === 1 ? v / 400 : v);
          }
          for (const index of [0, 1]) {
            const a: OptionOutputs = {};
            const b: OptionOutputs = {};
            let failed: unknown;
            try {
              evaluateOptionPart(model, state, index, 'epi', a);
            } catch (error) {
              failed = error;
            }
            if (failed === undefined) {
              fast(state, index, 'epi', b);
              expect(Object.is(b.epiAfter, a.epiAfter)).toBe(true);
            } else expect(() => fast(state, index, 'epi', b)).toThrow();
          }
        },
      ),
    );
  });
});
