/**
 * The Monte Carlo over the published studies: with every input fixed it equals evaluateStudy
 * exactly; it is reproducible from its seed; a uniform removal efficiency gives the uniform
 * EPI the deviation method implies (CV. ABC, Case A, DAF "COD 80–90 %").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { evaluateStudy } from '../../src/engine/study/evaluate-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';
import {
  HISTOGRAM_BINS,
  createRandomSource,
  monteCarloStudy,
  sampleDistribution,
  type UncertainDistribution,
  type UncertainInputs,
} from '../../src/engine/uncertainty/index.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../support/finite.js';

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
const ecco = example('ecco-tannery');
const fixed = (value: number): UncertainDistribution => ({
  kind: 'uniform',
  low: value,
  high: value,
});

/** A degenerate distribution at the point value for every kind of input path of an option. */
function everyInputFixed(study: StudyInput): UncertainInputs {
  const out: Record<string, UncertainDistribution> = {};
  for (const o of study.options ?? []) {
    const e = o.economics;
    if (e !== undefined) {
      out[`options[${o.id}].economics.interestRate`] = {
        kind: 'normal',
        mean: e.interestRate,
        sd: 0,
      };
      out[`options[${o.id}].economics.life`] = {
        kind: 'triangular',
        low: e.life,
        mode: e.life,
        high: e.life,
      };
      e.investment.forEach((item, k) => {
        out[`options[${o.id}].economics.investment[${k}].amount`] = {
          kind: 'plus-minus',
          value: item.amount,
          fraction: 0,
        };
      });
      (e.annualBenefits ?? []).forEach((item, k) => {
        out[`options[${o.id}].economics.annualBenefits[${k}].amount`] = fixed(item.amount);
      });
      (e.annualCosts ?? []).forEach((item, k) => {
        out[`options[${o.id}].economics.annualCosts[${k}].amount`] = fixed(item.amount);
      });
    }
    for (const [id, r] of Object.entries(o.effects?.removal ?? {})) {
      out[`options[${o.id}].effects.removal.${id}`] = fixed(typeof r === 'number' ? r : r.low);
    }
  }
  return out;
}

describe('monteCarloStudy with every input fixed', () => {
  for (const [name, study] of [
    ['cv-abc', cvAbc],
    ['ecco-tannery', ecco],
    ['adi-bungsu', example('adi-bungsu')],
  ] as const) {
    it(`equals evaluateStudy exactly for ${name}`, () => {
      const { results } = evaluateStudy(study);
      const mc = monteCarloStudy(study, everyInputFixed(study), {
        iterations: 500,
        rangesAsUniform: false,
      });
      if (name !== 'adi-bungsu') expect(mc.inputs.length).toBeGreaterThan(5);
      (results.screening?.sieve ?? []).forEach((sieve, k) => {
        expect(mc.sieve[k]?.options.map((o) => [o.option, o.deterministic, o.probability])).toEqual(
          sieve.options.map((o) => [o.option, o.kept, o.kept ? 1 : 0]),
        );
      });
      for (const option of results.options ?? []) {
        const got = mc.options.find((o) => o.id === option.id);
        const e = option.economics;
        if (e !== undefined) {
          const payback =
            e.payback.simple.kind === 'recovered' ? e.payback.simple.years : undefined;
          for (const [key, value] of [
            ['npv', e.npv],
            ['annualWorth', e.annualWorth],
            ['bcr', e.bcr],
            ['payback', payback],
          ] as const) {
            if (value === undefined) {
              expect(got?.paybackNever).toBe(500);
              continue;
            }
            const d = got?.outputs[key];
            expect(d, `${option.id} ${key}`).toMatchObject({
              point: value,
              mean: value,
              p5: value,
              p50: value,
              p95: value,
              sd: 0,
              count: 500,
              // min = max: one bin holding every iteration.
              histogram: { edges: [value, value], counts: [500], source: 'exact' },
            });
          }
        }
        const epi = option.effects?.epi?.after.total;
        if (epi !== undefined) {
          expect(got?.outputs.epiAfter).toMatchObject({
            point: epi,
            mean: epi,
            p5: epi,
            p50: epi,
            p95: epi,
            histogram: { edges: [epi, epi], counts: [500], source: 'exact' },
          });
        }
      }
      const rule = mc.rules.find((r) => r.studyRule);
      if (results.decision?.rule !== 'incremental-irr') {
        expect(rule?.deterministic).toEqual(results.decision?.chosen);
        for (const p of rule?.probabilities ?? []) {
          expect(p.probability).toBe(results.decision?.chosen.includes(p.option) ? 1 : 0);
        }
      }
    });
  }
});

