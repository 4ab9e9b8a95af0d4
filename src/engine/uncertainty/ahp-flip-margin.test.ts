import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { deviationEpi } from '../epi/index.js';
import { rankOptionsByWeightedSum, type WeightedSumOption } from '../options/index.js';
import { ahpWeights } from '../weights/index.js';
import { ahpFlipMargins, type AhpFlipMargins } from './ahp-flip-margin.js';
import { weightedSumFlipMargins } from './flip-margin.js';

/** The choice with these weights (any scale), recomputed from scratch. */
function choiceWith(
  items: readonly string[],
  weights: readonly number[],
  options: readonly WeightedSumOption[],
) {
  return rankOptionsByWeightedSum(
    items.map((id, j) => ({ id, weight: weights[j] ?? 0 })),
    options,
  ).choice;
}

/** Criterion j's weight set to x, the others renormalised proportionally (Σ = 1). */
function renormalised(shares: readonly number[], j: number, x: number): number[] {
  const w = shares[j] ?? 0;
  return shares.map((v, i) => (i === j ? x : (v * (1 - x)) / (1 - w)));
}

/**
 * Checks every margin by recomputing the choice: at the margin the rival ties the chosen
 * option, just past it the choice changes, just before it (and halfway) it does not.
 * Returns how many margins it checked.
 */
