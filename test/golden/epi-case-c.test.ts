/**
 * Case C, PT ECCO Tannery Indonesia (ecco-tannery-waste-reduction.md): EPI by the deviation
 * method, Tabel 6 (standard: Keputusan Gubernur Jatim 45/2002). "< x" results are computed with
 * the limit x, the default policy; the EPI is then a lower bound.
 */
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../support/close.js';
import { deviationEpi, type DeviationParameter } from '../../src/engine/epi/index.js';
import { expectPrinted } from './epi-printed.js';

const below = (value: number) => ({ value, qualifier: '<' as const });

const tabel6: DeviationParameter[] = [
  { name: 'BOD5', weight: 2.45, standard: 100, measured: 20 },
  { name: 'COD', weight: 2.1, standard: 250, measured: 54 },
  { name: 'TSS', weight: 2.4, standard: 100, measured: 20 },
  { name: 'Cr total', weight: 2.8, standard: 0.5, measured: below(0.0072) },
  { name: 'Oil & grease', weight: 1.9, standard: 5, measured: below(0.5) },
  { name: 'NH3', weight: 3.15, standard: 10, measured: 0.58 },
  { name: 'Sulfide', weight: 3.55, standard: 0.8, measured: below(0.001) },
  { name: 'Hg (sludge)', weight: 3.15, standard: 0.2, measured: below(0.0014) },
  { name: 'Pb (sludge)', weight: 2.35, standard: 5, measured: 0.1988 },
  { name: 'Cd (sludge)', weight: 2.95, standard: 1, measured: 0.0152 },
  { name: 'Cr (sludge)', weight: 2.25, standard: 5, measured: 0.4984 },
  { name: 'Cu (sludge)', weight: 2.4, standard: 10, measured: 0.1004 },
];

describe('Case C Tabel 6: EPI by the deviation method with "< x" results', () => {
  const r = deviationEpi(tabel6);
  const correctPi = [
    0.8, 0.784, 0.8, 0.9856, 0.9, 0.942, 0.99875, 0.993, 0.96024, 0.9848, 0.90032, 0.98996,
  ];
  const correctTerm = [
    1.96, 1.6464, 1.92, 2.7597, 1.71, 2.9673, 3.5456, 3.1279, 2.2566, 2.9052, 2.0257, 2.3759,
  ];
  // As printed: Pi in % (a trailing zero as in "99.90 %" and "98.50 %" is read as 1 decimal),
  // terms with 2 decimals.
  const printedPi: [number, number][] = [
    [80, 0],
    [78, 0],
    [80, 0],
    [99, 0],
    [90, 0],
    [94, 0],
    [99.9, 1],
    [99, 0],
    [96, 0],
    [98.5, 1],
    [90, 0],
    [99, 0],
  ];
  const printedTerm = [1.96, 1.65, 1.92, 2.76, 1.71, 2.97, 3.55, 3.13, 2.26, 2.91, 2.03, 2.38];

  it('reproduces every Pi and Wi·Pi, computing "< x" with x', () => {
    r.terms.forEach((t, i) => {
      expectSignificant(t.performance, correctPi[i] as number, 4);
      expectSignificant(t.term, correctTerm[i] as number, 4);
      const [pi, decimals] = printedPi[i] as [number, number];
      expectPrinted(t.performance * 100, pi, decimals);
      expectPrinted(t.term, printedTerm[i] as number, 2);
    });
  });

  it('gives the total 29.2002, printed 29.20', () => {
    expectSignificant(r.total, 29.2002, 4);
    expectPrinted(r.total, 29.2, 2);
  });

  it('marks the four "< x" terms and the total as lower bounds on the true values', () => {
    expect(r.terms.map((t) => t.bound)).toEqual([
      'exact',
      'exact',
      'exact',
      'atLeast',
      'atLeast',
      'exact',
      'atLeast',
      'atLeast',
      'exact',
      'exact',
      'exact',
      'exact',
    ]);
    expect(r.bound).toBe('atLeast');
    expect(r.interval.low).toBe(r.total);
    // At most every "< x" parameter scores Pi = 1: 29.2002 + 2.8·0.0144 + 1.9·0.1 + 3.55·0.00125 + 3.15·0.007.
    expect(r.interval.high).toBeCloseTo(
      r.total + 2.8 * 0.0144 + 1.9 * 0.1 + 3.55 * 0.00125 + 3.15 * 0.007,
      9,
    );
  });

  it('gives a higher estimate with the half-the-limit policy, marked as an estimate', () => {
    const half = deviationEpi(tabel6, { belowDetectionLimit: 'half' });
    expect(half.total).toBeGreaterThan(r.total);
    expect(half.bound).toBe('estimate');
  });
});
