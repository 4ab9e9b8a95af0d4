import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import {
  renameErrorField,
  requireCashFlows,
  requireFactorDecimals,
  requireInputObject,
  requireInterestRate,
} from './economic-inputs.js';

describe('economics input guards', () => {
  it('accept rates above −100 % and refuse the rest', () => {
    expect(requireInterestRate(-0.5, 'rate')).toBe(-0.5);
    expect(() => requireInterestRate(-1, 'marr')).toThrow('marr: must be > -1 (−100 %), got -1');
    expect(() => requireInterestRate('0.1', 'rate')).toThrow(/^rate: must be a number/);
  });

  it('check every flow and report its index', () => {
    expect(requireCashFlows([-1, 2], 'flows')).toEqual([-1, 2]);
    expect(() => requireCashFlows([1, null], 'flows')).toThrow(/^flows\[1\]: must be a number/);
    expect(() => requireCashFlows('x', 'flows')).toThrow(/^flows: must be a list/);
  });

  it('accept an absent or whole factorDecimals in 0…15', () => {
    expect(requireFactorDecimals(undefined, 'd')).toBeUndefined();
    expect(requireFactorDecimals(0, 'd')).toBe(0);
    expect(() => requireFactorDecimals(-1, 'd')).toThrow(/^d: must be a whole number/);
  });

  it('refuse inputs that are not objects', () => {
    expect(() => requireInputObject([], '')).toThrow('must be an object');
    expect(() => requireInputObject(null, 'input')).toThrow('input: must be an object');
  });

  it('rename an error field, including indexed paths', () => {
    const rename = (field: string) => {
      try {
        renameErrorField({ flows: 'benefits', periods: 'life' }, () => {
          throw new GpError('NOT_FINITE', field, 'x');
        });
      } catch (error) {
        return (error as GpError).field;
      }
      return 'none';
    };
    expect(rename('flows[3]')).toBe('benefits[3]');
    expect(rename('periods')).toBe('life');
    expect(rename('flowsX')).toBe('flowsX');
    expect(rename('rate')).toBe('rate');
  });

  it('return a value or a GpError for any input', () => {
    fc.assert(
      fc.property(fc.oneof(nastyNumber, nastyValue), (v) => {
        expectFiniteOrGpError(() => requireInterestRate(v, 'rate'));
        expectFiniteOrGpError(() => requireCashFlows(v, 'flows'));
        expectFiniteOrGpError(() => requireFactorDecimals(v, 'd'));
        expectFiniteOrGpError(() => requireInputObject(v, ''));
      }),
    );
  });
});
