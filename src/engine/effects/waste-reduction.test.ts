import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { wasteQuantityReduction } from './waste-reduction.js';
import type { WasteQuantities } from './waste-reduction.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('wasteQuantityReduction', () => {
  it('reproduces Case C alternative 1: 4200 → 2978 t/yr is 1222 t/yr, 29.1 %', () => {
    const result = wasteQuantityReduction({ before: 4200, after: 2978, unit: 't/yr' });
    expect(result.reduction).toBe(1222);
    expectSignificant(result.reductionPercent, 29.1, 3);
    expect(result.direction).toBe('reduced');
    expect(result.unit).toBe('t/yr');
  });

  it('reports an increase as a negative reduction', () => {
    const result = wasteQuantityReduction({ before: 100, after: 120 });
    expect(result.reduction).toBe(-20);
    expect(result.reductionPercent).toBe(-20);
    expect(result.direction).toBe('increased');
    expect(wasteQuantityReduction({ before: 5, after: 5 }).direction).toBe('unchanged');
  });

  it('refuses a zero quantity before, a negative one after, and a missing object', () => {
    expect(failure(() => wasteQuantityReduction({ before: 0, after: 0 }))).toBe(
      'OUT_OF_RANGE waste.before: must be > 0, got 0',
    );
    expect(failure(() => wasteQuantityReduction({ before: 1, after: -1 }))).toBe(
      'OUT_OF_RANGE waste.after: must be ≥ 0, got -1',
    );
    expect(failure(() => wasteQuantityReduction(null as unknown as WasteQuantities))).toMatch(
      /^INVALID_INPUT waste:/,
    );
  });

  it('gives a reduction between 0 and 100 % whenever the quantity after is not larger', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (before, fraction) => {
          const result = wasteQuantityReduction({ before, after: before * fraction });
          expect(result.reductionPercent).toBeGreaterThanOrEqual(0);
          expect(result.reductionPercent).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        fc.oneof(fc.constant(undefined), nastyValue),
        (before, after, unit) => {
          expectFiniteOrGpError(() =>
            wasteQuantityReduction({ before, after, unit } as WasteQuantities),
          );
        },
      ),
    );
  });
});
