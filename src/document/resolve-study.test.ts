import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../engine/study/study-input.js';
import { resolveStudy } from './resolve-study.js';

const base: StudyInput = {
  lestari: 1,
  language: 'id',
  study: { title: 'x', organisation: { name: 'y' } },
};

describe('resolveStudy', () => {
  it('fills limits from the named standard set, with its citation', () => {
    const result = resolveStudy({
      ...base,
      effluent: {
        standard: 'pergub-jatim-72-2013-cv-abc',
        parameters: [
          { id: 'cod', name: 'COD', measured: 61.4 },
          { id: 'ph', name: 'pH', measured: 7.65, limit: { max: 9 } },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [cod, ph] = result.study.effluent?.parameters ?? [];
    expect(cod?.limit?.max).toBe(50);
    expect(cod?.limit?.citation).toMatch(/CV\. ABC/);
    expect(ph?.limit).toEqual({ max: 9 });
  });

  it('names an unknown standard and a parameter the standard lacks', () => {
    const unknownSet = resolveStudy({
      ...base,
      effluent: { standard: 'pergub-jatim-72-2013-cv-ab', parameters: [] },
    });
    expect(unknownSet).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'effluent.standard',
          message:
            'unknown standard set "pergub-jatim-72-2013-cv-ab" (did you mean "pergub-jatim-72-2013-cv-abc"?)',
        },
      ],
    });
    const missing = resolveStudy({
      ...base,
      effluent: {
        standard: 'pergub-jatim-72-2013-cv-abc',
        parameters: [{ id: 'phenol', name: 'Phenol', measured: 1 }],
      },
    });
    expect(missing.ok ? [] : missing.problems.map((p) => p.path)).toEqual([
      'effluent.parameters[0].id',
    ]);
  });

  it('reports duplicate ids and references to nothing', () => {
    const result = resolveStudy({
      ...base,
      problems: [{ id: 'water', title: 'Water loss' }],
      options: [
        { id: 'o1', name: 'A', problem: 'watr' },
        { id: 'o1', name: 'B' },
      ],
      screening: { sieve: [{ criteria: [], options: ['o2'] }] },
      implementation: [
        { goal: 'g', target: 't', action: 'a', responsible: 'r', executor: 'e', option: 'o9' },
      ],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'options[1].id', message: 'duplicate id "o1"' },
      { path: 'options[0].problem', message: 'unknown problem "watr" (did you mean "water"?)' },
      { path: 'implementation[0].option', message: 'unknown option "o9" (did you mean "o1"?)' },
      {
        path: 'screening.sieve[0].options[0]',
        message: 'unknown option "o2" (did you mean "o1"?)',
      },
    ]);
  });
});
