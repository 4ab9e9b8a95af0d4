import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import {
  greenProductivityIndex,
  greenProductivityIndexChange,
} from './green-productivity-index.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('greenProductivityIndex', () => {
  it('divides productivity by environmental impact', () => {
    expect(greenProductivityIndex({ productivity: 1.5, environmentalImpact: 3 }).index).toBe(0.5);
  });

  it('refuses a zero impact and a zero productivity', () => {
    expect(failure(() => greenProductivityIndex({ productivity: 1, environmentalImpact: 0 }))).toBe(
      'OUT_OF_RANGE state.environmentalImpact: must be > 0, got 0',
    );
    expect(
      failure(() => greenProductivityIndex({ productivity: 0, environmentalImpact: 1 })),
    ).toMatch(/^OUT_OF_RANGE state\.productivity:/);
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, (productivity, environmentalImpact) => {
        expectFiniteOrGpError(() => greenProductivityIndex({ productivity, environmentalImpact }));
      }),
    );
  });
});

describe('greenProductivityIndexChange', () => {
  it('splits the index change into its productivity and impact changes', () => {
    const result = greenProductivityIndexChange(
      { productivity: 1.2, environmentalImpact: 100 },
      { productivity: 1.32, environmentalImpact: 80 },
    );
    expectSignificant(result.index.relativeChangePercent, (1.32 / 80 / (1.2 / 100) - 1) * 100, 12);
    expectSignificant(result.productivity.relativeChangePercent, 10, 12);
    expectSignificant(result.environmentalImpact.relativeChangePercent, -20, 12);
    // (1 + Δp)(1 − Δe)⁻¹ − 1: a 10 % productivity rise and a 20 % impact fall give +37.5 %.
    expectSignificant(result.index.relativeChangePercent, 37.5, 12);
  });

  it('names the state with bad data', () => {
    expect(
      failure(() =>
        greenProductivityIndexChange(
          { productivity: 1, environmentalImpact: 1 },
          { productivity: 1, environmentalImpact: -1 },
        ),
      ),
    ).toBe('OUT_OF_RANGE after.environmentalImpact: must be > 0, got -1');
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyNumber, nastyNumber, (a, b, c, d) => {
        expectFiniteOrGpError(() =>
          greenProductivityIndexChange(
            { productivity: a, environmentalImpact: b },
            { productivity: c, environmentalImpact: d },
          ),
        );
      }),
    );
  });
});
