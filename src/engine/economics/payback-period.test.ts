import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  discountedPaybackPeriod,
  simplePaybackPeriod,
  uniformPaybackPeriod,
} from './payback-period.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

/** Reference: cumulative discounted flows from formulajs NPV, crossing found by hand. */
function referencePayback(rate: number, flows: readonly number[]): number | 'never' {
  const cumulative = flows.map((_, t) =>
    t === 0
      ? (flows[0] ?? 0)
      : (flows[0] ?? 0) + num(formulajs.NPV(rate, ...flows.slice(1, t + 1))),
  );
  for (let t = 1; t < cumulative.length; t++) {
    const before = cumulative[t - 1] ?? 0;
    const after = cumulative[t] ?? 0;
    if (before < 0 && after >= 0) return t - 1 + -before / (after - before);
  }
  return 'never';
}

describe('simplePaybackPeriod', () => {
  it('interpolates linearly within the year of recovery', () => {
    // Cumulative −1000, −700, −300, +200: 2 years + 300/500 of the third.
    const result = simplePaybackPeriod([-1000, 300, 400, 500]);
    expect(result.kind).toBe('recovered');
    if (result.kind !== 'recovered') return;
    expectRelative(result.years, 2 + 300 / 500, 1e-15);
    expect(result.recoveryYear).toBe(3);
    expect(result.duration).toEqual({ years: 2, months: 7, days: 6 });
    expect(result.cumulative).toEqual([-1000, -700, -300, 200]);
  });

  it('reports never, not a number, when the investment is not recovered', () => {
    const result = simplePaybackPeriod([-1000, 300, 300, 300]);
    expect(result.kind).toBe('never');
    expect(result.kind === 'never' && result.reason).toBe('not-recovered-within-flows');
  });

  it('gives 0 when there is nothing to recover, and flags a later fall below zero', () => {
    expect(simplePaybackPeriod([0, 100])).toMatchObject({
      kind: 'recovered',
      years: 0,
      recoveryYear: 0,
    });
    const dip = simplePaybackPeriod([-100, 150, -200, 300]);
    expect(dip).toMatchObject({ kind: 'recovered', recoveryYear: 1, fallsBelowZeroAgain: true });
  });

  it('recovers within n years exactly when some cumulative flow is ≥ 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.integer({ min: -1e5, max: 1e6 }), { minLength: 1, maxLength: 15 }),
        (investment, later) => {
          const flows = [-investment, ...later];
          const result = simplePaybackPeriod(flows);
          let running = 0;
          const reaches = flows.some((f) => (running += f) >= 0);
          expect(result.kind === 'recovered').toBe(reaches);
          if (result.kind === 'recovered') {
            expect(result.years).toBeGreaterThan(0);
            expect(result.years).toBeLessThanOrEqual(later.length);
          }
        },
      ),
    );
  });
});

describe('discountedPaybackPeriod', () => {
  it('matches a reference built from formulajs NPV of the cumulative flows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.integer({ min: -1e5, max: 1e6 }), { minLength: 1, maxLength: 12 }),
        (rate, investment, later) => {
          const flows = [-investment, ...later];
          const expected = referencePayback(rate, flows);
          const result = discountedPaybackPeriod(rate, flows);
          if (expected === 'never') {
            expect(result.kind).toBe('never');
          } else {
            expect(result.kind).toBe('recovered');
            if (result.kind === 'recovered') expect(result.years).toBeCloseTo(expected, 9);
          }
        },
      ),
    );
  });

  it('is never shorter than the simple payback at a positive rate', () => {
    const flows = [-1000, 500, 500, 500];
    const simple = simplePaybackPeriod(flows);
    const discounted = discountedPaybackPeriod(0.1, flows);
    expect(simple.kind === 'recovered' && discounted.kind === 'recovered').toBe(true);
    if (simple.kind === 'recovered' && discounted.kind === 'recovered') {
      expect(discounted.years).toBeGreaterThan(simple.years);
    }
  });
});

