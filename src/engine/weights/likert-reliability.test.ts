import fc from 'fast-check';
import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { cronbachAlpha } from './likert-reliability.js';

const matrix = fc
  .tuple(fc.integer({ min: 2, max: 15 }), fc.integer({ min: 2, max: 6 }))
  .chain(([n, k]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: n,
      maxLength: n,
    }),
  );

/** Cronbach's α computed independently, from simple-statistics' sample variances. */
function referenceAlpha(responses: readonly (readonly number[])[]): number {
  const k = (responses[0] as readonly number[]).length;
  const itemVariances = Array.from({ length: k }, (_, j) =>
    sampleVariance(responses.map((row) => row[j] as number)),
  );
  const totals = responses.map((row) => row.reduce((a, b) => a + b, 0));
  return (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / sampleVariance(totals));
}

const varies = (values: readonly number[]) => values.some((v) => v !== values[0]);

describe('cronbachAlpha', () => {
  it('computes α = k/(k − 1) (1 − Σs_i²/s_T²) with its working', () => {
    const responses = [
      [4, 5, 4],
      [3, 3, 2],
      [5, 4, 5],
      [2, 2, 3],
    ];
    const result = cronbachAlpha(responses);
    // Item variances 5/3, 5/3, 5/3; totals 13, 8, 14, 7 with variance 37/3: α = 1.5 (1 − 15/37) = 33/37.
    expect(result.itemVariances.map((v) => v * 3)).toEqual(
      [5, 5, 5].map((v) => expect.closeTo(v, 12)),
    );
    expect(result.totalVariance).toBeCloseTo(37 / 3, 12);
    expect(result.alpha).toBeCloseTo(33 / 37, 14);
    expect(result.reliable).toBe(true);
    expect(result.reliabilityThreshold).toBe(0.6);
  });

  it('agrees with an independent computation from simple-statistics variances', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        fc.pre(varies(responses.map((row) => row.reduce((a, b) => a + b, 0))));
        expect(cronbachAlpha(responses).alpha).toBeCloseTo(referenceAlpha(responses), 10);
      }),
    );
  });

  it('never exceeds 1, and equals 1 for identical items', () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        fc.pre(varies(responses.map((row) => row.reduce((a, b) => a + b, 0))));
        expect(cronbachAlpha(responses).alpha).toBeLessThanOrEqual(1);
      }),
    );
    expect(
      cronbachAlpha([
        [1, 1, 1],
        [3, 3, 3],
        [5, 5, 5],
      ]).alpha,
    ).toBe(1);
  });

  it('gives the α of the remaining items with each one removed, as psych::alpha\'s "raw_alpha if dropped"', () => {
    const responses = [
      [4, 5, 4, 1],
      [3, 3, 2, 5],
      [5, 4, 5, 2],
      [2, 2, 3, 4],
      [4, 4, 4, 3],
    ];
    const result = cronbachAlpha(responses);
    result.alphaIfItemDeleted.forEach((alpha, j) => {
      expect(alpha).toBeCloseTo(
        referenceAlpha(responses.map((row) => row.filter((_, i) => i !== j))),
        12,
      );
    });
    // The reverse-worded fourth item lowers α: without it α rises.
    expect(result.alphaIfItemDeleted[3]).toBeGreaterThan(result.alpha);
    expect(
      cronbachAlpha([
        [1, 2],
        [3, 5],
      ]).alphaIfItemDeleted,
    ).toEqual([null, null]);
  });

  it('judges reliability against a configurable threshold, strictly (α > 0.60)', () => {
    const responses = [
      [4, 5, 4],
      [3, 3, 2],
      [5, 4, 5],
      [2, 2, 3],
    ];
    expect(cronbachAlpha(responses, undefined, { reliabilityThreshold: 0.9 }).reliable).toBe(false);
    expect(cronbachAlpha(responses, undefined, { reliabilityThreshold: 33 / 37 }).reliable).toBe(
      false,
    );
  });

  it('refuses a questionnaire whose totals do not vary, and too few rows or items', () => {
    expect(() =>
      cronbachAlpha([
        [1, 5],
        [2, 4],
        [3, 3],
      ]),
    ).toThrow(
      'responses: every respondent has the same total score, so the total variance is 0 and α is undefined',
    );
    expect(() => cronbachAlpha([[1, 2]])).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'responses' }),
    );
    expect(() => cronbachAlpha([[1], [2]])).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'responses[0]' }),
    );
    expect(() =>
      cronbachAlpha(
        [
          [1, 2],
          [2, 3],
        ],
        undefined,
        { reliabilityThreshold: Number.NaN },
      ),
    ).toThrow(
      expect.objectContaining({ code: 'NOT_FINITE', field: 'options.reliabilityThreshold' }),
    );
  });

  it('returns finite numbers (or null where an α is undefined) or a GpError for nasty input', () => {
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
          fc.record({ reliabilityThreshold: nastyNumber }, { requiredKeys: [] }),
        ),
        (responses, scale, options) => {
          expectFiniteOrGpError(() =>
            cronbachAlpha(responses as number[][], scale, options as Record<string, never>),
          );
        },
      ),
    );
  });
});
