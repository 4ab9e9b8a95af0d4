import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { incrementalInternalRateOfReturn } from './incremental-rate-of-return.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

describe('incrementalInternalRateOfReturn', () => {
  it('subtracts the lower-investment flows from the higher and compares the rate with the MARR', () => {
    const result = incrementalInternalRateOfReturn({
      first: [-1000, 500, 500, 500],
      second: [-1500, 700, 700, 700],
      marr: 0.1,
    });
    expect(result.higherInvestment).toBe('second');
    expect(result.incrementalFlows).toEqual([-500, 200, 200, 200]);
    // Spreadsheet reference: IRR(−500, 200, 200, 200) ≈ 9.7 % < 10 %.
    const reference = num(formulajs.IRR([-500, 200, 200, 200]));
    expect(result.incrementalRate.kind === 'unique' && result.incrementalRate.rate).toBeCloseTo(
      reference,
      8,
    );
    expect(result.basis).toBe('incremental-irr');
    expect(result.chosen).toBe('first');
  });

  it('orders the alternatives by investment whichever is given first', () => {
    const a = [-1500, 700, 700, 700];
    const b = [-1000, 500, 500, 500];
    const result = incrementalInternalRateOfReturn({ first: a, second: b, marr: 0.05 });
    expect(result.higherInvestment).toBe('first');
    expect(result.incrementalFlows).toEqual([-500, 200, 200, 200]);
    expect(result.chosen).toBe('first');
  });

  it('falls back to the incremental NPV at the MARR when the increment has several rates', () => {
    const result = incrementalInternalRateOfReturn({
      first: [-100, 0, 0],
      second: [-200, 230, -132],
      marr: 0.15,
    });
    expect(result.incrementalRate.kind).toBe('multiple');
    expect(result.basis).toBe('incremental-npv');
    // ΔNPV(15 %) = −100 + 230/1.15 − 132/1.3225 > 0 (between the rates 10 % and 20 %).
    expect(result.incrementalNetPresentValue).toBeCloseTo(-100 + 230 / 1.15 - 132 / 1.3225, 9);
    expect(result.chosen).toBe('second');
  });

  it('agrees with the incremental NPV decision for conventional increments (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (base, extra, pairs, marr) => {
          const low = [-base, ...pairs.map(([a]) => a)];
          const high = [-(base + extra), ...pairs.map(([a, b]) => a + b + 1)];
          const result = incrementalInternalRateOfReturn({ first: low, second: high, marr });
          expect(result.basis).toBe('incremental-irr');
          const byNpv = result.incrementalNetPresentValue >= 0 ? 'second' : 'first';
          if (Math.abs(result.incrementalNetPresentValue) > 1e-6) expect(result.chosen).toBe(byNpv);
        },
      ),
    );
  });

  it('refuses series of different lengths and names the fields', () => {
    expect(() =>
      incrementalInternalRateOfReturn({ first: [-1, 2], second: [-2, 3, 4], marr: 0.1 }),
    ).toThrow('second: must have as many periods as first (2), got 3');
    expect(() =>
      incrementalInternalRateOfReturn({ first: [-1, 2], second: [-2, 3], marr: -2 }),
    ).toThrow(/^marr: must be > -1/);
    expect(() =>
      incrementalInternalRateOfReturn({ first: [], second: [-2, 3], marr: 0.1 }),
    ).toThrow('first: must not be empty');
  });

  it('returns finite data or a GpError for any input', () => {
    const series = fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 6 }));
    fc.assert(
      fc.property(series, series, fc.oneof(nastyNumber, nastyValue), (first, second, marr) => {
        expectFiniteOrGpError(() =>
          incrementalInternalRateOfReturn({ first, second, marr } as never),
        );
      }),
    );
    fc.assert(
      fc.property(nastyValue, (input) => {
        expectFiniteOrGpError(() => incrementalInternalRateOfReturn(input as never));
      }),
    );
  });
});
