import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../document/parse-study.js';
import adiBungsu from '../../../examples/adi-bungsu.yaml?raw';
import cvAbc from '../../../examples/cv-abc.yaml?raw';
import eccoTannery from '../../../examples/ecco-tannery.yaml?raw';
import { setAt } from './paths.js';
import { documentFromStudy, evaluateLive, problemsUnder, studyFromDocument } from './live.js';

const EXAMPLES: Record<string, string> = {
  'cv-abc': cvAbc,
  'adi-bungsu': adiBungsu,
  'ecco-tannery': eccoTannery,
};

function example(name: string) {
  const parsed = parseStudyText(EXAMPLES[name] ?? '');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('evaluateLive', () => {
  it('gives the EPI of the example as the engine does, and a lower EPI for a worse measurement', () => {
    const study = example('cv-abc');
    const before = evaluateLive(study).evaluation?.results.epi?.total;
    expect(before).toBeGreaterThan(0);
    const index = study.effluent?.parameters.findIndex((p) => p.id === 'cod') ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const worse = setAt(study, ['effluent', 'parameters', index, 'measured'], 400);
    const after = evaluateLive(worse).evaluation?.results.epi?.total;
    expect(after).toBeLessThan(before as number);
  });

  it('places an engine error at its field and keeps the other results', () => {
    const study = example('cv-abc');
    const broken = setAt(study, ['options', 0, 'economics', 'life'], 0);
    const live = evaluateLive(broken);
    expect(problemsUnder(live.problems, 'options[0]').length).toBeGreaterThan(0);
    expect(live.evaluation?.results.epi).toBeDefined();
  });
});

describe('evaluateLive with a broken reference', () => {
  it('keeps the EPI (from the standard) and lists the reference problem', () => {
    const study = example('cv-abc');
    const goals = [{ problem: 'no-such-problem', goal: 'g', target: 't' }];
    const live = evaluateLive({ ...study, goals });
    expect(live.problems.map((p) => p.path)).toContain('goals[0].problem');
    expect(live.evaluation?.results.epi?.total).toBe(
      evaluateLive(study).evaluation?.results.epi?.total,
    );
  });
});

describe('studyFromDocument', () => {
  it('reads back the document the API stores, for every example', () => {
    for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery']) {
      const study = example(name);
      const back = studyFromDocument(documentFromStudy(study));
      expect(back.ok && back.study).toEqual(study);
    }
  });
});
