import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import { nextId, problemChoices } from './model.js';

describe('nextId', () => {
  it('takes the first free number', () => {
    expect(nextId('alt', [])).toBe('alt-1');
    expect(nextId('alt', ['alt-1', 'alt-3'])).toBe('alt-2');
    expect(nextId('problem', ['problem-1', 'problem-2'])).toBe('problem-3');
  });
});

describe('problemChoices', () => {
  it('labels each problem of the example by its title', () => {
    const parsed = parseStudyText(adiBungsu);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(problemChoices(parsed.study.problems)).toEqual([
      { value: 'water-loss', label: 'Water loss pada perendaman dan pengeringan cengkeh' },
      { value: 'mass-loss', label: 'Mass loss pada pelintingan SKM' },
    ]);
  });

  it('falls back to the id for an untitled problem and skips rows without an id', () => {
    expect(
      problemChoices([
        { id: 'p-1', title: ' ' },
        { id: '', title: 'no id yet' },
      ]),
    ).toEqual([{ value: 'p-1', label: 'p-1' }]);
  });
});
