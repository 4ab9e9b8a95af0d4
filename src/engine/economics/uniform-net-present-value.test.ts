import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { netPresentValue } from './net-present-value.js';
import { uniformCashFlowSeries } from './uniform-cash-flows.js';
import { uniformNetPresentValue } from './uniform-net-present-value.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

const alternative = fc.record({
  investment: fc.integer({ min: 0, max: 1e10 }),
  annualBenefit: fc.integer({ min: 0, max: 1e9 }),
  annualCost: fc.integer({ min: 0, max: 1e9 }),
  salvage: fc.integer({ min: -1e8, max: 1e8 }),
  rate: fc.oneof(
    fc.double({ min: -0.9, max: 2, noNaN: true }),
    fc.double({ min: -1e-9, max: 1e-9, noNaN: true }),
    fc.constant(0),
  ),
  life: fc.integer({ min: 1, max: 60 }),
});

describe('uniformNetPresentValue', () => {
  it('reproduces −100 now and 60 at the end of years 1 and 2 at 10 % (Excel: −100 + NPV(10 %, 60, 60))', () => {
    const result = uniformNetPresentValue({
      investment: 100,
      annualBenefit: 60,
      annualCost: 0,
      rate: 0.1,
      life: 2,
    });
    const spreadsheet = -100 + num(formulajs.NPV(0.1, 60, 60));
    expect(result.netPresentValue).toBeCloseTo(spreadsheet, 12);
    expect(result.netPresentValue).toBeCloseTo(4.132231404958678, 12);
    expect(result.presentWorthFactor).toBeCloseTo(num(formulajs.PV(0.1, 2, -1)), 14);
  });

  it('equals the spreadsheet NPV of the uniform flows with salvage in the last year', () => {
    fc.assert(
      fc.property(alternative, (a) => {
        fc.pre(a.rate > 0.001);
        const net = a.annualBenefit - a.annualCost;
        const flows = Array.from({ length: a.life }, (_, k) =>
          k === a.life - 1 ? net + a.salvage : net,
        );
        const expected = -a.investment + num(formulajs.NPV(a.rate, ...flows));
        const scale =
          a.investment + (a.annualBenefit + a.annualCost + Math.abs(a.salvage)) * a.life;
        expect(Math.abs(uniformNetPresentValue(a).netPresentValue - expected)).toBeLessThanOrEqual(
          1e-9 * scale + 1e-9,
        );
      }),
    );
  });

  it('agrees with the year-by-year discounted sum of uniformCashFlowSeries to rounding, at any rate > −100 %', () => {
    fc.assert(
      fc.property(alternative, (a) => {
        const flows = uniformCashFlowSeries({
          investment: a.investment,
          annualNet: a.annualBenefit - a.annualCost,
          periods: a.life,
          salvage: a.salvage,
        });
        const byYear = netPresentValue(a.rate, flows);
        const closed = uniformNetPresentValue(a).netPresentValue;
        // The largest discounted term bounds both sums' rounding.
        const scale = byYear.terms.reduce((m, t) => Math.max(m, Math.abs(t.presentValue)), 0);
        expect(Math.abs(closed - byYear.netPresentValue)).toBeLessThanOrEqual(
          1e-13 * scale * a.life + 1e-300,
        );
      }),
    );
  });

  it('never falls with more annual benefit nor rises with more investment', () => {
    fc.assert(
      fc.property(alternative, fc.integer({ min: 1, max: 1e8 }), (a, more) => {
        const base = uniformNetPresentValue(a).netPresentValue;
        expect(
          uniformNetPresentValue({ ...a, annualBenefit: a.annualBenefit + more }).netPresentValue,
        ).toBeGreaterThanOrEqual(base);
        expect(
          uniformNetPresentValue({ ...a, investment: a.investment + more }).netPresentValue,
        ).toBeLessThanOrEqual(base);
      }),
    );
  });

  it('names the field of a bad input', () => {
    const good = { investment: 100, annualBenefit: 60, annualCost: 0, rate: 0.1, life: 2 };
    const field = (input: unknown) => {
      try {
        uniformNetPresentValue(input as never);
      } catch (error) {
        if (error instanceof GpError) return error.field;
        throw error;
      }
      return 'no error';
    };
    expect(field({ ...good, life: 0 })).toBe('life');
    expect(field({ ...good, rate: -1 })).toBe('rate');
    expect(field({ ...good, investment: -5 })).toBe('investment');
    expect(field({ ...good, salvage: Number.NaN })).toBe('salvage');
    expect(field({ ...good, rate: -0.999999, life: 1e6 })).toBe('life');
  });

  it('returns finite numbers or a GpError for any input', () => {
    const value = fc.oneof(nastyNumber, nastyValue);
    fc.assert(
      fc.property(
        fc.record({
          investment: value,
          annualBenefit: value,
          annualCost: value,
          rate: value,
          life: value,
          salvage: value,
        }),
        (input) => void expectFiniteOrGpError(() => uniformNetPresentValue(input as never)),
      ),
    );
  });
});
