/**
 * Golden values of the statistics chapter: R's documented examples on its built-in data sets.
 * The Green Productivity studies in /work/shared/cases publish no raw data for a correlation or
 * t-test (PT XYZ prints only "positive and significant"), so these textbook data stand in.
 */
import { describe, expect, it } from 'vitest';
import {
  pairedTTest,
  pearsonCorrelation,
  spearmanCorrelation,
  studentTQuantile,
  welchTTest,
} from '../../src/engine/statistics/index.js';

// R datasets::sleep (Cushny & Peebles 1905, as analysed by Student 1908): extra hours of sleep
// of 10 patients with drug 1 (group 1) and drug 2 (group 2).
const DRUG_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

// Hollander & Wolfe (1973), p. 187: the data of R's ?cor.test example.
const HW_X = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const HW_Y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

describe('R reference: the sleep data', () => {
  it('paired t-test: t = −4.0621, df = 9, p-value = 0.002833, 95 % CI −2.4598858 −0.7001142, mean difference −1.58', () => {
    // R: t.test(sleep$extra[1:10], sleep$extra[11:20], paired = TRUE) computes drug 1 − drug 2,
    // which is after − before with before = drug 2, after = drug 1.
    const result = pairedTTest(DRUG_2, DRUG_1);
    expect(result.t).toBeCloseTo(-4.0621, 4);
    expect(result.df).toBe(9);
    expect(result.pValue).toBeCloseTo(0.002833, 6);
    expect(result.confidenceInterval.low).toBeCloseTo(-2.4598858, 7);
    expect(result.confidenceInterval.high).toBeCloseTo(-0.7001142, 7);
    expect(result.meanDifference).toBeCloseTo(-1.58, 12);
  });

  it('Welch two-sample t-test: t = −1.8608, df = 17.776, p-value = 0.07939, 95 % CI −3.3654832 0.2054832', () => {
    // R: t.test(extra ~ group, data = sleep) (Welch is R's default).
    const result = welchTTest(DRUG_1, DRUG_2);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.confidenceInterval.low).toBeCloseTo(-3.3654832, 7);
    expect(result.confidenceInterval.high).toBeCloseTo(0.2054832, 7);
    expect(result.meanX).toBeCloseTo(0.75, 12);
    expect(result.meanY).toBeCloseTo(2.33, 12);
  });
});

describe('R reference: cor.test on the Hollander & Wolfe data', () => {
  it('Pearson: t = 1.8411, df = 7, p-value = 0.1082, cor = 0.5711816', () => {
    const result = pearsonCorrelation(HW_X, HW_Y);
    expect(result.r).toBeCloseTo(0.5711816, 7);
    expect(result.t).toBeCloseTo(1.8411, 4);
    expect(result.df).toBe(7);
    expect(result.pValue).toBeCloseTo(0.1082, 4);
  });

  it('Spearman: S = 48, rho = 0.6', () => {
    // R prints the exact one-sided p (0.0484) for this example; Lestari gives the t approximation
    // (R's exact = FALSE), which the example does not print, so only S and rho are golden here.
    const result = spearmanCorrelation(HW_X, HW_Y);
    expect(result.rho).toBeCloseTo(0.6, 14);
    const n = HW_X.length;
    expect(((n ** 3 - n) * (1 - result.rho)) / 6).toBeCloseTo(48, 10); // S = Σd²
    expect(result.pValueMethod).toBe('t-approximation');
  });
});

describe('t table (Montgomery & Runger, 6th ed., Appendix Table V; R qt)', () => {
  it('gives t_0.025 for 9, 28 and 1 df and t_0.005 for 10 df to the printed digits', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3); // R 2.262157
    expect(studentTQuantile(0.975, 28)).toBeCloseTo(2.048, 3); // R 2.048407
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3); // R 12.7062
    expect(studentTQuantile(0.995, 10)).toBeCloseTo(3.169, 3); // R 3.169273
  });
});
