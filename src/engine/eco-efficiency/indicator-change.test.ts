import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { indicatorChange, relativeCostChange } from './indicator-change.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('indicatorChange', () => {
  it('gives the PT XYZ water eco-efficiency change 0.55 → 0.56 as +0.01, +1.82 %', () => {
    const change = indicatorChange(0.55, 0.56);
    expectSignificant(change.change, 0.01, 9);
    expectSignificant(change.relativeChangePercent, (0.01 / 0.55) * 100, 9);
    expect(change.direction).toBe('increase');
  });

  it('measures the relative change from |before|, so a rise is positive even from a negative value', () => {
    expect(indicatorChange(-2, -1).relativeChangePercent).toBe(50);
    expect(indicatorChange(4, 4).direction).toBe('unchanged');
  });

  it('refuses a zero first value and non-finite values', () => {
    expect(failure(() => indicatorChange(0, 1))).toBe(
      'UNDEFINED_RESULT before: is 0: no change relative to it',
    );
    expect(failure(() => indicatorChange(1, Infinity))).toMatch(/^NOT_FINITE after:/);
    expect(failure(() => indicatorChange(-1e308, 1e308))).toMatch(/^UNDEFINED_RESULT after:/);
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        (a, b) => void expectFiniteOrGpError(() => indicatorChange(a, b)),
      ),
    );
  });
});

describe('relativeCostChange', () => {
  it('expresses a saving as a negative percentage (PT XYZ: treatment cost −21 %)', () => {
    const change = relativeCostChange(100, 79);
    expect(change.relativeChangePercent).toBeCloseTo(-21, 12);
    expect(change.direction).toBe('decrease');
  });

  it('refuses a cost before of 0 and a negative cost', () => {
    expect(failure(() => relativeCostChange(0, 5))).toBe('OUT_OF_RANGE before: must be > 0, got 0');
    expect(failure(() => relativeCostChange(5, -1))).toBe(
      'OUT_OF_RANGE after: must be ≥ 0, got -1',
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        (a, b) => void expectFiniteOrGpError(() => relativeCostChange(a, b)),
      ),
    );
  });
});
