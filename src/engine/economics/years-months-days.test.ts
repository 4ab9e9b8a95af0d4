import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { splitYearsMonthsDays } from './years-months-days.js';

describe('splitYearsMonthsDays (12 months of 30 days)', () => {
  it('splits fractional years into whole years, months and rounded days', () => {
    // 2.6 years = 2 years + 7.2 months = 2 years 7 months 6 days.
    expect(splitYearsMonthsDays(2.6)).toEqual({ years: 2, months: 7, days: 6 });
    expect(splitYearsMonthsDays(1.25)).toEqual({ years: 1, months: 3, days: 0 });
    expect(splitYearsMonthsDays(0)).toEqual({ years: 0, months: 0, days: 0 });
  });

  it('is not fooled by binary fractions (2.1 years is 2 years 1 month 6 days)', () => {
    expect(splitYearsMonthsDays(2.1)).toEqual({ years: 2, months: 1, days: 6 });
  });

  it('carries 30 days into a month and 12 months into a year', () => {
    expect(splitYearsMonthsDays(1.9999999)).toEqual({ years: 2, months: 0, days: 0 });
    expect(splitYearsMonthsDays(1 / 12 - 1e-9)).toEqual({ years: 0, months: 1, days: 0 });
  });

  it('keeps months in 0…11 and days in 0…29, and recomposes to within half a day', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (t) => {
        const { years, months, days } = splitYearsMonthsDays(t);
        expect(months).toBeGreaterThanOrEqual(0);
        expect(months).toBeLessThan(12);
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThan(30);
        expect(Math.abs(years + months / 12 + days / 360 - t)).toBeLessThanOrEqual(
          0.5 / 360 + 1e-9,
        );
      }),
    );
  });

  it('refuses negative durations and returns numbers or a GpError for any input', () => {
    expect(() => splitYearsMonthsDays(-1)).toThrow('years: must be ≥ 0, got -1');
    fc.assert(
      fc.property(fc.oneof(nastyNumber, nastyValue), (t) => {
        expectFiniteOrGpError(() => splitYearsMonthsDays(t as number));
      }),
    );
  });
});
