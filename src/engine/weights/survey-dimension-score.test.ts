import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { surveyDimensionScore } from './survey-dimension-score.js';

const matrix = fc
  .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }))
  .chain(([n, k]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('surveyDimensionScore', () => {
  it('gives the total as a share of the ideal score (respondents × items × 5)', () => {
    // 27 of an ideal 3 × 2 × 5 = 30: 90 %, very good.
    const result = surveyDimensionScore([
      [5, 4],
      [4, 4],
      [5, 5],
    ]);
    expect(result).toMatchObject({
      respondents: 3,
      totalScore: 27,
      minimumScore: 6,
      maximumScore: 30,
      subtractScaleMinimum: false,
      percent: 90,
      band: 'very-good',
    });
    expect(result.items).toEqual([
      { item: 0, totalScore: 14, percent: (14 / 15) * 100 },
      { item: 1, totalScore: 13, percent: (13 / 15) * 100 },
    ]);
  });

  it('can subtract the scale minimum so that the lowest answers give 0 %', () => {
    const lowest = [
      [1, 1],
      [1, 1],
    ];
    expect(surveyDimensionScore(lowest).percent).toBe(20);
    expect(surveyDimensionScore(lowest, undefined, { subtractScaleMinimum: true }).percent).toBe(0);
    expect(surveyDimensionScore(lowest, undefined, { subtractScaleMinimum: true }).band).toBe(
      'very-poor',
    );
    // (27 − 6) / (30 − 6) = 87.5 %
    expect(
      surveyDimensionScore(
        [
          [5, 4],
          [4, 4],
          [5, 5],
        ],
        undefined,
        { subtractScaleMinimum: true },
      ).percent,
    ).toBe(87.5);
  });

  it('keeps the percentage in [0, 100] and the subtracted one never above the plain one', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        const plain = surveyDimensionScore(responses);
        const subtracted = surveyDimensionScore(responses, undefined, {
          subtractScaleMinimum: true,
        });
        for (const result of [plain, subtracted]) {
          expect(result.percent).toBeGreaterThanOrEqual(0);
          expect(result.percent).toBeLessThanOrEqual(100);
        }
        expect(subtracted.percent).toBeLessThanOrEqual(plain.percent + 1e-12);
        const n = responses.length * (responses[0] as number[]).length;
        expect(plain.percent).toBeCloseTo((100 * plain.totalScore) / (5 * n), 12);
      }),
    );
  });

  it('uses the bands it is given', () => {
    const result = surveyDimensionScore([[3, 3]], undefined, {
      bands: [
        { key: 'kurang', upTo: 70 },
        { key: 'baik', upTo: 100 },
      ],
    });
    expect(result.band).toBe('kurang');
  });

  it('refuses a negative scale without subtraction, and bad options with the field', () => {
    expect(() => surveyDimensionScore([[0, 1]], { min: -2, max: 2 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'scale.min' }),
    );
    expect(
      surveyDimensionScore([[0, 1]], { min: -2, max: 2 }, { subtractScaleMinimum: true }).percent,
    ).toBe(62.5); // (1 + 4) / (2 · 4)
    expect(() =>
      surveyDimensionScore([[3]], undefined, { bands: [{ key: 'x', upTo: 90 }] }),
    ).toThrow('options.bands[0].upTo: the last band must reach 100, got 90');
    expect(() =>
      surveyDimensionScore([[3]], undefined, { subtractScaleMinimum: 'yes' as unknown as boolean }),
    ).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.subtractScaleMinimum' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(fc.array(nastyNumber, { maxLength: 3 }), { maxLength: 4 }),
          matrix,
        ),
        fc.oneof(fc.constant(undefined), fc.record({ min: nastyNumber, max: nastyNumber })),
        fc.oneof(
          nastyValue,
          fc.record(
            { subtractScaleMinimum: fc.oneof(fc.boolean(), nastyValue), bands: nastyValue },
            { requiredKeys: [] },
          ),
        ),
        (responses, scale, options) => {
          expectFiniteOrGpError(() =>
            surveyDimensionScore(responses as number[][], scale, options as Record<string, never>),
          );
        },
      ),
    );
  });
});
