import fc from 'fast-check';
import { tTestTwoSample } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { welchTTest } from './welch-t-test.js';

const DRUG_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

const group = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 });
const varies = (values: readonly number[]) => values.some((v) => v !== values[0]);

describe('welchTTest', () => {
  it('reproduces R t.test(extra ~ group, data = sleep): t = −1.8608, df = 17.776, p = 0.07939, CI −3.3654832 … 0.2054832', () => {
    const result = welchTTest(DRUG_1, DRUG_2);
    expect(result.meanX).toBeCloseTo(0.75, 14);
    expect(result.meanY).toBeCloseTo(2.33, 14);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.confidenceInterval.low).toBeCloseTo(-3.3654832, 7);
    expect(result.confidenceInterval.high).toBeCloseTo(0.2054832, 7);
  });

  it("gives Student's pooled df n_x + n_y − 2 when sizes and variances are equal", () => {
    const result = welchTTest([1, 2, 3, 4], [2, 3, 4, 5]);
    expect(result.df).toBeCloseTo(6, 12);
    // With equal sizes Welch's t equals Student's, as simple-statistics' pooled tTestTwoSample.
    expect(result.t).toBeCloseTo(tTestTwoSample([1, 2, 3, 4], [2, 3, 4, 5], 0) as number, 12);
  });

  it('keeps df between min(n) − 1 and n_x + n_y − 2, and p in [0, 1]', () => {
    fc.assert(
      fc.property(group, group, (x, y) => {
        fc.pre(varies(x) || varies(y));
        const result = welchTTest(x, y);
        expect(result.df).toBeGreaterThanOrEqual(Math.min(x.length, y.length) - 1 - 1e-9);
        expect(result.df).toBeLessThanOrEqual(x.length + y.length - 2 + 1e-9);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('accepts one constant group, and refuses two', () => {
    expect(welchTTest([5, 5, 5], [1, 2, 3]).df).toBeCloseTo(2, 12);
    expect(() => welchTTest([5, 5], [1, 1])).toThrow(
      'both groups are constant (no variance), so the t statistic is undefined',
    );
    expect(() => welchTTest([5], [1, 2])).toThrow(
      expect.objectContaining({ code: 'EMPTY', field: 'x' }),
    );
    expect(() => welchTTest([5, 6], [1, 2], 0)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'confidenceLevel' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 5 })),
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 5 })),
        nastyNumber,
        (x, y, level) => {
          expectFiniteOrGpError(() => welchTTest(x as number[], y as number[]));
          expectFiniteOrGpError(() => welchTTest(x as number[], y as number[], level));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(nastyNumber, { minLength: 2, maxLength: 3 }),
        fc.array(nastyNumber, { minLength: 2, maxLength: 3 }),
        (x, y) => {
          expectFiniteOrGpError(() => welchTTest(x, y));
        },
      ),
    );
  });
});
