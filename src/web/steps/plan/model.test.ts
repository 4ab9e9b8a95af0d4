import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import cvAbc from '../../../../examples/cv-abc.yaml?raw';
import eccoTannery from '../../../../examples/ecco-tannery.yaml?raw';
import { evaluateLive } from '../../study/live.js';
import { actionFor, chosenOptions, planFromGoals, sharedSpans, unplanned } from './model.js';

function example(text: string): StudyInput {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}
const resultsOf = (study: StudyInput) => evaluateLive(study).evaluation?.results;

describe('chosenOptions and unplanned', () => {
  it('ECCO: the incremental IRR chooses alt-2, which the plan carries out', () => {
    const study = example(eccoTannery);
    const chosen = chosenOptions(resultsOf(study));
    expect(chosen).toEqual([{ id: 'alt-2', by: 'decision', problem: undefined, tie: false }]);
    expect(unplanned(chosen, study.implementation)).toEqual([]);
  });

  it('CV. ABC: the B/C ratio chooses an option and the study has no plan yet', () => {
    const study = example(cvAbc);
    const chosen = chosenOptions(resultsOf(study));
    expect(chosen.map((c) => c.by)).toEqual(['decision']);
    expect(unplanned(chosen, study.implementation)).toEqual(chosen);
  });

  it('Adi Bungsu: each problem’s weighted sum chooses one option', () => {
    const chosen = chosenOptions(resultsOf(example(adiBungsu)));
    expect(chosen.map((c) => [c.problem, c.by])).toEqual([
      ['water-loss', 'weighted-sum'],
      ['mass-loss', 'weighted-sum'],
    ]);
  });
});

describe('actionFor and planFromGoals', () => {
  it('takes the goal and target of the option’s problem', () => {
    const study = example(adiBungsu);
    const action = actionFor(study, 'mass-2');
    expect(action).toMatchObject({
      goal: 'Mengurangi produk gagal dan polusi debu',
      option: 'mass-2',
      action: '',
    });
  });

  it('else repeats the last action’s goal and target', () => {
    const study = example(eccoTannery);
    const last = study.implementation?.at(-1);
    expect(actionFor({ ...study, goals: [] }, undefined)).toEqual({
      goal: last?.goal,
      target: last?.target,
      action: '',
      responsible: '',
      executor: '',
    });
  });

  it('starts one action per goal, with the option chosen for its problem', () => {
    const study = example(adiBungsu);
    const plan = planFromGoals(study, chosenOptions(resultsOf(study)));
    expect(plan).toHaveLength(2);
    expect(plan.map((a) => a.option)).toEqual(chosenOptions(resultsOf(study)).map((c) => c.id));
  });
});

describe('sharedSpans', () => {
  it('groups consecutive actions with one goal and target, as the report prints them', () => {
    expect(sharedSpans(example(eccoTannery).implementation ?? [])).toEqual([3, 0, 0]);
    const a = { goal: 'g', target: 't', action: '', responsible: '', executor: '' };
    expect(sharedSpans([a, { ...a, target: 'u' }, { ...a, target: 'u' }, a])).toEqual([1, 2, 0, 1]);
  });
});
