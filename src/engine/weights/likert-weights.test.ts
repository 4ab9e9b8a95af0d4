import fc from 'fast-check';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { likertWeights } from './likert-weights.js';

/** A respondents × items matrix of whole scores on 1–5. */
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }))
  .chain(([n, k]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('likertWeights', () => {
  it('weights each item by its mean score over the sum of means', () => {
    // Means 4 and 3 → weights 4/7 and 3/7.
    const result = likertWeights([
      [4, 2],
      [4, 4],
    ]);
    expect(result.items.map((i) => i.meanScore)).toEqual([4, 3]);
    expect(result.sumOfMeans).toBe(7);
    expect(result.items[0]?.weight).toBeCloseTo(4 / 7, 15);
    expect(result.items[1]?.weight).toBeCloseTo(3 / 7, 15);
  });

  it('gives the item means that CV. ABC-style studies use directly as Wi (simple-statistics mean)', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        const result = likertWeights(responses);
        result.items.forEach(({ item, meanScore }) => {
          expect(meanScore).toBeCloseTo(mean(responses.map((row) => row[item] as number)), 12);
        });
      }),
    );
  });

  it('gives weights in [0, 1] that sum to 1', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        const weights = likertWeights(responses).items.map((i) => i.weight);
        for (const w of weights) {
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('does not depend on the order of respondents', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        const forward = likertWeights(responses).items.map((i) => i.weight);
        const reversed = likertWeights([...responses].reverse()).items.map((i) => i.weight);
        forward.forEach((w, j) => expect(reversed[j]).toBeCloseTo(w, 14));
      }),
    );
  });

  it('refuses negative scales and an all-zero questionnaire', () => {
    expect(() => likertWeights([[1, 2]], { min: -2, max: 2 })).toThrow(
      'scale.min: must be ≥ 0 for weights from mean scores, got -2',
    );
    expect(() => likertWeights([[0, 0]], { min: 0, max: 4 })).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'responses' }),
    );
    expect(() => likertWeights([[6]])).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'responses[0][0]' }),
    );
  });

  it('returns finite weights or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(fc.array(nastyNumber, { maxLength: 3 }), { maxLength: 3 })),
        fc.oneof(nastyValue, fc.record({ min: nastyNumber, max: nastyNumber })),
        (responses, scale) => {
          expectFiniteOrGpError(() =>
            likertWeights(responses as number[][], scale as { min: number; max: number }),
          );
        },
      ),
    );
  });
});
