import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it('suggests the closest known field for a typo', () => {
    expect(didYouMean('weigth', ['weight', 'measured', 'limit'])).toBe('weight');
    expect(didYouMean('Measured', ['weight', 'measured'])).toBe('measured');
    expect(didYouMean('intrestRate', ['interestRate', 'life'])).toBe('interestRate');
  });

  it('suggests nothing when no field is close', () => {
    expect(didYouMean('colour', ['weight', 'measured', 'limit'])).toBeUndefined();
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
