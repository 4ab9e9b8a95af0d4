import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { NumberOrRange } from '../range.js';
import {
  checkDeviationStandard,
  deviationPerformance,
  performanceAgainst,
  type DeviationLimitKind,
} from './deviation-performance.js';

describe('deviationPerformance', () => {
  // Case A Tabel II: BOD 17.5 against 30 → 41.67 %; COD 61.4 against 50 → −22.8 %.
  it('gives (S − M)/S for an upper limit, negative when the limit is exceeded', () => {
    expectSignificant(deviationPerformance(17.5, 30), 0.41667, 4);
    expectSignificant(deviationPerformance(61.4, 50), -0.228, 4);
    expect(deviationPerformance(61.4, 50, 'upper')).toBeLessThan(0);
  });

  it('gives (M − S)/S for a lower limit such as dissolved oxygen', () => {
    // DO 6 mg/L against a minimum of 4: (6 − 4)/4 = 0.5; 3 mg/L: (3 − 4)/4 = −0.25.
    expect(deviationPerformance(6, 4, 'lower')).toBe(0.5);
    expect(deviationPerformance(3, 4, 'lower')).toBe(-0.25);
  });

  it('scores a range by its nearer side: pH 7.65 in 6–9 gives the paper’s one-sided 0.15', () => {
    // Case A Tabel II declares pH as an upper limit 9: (9 − 7.65)/9 = 0.15.
    expectSignificant(deviationPerformance(7.65, 9), 0.15, 4);
    // As a range: min((9 − 7.65)/9, (7.65 − 6)/6) = min(0.15, 0.275) = 0.15.
    expectSignificant(deviationPerformance(7.65, { low: 6, high: 9 }), 0.15, 4);
    // Below the range: (5 − 6)/6; above it: (9 − 10)/9.
    expect(deviationPerformance(5, { low: 6, high: 9 })).toBeCloseTo(-1 / 6, 12);
    expect(deviationPerformance(10, { low: 6, high: 9 })).toBeCloseTo(-1 / 9, 12);
    expect(deviationPerformance(6, { low: 6, high: 9 })).toBe(0);
    expect(deviationPerformance(9, { low: 6, high: 9 })).toBe(0);
  });

  it('is non-negative inside a range and negative outside, in proportion to the distance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: -2000, max: 4000, noNaN: true }),
        (low, width, measured) => {
          const high = low + width;
          const pi = deviationPerformance(measured, { low, high });
          if (measured >= low && measured <= high) expect(pi).toBeGreaterThanOrEqual(0);
          else expect(pi).toBeLessThan(0);
          if (measured > high) expect(pi).toBeCloseTo((high - measured) / high, 9);
          if (measured < low) expect(pi).toBeCloseTo((measured - low) / low, 9);
        },
      ),
    );
  });

  it('falls as the measured value rises for an upper limit and rises for a lower limit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (standard, a, b) => {
          const [m1, m2] = a <= b ? [a, b] : [b, a];
          expect(deviationPerformance(m2, standard)).toBeLessThanOrEqual(
            deviationPerformance(m1, standard),
          );
          expect(deviationPerformance(m2, standard, 'lower')).toBeGreaterThanOrEqual(
            deviationPerformance(m1, standard, 'lower'),
          );
        },
      ),
    );
  });

  it('refuses a zero or negative standard, naming the field', () => {
    expect(() => deviationPerformance(5, 0)).toThrow('standard: must be > 0, got 0');
    expect(() => deviationPerformance(5, -3, 'lower')).toThrow('standard: must be > 0, got -3');
    expect(() => deviationPerformance(5, { low: 0, high: 9 })).toThrow(
      'standard.low: must be > 0, got 0',
    );
    expect(() => deviationPerformance(5, { low: 9, high: 6 })).toThrow(
      /^standard: range low \(9\) must be ≤ high \(6\)/,
    );
  });

  it('refuses a limit kind that does not fit the standard', () => {
    expect(() => deviationPerformance(5, { low: 6, high: 9 }, 'upper')).toThrow(
      /^limitKind: a range standard is two-sided/,
    );
    expect(() => deviationPerformance(5, 9, 'range')).toThrow(/^limitKind: 'range' needs/);
    expect(() => deviationPerformance(5, 9, 'max' as DeviationLimitKind)).toThrow(
      /^limitKind: must be 'upper', 'lower' or 'range'/,
    );
    expect(checkDeviationStandard({ low: 6, high: 9 }, 'range')).toEqual({
      kind: 'range',
      low: 6,
      high: 9,
    });
  });

  it('refuses an overflowing Pi instead of returning Infinity', () => {
    expect(() => deviationPerformance(-1e308, 1e-300)).toThrow(/^measured:/);
    expect(() =>
      performanceAgainst(1e308, { kind: 'upper', value: 1e-300 }, 'parameters[1].measured'),
    ).toThrow(/^parameters\[1\]\.measured: result is not a finite number/);
  });

  it('returns a finite Pi or a GpError for any input', () => {
    fc.assert(
      fc.property(
        nastyValue,
        fc.oneof(nastyValue, fc.record({ low: nastyNumber, high: nastyNumber })),
        fc.constantFrom('upper', 'lower', 'range', undefined, 'bogus', 4),
        (measured, standard, kind) => {
          expectFiniteOrGpError(() =>
            deviationPerformance(
              measured as number,
              standard as NumberOrRange,
              kind as DeviationLimitKind,
            ),
          );
        },
      ),
    );
  });
});