describe('uniformPaybackPeriod', () => {
  it('gives I/A for the simple case (formulajs NPER at 0 %)', () => {
    const result = uniformPaybackPeriod({ investment: 73360000, annualNet: 53760000 });
    expect(result.kind).toBe('recovered');
    if (result.kind === 'recovered') {
      expectRelative(result.years, num(formulajs.NPER(0, 53760000, -73360000)), 1e-12);
    }
  });

  it('equals the discounted payback of the series [−I, A, A, …] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (investment, annualNet, rate) => {
          const result = uniformPaybackPeriod({ investment, annualNet, rate });
          const series = [-investment, ...Array.from({ length: 60 }, () => annualNet)];
          const reference = discountedPaybackPeriod(rate, series);
          if (reference.kind === 'recovered') {
            expect(result.kind).toBe('recovered');
            if (result.kind === 'recovered') {
              expect(Math.abs(result.years - reference.years)).toBeLessThan(1e-9 * reference.years);
            }
          } else if (result.kind === 'recovered') {
            expect(result.years).toBeGreaterThan(59);
          }
        },
      ),
    );
  });

  it('is not shorter than the continuous-time NPER and lies in the same year (formulajs NPER)', () => {
    const result = uniformPaybackPeriod({ investment: 1000, annualNet: 300, rate: 0.1 });
    const nper = num(formulajs.NPER(0.1, 300, -1000));
    expect(result.kind === 'recovered' && result.years).toBeGreaterThanOrEqual(nper);
    expect(result.kind === 'recovered' && Math.ceil(result.years)).toBe(Math.ceil(nper));
  });

  it('reports never with a reason for no inflow, interest above the inflow, or beyond the life', () => {
    expect(uniformPaybackPeriod({ investment: 100, annualNet: 0 })).toEqual({
      kind: 'never',
      reason: 'no-net-inflow',
    });
    expect(uniformPaybackPeriod({ investment: 100, annualNet: 10, rate: 0.1 })).toEqual({
      kind: 'never',
      reason: 'interest-exceeds-net-inflow',
    });
    expect(uniformPaybackPeriod({ investment: 100, annualNet: 10, life: 5 })).toEqual({
      kind: 'never',
      reason: 'beyond-life',
    });
    expect(uniformPaybackPeriod({ investment: 0, annualNet: -5 }).kind).toBe('recovered');
  });

  it('names the offending field', () => {
    expect(() => uniformPaybackPeriod({ investment: -1, annualNet: 5 })).toThrow(
      'investment: must be ≥ 0, got -1',
    );
    expect(() => uniformPaybackPeriod({ investment: 1, annualNet: 5, life: 0 })).toThrow(
      'life: must be > 0, got 0',
    );
    expect(() => simplePaybackPeriod([])).toThrow('flows: must not be empty');
  });
});

describe('payback on bad input', () => {
  it('returns finite data or a GpError for any input', () => {
    const value = fc.oneof(nastyNumber, nastyValue);
    const series = fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 8 }));
    fc.assert(
      fc.property(
        value,
        series,
        value,
        value,
        value,
        (rate, flows, investment, annualNet, life) => {
          expectFiniteOrGpError(() => simplePaybackPeriod(flows as never));
          expectFiniteOrGpError(() => discountedPaybackPeriod(rate as never, flows as never));
          expectFiniteOrGpError(() =>
            uniformPaybackPeriod({ investment, annualNet, rate, life } as never),
          );
        },
      ),
    );
    expectFiniteOrGpError(() =>
      uniformPaybackPeriod({ investment: 1e300, annualNet: 1e-300, rate: 0.5 }),
    );
    expectFiniteOrGpError(() => uniformPaybackPeriod({ investment: 1e300, annualNet: 1e-300 }));
    expectFiniteOrGpError(() =>
      uniformPaybackPeriod({ investment: 1e308, annualNet: 1, rate: -0.9 }),
    );
    expectFiniteOrGpError(() => uniformPaybackPeriod(null as never));
  });
});
