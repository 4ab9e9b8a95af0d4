import fc from 'fast-check';
import { jStat } from 'jstat';
import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { likertItemValidity } from './likert-validity.js';

const matrix = fc
  .tuple(fc.integer({ min: 3, max: 15 }), fc.integer({ min: 2, max: 6 }))
  .chain(([n, k]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: n,
      maxLength: n,
    }),
  );

// Five respondents, three items: items 1 and 2 move with the total, item 3 against it.
const SURVEY = [
  [5, 4, 2],
  [4, 4, 3],
  [2, 1, 4],
  [3, 2, 3],
  [5, 5, 1],
];
const varies = (values: readonly number[]) => values.some((v) => v !== values[0]);

describe('likertItemValidity', () => {
  it('correlates each item with the uncorrected total and compares with the r tabel', () => {
    const result = likertItemValidity(SURVEY);
    const totals = SURVEY.map((row) => row.reduce((a, b) => a + b, 0));
    // r tabel for n = 5 (df = 3, α = 0.05 two-sided): 0.878 (Fisher & Yates Table VII).
    expect(result.rCritical).toBeCloseTo(0.878, 3);
    expect(result).toMatchObject({
      respondents: 5,
      total: 'uncorrected',
      alpha: 0.05,
      df: 3,
      criterion: 'critical-r',
    });
    result.items.forEach((item, j) => {
      expect(item.kind).toBe('correlated');
      if (item.kind !== 'correlated') return;
      expect(item.r).toBeCloseTo(
        sampleCorrelation(
          SURVEY.map((row) => row[j] as number),
          totals,
        ),
        12,
      );
      expect(item.valid).toBe(item.r > result.rCritical);
    });
    expect(result.items.map((i) => i.valid)).toEqual([true, true, false]);
    expect(result.validCount).toBe(2);
    expect(result.allValid).toBe(false);
  });

  it('offers the corrected item–total correlation (item against the sum of the others)', () => {
    const result = likertItemValidity(SURVEY, undefined, { total: 'corrected' });
    result.items.forEach((item, j) => {
      if (item.kind !== 'correlated') throw new Error('expected a correlation');
      const rest = SURVEY.map((row) => row.reduce((a, b) => a + b, 0) - (row[j] as number));
      expect(item.r).toBeCloseTo(
        sampleCorrelation(
          SURVEY.map((row) => row[j] as number),
          rest,
        ),
        12,
      );
    });
    // Removing the item's own share lowers its correlation.
    const uncorrected = likertItemValidity(SURVEY);
    result.items.forEach((item, j) => {
      const other = uncorrected.items[j];
      if (item.kind === 'correlated' && other?.kind === 'correlated')
        expect(item.r).toBeLessThan(other.r);
    });
  });

  it("can judge by a fixed minimum r (Azwar's 0.30) instead of the r tabel", () => {
    const result = likertItemValidity(SURVEY, undefined, { minimumCorrelation: 0.3 });
    expect(result.criterion).toBe('minimum-r');
    expect(result.threshold).toBe(0.3);
    expect(result.items.map((i) => i.valid)).toEqual([true, true, false]);
  });

  it('reports a constant item or a constant total as undefined, not as an error', () => {
    const constantItem = likertItemValidity([
      [3, 5, 4],
      [3, 2, 1],
      [3, 4, 4],
    ]);
    expect(constantItem.items[0]).toEqual({
      kind: 'undefined',
      item: 0,
      reason: 'constant-item',
      valid: false,
    });
    const constantTotal = likertItemValidity([
      [1, 5],
      [2, 4],
      [3, 3],
    ]);
    expect(
      constantTotal.items.every((i) => i.kind === 'undefined' && i.reason === 'constant-total'),
    ).toBe(true);
  });

  it("uses the critical r of jstat's t quantile and keeps every r in [−1, 1]", () => {
    fc.assert(
      fc.property(matrix, (responses) => {
        const result = likertItemValidity(responses);
        const t = jStat.studentt.inv(0.975, responses.length - 2);
        expect(result.rCritical).toBeCloseTo(t / Math.sqrt(responses.length - 2 + t * t), 6);
        for (const item of result.items) {
          const column = responses.map((row) => row[item.item] as number);
          if (item.kind === 'correlated') {
            expect(Math.abs(item.r)).toBeLessThanOrEqual(1);
            expect(item.pValue).toBeGreaterThanOrEqual(0);
            expect(item.pValue).toBeLessThanOrEqual(1);
          } else if (item.reason === 'constant-item') {
            expect(varies(column)).toBe(false);
          }
        }
      }),
    );
  });

  it('refuses too few respondents or items and bad options with the field', () => {
    expect(() =>
      likertItemValidity([
        [1, 2],
        [2, 3],
      ]),
    ).toThrow('responses: must have at least 3 items, got 2');
    expect(() => likertItemValidity([[1], [2], [3]])).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'responses[0]' }),
    );
    expect(() => likertItemValidity(SURVEY, undefined, { alpha: 1.5 })).toThrow(
      'options.alpha: must be strictly between 0 and 1, got 1.5',
    );
    expect(() => likertItemValidity(SURVEY, undefined, { total: 'rest' as 'corrected' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.total' }),
    );
    expect(() => likertItemValidity(SURVEY, undefined, { minimumCorrelation: 2 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'options.minimumCorrelation' }),
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
            { alpha: nastyNumber, total: nastyValue, minimumCorrelation: nastyNumber },
            { requiredKeys: [] },
          ),
        ),
        (responses, scale, options) => {
          expectFiniteOrGpError(() =>
            likertItemValidity(responses as number[][], scale, options as Record<string, never>),
          );
        },
      ),
    );
  });
});
