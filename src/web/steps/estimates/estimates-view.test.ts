import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import cvAbc from '../../../../examples/cv-abc.yaml?raw';
import eccoTannery from '../../../../examples/ecco-tannery.yaml?raw';
import { evaluateLive } from '../../study/live.js';
import { writeOptionCell } from '../../components/option-matrix.js';
import { effectTargets, labText } from './estimates-view.js';

function study(text: string) {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('what effects are entered against', () => {
  it('are the effluent parameters of CV. ABC', () => {
    const targets = effectTargets(study(cvAbc));
    expect(targets.parameters.map((p) => p.id)).toEqual(['bod', 'cod', 'tss', 'oil-grease', 'ph']);
    expect(targets.inputs).toEqual([]);
  });

  it('are the year’s input categories of ECCO, then any other an option changes', () => {
    const ecco = study(eccoTannery);
    const targets = effectTargets(ecco);
    expect(targets.inputs).toContain('energy');
    expect(targets.inputs).toContain('waste-treatment');
    const extra = writeOptionCell(ecco, 0, ['effects', 'inputChanges'], 'water', 5);
    expect(effectTargets(extra).inputs.at(-1)).toBe('water');
  });
});

describe('estimates, live', () => {
  it('follow a removal efficiency typed for an option', () => {
    const abc = study(cvAbc);
    const before =
      evaluateLive(abc).evaluation?.results.options?.[1]?.effects?.epi?.after.total ?? NaN;
    const better = writeOptionCell(abc, 1, ['effects', 'removal'], 'cod', 0.95);
    const after =
      evaluateLive(better).evaluation?.results.options?.[1]?.effects?.epi?.after.total ?? NaN;
    expect(after).toBeGreaterThan(before);
  });

  it('give ECCO’s waste reduction for the 15 t/day dryer', () => {
    const waste = evaluateLive(study(eccoTannery)).evaluation?.results.options?.[1]?.effects?.waste;
    expect(waste?.reduction).toBe(2811);
    expect(waste?.reductionPercent).toBeCloseTo(66.93, 2);
  });

  it('read a concentration with its qualifier', () => {
    expect(labText(12.28, 'id')).toBe('12,28');
    expect(labText({ value: 0.001, qualifier: '<' }, 'id')).toBe('< 0,001');
    expect(labText(undefined, 'en')).toBe('–');
  });
});