describe('monteCarloStudy reproducibility', () => {
  const uncertain: UncertainInputs = {
    'options[alt-1].economics.interestRate': {
      kind: 'triangular',
      low: 0.08,
      mode: 0.1,
      high: 0.14,
    },
    'options[alt-2].economics.annualBenefits[0].amount': {
      kind: 'plus-minus',
      value: 9_300_000,
      fraction: 0.2,
    },
  };
  it('gives identical results for the same seed and different ones for another seed', () => {
    const a = monteCarloStudy(cvAbc, uncertain, { iterations: 2000, seed: 42 });
    const b = monteCarloStudy(cvAbc, uncertain, { iterations: 2000, seed: 42 });
    const c = monteCarloStudy(cvAbc, uncertain, { iterations: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.options[0]?.outputs.npv?.mean).not.toBe(a.options[0]?.outputs.npv?.mean);
    expect(c.options[1]?.outputs.epiAfter?.p50).not.toBe(a.options[1]?.outputs.epiAfter?.p50);
  });

  it('derives a uniform distribution from every range in the study', () => {
    const mc = monteCarloStudy(cvAbc, {}, { iterations: 100 });
    expect(mc.inputs.map((i) => [i.path, i.source])).toEqual([
      ['options[alt-2].effects.removal.bod', 'range'],
      ['options[alt-2].effects.removal.cod', 'range'],
    ]);
  });
});

describe('a uniform removal efficiency gives a uniform EPI term', () => {
  it('matches the analytic mean and quantiles within sampling error (CV. ABC, COD 80–90 %)', () => {
    // The deviation EPI is linear in the removal r while the effluent stays within the limit,
    // so EPI_after(r) with r ~ U(0.8, 0.9) is uniform between its values at the two ends,
    // computed here by evaluateStudy itself.
    const at = (r: number) => {
      const options = (cvAbc.options ?? []).map((o) =>
        o.id === 'alt-2'
          ? {
              ...o,
              effects: { ...o.effects, removal: { ...o.effects?.removal, bod: 0.8, cod: r } },
            }
          : o,
      );
      return evaluateStudy({ ...cvAbc, options }).results.options?.[1]?.effects?.epi?.after
        .total as number;
    };
    const [a, b] = [at(0.8), at(0.9)];
    expect(b - a).toBeGreaterThan(0.1);
    const n = 20_000;
    const mc = monteCarloStudy(
      cvAbc,
      { 'options[alt-2].effects.removal.cod': { kind: 'uniform', low: 0.8, high: 0.9 } },
      { iterations: n, seed: 9, rangesAsUniform: false },
    );
    const epi = mc.options[1]?.outputs.epiAfter;
    const width = b - a;
    // SE of the mean: width/√(12n); SE of the p-quantile: width·√(p(1−p)/n). Five SE each.
    expect(Math.abs((epi?.mean ?? 0) - (a + b) / 2)).toBeLessThan((5 * width) / Math.sqrt(12 * n));
    expect(Math.abs((epi?.sd ?? 0) - width / Math.sqrt(12)) / (width / Math.sqrt(12))).toBeLessThan(
      0.03,
    );
    for (const [p, q] of [
      [0.05, epi?.p5],
      [0.5, epi?.p50],
      [0.95, epi?.p95],
    ] as const) {
      expect(Math.abs((q ?? 0) - (a + p * width))).toBeLessThan(
        5 * width * Math.sqrt((p * (1 - p)) / n),
      );
    }
    expect(epi?.min).toBeGreaterThanOrEqual(a);
    expect(epi?.max).toBeLessThanOrEqual(b);
    // More iterations than the reservoir holds: a histogram estimated from the reservoir,
    // roughly flat. Each bin's scaled count n/m·Binomial(m, 1/20) has SD (n/m)·√(m·0.05·0.95).
    const h = epi?.histogram;
    expect(h?.source).toBe('reservoir');
    expect(h?.counts.length).toBe(HISTOGRAM_BINS);
    expect(h?.counts.reduce((x, c) => x + c, 0)).toBe(n);
    const m = mc.quantiles.capacity;
    const sd = (n / m) * Math.sqrt(m * 0.05 * 0.95);
    for (const c of h?.counts ?? []) expect(Math.abs(c - n / HISTOGRAM_BINS)).toBeLessThan(5 * sd);
  });
});

describe('monteCarloStudy histograms', () => {
  it('bins every iteration exactly when they fit in the reservoir (replayed draws)', () => {
    // One uncertain input, so iteration t draws the t-th value of the seeded source; the EPI
    // after it is evaluateStudy's (the fast path is bitwise equal), binned here by brute force.
    const n = 400;
    const seed = 11;
    const distribution: UncertainDistribution = { kind: 'uniform', low: 0.8, high: 0.9 };
    const mc = monteCarloStudy(
      cvAbc,
      { 'options[alt-2].effects.removal.cod': distribution },
      { iterations: n, seed, rangesAsUniform: false },
    );
    const random = createRandomSource(seed);
    const values = Array.from({ length: n }, () => {
      const r = sampleDistribution(distribution, random, { min: 0, max: 1 });
      const options = (cvAbc.options ?? []).map((o) =>
        o.id === 'alt-2'
          ? { ...o, effects: { ...o.effects, removal: { ...o.effects?.removal, cod: r } } }
          : o,
      );
      return evaluateStudy({ ...cvAbc, options }).results.options?.[1]?.effects?.epi?.after
        .total as number;
    });
    const epi = mc.options[1]?.outputs.epiAfter;
    expect(epi?.min).toBe(Math.min(...values));
    expect(epi?.max).toBe(Math.max(...values));
    const h = epi?.histogram;
    expect(h?.source).toBe('exact');
    const edges = h?.edges ?? [];
    expect(edges.length).toBe(HISTOGRAM_BINS + 1);
    expect(edges[0]).toBe(epi?.min);
    expect(edges[HISTOGRAM_BINS]).toBe(epi?.max);
    for (let i = 1; i < edges.length; i++)
      expect(edges[i] as number).toBeGreaterThan(edges[i - 1] as number);
    const brute = edges
      .slice(0, -1)
      .map(
        (e, i) =>
          values.filter((v) =>
            i === HISTOGRAM_BINS - 1 ? v >= e : v >= e && v < (edges[i + 1] as number),
          ).length,
      );
    expect(h?.counts).toEqual(brute);
  });

  it('sums to the count for every output, payback included when it is sometimes never reached', () => {
    for (const [iterations, capacity] of [
      [300, 10_000],
      [3000, 500],
    ] as const) {
      const mc = monteCarloStudy(
        cvAbc,
        {
          'options[alt-2].economics.annualBenefits[0].amount': {
            kind: 'uniform',
            low: 0,
            high: 30_000_000,
          },
        },
        { iterations, seed: 3, reservoirCapacity: capacity },
      );
      const alt2 = mc.options[1];
      expect(alt2?.paybackNever).toBeGreaterThan(0);
      for (const option of mc.options) {
        for (const d of Object.values(option.outputs)) {
          expect(d.histogram.counts.reduce((x, c) => x + c, 0)).toBe(d.count);
          expect(d.histogram.source).toBe(d.count <= capacity ? 'exact' : 'reservoir');
          expect(d.histogram.edges[0]).toBe(d.min);
          expect(d.histogram.edges.at(-1)).toBe(d.max);
        }
      }
      // The payback's reservoir holds only iterations that recovered the investment.
      const payback = alt2?.outputs.payback;
      expect(payback?.p5).toBeGreaterThanOrEqual(payback?.min ?? Infinity);
      expect(payback?.count).toBe(iterations - (alt2?.paybackNever ?? 0));
    }
  });
});

describe('monteCarloStudy sensitivity', () => {
  it('orders the tornado by swing, each bar recomputed at the input’s ends', () => {
    const mc = monteCarloStudy(
      cvAbc,
      {
        'options[alt-2].economics.interestRate': { kind: 'uniform', low: 0.06, high: 0.14 },
        'options[alt-2].economics.annualCosts[1].amount': {
          kind: 'plus-minus',
          value: 8_614_080,
          fraction: 0.5,
        },
      },
      { iterations: 200 },
    );
    const npv = mc.tornado.find((t) => t.option === 'alt-2' && t.output === 'npv');
    expect(npv?.bars.map((b) => b.path)).toEqual([
      'options[alt-2].economics.interestRate',
      'options[alt-2].economics.annualCosts[1].amount',
    ]);
    const rate = npv?.bars[0];
    const options = (r: number) =>
      (cvAbc.options ?? []).map((o) =>
        o.id === 'alt-2' && o.economics !== undefined
          ? { ...o, economics: { ...o.economics, interestRate: r } }
          : o,
      );
    expect(rate?.atLow).toBe(
      evaluateStudy({ ...cvAbc, options: options(0.06) }).results.options?.[1]?.economics?.npv,
    );
    expect(rate?.atHigh).toBe(
      evaluateStudy({ ...cvAbc, options: options(0.14) }).results.options?.[1]?.economics?.npv,
    );
  });
});

describe('monteCarloStudy bad inputs', () => {
  it('names the uncertain path that names nothing', () => {
    expect(() => monteCarloStudy(cvAbc, { 'options[alt-9].economics.life': fixed(5) })).toThrow(
      'uncertain["options[alt-9].economics.life"]: no option "alt-9"',
    );
    expect(() =>
      monteCarloStudy(cvAbc, {
        'options[alt-2].effects.removal.cod': { kind: 'uniform', low: 0.8, high: 1.1 },
      }),
    ).toThrow('uncertain["options[alt-2].effects.removal.cod"]: the values must lie within 0–1');
    expect(() => monteCarloStudy(cvAbc, {}, { iterations: 0 })).toThrow('settings.iterations');
  });

  it('gives a GpError or finite results for nasty distributions and settings, never NaN', () => {
    const paths = fc.constantFrom(
      'options[alt-1].economics.interestRate',
      'options[alt-1].economics.life',
      'options[alt-2].economics.investment[2].amount',
      'options[alt-2].effects.removal.cod',
      'options[0].economics.annualCosts[0].quantity',
      'screening.weightedSum[0].criteria[0].weight',
      'nonsense',
    );
    const kinds = fc.constantFrom('uniform', 'triangular', 'normal', 'plus-minus', 'x');
    fc.assert(
      fc.property(
        paths,
        kinds,
        nastyNumber,
        nastyNumber,
        nastyValue,
        nastyValue,
        (path, kind, a, b, iterations, seed) => {
          const d = {
            kind,
            low: a,
            high: b,
            mode: a,
            mean: a,
            sd: b,
            value: a,
            fraction: b,
          } as unknown as UncertainDistribution;
          expectFiniteOrGpError(() =>
            monteCarloStudy(
              cvAbc,
              { [path]: d },
              {
                iterations:
                  typeof iterations === 'number' && iterations > 50 ? 50 : (iterations as number),
                seed: seed as number,
              },
            ),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
