/**
 * Published eco-efficiency figures: Vogtländer's pencil study (EEI 1.69, EER 41 %, shared/design/
 * methods-notes.md) and the PT XYZ abstract (shared/seeds/pt-xyz-cleaner-production-abstract.txt):
 * wastewater treatment cost −21 %, water eco-efficiency ratio 0.55 → 0.56.
 */
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../support/close.js';
import {
  ecoCostValueRatio,
  eerFromEei,
  relativeCostChange,
  userDefinedRatioChange,
} from '../../src/engine/eco-efficiency/index.js';

describe('Vogtländer pencil study: EEI 1.69 and EER 41 %', () => {
  it('finds the published pair consistent: EER = 1 − 1/1.69 = 40.8 %, which prints as 41 %', () => {
    const eer = eerFromEei(1.69);
    expectSignificant(eer * 100, 40.83, 4);
    expect(Math.abs(eer * 100 - 41)).toBeLessThanOrEqual(0.5);
  });

  it('gives EEI 1.69 and EER 41 % for a net value 1.69 times the eco-costs', () => {
    const result = ecoCostValueRatio({ netValue: 1.69, ecoCost: 1 });
    expectSignificant(result.eei, 1.69, 3);
    expect(Math.abs(result.eerPercent - 41)).toBeLessThanOrEqual(0.5);
    expect(result.affordableAndSustainable).toBe(true);
  });
});

describe('PT XYZ abstract', () => {
  it('expresses the wastewater treatment cost falling by 21 % (absolute costs are not published)', () => {
    // Any pair of costs in the ratio 0.79 : 1 gives the abstract's −21 %.
    expectSignificant(relativeCostChange(1, 0.79).relativeChangePercent, -21, 4);
  });

  it('gives the water eco-efficiency ratio 0.55 → 0.56 as +0.01, +1.82 % (formula not stated: user-named)', () => {
    const result = userDefinedRatioChange(
      { numeratorName: 'eco-efficiency numerator (not stated)', denominatorName: 'water used' },
      { ratio: 0.55 },
      { ratio: 0.56 },
    );
    expectSignificant(result.change.change, 0.01, 4);
    expectSignificant(result.change.relativeChangePercent, 1.818, 4);
  });
});
