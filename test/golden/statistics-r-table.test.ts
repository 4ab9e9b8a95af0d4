/**
 * Golden values: the critical r ("r tabel") that Indonesian questionnaire studies, such as the
 * CV. ABC study's validity test (§II.F: "r kritis pada taraf signifikansi 0,05"), compare item
 * correlations with.
 */
import { describe, expect, it } from 'vitest';
import { criticalCorrelation } from '../../src/engine/statistics/index.js';

describe('r tabel (Pearson product moment, α = 0.05)', () => {
  it('matches the Indonesian four-decimal table: n = 20 → 0.4438, n = 30 → 0.3610 (two-tailed)', () => {
    // Tabel r product moment, df = n − 2: df 18 → 0.4438, df 28 → 0.3610.
    expect(criticalCorrelation(20).rCritical).toBeCloseTo(0.4438, 4);
    expect(criticalCorrelation(30).rCritical).toBeCloseTo(0.361, 4);
  });

  it('matches its one-tailed column: n = 20 → 0.3783, n = 30 → 0.3061', () => {
    expect(criticalCorrelation(20, 0.05, 'one-sided').rCritical).toBeCloseTo(0.3783, 4);
    expect(criticalCorrelation(30, 0.05, 'one-sided').rCritical).toBeCloseTo(0.3061, 4);
  });

  it('matches Fisher & Yates, Statistical Tables, Table VII, at α = 0.05 and 0.01 (three decimals)', () => {
    const table: readonly (readonly [number, number, number])[] = [
      // [df, r at 0.05, r at 0.01]
      [1, 0.997, 1.0],
      [2, 0.95, 0.99],
      [3, 0.878, 0.959],
      [4, 0.811, 0.917],
      [5, 0.754, 0.875],
      [10, 0.576, 0.708],
      [18, 0.444, 0.561],
      [20, 0.423, 0.537],
      [28, 0.361, 0.463],
      [30, 0.349, 0.449],
      [50, 0.273, 0.354],
      [100, 0.195, 0.254],
    ];
    for (const [df, at05, at01] of table) {
      expect(criticalCorrelation(df + 2, 0.05).rCritical, `df ${df}, 0.05`).toBeCloseTo(at05, 3);
      expect(criticalCorrelation(df + 2, 0.01).rCritical, `df ${df}, 0.01`).toBeCloseTo(at01, 3);
    }
  });
});
