import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { DeviationParameter, TrafficLightParameter } from '../epi/index.js';
import type { RemovalEfficiencies } from './concentration-after-removal.js';
import {
  deviationEpiAfterOption,
  epiChange,
  trafficLightEpiAfterOption,
} from './epi-after-option.js';

// Case A Tabel II → Tabel IV (CV. ABC, DAF).
const caseA: DeviationParameter[] = [
  { id: 'bod', weight: 4.1, standard: 30, measured: 17.5 },
  { id: 'cod', weight: 4.565, standard: 50, measured: 61.4 },
  { id: 'tss', weight: 4.03, standard: 50, measured: 38 },
  { id: 'og', weight: 4.565, standard: 10, measured: 12 },
  { id: 'ph', weight: 4.065, standard: 9, measured: 7.65 },
];
const daf = { bod: 0.8, cod: 0.8, tss: 0.7, og: 0.98 };

describe('deviationEpiAfterOption', () => {
  it('estimates the EPI after the DAF and its increase (Case A Tabel IV)', () => {
    const r = deviationEpiAfterOption(caseA, daf);
    expectSignificant(r.before.total, 1.3315, 4);
    expectSignificant(r.after.total, 15.2419, 4);
    expectSignificant(r.change.absolute, 13.9104, 4);
    expectSignificant(r.change.relative as number, 13.9104 / 1.3315, 3);
    // pH has no removal and keeps its term 0.6098.
    expect(r.termChanges[4]).toBe(0);
    expectSignificant(r.termChanges[3] as number, 4.4554 - -0.913, 4);
  });

  it('never lowers the EPI of upper-limit parameters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.double({ min: 0, max: 100, noNaN: true }),
            standard: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
            measured: fc.double({ min: 0, max: 1e5, noNaN: true }),
            removal: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (rows) => {
          const params = rows.map((row, i) => ({ ...row, id: `p${i}` }));
          const removal: Record<string, number> = {};
          params.forEach((p) => {
            if (p.removal !== undefined) removal[p.id] = p.removal;
          });
          const r = deviationEpiAfterOption(params, removal);
          expect(r.after.total).toBeGreaterThanOrEqual(r.before.total);
          r.termChanges.forEach((d) => expect(d).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });

  it('names an unknown parameter in the removal', () => {
    expect(() => deviationEpiAfterOption(caseA, { do: 0.5 })).toThrow(
      "removal.do: no parameter has the id 'do'",
    );
  });
});

describe('trafficLightEpiAfterOption', () => {
  const scale = {
    anchors: [
      { level: 0, value: 100 },
      { level: 3, value: 50 },
      { level: 10, value: 0 },
    ],
  };

  it('rescores treated parameters on their scales', () => {
    const r = trafficLightEpiAfterOption(
      [
        { id: 'bod', weight: 0.6, measured: 60, scale },
        { id: 'ph', weight: 0.4, level: 9 },
      ],
      { bod: 0.5 },
    );
    // 60 → 30: 3 + (50 − 30)/(50 − 0)·7 = 5.8; before: 0 + (100 − 60)/(100 − 50)·3 = 2.4.
    expect(r.before.terms[0]?.level).toBeCloseTo(2.4, 12);
    expect(r.after.terms[0]?.level).toBeCloseTo(5.8, 12);
    expect(r.change.absolute).toBeCloseTo(0.6 * (5.8 - 2.4), 12);
    expect(r.after.terms[1]?.level).toBe(9);
  });

  it('refuses a removal for a parameter whose level is given directly', () => {
    expect(() =>
      trafficLightEpiAfterOption([{ id: 'bod', weight: 1, level: 2 }], { bod: 0.5 }),
    ).toThrow("removal.bod: parameter 'bod' has no measured value to remove from");
  });
});

describe('epiChange', () => {
  it('gives the absolute and relative change, with no relative change from 0', () => {
    expect(epiChange(2, 3)).toEqual({ absolute: 1, relative: 0.5 });
    expect(epiChange(-2, -1)).toEqual({ absolute: 1, relative: 0.5 });
    expect(epiChange(0, 3)).toEqual({ absolute: 3, relative: undefined });
    expect(() => epiChange(Number.NaN, 1)).toThrow('before: must be a finite number, got NaN');
    expect(() => epiChange(-1e308, 1e308)).toThrow(/^after: result is not a finite number/);
  });

  it('returns finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(nastyValue, nastyValue, (a, b) => {
        expectFiniteOrGpError(() => epiChange(a as number, b as number));
      }),
    );
  });
});

describe('EPI after an option, nasty inputs', () => {
  it('returns finite numbers or a GpError', () => {
    const param = fc.oneof(
      nastyValue,
      fc.record({
        id: fc.constantFrom('a', 'b', undefined),
        weight: nastyValue,
        standard: nastyValue,
        level: fc.oneof(fc.constant(undefined), nastyNumber),
        measured: nastyValue,
        scale: fc.oneof(
          fc.constant(undefined),
          fc.record({
            anchors: fc.array(fc.record({ level: nastyNumber, value: nastyNumber }), {
              maxLength: 3,
            }),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(param, { maxLength: 4 }), nastyValue),
        fc.oneof(nastyValue, fc.dictionary(fc.constantFrom('a', 'b', 'z'), nastyValue)),
        (params, removal) => {
          expectFiniteOrGpError(() =>
            deviationEpiAfterOption(params as DeviationParameter[], removal as RemovalEfficiencies),
          );
          expectFiniteOrGpError(() =>
            trafficLightEpiAfterOption(
              params as TrafficLightParameter[],
              removal as RemovalEfficiencies,
            ),
          );
        },
      ),
    );
  });
});
