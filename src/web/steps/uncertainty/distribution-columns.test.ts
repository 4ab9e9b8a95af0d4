import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_KINDS, kindOf, slotsOf, withSlots } from './distribution-columns.js';

describe('distribution slots', () => {
  it('read back the distribution they were made from, for every kind', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...DISTRIBUTION_KINDS), n, n, n, (kind, a, b, c) => {
        const d = withSlots(kind, [a, b, c]);
        expect(kindOf(d)).toBe(kind);
        // ± is shown as a percentage: ×100 then ÷100 may move the last bit, nothing more.
        const back = slotsOf(withSlots(kind, slotsOf(d)));
        slotsOf(d).forEach((x, i) => {
          if (x === undefined) expect(back[i]).toBeUndefined();
          else expect(back[i]).toBeCloseTo(x, 9);
        });
      }),
    );
  });

  it('keep the range when the kind changes from uniform to triangular', () => {
    const uniform = withSlots('uniform', [0.8, undefined, 0.9]);
    expect(withSlots('triangular', slotsOf(uniform))).toEqual({ triangular: [0.8, 0.8, 0.9] });
  });

  it('write ± as a percentage of the point value', () => {
    expect(withSlots('plusMinus', [undefined, 20, undefined])).toEqual({ plusMinus: 0.2 });
    expect(slotsOf({ plusMinus: { value: 100, fraction: 0.1 } })).toEqual([100, 10, undefined]);
  });
});
