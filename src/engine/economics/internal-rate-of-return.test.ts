import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { type InternalRateOfReturn, internalRateOfReturn } from './internal-rate-of-return.js';
import { netPresentValue } from './net-present-value.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

function ratesOf(result: InternalRateOfReturn): readonly number[] {
  if (result.kind === 'unique') return [result.rate];
  if (result.kind === 'multiple') return result.rates;
  return [];
}

/** |NPV(i)| relative to the discounted magnitudes of the flows. */
function relativeResidual(i: number, cf: readonly number[]): number {
  const scale = cf.reduce((sum, c, t) => sum + Math.abs(c) / (1 + i) ** t, 0);
  return Math.abs(netPresentValue(i, cf).netPresentValue) / scale;
}

describe('internalRateOfReturn', () => {
  it('agrees with formulajs IRR on conventional flows (one outflow, then inflows)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 1e7, noNaN: true }),
        fc.array(fc.double({ min: 0.05, max: 0.6, noNaN: true }), { minLength: 1, maxLength: 15 }),
        (investment, shares) => {
          const cf = [-investment, ...shares.map((s) => s * investment)];
          const result = internalRateOfReturn(cf);
          expect(result.kind).toBe('unique');
          const reference = num(formulajs.IRR(cf));
          expect(
            Math.abs((result.kind === 'unique' ? result.rate : Number.NaN) - reference),
          ).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('finds both rates of −100, 230, −132 (10 % and 20 %)', () => {
    // Roots of −100 + 230x − 132x² with x = 1/(1+i): x = 10/11 and 5/6.
    const result = internalRateOfReturn([-100, 230, -132]);
    expect(result.kind).toBe('multiple');
    const [low = 0, high = 0] = ratesOf(result);
    expect(low).toBeCloseTo(0.1, 12);
    expect(high).toBeCloseTo(0.2, 12);
    expect(result.signChanges).toBe(2);
  });

  it('finds 25 % and 400 % in the Lorie–Savage pump problem', () => {
    // Lorie & Savage (1955), "Three problems in rationing capital", J. Business 28(4).
    const rates = ratesOf(internalRateOfReturn([-1600, 10000, -10000]));
    expect(rates).toHaveLength(2);
    expect(rates[0]).toBeCloseTo(0.25, 12);
    expect(rates[1]).toBeCloseTo(4, 11);
  });

  it('reports none when all flows have the same sign', () => {
    expect(internalRateOfReturn([100, 50])).toEqual({
      kind: 'none',
      reason: 'no-sign-change',
      signChanges: 0,
    });
    expect(internalRateOfReturn([0, 0, 0]).kind).toBe('none');
  });

  it('reports none with the reason when the flows change sign but NPV never reaches zero', () => {
    // −100 + 50x − 100x² < 0 for every x > 0.
    expect(internalRateOfReturn([-100, 50, -100])).toEqual({
      kind: 'none',
      reason: 'no-root-found',
      signChanges: 2,
    });
  });

  it('finds rates near the ends of the range, extending above 10 000 %', () => {
    const high = internalRateOfReturn([-1, 1e6]);
    expect(high.kind === 'unique' && high.rate).toBeCloseTo(999_999, 3);
    const low = internalRateOfReturn([-1e9, 1]);
    expect(low.kind === 'unique' && low.rate).toBeCloseTo(-1 + 1e-9, 15);
  });

  it('ignores leading and trailing zero flows', () => {
    const plain = internalRateOfReturn([-100, 110]);
    const padded = internalRateOfReturn([0, -100, 110, 0, 0]);
    expect(plain.kind === 'unique' && plain.rate).toBeCloseTo(0.1, 12);
    expect(padded.kind === 'unique' && padded.rate).toBeCloseTo(0.1, 12);
  });

  it('gives NPV ≈ 0 at every reported rate (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 8 }),
        (cf) => {
          for (const rate of ratesOf(internalRateOfReturn(cf))) {
            expect(relativeResidual(rate, cf)).toBeLessThan(1e-8);
          }
        },
      ),
    );
  });

  it('reports a unique rate whenever the flows change sign exactly once (Descartes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
        (outflows, inflows) => {
          const result = internalRateOfReturn([...outflows.map((o) => -o), ...inflows]);
          expect(result.kind).toBe('unique');
        },
      ),
    );
  });
});

describe('internalRateOfReturn on bad input', () => {
  it('names the offending field', () => {
    expect(() => internalRateOfReturn([])).toThrow('flows: must not be empty');
    expect(() => internalRateOfReturn([-1, Infinity])).toThrow(/^flows\[1\]: must be a finite/);
  });

  it('returns finite data or a GpError for any input, even extreme magnitudes', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 8 })), (cf) => {
        expectFiniteOrGpError(() => internalRateOfReturn(cf as number[]));
      }),
    );
    expectFiniteOrGpError(() => internalRateOfReturn([-1e308, 1e308, 1e308, -5e-324]));
  });
});
