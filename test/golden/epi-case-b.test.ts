/**
 * Case B, PR. Adi Bungsu (adi-bungsu-cigarette-epi-traffic-light.md): EPI by the traffic-light
 * method, Tabel 4 (levels), Tabel 5 (AHP weights), Tabel 6 (EPI). The paper does not publish
 * its anchor concentrations, so the levels are inputs.
 */
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../support/close.js';
import { trafficLightEpi, type TrafficLightParameter } from '../../src/engine/epi/index.js';
import { expectPrinted } from './epi-printed.js';

const tabel4to5: TrafficLightParameter[] = [
  { name: 'BOD', level: 1.76, weight: 0.421 },
  { name: 'COD', level: 1.75, weight: 0.302 },
  { name: 'NH3-N', level: 0.56, weight: 0.088 },
  { name: 'pH', level: 9.64, weight: 0.137 },
  { name: 'Phenol', level: 0.52, weight: 0.052 },
];

describe('Case B Tabel 6: EPI by the traffic-light method', () => {
  const r = trafficLightEpi(tabel4to5);
  const correctTerm = [0.741, 0.5285, 0.0493, 1.3207, 0.027];
  const printedTerm = [0.74, 0.53, 0.05, 1.32, 0.03];

  it('reproduces each Wi·level, as printed to 2 decimals', () => {
    r.terms.forEach((t, i) => {
      expectSignificant(t.term, correctTerm[i] as number, 3);
      expectPrinted(t.term, printedTerm[i] as number, 2);
    });
  });

  it('gives the total 2.6665, printed 2.67, in the red band', () => {
    expectSignificant(r.total, 2.6665, 4);
    expectPrinted(r.total, 2.67, 2);
    expect(r.band).toBe('red');
  });

  it('puts BOD, COD, ammonia and phenol in red, as the paper says', () => {
    expect(r.terms.map((t) => t.band)).toEqual(['red', 'red', 'red', 'green', 'red']);
  });

  it('uses weights that sum to 1 (Tabel 5), so the EPI is the weighted mean level', () => {
    expectSignificant(r.weightSum, 1, 4);
    expectSignificant(r.meanLevel, 2.6665, 4);
  });
});
