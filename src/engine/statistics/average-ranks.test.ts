import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { averageRanks } from './average-ranks.js';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they share, as Excel RANK.AVG(…, 1)', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(averageRanks([3, 3, 3])).toEqual([2, 2, 2]);
    // R: rank(c(2, 7, 7, 7, 1, 9)) = 2 4 4 4 1 6
    expect(averageRanks([2, 7, 7, 7, 1, 9])).toEqual([2, 4, 4, 4, 1, 6]);
  });

  it('keeps the sum of ranks n(n + 1)/2 and the order of the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const ranks = averageRanks(values);
          const n = values.length;
          expect(ranks.reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if ((values[i] as number) < (values[j] as number))
                expect(ranks[i]).toBeLessThan(ranks[j] as number);
              if (values[i] === values[j]) expect(ranks[i]).toBe(ranks[j]);
            }
          }
        },
      ),
    );
  });

  it('refuses an empty list and non-numbers', () => {
    expect(() => averageRanks([])).toThrow('values: must not be empty');
    expect(() => averageRanks([1, Number.NaN])).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'values[1]' }),
    );
  });

  it('returns finite ranks or a GpError for nasty input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber)), (values) => {
        expectFiniteOrGpError(() => averageRanks(values as number[]));
      }),
    );
  });
});
