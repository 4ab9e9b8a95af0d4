import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { factorAsUsed, roundInterestFactor } from './factor-rounding.js';

describe('roundInterestFactor', () => {
  it('rounds to the decimals a printed table shows', () => {
    // Case C (ECCO): Rp 1,2 Milyar × (A/P,15%,5) = Rp 357.960.000, i.e. the factor 0.2983.
    expect(roundInterestFactor(0.29831555246152835, 4)).toBe(0.2983);
    // Case A (CV. ABC): 73,360,000 × (A/P,10%,5) = 19,352,368, i.e. 0.2638.
    expect(roundInterestFactor(0.2637974807947454, 4)).toBe(0.2638);
    expect(roundInterestFactor(0.16274539488251163, 4)).toBe(0.1627);
  });

  it('rounds halves away from zero and leaves huge values alone', () => {
    expect(roundInterestFactor(0.125, 2)).toBe(0.13);
    expect(roundInterestFactor(-0.125, 2)).toBe(-0.13);
    expect(roundInterestFactor(1e300, 4)).toBe(1e300);
  });

  it('moves a value by at most half a unit in the last decimal (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        (v, k) => {
          expect(Math.abs(roundInterestFactor(v, k) - v)).toBeLessThanOrEqual(
            0.5 * 10 ** -k + 1e-12,
          );
        },
      ),
    );
  });

  it('passes the exact factor through when no decimals are asked for', () => {
    expect(factorAsUsed(0.2637974807947454, undefined)).toBe(0.2637974807947454);
    expect(factorAsUsed(0.2637974807947454, 4)).toBe(0.2638);
  });

  it('names the offending field and never returns a non-finite value', () => {
    expect(() => roundInterestFactor(0.5, 16)).toThrow(
      'decimals: must be a whole number between 0 and 15, got 16',
    );
    expect(() => roundInterestFactor(Number.NaN, 4)).toThrow(/^value: must be a finite/);
    fc.assert(
      fc.property(
        fc.oneof(nastyNumber, nastyValue),
        fc.oneof(nastyNumber, nastyValue, fc.constant(undefined)),
        (v, k) => {
          expectFiniteOrGpError(() => roundInterestFactor(v as number, k as number));
          expectFiniteOrGpError(() => factorAsUsed(v as number, k as number));
        },
      ),
    );
  });
});
