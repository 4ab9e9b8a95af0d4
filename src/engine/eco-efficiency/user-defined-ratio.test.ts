import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { userDefinedRatio, userDefinedRatioChange } from './user-defined-ratio.js';
import type { UserRatioDefinition, UserRatioState } from './user-defined-ratio.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const water: UserRatioDefinition = {
  numeratorName: 'product',
  denominatorName: 'water used',
  numeratorUnit: 't',
  denominatorUnit: 'm³',
};

describe('userDefinedRatio', () => {
  it('divides the named numerator by the named denominator', () => {
    const result = userDefinedRatio(water, { numerator: 110, denominator: 200 });
    expect(result).toEqual({
      kind: 'computed',
      name: 'product ÷ water used',
      unit: 't/m³',
      numerator: 110,
      denominator: 200,
      ratio: 0.55,
    });
    expect(userDefinedRatio(water, { ratio: 0.55 })).toMatchObject({ kind: 'given', ratio: 0.55 });
  });

  it('refuses a zero denominator, both forms at once and empty names', () => {
    expect(failure(() => userDefinedRatio(water, { numerator: 1, denominator: 0 }))).toBe(
      'UNDEFINED_RESULT state.denominator: division by zero',
    );
    expect(
      failure(() =>
        userDefinedRatio(water, {
          numerator: 1,
          denominator: 2,
          ratio: 3,
        } as unknown as UserRatioState),
      ),
    ).toMatch(/^INVALID_INPUT state: must have either/);
    expect(failure(() => userDefinedRatio({ ...water, numeratorName: '' }, { ratio: 1 }))).toMatch(
      /^INVALID_INPUT definition\.numeratorName:/,
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        fc.oneof(fc.constant(undefined), nastyNumber),
        (numerator, denominator, ratio) => {
          const state = { numerator, denominator, ratio } as unknown as UserRatioState;
          expectFiniteOrGpError(() => userDefinedRatio(water, state));
          expectFiniteOrGpError(() => userDefinedRatio(water, { ratio: numerator }));
        },
      ),
    );
  });
});

describe('userDefinedRatioChange', () => {
  it('compares two states of the same ratio', () => {
    const result = userDefinedRatioChange(
      water,
      { numerator: 110, denominator: 200 },
      { numerator: 112, denominator: 200 },
    );
    expect(result.name).toBe('product ÷ water used');
    expectSignificant(result.change.change, 0.01, 9);
    expectSignificant(result.change.relativeChangePercent, (0.56 / 0.55 - 1) * 100, 9);
  });

  it('names the state whose data is bad', () => {
    expect(
      failure(() =>
        userDefinedRatioChange(water, { ratio: 0.5 }, { numerator: 1, denominator: 0 }),
      ),
    ).toBe('UNDEFINED_RESULT after.denominator: division by zero');
    expect(failure(() => userDefinedRatioChange(water, { ratio: 0 }, { ratio: 1 }))).toMatch(
      /^UNDEFINED_RESULT before:/,
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyValue, (a, b, c) => {
        expectFiniteOrGpError(() => userDefinedRatioChange(water, { ratio: a }, { ratio: b }));
        expectFiniteOrGpError(() =>
          userDefinedRatioChange(water, c as UserRatioState, { ratio: b }),
        );
      }),
    );
  });
});
