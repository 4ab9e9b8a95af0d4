import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { netPresentValue, netPresentValueExcel } from './net-present-value.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

const rate = fc.double({ min: -0.9, max: 5, noNaN: true });
const flow = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const flows = fc.array(flow, { minLength: 2, maxLength: 30 });

/** A scale for comparing an NPV: the sum of the discounted magnitudes. */
function magnitude(i: number, cf: readonly number[]): number {
  return cf.reduce((sum, c, t) => sum + Math.abs(c) / (1 + i) ** t, 0);
}

describe('netPresentValue (t = 0 undiscounted)', () => {
  it('equals CF_0 + Excel NPV(i, CF_1 … CF_n) (formulajs)', () => {
    fc.assert(
      fc.property(rate, flows, (i, cf) => {
        const [c0 = 0, ...rest] = cf;
        const expected = c0 + num(formulajs.NPV(i, ...rest));
        const actual = netPresentValue(i, cf).netPresentValue;
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * magnitude(i, cf) + 1e-9);
      }),
    );
  });

  it('shows each discounted term, the first undiscounted', () => {
    const result = netPresentValue(0.1, [-100, 60, 60]);
    expect(result.terms[0]).toEqual({
      period: 0,
      flow: -100,
      discountFactor: 1,
      presentValue: -100,
    });
    expectRelative(result.terms[2]?.discountFactor ?? 0, 1 / 1.21, 1e-15);
    // Hand check: −100 + 60/1.1 + 60/1.21.
    expectRelative(result.netPresentValue, -100 + 60 / 1.1 + 60 / 1.21, 1e-14);
  });

  it('at i = 0 is the plain sum of the flows', () => {
    expect(netPresentValue(0, [-100, 30, 40, 50]).netPresentValue).toBe(20);
  });

  it('decreases as the rate rises for a conventional investment (outflow, then inflows)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        rate,
        rate,
        (investment, inflows, a, b) => {
          const cf = [-investment, ...inflows];
          const [low, high] = a <= b ? [a, b] : [b, a];
          const atLow = netPresentValue(low, cf).netPresentValue;
          const atHigh = netPresentValue(high, cf).netPresentValue;
          expect(atHigh).toBeLessThanOrEqual(atLow + 1e-9 * magnitude(low, cf));
        },
      ),
    );
  });
});

describe('netPresentValueExcel (first value discounted one period)', () => {
  it('equals formulajs NPV', () => {
    fc.assert(
      fc.property(rate, flows, (i, cf) => {
        const expected = num(formulajs.NPV(i, ...cf));
        const actual = netPresentValueExcel(i, cf).netPresentValue;
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * magnitude(i, cf) + 1e-9);
      }),
    );
  });

  it('relates to the engineering NPV by one period of discounting', () => {
    const cf = [-100, 60, 60];
    expectRelative(
      netPresentValueExcel(0.1, cf).netPresentValue,
      netPresentValue(0.1, cf).netPresentValue / 1.1,
      1e-14,
    );
  });
});

describe('NPV on bad input', () => {
  it('names the offending field', () => {
    expect(() => netPresentValue(-1, [1])).toThrow('rate: must be > -1 (−100 %), got -1');
    expect(() => netPresentValue(0.1, [])).toThrow('flows: must not be empty');
    expect(() => netPresentValue(0.1, [1, Number.NaN])).toThrow(/^flows\[1\]: must be a finite/);
    expect(() => netPresentValue(-0.9999999, Array(200).fill(1))).toThrow(/^rate: discount factor/);
  });

  it('returns finite values or a GpError for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyNumber, nastyValue),
        fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 8 })),
        (i, cf) => {
          expectFiniteOrGpError(() => netPresentValue(i as number, cf as number[]));
          expectFiniteOrGpError(() => netPresentValueExcel(i as number, cf as number[]));
        },
      ),
    );
  });
});
