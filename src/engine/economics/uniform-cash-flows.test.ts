import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { uniformCashFlowSeries } from './uniform-cash-flows.js';

describe('uniformCashFlowSeries', () => {
  it('builds −I, then A each year, with salvage added to the last year', () => {
    expect(
      uniformCashFlowSeries({ investment: 100, annualNet: 30, periods: 3, salvage: 10 }),
    ).toEqual([-100, 30, 30, 40]);
    expect(uniformCashFlowSeries({ investment: 0, annualNet: 5, periods: 1 })).toEqual([0, 5]);
  });

  it('builds Case C alternative 1 as −1.2e9 then 714,843,200 for 5 years', () => {
    // Case C (ECCO) §B: 1,016,214,200 − 301,371,000 = 714,843,200 per year.
    expect(
      uniformCashFlowSeries({ investment: 1.2e9, annualNet: 1016214200 - 301371000, periods: 5 }),
    ).toEqual([-1.2e9, 714843200, 714843200, 714843200, 714843200, 714843200]);
  });

  it('names the offending field', () => {
    expect(() => uniformCashFlowSeries({ investment: 1, annualNet: 1, periods: 2.5 })).toThrow(
      'periods: must be a whole number ≥ 1, got 2.5',
    );
    expect(() => uniformCashFlowSeries({ investment: 1, annualNet: 1, periods: 1e9 })).toThrow(
      'periods: must be a whole number between 1 and 10000, got 1000000000',
    );
  });

  it('returns finite flows or a GpError for any input', () => {
    const value = fc.oneof(nastyNumber, nastyValue);
    fc.assert(
      fc.property(
        value,
        value,
        fc.oneof(value, fc.integer({ min: -2, max: 50 })),
        value,
        (i, a, n, s) => {
          expectFiniteOrGpError(() =>
            uniformCashFlowSeries({ investment: i, annualNet: a, periods: n, salvage: s } as never),
          );
        },
      ),
    );
  });
});
