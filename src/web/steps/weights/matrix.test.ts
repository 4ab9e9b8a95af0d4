import { describe, expect, it } from 'vitest';
import { ahpWeights } from '../../../engine/weights/index.js';
import type { AhpInput } from '../../../engine/study/study-input.js';
import {
  addAhpItem,
  addLikertItem,
  addRespondent,
  addSurveyItem,
  identityMatrix,
  nextId,
  nextName,
  pasteJudgements,
  removeAhpItem,
  removeLikertItem,
  removeRespondent,
  removeSurveyItem,
  setJudgement,
  squareMatrix,
  surveyItemCount,
  toRespondents,
  toSingleMatrix,
} from './matrix.js';

const parse = (text: string) => {
  const [a, b] = text.split('/').map(Number);
  const v = b === undefined ? (a ?? Number.NaN) : (a ?? Number.NaN) / b;
  return Number.isFinite(v) && v > 0 ? v : undefined;
};

describe('pairwise matrix edits', () => {
  it('sets a judgement and its reciprocal, and keeps the diagonal at 1', () => {
    const m = setJudgement(identityMatrix(3), 3, 0, 2, 5);
    expect(m[0]?.[2]).toBe(5);
    expect(m[2]?.[0]).toBe(1 / 5);
    expect(setJudgement(m, 3, 1, 1, 7)[1]?.[1]).toBe(1);
    // The engine accepts what the editor builds.
    const built = setJudgement(setJudgement(m, 3, 0, 1, 3), 3, 1, 2, 1 / 2);
    expect(ahpWeights(built).weights).toHaveLength(3);
  });

  it('squares a short or ragged matrix with 1s', () => {
    expect(squareMatrix([[1, 3]], 2)).toEqual([
      [1, 3],
      [1, 1],
    ]);
    expect(squareMatrix(undefined, 1)).toEqual([[1]]);
  });

  it('pastes a full matrix, keeping the judgements above the diagonal', () => {
    const pasted = pasteJudgements(
      undefined,
      3,
      [
        ['1', '3', '5'],
        ['0.33', '1', '2'],
        ['0.2', '0.5', '1'],
      ],
      { row: 0, column: 0 },
      parse,
    );
    expect(pasted.matrix).toEqual([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expect(pasted.written).toBe(3);
    expect(pasted.ignored).toBe(3);
    expect(pasted.problems).toEqual([]);
  });

  it('pastes a lower triangle alone, and reports what did not read or fell off', () => {
    const pasted = pasteJudgements(
      identityMatrix(3),
      3,
      [['1/3', '7'], ['x'], ['', '', '', '4']],
      { row: 1, column: 0 },
      parse,
    );
    expect(pasted.matrix[1]?.[0]).toBe(1 / 3);
    expect(pasted.matrix[0]?.[1]).toBeCloseTo(3, 12);
    expect(pasted.problems).toEqual([{ row: 2, column: 0, text: 'x' }]);
    // (1, 1) is the diagonal; row 3 is outside the matrix.
    expect(pasted.ignored).toBe(2);
    expect(pasted.written).toBe(1);
  });
});

describe('AHP items and respondents', () => {
  const ahp: AhpInput = {
    id: 'w',
    items: ['a', 'b', 'c'],
    matrix: [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ],
  };

  it('adds and removes an item, resizing the matrix', () => {
    const added = addAhpItem(ahp, 'd');
    expect(added.items).toEqual(['a', 'b', 'c', 'd']);
    expect(added.matrix?.[3]).toEqual([1, 1, 1, 1]);
    expect(added.matrix?.[0]).toEqual([1, 3, 5, 1]);
    const removed = removeAhpItem(ahp, 1);
    expect(removed.items).toEqual(['a', 'c']);
    expect(removed.matrix).toEqual([
      [1, 5],
      [1 / 5, 1],
    ]);
  });

  it('moves between one matrix and respondents without losing the judgements', () => {
    const group = toRespondents(ahp, 'Responden 1');
    expect(group.matrix).toBeUndefined();
    expect(group.respondents?.[0]?.matrix).toEqual(ahp.matrix);
    const two = addRespondent(group, nextName('Responden', ['Responden 1']));
    expect(two.respondents?.map((r) => r.name)).toEqual(['Responden 1', 'Responden 2']);
    expect(two.respondents?.[1]?.matrix).toEqual(identityMatrix(3));
    expect(addAhpItem(two, 'd').respondents?.[1]?.matrix).toHaveLength(4);
    expect(removeRespondent(two, 0).respondents).toHaveLength(1);
    expect(removeRespondent(group, 0)).toEqual(ahp);
    expect(toSingleMatrix(two)).toEqual(ahp);
  });

  it('names new respondents and AHPs after the ones taken', () => {
    expect(nextId('ahp', ['ahp-2'])).toBe('ahp-3');
    expect(nextId('ahp', ['x', 'ahp-2'])).toBe('ahp-3');
    expect(nextId('ahp', [])).toBe('ahp-1');
  });
});

describe('questionnaire columns', () => {
  it('adds an item at the scale minimum and removes one from every respondent', () => {
    const likert = {
      id: 'q',
      items: ['a', 'b'],
      scale: { min: 1, max: 5 },
      responses: [
        [4, 5],
        [3, 2],
      ],
    };
    expect(addLikertItem(likert, 'c').responses).toEqual([
      [4, 5, 1],
      [3, 2, 1],
    ]);
    const removed = removeLikertItem(likert, 0);
    expect(removed.items).toEqual(['b']);
    expect(removed.responses).toEqual([[5], [2]]);
  });

  it('counts and edits the items of a survey dimension', () => {
    const d = { name: 'Awareness', scale: { min: 1, max: 4 }, responses: [[4, 3], [2]] };
    expect(surveyItemCount(d)).toBe(2);
    expect(addSurveyItem(d).responses).toEqual([
      [4, 3, 1],
      [2, 1],
    ]);
    expect(removeSurveyItem(d, 0).responses).toEqual([[3], []]);
  });
});
