import { describe, expect, it } from 'vitest';
import { formatJudgement, parseJudgement } from './judgement.js';

describe('parseJudgement', () => {
  it('reads whole numbers, decimals in the language and fractions', () => {
    expect(parseJudgement('3', 'id')).toEqual({ ok: true, value: 3 });
    expect(parseJudgement(' 1/3 ', 'en')).toEqual({ ok: true, value: 1 / 3 });
    expect(parseJudgement('1 / 5', 'id')).toEqual({ ok: true, value: 0.2 });
    expect(parseJudgement('2,5', 'id')).toEqual({ ok: true, value: 2.5 });
    expect(parseJudgement('2.5', 'en')).toEqual({ ok: true, value: 2.5 });
    expect(parseJudgement('1/2,5', 'id')).toEqual({ ok: true, value: 0.4 });
    expect(parseJudgement('2⁄3', 'en')).toEqual({ ok: true, value: 2 / 3 });
  });

  it('says why a text is not a judgement', () => {
    expect(parseJudgement('', 'id')).toEqual({ ok: false, problem: 'empty' });
    expect(parseJudgement('abc', 'en')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseJudgement('1/', 'en')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseJudgement('1/2/3', 'en')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseJudgement('1/0', 'en')).toEqual({ ok: false, problem: 'zero-denominator' });
    expect(parseJudgement('0', 'en')).toEqual({ ok: false, problem: 'not-positive' });
    expect(parseJudgement('-3', 'en')).toEqual({ ok: false, problem: 'not-positive' });
  });
});

describe('formatJudgement', () => {
  it('shows reciprocals as fractions and other values in the language', () => {
    expect(formatJudgement(3, 'id')).toBe('3');
    expect(formatJudgement(1 / 3, 'id')).toBe('1/3');
    expect(formatJudgement(1 / 9, 'en')).toBe('1/9');
    expect(formatJudgement(0.5, 'en')).toBe('1/2');
    expect(formatJudgement(0.4, 'id')).toBe('2/5');
    expect(formatJudgement(1 / 2.5, 'id')).toBe('2/5');
    expect(formatJudgement(2.5, 'id')).toBe('2,5');
    expect(formatJudgement(2.5, 'en')).toBe('2.5');
    expect(formatJudgement(0.333, 'id')).toBe('0,333');
    expect(formatJudgement(1, 'en')).toBe('1');
  });

  it('reads back what it writes', () => {
    for (const v of [1, 2, 9, 1 / 3, 1 / 7, 0.4, 2.5, 0.333]) {
      for (const language of ['id', 'en'] as const) {
        const back = parseJudgement(formatJudgement(v, language), language);
        expect(back.ok && back.value).toBeCloseTo(v, 12);
      }
    }
  });
});
