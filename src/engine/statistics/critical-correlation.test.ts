import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { correlationSignificance } from './correlation-significance.js';
import { criticalCorrelation } from './critical-correlation.js';

describe('criticalCorrelation', () => {
  it('gives the r tabel of Indonesian questionnaire studies: n = 30 → 0.3610, n = 20 → 0.4438 (α = 0.05, two-sided)', () => {
    // "Tabel r product moment" (df = n − 2, two-tailed 0.05): df 28 → 0.3610, df 18 → 0.4438;
    // Fisher & Yates, Statistical Tables, Table VII: 0.361 and 0.444.
    expect(criticalCorrelation(30).rCritical).toBeCloseTo(0.361, 4);
    expect(criticalCorrelation(20).rCritical).toBeCloseTo(0.4438, 4);
    const n30 = criticalCorrelation(30);
    expect(n30).toMatchObject({ n: 30, df: 28, alpha: 0.05, tails: 'two-sided' });
    expect(n30.tCritical).toBeCloseTo(2.048407, 6); // R qt(0.975, 28)
  });

  it('is the r whose correlation test has p = α exactly', () => {
    fc.assert(
      // α ≥ 0.001: for smaller α and n = 3, r_crit lies so close to 1 that r itself cannot carry p's digits.
      fc.property(
        fc.integer({ min: 3, max: 5000 }),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        (n, alpha) => {
          const { rCritical } = criticalCorrelation(n, alpha);
          expect(Math.abs(correlationSignificance(rCritical, n).pValue - alpha)).toBeLessThan(
            1e-8 * alpha,
          );
        },
      ),
    );
  });

  it("agrees with r = t / √(df + t²) from jstat quantiles (to jstat's 1e-7)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 500 }), (n) => {
        const t = jStat.studentt.inv(0.975, n - 2);
        expect(criticalCorrelation(n).rCritical).toBeCloseTo(t / Math.sqrt(n - 2 + t * t), 7);
      }),
    );
  });

  it('decreases as the number of respondents grows, and with a looser α', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (n, more) => {
          expect(criticalCorrelation(n + more).rCritical).toBeLessThan(
            criticalCorrelation(n).rCritical,
          );
          expect(criticalCorrelation(n, 0.1).rCritical).toBeLessThan(
            criticalCorrelation(n, 0.05).rCritical,
          );
        },
      ),
    );
  });

  it('offers the one-sided column: n = 30 → 0.3061', () => {
    expect(criticalCorrelation(30, 0.05, 'one-sided').rCritical).toBeCloseTo(0.3061, 4);
  });

  it('stays below 1 for a tiny α', () => {
    const strict = criticalCorrelation(3, 1e-300);
    expect(strict.rCritical).toBeLessThanOrEqual(1);
    expect(Number.isFinite(strict.tCritical)).toBe(true);
  });

  it('refuses n below 3, α outside (0, 1) and unknown tails', () => {
    expect(() => criticalCorrelation(2)).toThrow('n: must be a whole number ≥ 3, got 2');
    expect(() => criticalCorrelation(30, 0)).toThrow(
      'alpha: must be strictly between 0 and 1, got 0',
    );
    expect(() => criticalCorrelation(30, 0.05, 'both' as 'two-sided')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'tails' }),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyValue, (n, alpha, tails) => {
        expectFiniteOrGpError(() => criticalCorrelation(n, alpha, tails as 'two-sided'));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 1e9 }), nastyNumber, (n, alpha) => {
        expectFiniteOrGpError(() => criticalCorrelation(n, alpha));
      }),
    );
  });
});
