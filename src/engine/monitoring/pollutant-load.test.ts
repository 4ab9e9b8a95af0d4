import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  checkLoadLimit,
  loadUnitFactor,
  pollutantLoadRate,
  type FlowUnit,
} from './pollutant-load.js';

describe('pollutantLoadRate', () => {
  it('gives kg/h from mg/L and m³/h: 1 mg/L = 1 g/m³, so ×0.001', () => {
    expect(pollutantLoadRate(100, 50)).toBe(5);
    expect(pollutantLoadRate(153.22, 50)).toBeCloseTo(7.661, 12);
  });

  it('gives the same kg/h for the same flow in m³/h, m³/d and L/s', () => {
    // 36 m³/h = 864 m³/d = 10 L/s; 100 mg/L × 36 m³/h = 3.6 kg/h.
    expect(pollutantLoadRate(100, 36, loadUnitFactor('m3/h'))).toBeCloseTo(3.6, 12);
    expect(pollutantLoadRate(100, 864, loadUnitFactor('m3/d'))).toBeCloseTo(3.6, 12);
    expect(pollutantLoadRate(100, 10, loadUnitFactor('L/s'))).toBeCloseTo(3.6, 12);
    expect(() => loadUnitFactor('gpm' as FlowUnit)).toThrow(/^flowUnit: must be 'm3\/h'/);
  });

  it('refuses a negative flow and names the field', () => {
    expect(() => pollutantLoadRate(100, -1)).toThrow('flow: must be ≥ 0, got -1');
    expect(() => pollutantLoadRate(100, 1, 0)).toThrow('unitFactor: must be > 0, got 0');
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, nastyValue, (c, q, f) => {
        expectFiniteOrGpError(() => pollutantLoadRate(c, q, f as number));
      }),
    );
  });
});

describe('checkLoadLimit', () => {
  it('takes a rate per hour, an amount per day, or both', () => {
    expect(checkLoadLimit({ perDay: 120 })).toEqual({ perHour: undefined, perDay: 120 });
    expect(checkLoadLimit({ perHour: 5, perDay: 120 })).toEqual({ perHour: 5, perDay: 120 });
    expect(() => checkLoadLimit({})).toThrow('loadLimit: needs perHour, perDay or both');
    expect(() => checkLoadLimit({ perHour: -5 })).toThrow('loadLimit.perHour: must be > 0, got -5');
  });
});
