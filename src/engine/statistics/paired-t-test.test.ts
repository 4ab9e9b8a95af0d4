import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { pairedTTest } from './paired-t-test.js';
import { studentTTwoSidedPValue } from './student-t.js';
import { sampleStandardDeviation } from 'simple-statistics';

// R's sleep data (Cushny & Peebles 1905, via Student 1908): extra sleep with drug 1 and drug 2.
const DRUG_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('pairedTTest', () => {
  it('reproduces R t.test(drug 1, drug 2, paired = TRUE): t = −4.0621, df = 9, p = 0.002833, CI −2.4598858 … −0.7001142', () => {
    // R computes x − y = drug 1 − drug 2; here that is after − before with before = drug 2.
    const result = pairedTTest(DRUG_2, DRUG_1);
    expect(result.meanDifference).toBeCloseTo(-1.58, 12);
    expect(result.t).toBeCloseTo(-4.0621, 4);
    expect(result.df).toBe(9);
    expect(result.pValue).toBeCloseTo(0.002833, 6);
    expect(result.confidenceInterval.low).toBeCloseTo(-2.4598858, 7);
    expect(result.confidenceInterval.high).toBeCloseTo(-0.7001142, 7);
    expect(result.confidenceLevel).toBe(0.95);
  });

  it('reports a decrease after as a negative difference, and swapping the series flips only the signs', () => {
    const forward = pairedTTest(DRUG_1, DRUG_2);
    const backward = pairedTTest(DRUG_2, DRUG_1);
    expect(forward.t).toBeCloseTo(-backward.t, 12);
    expect(forward.pValue).toBeCloseTo(backward.pValue, 14);
    expect(forward.confidenceInterval.low).toBeCloseTo(-backward.confidenceInterval.high, 12);
  });

  it('shows its working: differences, their sd (as simple-statistics) and the standard error', () => {
    const result = pairedTTest([10, 12, 9, 11], [8, 11, 9, 8]);
    expect(result.differences).toEqual([-2, -1, 0, -3]);
    expect(result.standardDeviation).toBeCloseTo(sampleStandardDeviation([-2, -1, 0, -3]), 14);
    expect(result.standardError).toBeCloseTo(result.standardDeviation / 2, 14);
    expect(result.pValue).toBeCloseTo(studentTTwoSidedPValue(result.t, 3), 14);
  });

  it('has a p-value in [0, 1] and an interval around the mean difference', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([before, after]) => {
          const differences = after.map((a, i) => a - (before[i] as number));
          fc.pre(differences.some((d) => d !== differences[0]));
          const result = pairedTTest(before, after);
          expect(result.pValue).toBeGreaterThanOrEqual(0);
          expect(result.pValue).toBeLessThanOrEqual(1);
          expect(result.confidenceInterval.low).toBeLessThanOrEqual(result.meanDifference);
          expect(result.confidenceInterval.high).toBeGreaterThanOrEqual(result.meanDifference);
        },
      ),
    );
  });

  it('refuses constant differences, mismatched lengths and bad levels with the field', () => {
    expect(() => pairedTTest([1, 2, 3], [2, 3, 4])).toThrow(
      'after: every difference after − before equals 1, so the t statistic is undefined',
    );
    expect(() => pairedTTest([1, 2, 3], [1, 2])).toThrow(
      expect.objectContaining({ code: 'DIMENSION_MISMATCH', field: 'after' }),
    );
    expect(() => pairedTTest([1], [2])).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'before' }),
    );
    expect(() => pairedTTest([1, 2], [3, 5], 1)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'confidenceLevel' }),
    );
    expect(() => pairedTTest([-1e308, 0], [1e308, 1])).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'after[0]' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 5 })),
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 5 })),
        nastyNumber,
        (before, after, level) => {
          expectFiniteOrGpError(() => pairedTTest(before as number[], after as number[]));
          expectFiniteOrGpError(() => pairedTTest(before as number[], after as number[], level));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(nastyNumber, { minLength: 3, maxLength: 3 }),
        fc.array(nastyNumber, { minLength: 3, maxLength: 3 }),
        (before, after) => {
          expectFiniteOrGpError(() => pairedTTest(before, after));
        },
      ),
    );
  });
});
