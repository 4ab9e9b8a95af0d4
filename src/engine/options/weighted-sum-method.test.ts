import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { WeightedSumCriterion, WeightedSumOption } from './weighted-sum-method.js';
import { rankOptionsByWeightedSum } from './weighted-sum-method.js';

const criteria: WeightedSumCriterion[] = [
  { id: 'cost', weight: 3 },
  { id: 'benefit', weight: 2 },
];
const option = (id: string, cost: number, benefit: number): WeightedSumOption => ({
  id,
  scores: { cost, benefit },
});

/** Options with integer scores 1–10 on `c` criteria with integer weights 1–10. */
const problem = fc.integer({ min: 1, max: 6 }).chain((c) =>
  fc.record({
    weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: c, maxLength: c }),
    scores: fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: c, maxLength: c }), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
);
const build = (weights: readonly number[], scores: readonly (readonly number[])[]) => ({
  criteria: weights.map((weight, i) => ({ id: `c${i}`, weight })),
  options: scores.map((row, k) => ({
    id: `o${k}`,
    scores: Object.fromEntries(row.map((s, i) => [`c${i}`, s])),
  })),
});

describe('rankOptionsByWeightedSum', () => {
  it('shows every weight × score term and their total', () => {
    const r = rankOptionsByWeightedSum(criteria, [option('a', 4, 5)]);
    expect(r.options[0]).toEqual({
      option: 'a',
      terms: [
        { criterion: 'cost', weight: 3, score: 4, product: 12 },
        { criterion: 'benefit', weight: 2, score: 5, product: 10 },
      ],
      total: 22,
      rank: 1,
    });
  });

  it('gives tied options a shared rank and skips the next (1, 2, 2, 4)', () => {
    const r = rankOptionsByWeightedSum(criteria, [
      option('a', 2, 2), // 10
      option('b', 4, 4), // 20
      option('c', 2, 3), // 12
      option('d', 0, 6), // 12
    ]);
    expect(r.options.map((o) => o.rank)).toEqual([4, 1, 2, 2]);
    expect(r.ranking).toEqual([
      { rank: 1, options: ['b'], total: 20 },
      { rank: 2, options: ['c', 'd'], total: 12 },
      { rank: 4, options: ['a'], total: 10 },
    ]);
    expect(r.choice).toEqual({ kind: 'single', option: 'b', total: 20 });
    expect(r.exactComparison).toBe(true);
  });

  it('reports a tie for first place as the choice', () => {
    const r = rankOptionsByWeightedSum(criteria, [option('x', 2, 3), option('y', 4, 0)]);
    expect(r.choice).toEqual({ kind: 'tie', options: ['x', 'y'], total: 12 });
  });

  it('treats floating totals within the relative tolerance as tied, and others as distinct', () => {
    // 0.1·3 + 0.2·3 = 0.9000000000000001 in floating point; 0.3·3 = 0.8999999999999999.
    const c = [
      { id: 'p', weight: 0.1 },
      { id: 'q', weight: 0.2 },
      { id: 'r', weight: 0.3 },
    ];
    const r = rankOptionsByWeightedSum(c, [
      { id: 'pq', scores: { p: 3, q: 3, r: 0 } },
      { id: 'r', scores: { p: 0, q: 0, r: 3 } },
    ]);
    expect(r.exactComparison).toBe(false);
    expect(r.choice.kind).toBe('tie');
    const strict = rankOptionsByWeightedSum(
      c,
      [
        { id: 'pq', scores: { p: 3, q: 3, r: 0 } },
        { id: 'r', scores: { p: 0, q: 0, r: 3 } },
      ],
      { tieTolerance: 0 },
    );
    expect(strict.choice).toMatchObject({ kind: 'single', option: 'pq' });
  });

  it('ranks the same way when every weight is scaled by a positive constant', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0.001, max: 1000, noNaN: true }), (p, factor) => {
        const a = build(p.weights, p.scores);
        const b = build(
          p.weights.map((w) => w * factor),
          p.scores,
        );
        const ra = rankOptionsByWeightedSum(a.criteria, a.options);
        const rb = rankOptionsByWeightedSum(b.criteria, b.options);
        expect(rb.options.map((o) => o.rank)).toEqual(ra.options.map((o) => o.rank));
        expect(rb.choice.kind).toBe(ra.choice.kind);
      }),
    );
  });

  it("never lowers an option's total when one of its scores rises", () => {
    fc.assert(
      fc.property(
        problem,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (p, optionPick, criterionPick, raise) => {
          const k = optionPick % p.scores.length;
          const c = criterionPick % p.weights.length;
          const raised = p.scores.map((row, i) =>
            i === k ? row.map((s, j) => (j === c ? s + raise : s)) : row,
          );
          const before = build(p.weights, p.scores);
          const after = build(p.weights, raised);
          const t0 = rankOptionsByWeightedSum(before.criteria, before.options).options[k]?.total;
          const t1 = rankOptionsByWeightedSum(after.criteria, after.options).options[k]?.total;
          expect(t1).toBeGreaterThanOrEqual(t0 as number);
        },
      ),
    );
  });

  it('detects integer ties exactly', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { criteria: c, options: o } = build(p.weights, p.scores);
        const r = rankOptionsByWeightedSum(c, o);
        const totals = p.scores.map((row) =>
          row.reduce((s, v, i) => s + v * (p.weights[i] as number), 0),
        );
        r.options.forEach((x, k) => {
          expect(x.total).toBe(totals[k]);
          expect(x.rank).toBe(1 + totals.filter((t) => t > (totals[k] as number)).length);
        });
      }),
    );
  });

  it('refuses negative or all-zero weights, missing or off-scale scores, with the field', () => {
    const o = [option('a', 1, 1)];
    expect(() => rankOptionsByWeightedSum([{ id: 'cost', weight: -1 }], o)).toThrow(
      'criteria[0].weight: must be ≥ 0, got -1',
    );
    expect(() =>
      rankOptionsByWeightedSum(
        [
          { id: 'cost', weight: 0 },
          { id: 'benefit', weight: 0 },
        ],
        o,
      ),
    ).toThrow('criteria: the weights must not all be zero');
    expect(() => rankOptionsByWeightedSum([...criteria, { id: 'risk', weight: 1 }], o)).toThrow(
      'options[0].scores.risk: is missing (criterion "risk")',
    );
    expect(() =>
      rankOptionsByWeightedSum(criteria, [option('a', 11, 1)], { scale: { min: 1, max: 10 } }),
    ).toThrow('options[0].scores.cost: must be on the scale 1–10, got 11');
    expect(() => rankOptionsByWeightedSum(criteria, o, { scale: { min: 10, max: 1 } })).toThrow(
      /^settings\.scale: min \(10\) must be < max \(1\)/,
    );
    expect(() => rankOptionsByWeightedSum(criteria, [...o, ...o])).toThrow(
      /^options\[1\]\.id: "a" is already/,
    );
    expect(() => rankOptionsByWeightedSum(criteria, [option('a', Number.NaN, 1)])).toThrow(
      /^options\[0\]\.scores\.cost: must be a finite number/,
    );
    expect(() => rankOptionsByWeightedSum(criteria, [option('a', 1e308, 1)])).toThrow(
      /^options\[0\]\.scores\.cost: result is not a finite number/,
    );
    expect(() => rankOptionsByWeightedSum([], o)).toThrow('criteria: must not be empty');
    expect(() => rankOptionsByWeightedSum(criteria, [])).toThrow('options: must not be empty');
  });

  it('returns finite numbers or a GpError for any nasty input', () => {
    const criterion = fc.record({
      id: fc.constantFrom('a', 'b', ''),
      weight: fc.oneof(nastyNumber, nastyValue),
    });
    const opt = fc.record({
      id: fc.oneof(fc.string({ maxLength: 2 }), nastyValue),
      scores: fc.oneof(
        nastyValue,
        fc.record({ a: nastyNumber, b: fc.oneof(nastyNumber, nastyValue) }, { requiredKeys: [] }),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(criterion, { maxLength: 3 })),
        fc.oneof(nastyValue, fc.array(opt, { maxLength: 4 })),
        fc.oneof(
          fc.constant(undefined),
          fc.record({ scale: fc.record({ min: nastyNumber, max: nastyNumber }) }),
          fc.record({ tieTolerance: nastyNumber }),
        ),
        (c, o, settings) => {
          expectFiniteOrGpError(() =>
            rankOptionsByWeightedSum(
              c as readonly WeightedSumCriterion[],
              o as readonly WeightedSumOption[],
              settings,
            ),
          );
        },
      ),
    );
  });
});
