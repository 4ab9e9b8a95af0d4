/**
 * Case A, CV. ABC (cv-abc-wood-green-productivity.md): EPI by the deviation method, Tabel II,
 * and the estimated EPI after alternative 2 (DAF), Tabel IV. Standard: PerGub Jatim 72/2013.
 */
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../support/close.js';
import { deviationEpiAfterOption } from '../../src/engine/effects/epi-after-option.js';
import {
  deviationEpi,
  deviationPerformance,
  type DeviationParameter,
} from '../../src/engine/epi/index.js';
import { expectNotPrinted, expectPrinted } from './epi-printed.js';

const tabelII: DeviationParameter[] = [
  { id: 'bod', name: 'BOD', weight: 4.1, standard: 30, measured: 17.5 },
  { id: 'cod', name: 'COD', weight: 4.565, standard: 50, measured: 61.4 },
  { id: 'tss', name: 'TSS', weight: 4.03, standard: 50, measured: 38 },
  { id: 'og', name: 'Oil & grease', weight: 4.565, standard: 10, measured: 12 },
  // The paper treats pH as a one-sided upper limit 9.
  { id: 'ph', name: 'pH', weight: 4.065, standard: 9, measured: 7.65 },
];

describe('Case A Tabel II: EPI by the deviation method', () => {
  const r = deviationEpi(tabelII);
  const correctPi = [0.41667, -0.228, 0.24, -0.2, 0.15];
  const correctTerm = [1.7083, -1.0408, 0.9672, -0.913, 0.6098];
  // As printed: Pi in %, 2 decimals (41.67 %) or fewer; Wi·Pi with 2 decimals.
  const printedPi: [number, number][] = [
    [41.67, 2],
    [-22.8, 1],
    [24, 0],
    [-20, 0],
    [15, 0],
  ];
  const printedTerm = [1.71, -1.04, 0.97, -0.91, 0.61];

  it('reproduces every Pi and Wi·Pi, and the paper prints them right', () => {
    r.terms.forEach((t, i) => {
      expectSignificant(t.performance, correctPi[i] as number, 4);
      expectSignificant(t.term, correctTerm[i] as number, 4);
      const [pi, decimals] = printedPi[i] as [number, number];
      expectPrinted(t.performance * 100, pi, decimals);
      expectPrinted(t.term, printedTerm[i] as number, 2);
    });
  });

  it('gives the total 1.3315', () => {
    expectSignificant(r.total, 1.3315, 4);
    expect(r.bound).toBe('exact');
  });

  it('differs from the printed totals 1.34 (table) and 1.75 (text): errata', () => {
    // Erratum: 1.34 is the sum of the terms rounded to 2 decimals; the total rounds to 1.33.
    expectNotPrinted(r.total, 1.34, 2);
    expectPrinted(
      printedTerm.reduce((s, x) => s + x, 0),
      1.34,
      2,
    );
    // Erratum: the text of section G says the EPI was 1.75.
    expectNotPrinted(r.total, 1.75, 2);
  });

  it('gives the same pH Pi when pH is declared as its real range 6–9', () => {
    expectSignificant(deviationPerformance(7.65, { low: 6, high: 9 }), 0.15, 4);
  });
});

describe('Case A Tabel IV: estimated EPI after the DAF', () => {
  const daf = { bod: 0.8, cod: 0.8, tss: 0.7, og: 0.98 };
  const r = deviationEpiAfterOption(tabelII, daf);
  const concentration = [3.5, 12.28, 11.4, 0.24, 7.65];
  const correctPi = [0.88333, 0.7544, 0.772, 0.976, 0.15];
  const correctTerm = [3.6217, 3.4438, 3.1112, 4.4554, 0.6098];

  it('reproduces the concentrations, Pi and Wi·Pi after the removals', () => {
    r.after.terms.forEach((t, i) => {
      expectSignificant(t.measured.value, concentration[i] as number, 4);
      expectSignificant(t.performance, correctPi[i] as number, 4);
      expectSignificant(t.term, correctTerm[i] as number, 4);
    });
  });

  it('agrees with the printed Pi and terms except oil & grease', () => {
    const printedPi: [number, number][] = [
      [88.33, 2],
      [75.44, 2],
      [77.2, 1],
      [15, 0],
    ];
    const printedTerm = [3.62, 3.44, 3.11, 0.61];
    [0, 1, 2, 4].forEach((row, k) => {
      const t = r.after.terms[row];
      const [pi, decimals] = printedPi[k] as [number, number];
      expectPrinted((t?.performance as number) * 100, pi, decimals);
      expectPrinted(t?.term as number, printedTerm[k] as number, 2);
    });
  });

  it('differs from the printed oil & grease Pi 97.3 % and term 4.44: erratum (correct 97.6 %, 4.4554)', () => {
    const og = r.after.terms[3];
    expectNotPrinted((og?.performance as number) * 100, 97.3, 1);
    expectNotPrinted(og?.term as number, 4.44, 2);
  });

  it('gives the total 15.2419 and the increase 13.9104', () => {
    expectSignificant(r.after.total, 15.2419, 4);
    expectSignificant(r.change.absolute, 13.9104, 4);
  });

  it('differs from the printed total 15.22 (text 14.81) and increase 13.88: errata', () => {
    expectNotPrinted(r.after.total, 15.22, 2);
    expectNotPrinted(r.after.total, 14.81, 2);
    expectNotPrinted(r.change.absolute, 13.88, 2);
  });
});
