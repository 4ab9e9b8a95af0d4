import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import {
  type InterestFactorNotation,
  annualGivenFutureFactor,
  annualGivenPresentFactor,
  futureGivenAnnualFactor,
  futureGivenPresentFactor,
  interestFactor,
  presentGivenAnnualFactor,
  presentGivenFutureFactor,
} from './interest-factors.js';

/** formulajs returns an Error object instead of throwing; tests need the number. */
function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

const rate = fc.double({ min: -0.95, max: 3, noNaN: true });
const positiveRate = fc.double({ min: 0.001, max: 3, noNaN: true });
const periods = fc.integer({ min: 1, max: 60 });

describe('interest factors against spreadsheet finance functions (formulajs PV, FV, PMT)', () => {
  it('give (A/P,10%,5) = 0.263797 and (A/P,10%,10) = 0.162745 as Case A uses them', () => {
    // Case A (CV. ABC) section D; spreadsheet: −PMT(10%, 5, 1), −PMT(10%, 10, 1).
    expectRelative(annualGivenPresentFactor(0.1, 5), -num(formulajs.PMT(0.1, 5, 1)), 1e-12);
    expectRelative(annualGivenPresentFactor(0.1, 10), -num(formulajs.PMT(0.1, 10, 1)), 1e-12);
    expect(annualGivenPresentFactor(0.1, 5)).toBeCloseTo(0.263797, 6);
    expect(annualGivenPresentFactor(0.1, 10)).toBeCloseTo(0.162745, 6);
  });

  it('match PV, FV and PMT for every factor over ordinary rates and lives', () => {
    fc.assert(
      fc.property(positiveRate, periods, (i, n) => {
        expectRelative(presentGivenFutureFactor(i, n), -num(formulajs.PV(i, n, 0, 1)), 1e-9);
        expectRelative(futureGivenPresentFactor(i, n), -num(formulajs.FV(i, n, 0, 1)), 1e-9);
        expectRelative(presentGivenAnnualFactor(i, n), -num(formulajs.PV(i, n, 1)), 1e-9);
        expectRelative(annualGivenPresentFactor(i, n), -num(formulajs.PMT(i, n, 1)), 1e-9);
        expectRelative(futureGivenAnnualFactor(i, n), -num(formulajs.FV(i, n, 1, 0)), 1e-9);
        expectRelative(annualGivenFutureFactor(i, n), -num(formulajs.PMT(i, n, 0, 1)), 1e-9);
      }),
    );
  });

  it('accept a non-integer number of periods, as PV with a fractional NPER does', () => {
    expectRelative(presentGivenAnnualFactor(0.08, 7.5), -num(formulajs.PV(0.08, 7.5, 1)), 1e-12);
    expectRelative(futureGivenPresentFactor(0.08, 2.25), 1.08 ** 2.25, 1e-12);
  });

  it('take the i = 0 limits: P/A = F/A = n, A/P = A/F = 1/n, P/F = F/P = 1', () => {
    expect(presentGivenAnnualFactor(0, 7)).toBe(7);
    expect(futureGivenAnnualFactor(0, 7)).toBe(7);
    expectRelative(annualGivenPresentFactor(0, 8), 1 / 8, 1e-15);
    expectRelative(annualGivenFutureFactor(0, 8), 1 / 8, 1e-15);
    expect(presentGivenFutureFactor(0, 8)).toBe(1);
    expect(futureGivenPresentFactor(0, 8)).toBe(1);
  });

  it('approach the i = 0 limits continuously for tiny rates (no cancellation)', () => {
    for (const tiny of [1e-9, 1e-12, -1e-12, 1e-300, 5e-324]) {
      expectRelative(presentGivenAnnualFactor(tiny, 10), 10, 1e-8);
      expectRelative(futureGivenAnnualFactor(tiny, 10), 10, 1e-8);
      expectRelative(annualGivenPresentFactor(tiny, 10), 0.1, 1e-8);
    }
    // Second-order check against the series P/A ≈ n − n(n+1)i/2.
    expectRelative(presentGivenAnnualFactor(1e-6, 10), 10 - (10 * 11 * 1e-6) / 2, 1e-10);
  });

  it('give zero-period values P/A = F/A = 0 and P/F = F/P = 1', () => {
    expect(presentGivenAnnualFactor(0.1, 0)).toBe(0);
    expect(futureGivenAnnualFactor(0.1, 0)).toBe(0);
    expect(presentGivenFutureFactor(0.1, 0)).toBe(1);
  });

  it('handle negative rates above −100 % (P/A > n)', () => {
    expectRelative(presentGivenAnnualFactor(-0.2, 3), (1 - 0.8 ** -3) / -0.2, 1e-12);
    expect(presentGivenAnnualFactor(-0.2, 3)).toBeGreaterThan(3);
  });

  it('dispatch by notation', () => {
    const all: InterestFactorNotation[] = ['P/F', 'F/P', 'A/P', 'P/A', 'A/F', 'F/A'];
    const direct = [
      presentGivenFutureFactor,
      futureGivenPresentFactor,
      annualGivenPresentFactor,
      presentGivenAnnualFactor,
      annualGivenFutureFactor,
      futureGivenAnnualFactor,
    ];
    all.forEach((notation, k) =>
      expect(interestFactor(notation, 0.15, 5)).toBe(direct[k]?.(0.15, 5)),
    );
  });
});

