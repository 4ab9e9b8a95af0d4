import fc from 'fast-check';
import { tTestTwoSample } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { beforeAfterComparison, type BeforeAfterObservation } from './before-after.js';

// R datasets::sleep (Cushny & Peebles 1905): extra hours of sleep with drug 1 and drug 2.
const DRUG_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

/** Monthly observations from January 2019 (1st of the month, 00:00 WIB). */
const monthly = (values: readonly number[], intervention?: readonly number[]) =>
  values.map((value, i): BeforeAfterObservation => ({
    timeMs: monthStart(i),
    value,
    ...(intervention === undefined ? {} : { intervention: intervention[i] as number }),
  }));
/** The start of month i from January 2019, WIB. */
const monthStart = (i: number) => Date.UTC(2019, i, 1) - 7 * 3_600_000;
const JANUARY_2020 = monthStart(12);

describe('beforeAfterComparison', () => {
  it('reproduces R’s Welch test on the sleep data with drug 2 before and drug 1 after', () => {
    // R: t.test(extra ~ group, data = sleep) computes group 1 − group 2 = after − before here:
    // t = −1.8608, df = 17.776, p-value = 0.07939, 95 % CI −3.3654832 0.2054832.
    const r = beforeAfterComparison(monthly([...DRUG_2, ...DRUG_1]), monthStart(10));
    expect([r.nBefore, r.nAfter]).toEqual([10, 10]);
    expect(r.meanBefore).toBeCloseTo(2.33, 12);
    expect(r.meanAfter).toBeCloseTo(0.75, 12);
    expect(r.change).toBeCloseTo(-1.58, 12);
    expect(r.welch.t).toBeCloseTo(-1.8608, 4);
    expect(r.welch.df).toBeCloseTo(17.776, 3);
    expect(r.welch.pValue).toBeCloseTo(0.07939, 5);
    expect(r.welch.confidenceInterval.low).toBeCloseTo(-3.3654832, 7);
    expect(r.welch.confidenceInterval.high).toBeCloseTo(0.2054832, 7);
    expect(r.significant).toBe(false);
  });

  it('gives, for a 0/1 step, the point-biserial r whose t is Student’s pooled t (R var.equal = TRUE)', () => {
    // R: t.test(extra ~ group, data = sleep, var.equal = TRUE): t = −1.8608, df = 18, p-value = 0.07919,
    // so r = t / √(t² + df) = −0.40166 (cor.test on the group indicator gives the same t and p).
    const r = beforeAfterComparison(monthly([...DRUG_2, ...DRUG_1]), monthStart(10));
    expect(r.intervention).toBe('step');
    expect(r.correlation.r).toBeCloseTo(-0.40166, 5);
    expect(r.correlation.t).toBeCloseTo(-1.8608, 4);
    expect(r.correlation.df).toBe(18);
    expect(r.correlation.pValue).toBeCloseTo(0.07919, 5);
  });

  it('gives the change of PT XYZ’s outlet COD, 458.70 → 153.22 mg/L, −66.60 %, as significant', () => {
    // The abstract publishes only the two means and "a positive and significant correlation"
    // between the programme's success and the fall in COD. These monthly series are constructed
    // (deviations summing to 0) to have exactly those means; only the means and the change are
    // published values, the t and r below are this series'.
    const before = [-30, 25, -12, 40, -8, 15, -22, 5, 18, -35, 10, -6].map((d) => 458.7 + d);
    const after = [12, -20, 8, -5, 15, -10, 3, -9, 6, -4, 11, -7].map((d) => 153.22 + d);
    const r = beforeAfterComparison(monthly([...before, ...after]), JANUARY_2020);
    expectSignificant(r.meanBefore, 458.7, 5);
    expectSignificant(r.meanAfter, 153.22, 5);
    expectSignificant(r.changePercent as number, -66.6, 4); // (153.22 − 458.70) / 458.70
    expect(r.significant).toBe(true);
    // COD falls as the programme comes in: a negative r with the intervention, i.e. a positive
    // correlation between the programme and the reduction, significant at 5 %.
    expect(r.correlation.r).toBeLessThan(0);
    expect(r.correlationSignificant).toBe(true);
  });

  it('correlates with a given intervention series instead of the step', () => {
    const values = [460, 455, 470, 450, 300, 250, 200, 160, 150, 155];
    const progress = [0, 0, 0, 0, 0.3, 0.5, 0.7, 0.9, 1, 1];
    const r = beforeAfterComparison(monthly(values, progress), monthStart(4));
    expect(r.intervention).toBe('given');
    expect([r.nBefore, r.nAfter]).toEqual([4, 6]);
    expect(r.correlation.r).toBeLessThan(-0.95);
  });

  it('counts an observation at the implementation instant as after', () => {
    const r = beforeAfterComparison(
      [
        { timeMs: 0, value: 1 },
        { timeMs: 1, value: 2 },
        { timeMs: 2, value: 3 },
        { timeMs: 3, value: 5 },
      ],
      2,
    );
    expect([r.meanBefore, r.meanAfter, r.change, r.changePercent]).toEqual([
      1.5,
      4,
      2.5,
      (2.5 / 1.5) * 100,
    ]);
  });

  it('has, for any two groups, the point-biserial t equal to the pooled two-sample t', () => {
    const group = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 15 });
    fc.assert(
      fc.property(group, group, (b, a) => {
        const values = [...b, ...a];
        fc.pre(values.some((v) => v !== values[0]));
        const r = beforeAfterComparison(
          values.map((value, i) => ({ timeMs: i, value })),
          b.length,
        );
        const pooled = tTestTwoSample(a, b, 0) as number;
        expect(r.correlation.t).toBeCloseTo(pooled, 8);
        expect(r.change).toBeCloseTo(r.meanAfter - r.meanBefore, 9);
      }),
    );
  });

  it('names the field of bad input', () => {
    const ok = monthly([1, 2, 3, 4]);
    expect(() => beforeAfterComparison(ok, monthStart(1))).toThrow(
      'series: needs at least 2 observations before the implementation date, got 1',
    );
    expect(() =>
      beforeAfterComparison(
        [...ok.slice(0, 3), { timeMs: ok[3]?.timeMs as number, value: NaN }],
        JANUARY_2020,
      ),
    ).toThrow(/^series\[3\]\.value: must be a finite number/);
    expect(() =>
      beforeAfterComparison(
        [{ ...(ok[0] as BeforeAfterObservation), intervention: 0 }, ...ok.slice(1)],
        monthStart(2),
      ),
    ).toThrow(/^series\[1\]\.intervention: give an intervention for every observation or for none/);
    expect(() => beforeAfterComparison(monthly([5, 5, 5, 5]), monthStart(2))).toThrow(
      expect.objectContaining({ code: 'UNDEFINED_RESULT', field: 'series' }),
    );
    expect(() => beforeAfterComparison(ok, monthStart(2), { alpha: 2 })).toThrow(
      /^settings\.alpha:/,
    );
    expect(() => beforeAfterComparison(ok.slice(0, 3), 0)).toThrow(
      'series: must have at least 4 items, got 3',
    );
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(
            fc.record({
              timeMs: fc.oneof(fc.integer({ min: 0, max: 10 }), nastyNumber),
              value: nastyNumber,
              intervention: fc.oneof(fc.constant(undefined), nastyNumber),
            }),
            { maxLength: 8 },
          ),
        ),
        fc.oneof(fc.integer({ min: 0, max: 10 }), nastyNumber),
        fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({ alpha: nastyValue, confidenceLevel: nastyValue }),
        ),
        (series, implementation, settings) => {
          expectFiniteOrGpError(() =>
            beforeAfterComparison(
              series as BeforeAfterObservation[],
              implementation,
              settings as never,
            ),
          );
        },
      ),
    );
  });
});
