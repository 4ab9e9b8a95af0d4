/**
 * Case B (PR. Adi Bungsu, hand-rolled cigarettes), GP option screening: the sieve method
 * (Tabel 7–8) and the weighted sum method (Tabel 9–10). Data: /work/shared/cases/README.md.
 */
import { describe, expect, it } from 'vitest';
import type { SieveCriterion, WeightedSumCriterion } from '../../src/engine/options/index.js';
import { rankOptionsByWeightedSum, screenOptionsBySieve } from '../../src/engine/options/index.js';

describe('Case B Tabel 7, sieve method for water loss', () => {
  // Cutoffs: cost > 50 juta, time > 6 bulan, lacking human resources → eliminated.
  const criteria: SieveCriterion[] = [
    { id: 'cost', name: 'Biaya', kind: 'max', cutoff: 50_000_000 },
    { id: 'time', name: 'Waktu (bulan)', kind: 'max', cutoff: 6 },
    { id: 'hr', name: 'Sumber daya manusia', kind: 'required' },
  ];
  const r = screenOptionsBySieve(criteria, [
    { id: '1', values: { cost: 30_000_000, time: 5, hr: true } },
    { id: '2', values: { cost: 25_000_000, time: { low: 6, high: 12 }, hr: false } },
    { id: '3', values: { cost: 30_000_000, time: { low: 2, high: 3 }, hr: true } },
    { id: '4', values: { cost: 10_000_000, time: 1, hr: true } },
  ]);

  it('keeps options 1, 3 and 4 and eliminates option 2 ("Tereliminasi")', () => {
    expect(r.kept).toEqual(['1', '3', '4']);
    expect(r.eliminated).toEqual(['2']);
  });

  it('gives both reasons option 2 fell: time 6–12 months (upper end 12 > 6) and no human resources', () => {
    expect(r.options[1]?.reasons).toEqual([
      { criterion: 'time', kind: 'max', value: { low: 6, high: 12 }, cutoff: 6, compared: 12 },
      { criterion: 'hr', kind: 'required', value: false },
    ]);
  });
});

describe('Case B Tabel 8, sieve method for mass loss', () => {
  // Cutoffs: cost > 250 juta, time > 12 bulan. Human resources are available for all four.
  const criteria: SieveCriterion[] = [
    { id: 'cost', kind: 'max', cutoff: 250_000_000 },
    { id: 'time', kind: 'max', cutoff: 12 },
    { id: 'hr', kind: 'required' },
  ];
  const r = screenOptionsBySieve(criteria, [
    { id: '1', values: { cost: 300_000_000, time: 12, hr: true } },
    { id: '2', values: { cost: 75_000_000, time: { low: 1, high: 2 }, hr: true } },
    { id: '3', values: { cost: 155_000_000, time: { low: 6, high: 8 }, hr: true } },
    { id: '4', values: { cost: 200_000_000, time: 7, hr: true } },
  ]);

  it('eliminates option 1 and keeps 2, 3 and 4', () => {
    expect(r.eliminated).toEqual(['1']);
    expect(r.kept).toEqual(['2', '3', '4']);
  });

  it('eliminates option 1 for its cost alone: 12 months equals the "> 12 months" cutoff and passes', () => {
    expect(r.options[0]?.reasons).toEqual([
      {
        criterion: 'cost',
        kind: 'max',
        value: 300_000_000,
        cutoff: 250_000_000,
        compared: 300_000_000,
      },
    ]);
  });
});

// Tabel 9–10 criteria weights: cost of action 10, cost of inaction 8, time required 6, risk 6,
// benefits 9, technology/complexity 4. Scores 1–10, 10 best.
const criteria: WeightedSumCriterion[] = [
  { id: 'costOfAction', weight: 10 },
  { id: 'costOfInaction', weight: 8 },
  { id: 'time', weight: 6 },
  { id: 'risk', weight: 6 },
  { id: 'benefits', weight: 9 },
  { id: 'technology', weight: 4 },
];
const scored = (id: string, s: readonly number[]) => ({
  id,
  scores: Object.fromEntries(criteria.map((c, i) => [c.id, s[i] as number])),
});
const settings = { scale: { min: 1, max: 10 } };

describe('Case B Tabel 9, weighted sum for water loss', () => {
  const r = rankOptionsByWeightedSum(
    criteria,
    [
      scored('1', [6, 4, 4, 4, 8, 3]),
      scored('3', [6, 5, 8, 7, 9, 5]),
      scored('4', [9, 6, 10, 6, 4, 5]),
    ],
    settings,
  );

  it('totals 224, 291 and 290 as printed', () => {
    expect(r.options.map((o) => o.total)).toEqual([224, 291, 290]);
  });

  it('prints the same terms as the paper (60, 32, 24, 24, 72, 12 for option 1)', () => {
    expect(r.options[0]?.terms.map((t) => t.product)).toEqual([60, 32, 24, 24, 72, 12]);
    expect(r.options[1]?.terms.map((t) => t.product)).toEqual([60, 40, 48, 42, 81, 20]);
    expect(r.options[2]?.terms.map((t) => t.product)).toEqual([90, 48, 60, 36, 36, 20]);
  });

  it('chooses option 3 (steam tube), one point ahead of option 4', () => {
    expect(r.choice).toEqual({ kind: 'single', option: '3', total: 291 });
    expect(r.options.map((o) => o.rank)).toEqual([3, 1, 2]);
  });
});

describe('Case B Tabel 10, weighted sum for mass loss', () => {
  const r = rankOptionsByWeightedSum(
    criteria,
    [
      scored('2', [9, 2, 9, 7, 6, 9]),
      scored('3', [6, 4, 5, 4, 7, 5]),
      scored('4', [5, 5, 6, 4, 8, 4]),
    ],
    settings,
  );

  it('totals 292 and 238 for options 2 and 4 as printed, and chooses option 2', () => {
    expect(r.options[0]?.total).toBe(292);
    expect(r.options[2]?.total).toBe(238);
    expect(r.choice).toEqual({ kind: 'single', option: '2', total: 292 });
    expect(r.options.map((o) => o.rank)).toEqual([1, 3, 2]);
  });

  it("computes option 3's cost-of-inaction term as 4 × 8 = 32 and its total as 229 (erratum: paper prints 36 and 233)", () => {
    const option3 = r.options[1];
    expect(option3?.terms[1]).toEqual({
      criterion: 'costOfInaction',
      weight: 8,
      score: 4,
      product: 32,
    });
    expect(option3?.total).toBe(229);
    // The paper's printed values differ from ours by more than their rounding (whole numbers).
    expect(Math.abs((option3?.terms[1]?.product as number) - 36)).toBeGreaterThan(0.5);
    expect(Math.abs((option3?.total as number) - 233)).toBeGreaterThan(0.5);
    // The erratum does not change the choice or the order: 229 and 233 both rank below 238.
    expect(option3?.rank).toBe(3);
  });
});
