import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { type EconomicRankingCriterion, rankEconomicAlternatives } from './rank-alternatives.js';

describe('rankEconomicAlternatives', () => {
  it('ranks best first and chooses the best acceptable alternative', () => {
    const result = rankEconomicAlternatives('annual-worth', [
      { name: 'a', value: 10 },
      { name: 'b', value: 30 },
      { name: 'c', value: -5 },
    ]);
    expect(result.ranking.map((r) => [r.name, r.rank, r.acceptable])).toEqual([
      ['b', 1, true],
      ['a', 2, true],
      ['c', 3, false],
    ]);
    expect(result.choice).toEqual({ kind: 'chosen', name: 'b' });
  });

  it('reports a tie when the best values are equal', () => {
    const result = rankEconomicAlternatives('npv', [
      { name: 'a', value: 0.1 + 0.2 },
      { name: 'b', value: 0.3 },
      { name: 'c', value: 0.1 },
    ]);
    expect(result.choice).toEqual({ kind: 'tie', names: ['a', 'b'] });
    expect(result.ranking.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('chooses nothing when no alternative reaches the threshold (BCR below 1)', () => {
    const result = rankEconomicAlternatives('bcr', [
      { name: 'a', value: 0.9 },
      { name: 'b', value: 0.7 },
    ]);
    expect(result.threshold).toBe(1);
    expect(result.choice).toEqual({ kind: 'none-acceptable' });
  });

  it('always chooses an alternative with the maximum value when one is acceptable (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values) => {
          const result = rankEconomicAlternatives(
            'annual-worth',
            values.map((value, k) => ({ name: `alt ${k}`, value })),
          );
          const best = Math.max(...values);
          if (best < 0) expect(result.choice.kind).toBe('none-acceptable');
          if (result.choice.kind === 'chosen') {
            expect(values[Number(result.choice.name.slice(4))]).toBe(best);
          }
        },
      ),
    );
  });

  it('names the offending field', () => {
    expect(() => rankEconomicAlternatives('npv', [])).toThrow('alternatives: must not be empty');
    expect(() =>
      rankEconomicAlternatives('npv', [
        { name: 'a', value: 1 },
        { name: 'a', value: 2 },
      ]),
    ).toThrow('alternatives[1].name: "a" appears twice');
    expect(() => rankEconomicAlternatives('npv', [{ name: 'a', value: Number.NaN }])).toThrow(
      /^alternatives\[0\]\.value: must be a finite/,
    );
    expect(() =>
      rankEconomicAlternatives('irr' as EconomicRankingCriterion, [{ name: 'a', value: 1 }]),
    ).toThrow(/^criterion:/);
  });

  it('returns finite data or a GpError for any input', () => {
    const item = fc.oneof(
      nastyValue,
      fc.record({
        name: fc.oneof(fc.string(), nastyValue),
        value: fc.oneof(nastyNumber, nastyValue),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('annual-worth', 'npv', 'bcr', 'other'),
        fc.oneof(nastyValue, fc.array(item, { maxLength: 5 })),
        (criterion, alternatives) => {
          expectFiniteOrGpError(() =>
            rankEconomicAlternatives(criterion as EconomicRankingCriterion, alternatives as never),
          );
        },
      ),
    );
  });
});
