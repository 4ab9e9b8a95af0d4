import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectAllFinite, nastyNumber } from '../../../test/support/finite.js';
import { evaluateStudy } from './evaluate-study.js';
import type { StudyInput } from './study-input.js';

const base: StudyInput = {
  lestari: 1,
  language: 'en',
  study: { title: 'Test study', organisation: { name: 'Test plant' } },
};

const effluent = (standard: number, weight: number): StudyInput => ({
  ...base,
  effluent: {
    parameters: [
      { id: 'bod', name: 'BOD', measured: 20, limit: { max: standard }, weight },
      { id: 'cod', name: 'COD', measured: 54, limit: { max: 250 }, weight: 2.1 },
    ],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit' },
});

describe('evaluateStudy', () => {
  it('computes the EPI of the study’s effluent parameters', () => {
    const { results, errors } = evaluateStudy(effluent(100, 2.45));
    expect(errors).toEqual([]);
    // (100 − 20)/100 · 2.45 + (250 − 54)/250 · 2.1, as in Case C Tabel 6's first two rows
    expect(results.epi?.total).toBeCloseTo(0.8 * 2.45 + 0.784 * 2.1, 12);
  });

  it('places engine errors at the study-file field they concern', () => {
    expect(evaluateStudy(effluent(0, 2.45)).errors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_RANGE', path: 'effluent.parameters[0].limit' }),
    ]);
    expect(evaluateStudy(effluent(100, -1)).errors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_RANGE', path: 'effluent.parameters[0].weight' }),
    ]);
    const ahp = evaluateStudy({
      ...base,
      weights: {
        ahp: [
          {
            id: 'w',
            items: ['a', 'b'],
            matrix: [
              [1, 3],
              [3, 1],
            ],
          },
        ],
      },
    });
    expect(ahp.errors).toEqual([
      expect.objectContaining({ code: 'NOT_RECIPROCAL', path: 'weights.ahp[0].matrix[1][0]' }),
    ]);
    const economics = evaluateStudy({
      ...base,
      options: [
        {
          id: 'o1',
          name: 'Dryer',
          economics: {
            investment: [{ item: 'dryer', amount: 1000 }],
            annualBenefits: [{ item: 'saving', amount: 400 }],
            life: 0,
            interestRate: 0.1,
          },
        },
      ],
    });
    expect(economics.errors.map((e) => e.path)).toEqual(['options[0].economics.life']);
  });

  it('places mass-balance and productivity errors at the file path of the bad quantity', () => {
    const massBalance = evaluateStudy({
      ...base,
      massBalance: {
        unit: 'kg',
        processes: [
          {
            name: 'Cut',
            inputs: [{ name: 'log', quantity: 10 }],
            products: [{ name: 'board', quantity: 8 }],
          },
          {
            name: 'Dry',
            inputs: [{ name: 'board', quantity: 8 }],
            products: [{ name: 'dry board', quantity: -1 }],
          },
        ],
      },
    });
    expect(massBalance.errors.map((e) => e.path)).toEqual([
      'massBalance.processes[1].products[0].quantity',
    ]);
    const productivity = evaluateStudy({
      ...base,
      productivity: {
        basis: 'value',
        periods: [
          { label: 'Jan', outputs: { sales: 100 }, inputs: { energy: 10 } },
          { label: 'Feb', outputs: { sales: 100 }, inputs: { energy: -5 } },
        ],
      },
    });
    expect(productivity.errors.map((e) => e.path)).toEqual([
      'productivity.periods[1].inputs.energy',
    ]);
  });

  it("places an option's effect errors at the file's keys: the category of a change, the waste field", () => {
    const evaluation = evaluateStudy({
      ...base,
      productivity: {
        basis: 'value',
        periods: [{ label: 'Jan', outputs: { sales: 100 }, inputs: { energy: 10, water: 5 } }],
      },
      options: [
        {
          id: 'o1',
          name: 'Meter',
          effects: {
            inputChanges: { energy: -1, bogus: -2 },
            waste: { before: 10, after: -1 },
          },
        },
      ],
    });
    expect(evaluation.errors.map((e) => e.path).sort()).toEqual([
      'options[0].effects.inputChanges.bogus',
      'options[0].effects.waste.after',
    ]);
  });

  it('still computes the other sections when one is wrong', () => {
    const study: StudyInput = {
      ...effluent(0, 2.45),
      options: [
        {
          id: 'o1',
          name: 'Dryer',
          economics: {
            investment: [{ item: 'dryer', amount: 1000 }],
            annualBenefits: [{ item: 'saving', amount: 400 }],
            life: 5,
            interestRate: 0.1,
          },
        },
      ],
      decisionRule: 'annual-worth',
    };
    const { results, errors } = evaluateStudy(study);
    expect(errors).toHaveLength(1);
    expect(results.epi).toBeUndefined();
    expect(results.options?.[0]?.economics?.annualWorth).toBeGreaterThan(0);
    expect(results.decision?.chosen).toEqual(['o1']);
  });

  it('takes EPI weights from an AHP result when told to', () => {
    const { results, errors } = evaluateStudy({
      ...effluent(100, 1),
      effluent: {
        parameters: [
          { id: 'bod', name: 'BOD', measured: 20, limit: { max: 100 } },
          { id: 'cod', name: 'COD', measured: 54, limit: { max: 250 } },
        ],
      },
      weights: {
        ahp: [
          {
            id: 'hazard',
            items: ['cod', 'bod'],
            matrix: [
              [1, 1 / 3],
              [3, 1],
            ],
          },
        ],
      },
      epi: { method: 'deviation', belowDetectionLimit: 'limit', weightsFrom: 'hazard' },
    });
    expect(errors).toEqual([]);
    // bod weighs 0.75, cod 0.25 (a consistent 1:3 judgment)
    expect(results.epi?.total).toBeCloseTo(0.75 * 0.8 + 0.25 * 0.784, 12);
  });

  it('never returns NaN or Infinity, whatever the numbers', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        nastyNumber,
        nastyNumber,
        (measured, standard, life, rate) => {
          const evaluation = evaluateStudy({
            ...base,
            effluent: {
              parameters: [{ id: 'p', name: 'P', measured, limit: { max: standard }, weight: 1 }],
            },
            epi: { method: 'deviation', belowDetectionLimit: 'limit' },
            options: [
              {
                id: 'o',
                name: 'O',
                economics: {
                  investment: [{ item: 'i', amount: 1000 }],
                  annualBenefits: [{ item: 'b', amount: 300 }],
                  life,
                  interestRate: rate,
                },
                effects: { removal: { p: 0.5 } },
              },
            ],
            decisionRule: 'bcr',
          });
          expectAllFinite(evaluation.results);
          for (const e of evaluation.errors) expect(e.path).not.toBe('');
        },
      ),
    );
  });
});
