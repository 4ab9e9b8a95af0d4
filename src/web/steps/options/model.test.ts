import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import cvAbc from '../../../../examples/cv-abc.yaml?raw';
import eccoTannery from '../../../../examples/ecco-tannery.yaml?raw';
import { evaluateLive } from '../../study/live.js';
import { setAt } from '../../study/paths.js';
import {
  costTotal,
  effectProblems,
  keyedRows,
  newEconomics,
  newOption,
  optionResult,
  setPruned,
} from './model.js';

function example(text: string): StudyInput {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('costTotal', () => {
  it('is the investment, annual cost and benefit the engine computes, for every option of the examples', () => {
    for (const study of [example(cvAbc), example(eccoTannery)]) {
      const results = evaluateLive(study).evaluation?.results.options ?? [];
      (study.options ?? []).forEach((o, i) => {
        const e = results[i]?.economics;
        expect(e).toBeDefined();
        expect(costTotal(o.economics?.investment)).toBe(e?.investment);
        expect(costTotal(o.economics?.annualCosts)).toBe(e?.annualCost);
        expect(costTotal(o.economics?.annualBenefits)).toBe(e?.annualBenefit);
      });
    }
  });

  it('counts quantities (CV. ABC: two pumps at Rp 3.600.000)', () => {
    expect(
      costTotal([
        { item: 'Pompa', amount: 3_600_000, quantity: 2 },
        { item: 'DAF', amount: 150_000_000 },
      ]),
    ).toBe(157_200_000);
    expect(costTotal(undefined)).toBe(0);
  });
});

describe('setPruned', () => {
  it('removes the removal record and the effects when the last efficiency is cleared', () => {
    const study = example(cvAbc);
    let s = study;
    for (const key of Object.keys(study.options?.[0]?.effects?.removal ?? {})) {
      s = setPruned(s, ['options', 0, 'effects', 'removal', key], undefined, 2);
    }
    expect(s.options?.[0]).not.toHaveProperty('effects');
    expect(s.options?.[0]?.economics).toEqual(study.options?.[0]?.economics);
  });

  it('keeps a record that still has entries, and never removes the option itself', () => {
    const study = example(eccoTannery);
    const s = setPruned(study, ['options', 1, 'effects', 'inputChanges', 'energy'], undefined, 2);
    expect(s.options?.[1]?.effects?.inputChanges).toEqual({ 'waste-treatment': -2337.6276 });
    const bare = setPruned({ options: [{}] }, ['options', 0, 'effects'], undefined, 2);
    expect(bare).toEqual({ options: [{}] });
  });
});

describe('newOption and newEconomics', () => {
  it('gives the next free id, for the only problem', () => {
    const study = example(cvAbc);
    expect(newOption(study)).toEqual({ id: 'alt-3', name: '', problem: 'effluent' });
    expect(newOption(example(adiBungsu))).toEqual({ id: 'alt-1', name: '' });
    expect(newOption(example(adiBungsu), 'mass-loss').problem).toBe('mass-loss');
    expect(newOption(study, undefined, ['alt-3']).id).toBe('alt-4');
  });

  it('takes life and MARR from the other options, else 5 years at 10 %', () => {
    const economics = newEconomics(example(eccoTannery));
    expect(economics.life).toBe(5);
    expect(economics.interestRate).toBeCloseTo(0.15, 12);
    expect(newEconomics(example(adiBungsu))).toEqual({
      investment: [{ item: '', amount: 0 }],
      life: 5,
      interestRate: 0.1,
    });
  });
});

describe('keyedRows', () => {
  it('lists the known keys, then the others', () => {
    expect(keyedRows(['bod', 'cod'], { cod: 0.8, typo: 0.5 })).toEqual([
      { key: 'bod', known: true },
      { key: 'cod', known: true },
      { key: 'typo', known: false },
    ]);
  });
});

describe('effectProblems', () => {
  it('places the engine’s productivity, waste and removal errors at the record key', () => {
    const ecco = example(eccoTannery);
    let s = setAt(ecco, ['options', 0, 'effects', 'inputChanges', 'bogus'], 5);
    s = setAt(s, ['options', 1, 'effects', 'inputChanges', 'energy'], -1e12);
    s = setAt(s, ['options', 1, 'effects', 'waste', 'after'], -3);
    const problems = evaluateLive(s).problems;
    const first = effectProblems(
      problems,
      0,
      s.options?.[0] as NonNullable<typeof s.options>[number],
    );
    expect([...first.keys()]).toEqual(['inputChanges.bogus']);
    const second = effectProblems(
      problems,
      1,
      s.options?.[1] as NonNullable<typeof s.options>[number],
    );
    expect([...second.keys()].sort()).toEqual(['inputChanges.energy', 'waste.after']);

    const abc = setAt(example(cvAbc), ['options', 0, 'effects', 'removal', 'cod'], 1.5);
    const removal = effectProblems(
      evaluateLive(abc).problems,
      0,
      abc.options?.[0] as NonNullable<typeof abc.options>[number],
    );
    expect([...removal.keys()]).toEqual(['removal.cod']);
  });

  it('places “needs productivity data” at the input changes table', () => {
    const abc = setAt(example(cvAbc), ['options', 0, 'effects', 'inputChanges', 'energy'], 5);
    const problems = effectProblems(
      evaluateLive(abc).problems,
      0,
      abc.options?.[0] as NonNullable<typeof abc.options>[number],
    );
    expect([...problems.keys()]).toEqual(['inputChanges']);
  });
});

describe('optionResult', () => {
  it('is the result at that place only while it is still that option', () => {
    const evaluation = evaluateLive(example(cvAbc)).evaluation;
    expect(optionResult(evaluation, 1, 'alt-2')?.economics?.bcr).toBeGreaterThan(1);
    // The first row was just removed: the results, a moment behind, still have alt-1 first.
    expect(optionResult(evaluation, 0, 'alt-2')).toBeUndefined();
    expect(optionResult(undefined, 0, 'alt-1')).toBeUndefined();
  });
});
