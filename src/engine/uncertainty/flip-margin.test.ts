import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { rankOptionsByWeightedSum, type WeightedSumCriterion } from '../options/index.js';
import { weightedSumFlipMargins } from './flip-margin.js';

const options = [
  { id: 'x', scores: { a: 3, b: 1, c: 2 } },
  { id: 'y', scores: { a: 1, b: 2, c: 2 } },
  { id: 'z', scores: { a: 2, b: 2, c: 1 } },
];

/** Recomputes the ranking with one weight changed. */
function chosenWith(criteria: readonly WeightedSumCriterion[], j: number, weight: number) {
  const changed = criteria.map((c, i) => (i === j ? { ...c, weight } : c));
  return rankOptionsByWeightedSum(changed, options).choice;
}

describe('weightedSumFlipMargins', () => {
  it('finds the weight at which a rival ties, verified by recomputing there and beyond', () => {
    const criteria = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 1 },
    ];
    const margins = weightedSumFlipMargins(criteria, options);
    expect(margins.kind).toBe('single');
    if (margins.kind !== 'single') return;
    expect(margins.chosen).toBe('x'); // totals x 6, y 5, z 5
    const b = margins.criteria[1];
    // y ties x when 1·1 + w + 2 = 3 + w·... : x = 5 + w_b, y = 3 + 2w_b, z = 3 + 2w_b → w_b = 2.
    expect(b?.increase?.delta).toBe(1);
    expect(b?.increase?.weight).toBe(2);
    for (const [j, m] of margins.criteria.entries()) {
      for (const flip of [m.increase, m.decrease]) {
        if (flip === undefined) continue;
        const at = chosenWith(criteria, j, flip.weight);
        expect(at.kind, `${m.criterion} at the margin`).toBe('tie');
        if (at.kind === 'tie')
          expect(at.options).toEqual(expect.arrayContaining(['x', flip.rival]));
        const past = flip.weight + Math.sign(flip.delta) * 1e-6;
        if (past >= 0) {
          const beyond = chosenWith(criteria, j, past);
          expect(beyond.kind === 'single' ? beyond.option : 'tie').not.toBe('x');
        }
        const before = chosenWith(criteria, j, flip.weight - Math.sign(flip.delta) * 1e-6);
        expect(before).toMatchObject({ kind: 'single', option: 'x' });
      }
    }
  });

  it('holds the choice for every smaller change, on random rankings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        (scores, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const opts = [0, 1, 2].map((k) => ({
            id: `o${k}`,
            scores: { a: scores[3 * k] ?? 1, b: scores[3 * k + 1] ?? 1, c: scores[3 * k + 2] ?? 1 },
          }));
          const criteria = ['a', 'b', 'c'].map((id, j) => ({ id, weight: weights[j] ?? 1 }));
          const margins = weightedSumFlipMargins(criteria, opts);
          if (margins.kind !== 'single') return;
          margins.criteria.forEach((m, j) => {
            for (const flip of [m.increase, m.decrease]) {
              if (flip === undefined) continue;
              const half = criteria.map((c, i) =>
                i === j ? { ...c, weight: c.weight + flip.delta / 2 } : c,
              );
              if (!half.some((c) => c.weight > 0)) continue;
              expect(rankOptionsByWeightedSum(half, opts).choice).toMatchObject({
                option: margins.chosen,
              });
              const at = criteria.map((c, i) => (i === j ? { ...c, weight: flip.weight } : c));
              if (!at.some((c) => c.weight > 0)) continue;
              expect(rankOptionsByWeightedSum(at, opts).choice.kind).toBe('tie');
            }
          });
        },
      ),
    );
  });

  it('gives a GpError for nasty inputs, never NaN', () => {
    fc.assert(
      fc.property(nastyValue, nastyValue, (w, s) => {
        expectFiniteOrGpError(() =>
          weightedSumFlipMargins(
            [
              { id: 'a', weight: w as number },
              { id: 'b', weight: 1 },
            ],
            [
              { id: 'x', scores: { a: s as number, b: 1 } },
              { id: 'y', scores: { a: 1, b: 2 } },
            ],
          ),
        );
      }),
    );
  });
});
