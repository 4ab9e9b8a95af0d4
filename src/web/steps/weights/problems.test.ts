import { describe, expect, it } from 'vitest';
import {
  AHP_PLACED,
  cardProblems,
  LIKERT_PLACED,
  resultIndex,
  responseRow,
  SURVEY_PLACED,
} from './problems.js';

describe('cardProblems', () => {
  const problems = [
    { path: 'weights.ahp[0].matrix[2][1]', message: 'not reciprocal' },
    { path: 'weights.ahp[0]', message: 'give a matrix' },
    { path: 'weights.ahp[1].id', message: 'duplicate' },
    { path: 'weights.ahp[10]', message: 'other card' },
    { path: 'weights.likert[0].responses[0]', message: 'has 2 scores for 3 items' },
    { path: 'weights.likert[0].responses[1][2]', message: 'off the scale' },
    { path: 'survey[0].responses', message: 'empty' },
  ];

  it('lists only what no field or cell of the card shows', () => {
    expect(cardProblems(problems, 'weights.ahp[0]', AHP_PLACED)).toEqual([
      { key: '1', rest: '', message: 'give a matrix' },
    ]);
    expect(cardProblems(problems, 'weights.ahp[1]', AHP_PLACED)).toEqual([]);
    expect(cardProblems(problems, 'weights.likert[0]', LIKERT_PLACED)).toEqual([
      { key: '4', rest: '.responses[0]', message: 'has 2 scores for 3 items' },
    ]);
    expect(cardProblems(problems, 'survey[0]', SURVEY_PLACED)).toEqual([]);
    expect(AHP_PLACED.test('.respondents[1].matrix[0][1]')).toBe(true);
  });

  it('names the respondent of a response row', () => {
    expect(responseRow('.responses[2]')).toBe(2);
    expect(responseRow('.responses[2][1]')).toBe(2);
    expect(responseRow('.scale')).toBeUndefined();
  });
});

describe('resultIndex', () => {
  it('skips the sections that failed before this one', () => {
    const failed = (i: number) => i === 1;
    expect(resultIndex(0, failed)).toBe(0);
    expect(resultIndex(1, failed)).toBeUndefined();
    expect(resultIndex(2, failed)).toBe(1);
  });
});
