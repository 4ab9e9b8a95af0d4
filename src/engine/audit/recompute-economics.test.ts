import * as formulajs from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectRelative } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  economicsFiguresOf,
  recomputeFromCapitalRecovery,
  recomputeOptionEconomics,
  type OptionEconomicsFigures,
} from './recompute-economics.js';

function num(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`reference returned ${String(value)}`);
  return value;
}

// Case A (CV. ABC) §D and Case C (ECCO) Tabel 8–9, the data as the cases README gives them.
const cvAbcAlt1: OptionEconomicsFigures = {
  investment: 73360000,
  annualCost: 2040000,
  annualBenefit: 55800000,
  life: 5,
  interestRate: 0.1,
  salvage: 0,
};
const cvAbcAlt2: OptionEconomicsFigures = {
  investment: 158200000,
  annualCost: 10174080,
  annualBenefit: 112250000,
  life: 10,
  interestRate: 0.1,
  salvage: 0,
};
const eccoAlt1: OptionEconomicsFigures = {
  investment: 1200000000,
  annualCost: 301371000,
  annualBenefit: 1016214200,
  life: 5,
  interestRate: 0.15,
  salvage: 0,
};
const eccoAlt2: OptionEconomicsFigures = {
  ...eccoAlt1,
  investment: 1800000000,
  annualCost: 533901000,
  annualBenefit: 2337627600,
};

describe('recomputeOptionEconomics', () => {
  it('gives the papers’ numbers with the factor rounded to 4 decimals', () => {
    // CV. ABC §D: 73.360.000 × (A/P,10%,5) = 19.352.368 and 158.200.000 × 0,1627 = 25.739.140.
    expect(recomputeOptionEconomics(cvAbcAlt1, 5, 4).capitalRecovery).toBeCloseTo(19352368, 4);
    expect(recomputeOptionEconomics(cvAbcAlt2, 10, 4).capitalRecovery).toBeCloseTo(25739140, 4);
    // ECCO §4.2.6 A: annual worths 356.883.200 and 1.266.786.600 with (A/P,15%,5) = 0,2983.
    expect(recomputeOptionEconomics(eccoAlt1, 5, 4).annualWorth).toBeCloseTo(356883200, 4);
    expect(recomputeOptionEconomics(eccoAlt2, 5, 4).annualWorth).toBeCloseTo(1266786600, 4);
  });

  it('gives the exact values of a spreadsheet with exact factors', () => {
    for (const f of [cvAbcAlt1, cvAbcAlt2, eccoAlt1, eccoAlt2]) {
      const r = recomputeOptionEconomics(f, f.life);
      const capitalRecovery = -num(formulajs.PMT(f.interestRate, f.life, f.investment));
      expectRelative(r.capitalRecovery ?? Number.NaN, capitalRecovery, 1e-12);
      expectRelative(
        r.annualWorth ?? Number.NaN,
        f.annualBenefit - capitalRecovery - f.annualCost,
        1e-12,
      );
      expectRelative(
        r.bcr ?? Number.NaN,
        f.annualBenefit / (capitalRecovery + f.annualCost),
        1e-12,
      );
      const flows = Array.from({ length: f.life }, () => f.annualBenefit - f.annualCost);
      expectRelative(
        r.npv ?? Number.NaN,
        -f.investment + num(formulajs.NPV(f.interestRate, ...flows)),
        1e-9,
      );
    }
  });

  it('gives the BCR 2,163 of CV. ABC alternative 2 with the written n = 5 (cases README)', () => {
    expect(recomputeOptionEconomics(cvAbcAlt2, 5).bcr).toBeCloseTo(2.163, 3);
    expect(recomputeOptionEconomics(cvAbcAlt2, 10).bcr).toBeCloseTo(3.125, 3);
  });

  it('includes a salvage value through (A/F) and (P/F)', () => {
    const f = { ...cvAbcAlt1, salvage: 5000000 };
    const r = recomputeOptionEconomics(f, 5);
    const expected = -num(formulajs.PMT(0.1, 5, 73360000)) + num(formulajs.PMT(0.1, 5, 0, 5000000));
    expectRelative(r.capitalRecovery ?? Number.NaN, expected, 1e-12);
    const flows = [...Array.from({ length: 4 }, () => 53760000), 53760000 + 5000000];
    expectRelative(r.npv ?? Number.NaN, -73360000 + num(formulajs.NPV(0.1, ...flows)), 1e-9);
  });

  it('gives nothing rather than throwing for an impossible life', () => {
    expect(recomputeOptionEconomics(cvAbcAlt1, 0).bcr).toBeUndefined();
    expect(recomputeOptionEconomics(cvAbcAlt1, -3).capitalRecovery).toBeUndefined();
  });

  it('gives no BCR over a zero annual cost', () => {
    const free = { ...cvAbcAlt1, investment: 0, annualCost: 0 };
    expect(recomputeOptionEconomics(free, 5).bcr).toBeUndefined();
    expect(recomputeOptionEconomics(free, 5).annualWorth).toBe(55800000);
  });

  it('returns finite numbers or nothing for nasty inputs', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        nastyNumber,
        nastyNumber,
        nastyNumber,
        nastyValue,
        (i, c, b, r, d) => {
          const figures = {
            investment: i,
            annualCost: c,
            annualBenefit: b,
            life: 5,
            interestRate: r,
            salvage: 0,
          };
          expectFiniteOrGpError(() => recomputeOptionEconomics(figures, 5, d as number));
          expectFiniteOrGpError(() => recomputeFromCapitalRecovery(figures, i));
        },
      ),
    );
  });
});

describe('recomputeFromCapitalRecovery', () => {
  it('gives the CV. ABC BCR 2,608 from the printed capital recovery 19.352.368', () => {
    // §D: 55.800.000 / (19.352.368 + 2.040.000) = 2,608.
    expect(recomputeFromCapitalRecovery(cvAbcAlt1, 19352368).bcr).toBeCloseTo(2.608, 3);
    expect(recomputeFromCapitalRecovery(cvAbcAlt1, 19352368).equivalentAnnualCost).toBe(21392368);
  });
});

describe('economicsFiguresOf', () => {
  it('reads an option’s economics result, salvage 0 when absent', () => {
    expect(economicsFiguresOf({ ...cvAbcAlt1, salvage: undefined, bcr: 2.6 })).toEqual(cvAbcAlt1);
  });

  it('gives nothing for anything that is not an economics result', () => {
    expect(economicsFiguresOf(null)).toBeUndefined();
    expect(economicsFiguresOf([1, 2])).toBeUndefined();
    expect(economicsFiguresOf({ ...cvAbcAlt1, life: Number.NaN })).toBeUndefined();
    expect(economicsFiguresOf({ investment: 1 })).toBeUndefined();
  });
});