function expectMarginsHold(
  margins: AhpFlipMargins,
  items: readonly string[],
  shares: readonly number[],
  options: readonly WeightedSumOption[],
  step = 1e-6,
): number {
  if (margins.kind !== 'single') return 0;
  let checked = 0;
  margins.criteria.forEach((m, j) => {
    expect(m.weight).toBeCloseTo(shares[j] ?? 0, 12);
    for (const flip of [m.increase, m.decrease]) {
      if (flip === undefined) continue;
      checked++;
      const sign = Math.sign(flip.delta);
      expect(flip.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(flip.weights[j]).toBe(flip.weight);
      const at = choiceWith(items, flip.weights, options);
      expect(at.kind, `${m.criterion} at the margin`).toBe('tie');
      if (at.kind === 'tie') {
        expect(at.options).toEqual(expect.arrayContaining([margins.chosen, flip.rival]));
      }
      const past = flip.weight + sign * step;
      if (past >= 0 && past <= 1) {
        const beyond = choiceWith(items, renormalised(shares, j, past), options);
        expect(beyond.kind === 'single' ? beyond.option : 'tie', `${m.criterion} past`).not.toBe(
          margins.chosen,
        );
      }
      const near = Math.min(step, Math.abs(flip.delta) / 2);
      for (const x of [flip.weight - sign * near, (m.weight + flip.weight) / 2]) {
        expect(choiceWith(items, renormalised(shares, j, x), options)).toMatchObject({
          kind: 'single',
          option: margins.chosen,
        });
      }
    }
  });
  return checked;
}

describe('ahpFlipMargins', () => {
  it('gives the documented example', () => {
    const margins = ahpFlipMargins({ items: ['cost', 'env'], weights: [0.6, 0.4] }, [
      { id: 'x', scores: { cost: 8, env: 2 } },
      { id: 'y', scores: { cost: 3, env: 9 } },
    ]);
    expect(margins.kind).toBe('single');
    if (margins.kind !== 'single') return;
    expect(margins.chosen).toBe('x');
    const [cost, env] = margins.criteria;
    // x: 8w + 2(1 − w) with w the cost weight; y: 3w + 9(1 − w); they tie at w = 7/12.
    expect(env?.increase?.delta).toBeCloseTo(1 / 60, 14);
    expect(env?.increase?.weights[0]).toBeCloseTo(7 / 12, 14);
    expect(env?.increase?.weights[1]).toBeCloseTo(5 / 12, 14);
    expect(env?.increase?.relative).toBeCloseTo(1 / 24, 14);
    expect(env?.decrease).toBeUndefined();
    expect(cost?.decrease?.delta).toBeCloseTo(-1 / 60, 14);
    expect(cost?.increase).toBeUndefined();
    expect(margins.mostCritical?.criterion).toBe('cost');
  });

  it('finds each criterion’s margin on an AHP priority vector, verified by recomputation', () => {
    // Saaty's 1–9 judgments over cost, environment and ease (CR ≈ 0.003).
    const ahp = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    const items = ['cost', 'env', 'ease'];
    const options = [
      { id: 'housekeeping', scores: { cost: 9, env: 4, ease: 9 } },
      { id: 'interceptor', scores: { cost: 6, env: 7, ease: 6 } },
      { id: 'daf', scores: { cost: 3, env: 10, ease: 3 } },
    ];
    const margins = ahpFlipMargins({ items, weights: ahp.weights }, options);
    expect(margins.kind).toBe('single');
    if (margins.kind !== 'single') return;
    expect(margins.chosen).toBe('housekeeping');
    const env = margins.criteria[1];
    expect(env?.increase?.rival).toBe('interceptor');
    expect(env?.decrease).toBeUndefined(); // less weight on the environment only helps housekeeping
    // Cost and ease favour housekeeping alike: moving weight between them changes nothing.
    expect(margins.criteria[2]).toMatchObject({ increase: undefined, decrease: undefined });
    expect(margins.criteria[0]?.decrease?.rival).toBe('interceptor');
    expect(margins.mostCritical).toMatchObject({ criterion: 'env', direction: 'increase' });
    expect(expectMarginsHold(margins, items, ahp.weights, options)).toBe(2);
  });

  it('equals the others-fixed weighted-sum margin seen as shares of 1', () => {
    const items = ['a', 'b', 'c'];
    const weights = [0.5, 0.3, 0.2];
    const options = [
      { id: 'x', scores: { a: 3, b: 1, c: 2 } },
      { id: 'y', scores: { a: 1, b: 2, c: 2 } },
      { id: 'z', scores: { a: 2, b: 2, c: 1 } },
    ];
    const ahp = ahpFlipMargins({ items, weights }, options);
    const fixed = weightedSumFlipMargins(
      items.map((id, j) => ({ id, weight: weights[j] ?? 0 })),
      options,
    );
    if (ahp.kind !== 'single' || fixed.kind !== 'single') throw new Error('no single choice');
    ahp.criteria.forEach((m, j) => {
      const f = fixed.criteria[j];
      for (const [a, b] of [
        [m.increase, f?.increase],
        [m.decrease, f?.decrease],
      ] as const) {
        if (b === undefined) {
          // Share 1 (the others 0) is a raw weight the others-fixed margin only approaches.
          if (a !== undefined) expect(a.weight, m.criterion).toBe(1);
          continue;
        }
        expect(a, m.criterion).toBeDefined();
        if (a === undefined) continue;
        // Raw weight w + d with the others fixed is the share (w + d)/(1 + d).
        expect(a.weight).toBeCloseTo((m.weight + b.delta) / (1 + b.delta), 12);
        expect(a.rival).toBe(b.rival);
      }
    });
    // c: only with all the weight on c does y (2, 2, 2) tie x (3, 1, 2).
    expect(ahp.criteria[2]?.increase).toMatchObject({ weight: 1, rival: 'y' });
  });

  it('reads the choice of an option by EPI after it, with AHP weights (epi.weightsFrom)', () => {
    // Two options' removals leave these concentrations against the limits (upper limits).
    const limits = { bod: 50, cod: 100, tss: 200 };
    const after = {
      daf: { bod: 10, cod: 60, tss: 150 },
      interceptor: { bod: 30, cod: 30, tss: 120 },
    };
    const ahp = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    const items = ['bod', 'cod', 'tss'] as const;
    const epiOf = (weights: readonly number[], option: keyof typeof after) =>
      deviationEpi(
        items.map((id, j) => ({
          id,
          weight: weights[j] ?? 0,
          measured: after[option][id],
          standard: limits[id],
          limitKind: 'upper' as const,
        })),
      ).total;
    // EPI = Σ Wi·Pi: the scores are the performances Pi = (S − M)/S.
    const options = (Object.keys(after) as (keyof typeof after)[]).map((id) => ({
      id,
      scores: Object.fromEntries(items.map((p) => [p, (limits[p] - after[id][p]) / limits[p]])),
    }));
    const margins = ahpFlipMargins({ items: [...items], weights: ahp.weights }, options);
    if (margins.kind !== 'single') throw new Error('tie');
    const best =
      epiOf(ahp.weights, 'daf') > epiOf(ahp.weights, 'interceptor') ? 'daf' : 'interceptor';
    expect(margins.chosen).toBe(best);
    expect(expectMarginsHold(margins, [...items], ahp.weights, options)).toBeGreaterThan(0);
    // The EPI itself flips where the margin says.
    const flip = margins.criteria.flatMap((m) => [m.increase, m.decrease]).find((f) => f);
    if (flip === undefined) throw new Error('no margin');
    const j = margins.criteria.findIndex((m) => m.increase === flip || m.decrease === flip);
    const past = renormalised(ahp.weights, j, flip.weight + Math.sign(flip.delta) * 1e-6);
    expect(epiOf(past, flip.rival as keyof typeof after)).toBeGreaterThan(
      epiOf(past, margins.chosen as keyof typeof after),
    );
  });

  it('normalises weights of any positive scale, and reports a tie as such', () => {
    const options = [
      { id: 'x', scores: { a: 3, b: 1 } },
      { id: 'y', scores: { a: 1, b: 2 } },
    ];
    const shares = ahpFlipMargins({ items: ['a', 'b'], weights: [0.5, 0.5] }, options);
    const scaled = ahpFlipMargins({ items: ['a', 'b'], weights: [7, 7] }, options);
    expect(scaled).toEqual(shares);
    expect(ahpFlipMargins({ items: ['a', 'b'], weights: [1, 2] }, options)).toEqual({
      kind: 'tie',
      chosen: ['x', 'y'],
    });
    // All the weight on one criterion: no other weight to renormalise.
    const only = ahpFlipMargins({ items: ['a', 'b'], weights: [1, 0] }, options);
    expect(only.kind === 'single' && only.criteria[0]).toMatchObject({
      increase: undefined,
      decrease: undefined,
    });
  });

  it('holds the choice for every smaller change and flips it just past, on random choices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
        (scores, raw) => {
          const items = ['a', 'b', 'c'];
          const sum = raw.reduce((s, w) => s + w, 0);
          const shares = raw.map((w) => w / sum);
          const options = [0, 1, 2, 3].map((k) => ({
            id: `o${k}`,
            scores: Object.fromEntries(items.map((id, j) => [id, scores[3 * k + j] ?? 1])),
          }));
          const margins = ahpFlipMargins({ items, weights: raw }, options);
          // A step well above the ranking's tie tolerance (1e-9 of the totals).
          expectMarginsHold(margins, items, shares, options, 1e-4);
        },
      ),
    );
  });

  it('refuses bad weights with a GpError, never NaN', () => {
    const options = [
      { id: 'x', scores: { a: 1, b: 2 } },
      { id: 'y', scores: { a: 2, b: 1 } },
    ];
    expect(() => ahpFlipMargins({ items: ['a', 'b'], weights: [1] }, options)).toThrow(
      /has 1 weights for 2 items/,
    );
    expect(() => ahpFlipMargins({ items: ['a', 'b'], weights: [0, 0] }, options)).toThrow(
      /must not all be zero/,
    );
    expect(() => ahpFlipMargins({ items: ['a', 'b'], weights: [-1, 2] }, options)).toThrow(
      /ahp\.weights\[0\]/,
    );
    fc.assert(
      fc.property(nastyValue, nastyValue, nastyValue, (w, s, t) => {
        expectFiniteOrGpError(() =>
          ahpFlipMargins({ items: ['a', 'b'], weights: [w as number, 0.5] }, [
            { id: 'x', scores: { a: s as number, b: 1 } },
            { id: 'y', scores: { a: 1, b: t as number } },
          ]),
        );
      }),
    );
  });
});
