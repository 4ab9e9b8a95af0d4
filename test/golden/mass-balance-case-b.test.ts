/**
 * Case B (PR. Adi Bungsu), Tabel 1: the mass balance of the nine processes, kg/h, and the
 * mass figures of the introduction. Source: shared/seeds/adi-bungsu-cigarette-epi-traffic-light.md.
 */
import { describe, expect, it } from 'vitest';
import { expectRelative, expectSignificant } from '../support/close.js';
import {
  convertQuantity,
  plantMassBalance,
  processMassBalance,
} from '../../src/engine/mass-balance/index.js';
import { caseBMassBalance } from './mass-balance-case-b-data.js';

const result = plantMassBalance(caseBMassBalance);
const byName = (name: string) => {
  const p = result.processes.find((q) => q.name === name);
  if (p === undefined) throw new Error(`no process ${name}`);
  return p;
};

describe('Case B mass balance (Tabel 1)', () => {
  it('totals each process input as Tabel 1 implies (steam conditioning 43.48 kg/h, as in pers. 1)', () => {
    expectSignificant(byName('Steam conditioning').totalInput, 43.48, 6);
    expectSignificant(byName('Casing sauce').totalInput, 46.46, 6);
    expectSignificant(byName('Flavour sauce').totalInput, 45.65, 6);
    expectSignificant(byName('Clove soaking').totalInput, 370.64, 6);
    expectSignificant(byName('Clove drying').totalInput, 96.18, 6);
    expectSignificant(byName('Blending').totalInput, 45.84, 6);
  });

  it('closes the first eight processes within the printed rounding (at most 0.01 kg/h off)', () => {
    for (const name of [
      'Weighing',
      'Steam conditioning',
      'Casing sauce',
      'Clove soaking',
      'Clove cutting',
      'Clove drying',
    ]) {
      expect(Math.abs(byName(name).closureError), name).toBeLessThan(1e-9);
    }
    // Flavour sauce: 45.65 − 42.31 − (2.05 + 1.28) = 0.01; blending: 45.84 − 41.25 − 4.58 = 0.01.
    expectSignificant(byName('Flavour sauce').closureError, 0.01, 4);
    expectSignificant(byName('Blending').closureError, 0.01, 4);
    expect(byName('Flavour sauce').closure).toBe('within-tolerance');
    expect(byName('Blending').closure).toBe('within-tolerance');
  });

  it('shows the soaking water as the dominant loss: 270.12 of 370.64 kg/h (the text, section 3.6.1)', () => {
    const soaking = byName('Clove soaking');
    expectSignificant(soaking.wastes[0]?.quantity ?? 0, 270.12, 6);
    expectSignificant(soaking.wastes[0]?.percentOfInput ?? 0, (270.12 / 370.64) * 100, 6);
    expectSignificant(soaking.totalLossPercent, 72.88, 4);
  });

  it('flags rolling, whose printed waste does not close: 0.985 kg/h (6.30 % of input) unaccounted', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      process: 'Rolling (SKM)',
      direction: 'missing-mass',
    });
    expectSignificant(result.warnings[0]?.closureError ?? 0, 15.625 - 13.6 - 1.04, 6);
    expectSignificant(result.warnings[0]?.closureErrorPercent ?? 0, 6.304, 4);
    // Rolling's total loss is the 2.025 kg/h between blend in and cigarettes out.
    expectSignificant(byName('Rolling (SKM)').totalLoss, 2.025, 6);
  });

  it('sums the nine processes: 807.185 kg/h in, 502.82 product, 303.36 waste', () => {
    expectRelative(result.totals.totalInput, 807.185, 1e-9);
    expectRelative(result.totals.totalProduct, 502.82, 1e-9);
    expectRelative(result.totals.totalWaste, 303.36, 1e-9);
    expectSignificant(result.totals.closureError, 0.01 + 0.01 + 0.985, 6);
  });
});

describe('Case B introduction: clove and tobacco mass losses (section 1)', () => {
  it('finds the printed clove loss of 343 kg inconsistent with 2,443 kg in and 2,182 kg left', () => {
    // "cengkeh … 2.443 kg … pengurangan massa mencapai 15-20% atau sebesar 343 kg … tersisa 2.182 kg".
    // Not listed in shared/cases/README.md: reported here as a finding.
    const clove = processMassBalance(
      {
        name: 'Clove pre-process',
        inputs: [{ name: 'clove', quantity: 2443 }],
        products: [{ name: 'clove', quantity: 2182 }],
      },
      'kg',
    );
    expectSignificant(clove.totalLoss, 261, 6);
    expect(Math.abs(clove.totalLoss - 343)).toBeGreaterThan(0.5);
    // 261 kg is 10.7 % of 2,443 kg, outside the stated 15–20 %; 343 kg would be 14.0 %.
    expectSignificant(clove.totalLossPercent, 10.68, 4);
  });

  it('agrees with the tobacco blending loss: 1,113 kg in, 1,100 kg out, 13 kg lost', () => {
    const tobacco = processMassBalance(
      {
        name: 'Blending',
        inputs: [{ name: 'tobacco', quantity: 1113 }],
        products: [{ name: 'tobacco', quantity: 1100 }],
      },
      'kg',
    );
    expectSignificant(tobacco.totalLoss, 13, 6);
  });
});

describe('Case C, Tabel 4: sludge and fleshing waste per month to per year', () => {
  it('annualises 183 + 167 t/month to the 4,200 t/yr the paper sends to PPLI', () => {
    const perYear = convertQuantity({ quantity: 183 + 167, unit: 'ton/bulan' }, 't/yr');
    expectRelative(perYear.quantity, 4200, 1e-12);
  });
});
