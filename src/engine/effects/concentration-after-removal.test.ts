import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { LabMeasurement } from '../epi/index.js';
import {
  concentrationAfterRemoval,
  concentrationsAfterRemoval,
  type RemovalEfficiencies,
  type RemovalSettings,
  type RemovalTarget,
} from './concentration-after-removal.js';

describe('concentrationAfterRemoval', () => {
  // Case A Tabel IV (DAF): BOD 17.5 × 0.2 = 3.5, COD 61.4 × 0.2 = 12.28, TSS 38 × 0.3 = 11.4, O&G 12 × 0.02 = 0.24.
  it('reduces a concentration by the removal efficiency, c·(1 − r)', () => {
    expectSignificant(concentrationAfterRemoval(17.5, 0.8) as number, 3.5, 4);
    expectSignificant(concentrationAfterRemoval(61.4, 0.8) as number, 12.28, 4);
    expectSignificant(concentrationAfterRemoval(38, 0.7) as number, 11.4, 4);
    expectSignificant(concentrationAfterRemoval(12, 0.98) as number, 0.24, 4);
    expect(concentrationAfterRemoval(12, 0)).toBe(12);
    expect(concentrationAfterRemoval(12, 1)).toBe(0);
  });

  it('keeps a "< x" result a "< x" result', () => {
    expect(concentrationAfterRemoval({ value: 0.5, qualifier: '<' }, 0.5)).toEqual({
      value: 0.25,
      qualifier: '<',
    });
    expect(concentrationAfterRemoval({ value: 4 }, 0.5)).toEqual({ value: 2 });
  });

  it('refuses a removal outside [0, 1] and a negative concentration', () => {
    expect(() => concentrationAfterRemoval(10, 80)).toThrow(
      'removal: must be between 0 and 1, got 80',
    );
    expect(() => concentrationAfterRemoval(-1, 0.5)).toThrow('measured: must be ≥ 0, got -1');
    expect(() => concentrationAfterRemoval({ value: -1 }, 0.5)).toThrow(
      'measured.value: must be ≥ 0, got -1',
    );
  });

  it('never raises a concentration', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e300, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, r) => {
          const after = concentrationAfterRemoval(c, r) as number;
          expect(after).toBeLessThanOrEqual(c);
          expect(after).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('concentrationsAfterRemoval', () => {
  const effluent: RemovalTarget[] = [
    { id: 'bod', measured: 17.5 },
    { id: 'cod', measured: 61.4 },
    { id: 'ph', measured: 7.65 },
  ];

  it('applies removals by parameter id and leaves the others as they are', () => {
    const r = concentrationsAfterRemoval(effluent, { bod: 0.8, cod: 0.8 });
    expectSignificant(r[0]?.after as number, 3.5, 4);
    expectSignificant(r[1]?.after as number, 12.28, 4);
    expect(r[2]).toEqual({ index: 2, id: 'ph', before: 7.65, removal: undefined, after: 7.65 });
  });

  it('takes the low end of a literature range by default (Case A uses 80 % of 80–90 %)', () => {
    const range = { cod: { low: 0.8, high: 0.9 } };
    expect(concentrationsAfterRemoval(effluent, range)[1]?.removal).toBe(0.8);
    expect(concentrationsAfterRemoval(effluent, range, { removalPoint: 'high' })[1]?.removal).toBe(
      0.9,
    );
    expect(
      concentrationsAfterRemoval(effluent, range, { removalPoint: 'mid' })[1]?.removal,
    ).toBeCloseTo(0.85, 12);
  });

  it('names unknown ids, duplicate ids, bad removals and untreatable parameters', () => {
    expect(() => concentrationsAfterRemoval(effluent, { tss: 0.7 })).toThrow(
      "removal.tss: no parameter has the id 'tss'",
    );
    expect(() =>
      concentrationsAfterRemoval(
        [
          { id: 'bod', measured: 1 },
          { id: 'bod', measured: 2 },
        ],
        {},
      ),
    ).toThrow("parameters[1].id: id 'bod' is already used by parameters[0]");
    expect(() => concentrationsAfterRemoval(effluent, { bod: 1.2 })).toThrow(
      'removal.bod: must be between 0 and 1, got 1.2',
    );
    expect(() => concentrationsAfterRemoval(effluent, { bod: { low: 0.8, high: 1.5 } })).toThrow(
      'removal.bod.high: must be between 0 and 1, got 1.5',
    );
    expect(() => concentrationsAfterRemoval([{ id: 'bod' }], { bod: 0.5 })).toThrow(
      "removal.bod: parameter 'bod' has no measured value to remove from",
    );
    expect(() => concentrationsAfterRemoval([{ id: 'bod', measured: -2 }], { bod: 0.5 })).toThrow(
      'parameters[0].measured: must be ≥ 0, got -2',
    );
    expect(() => concentrationsAfterRemoval([], {})).toThrow('parameters: must not be empty');
    expect(() =>
      concentrationsAfterRemoval(effluent, {}, {
        removalPoint: 'top',
      } as unknown as RemovalSettings),
    ).toThrow(/^settings\.removalPoint:/);
  });

  it('returns finite numbers or a GpError for nasty inputs', () => {
    const target = fc.oneof(
      nastyValue,
      fc.record({
        id: fc.constantFrom(undefined, 'a', 'b', '', 7),
        measured: fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({ value: nastyNumber, qualifier: fc.constantFrom('<', '>', undefined) }),
        ),
      }),
    );
    const removal = fc.oneof(
      nastyValue,
      fc.dictionary(
        fc.constantFrom('a', 'b', 'c'),
        fc.oneof(nastyValue, fc.record({ low: nastyNumber, high: nastyNumber })),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(target, { maxLength: 4 }), nastyValue),
        removal,
        (params, rem) => {
          expectFiniteOrGpError(() =>
            concentrationsAfterRemoval(params as RemovalTarget[], rem as RemovalEfficiencies),
          );
          expectFiniteOrGpError(() =>
            concentrationAfterRemoval(
              params as unknown as LabMeasurement,
              rem as unknown as number,
            ),
          );
        },
      ),
    );
  });
});