describe('interest factor identities (properties)', () => {
  it('(A/P) = 1/(P/A) and (A/F) = 1/(F/A)', () => {
    fc.assert(
      fc.property(rate, fc.double({ min: 0.01, max: 100, noNaN: true }), (i, n) => {
        expectRelative(annualGivenPresentFactor(i, n) * presentGivenAnnualFactor(i, n), 1, 1e-12);
        expectRelative(annualGivenFutureFactor(i, n) * futureGivenAnnualFactor(i, n), 1, 1e-12);
      }),
    );
  });

  it('(F/P)·(P/F) = 1', () => {
    fc.assert(
      fc.property(rate, fc.double({ min: 0, max: 100, noNaN: true }), (i, n) => {
        expectRelative(futureGivenPresentFactor(i, n) * presentGivenFutureFactor(i, n), 1, 1e-12);
      }),
    );
  });

  it('(A/P) = (A/F) + i', () => {
    fc.assert(
      fc.property(rate, periods, (i, n) => {
        const lhs = annualGivenPresentFactor(i, n);
        expect(Math.abs(lhs - (annualGivenFutureFactor(i, n) + i))).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(lhs)),
        );
      }),
    );
  });
});

describe('interest factors on bad input', () => {
  it('refuse a rate at or below −100 % and a negative life, naming the field', () => {
    expect(() => presentGivenFutureFactor(-1, 5)).toThrow('rate: must be > -1 (−100 %), got -1');
    expect(() => presentGivenAnnualFactor(0.1, -1)).toThrow('periods: must be ≥ 0, got -1');
    expect(() => annualGivenPresentFactor(0.1, 0)).toThrow('periods: must be > 0, got 0');
    expect(() => annualGivenFutureFactor(0.1, Number.NaN)).toThrow(/^periods: must be a finite/);
  });

  it('throw UNDEFINED_RESULT on overflow instead of returning Infinity', () => {
    const error = expectFiniteOrGpError(() => futureGivenPresentFactor(1e6, 1e6));
    expect(error).toBeInstanceOf(GpError);
    expect((error as GpError).code).toBe('UNDEFINED_RESULT');
    expect(() => presentGivenFutureFactor(-0.999999, 1e4)).toThrow(GpError);
  });

  it('reject an unknown notation', () => {
    expect(() => interestFactor('G/P' as InterestFactorNotation, 0.1, 5)).toThrow(
      /^notation: must be one of/,
    );
  });

  it('return a finite number or a GpError for any input', () => {
    const all = [
      presentGivenFutureFactor,
      futureGivenPresentFactor,
      annualGivenPresentFactor,
      presentGivenAnnualFactor,
      annualGivenFutureFactor,
      futureGivenAnnualFactor,
    ];
    fc.assert(
      fc.property(fc.oneof(nastyNumber, nastyValue), fc.oneof(nastyNumber, nastyValue), (i, n) => {
        for (const factor of all) expectFiniteOrGpError(() => factor(i as number, n as number));
        expectFiniteOrGpError(() => interestFactor('A/P', i as number, n as number));
      }),
    );
  });
});
