/**
 * PT XYZ (soap and cosmetics; abstract only, /work/shared/seeds/pt-xyz-cleaner-production-abstract.txt).
 * The abstract publishes no survey scores and no correlation data, only conclusions: workers'
 * knowledge, attitude and behaviour "sangat baik" (very good), and a "positive and significant"
 * correlation between the cleaner-production programme and WWTP outlet COD. Neither value can be
 * reproduced; these tests pin down how the engine states such conclusions.
 */
import { describe, expect, it } from 'vitest';
import { criticalCorrelation } from '../../src/engine/statistics/index.js';
import { surveyBandOf } from '../../src/engine/weights/survey-bands.js';
import { surveyDimensionScore } from '../../src/engine/weights/survey-dimension-score.js';

describe('PT XYZ: survey of knowledge, attitude and behaviour', () => {
  it('calls a dimension "very good" (sangat baik) only above 80 % of the ideal score (Riduwan)', () => {
    expect(surveyBandOf(80)).toBe('good');
    expect(surveyBandOf(80.5)).toBe('very-good');
    // Ten workers answering four knowledge items with 4s and 5s: 45 of 50 per item pair → 90 %.
    const knowledge = Array.from({ length: 10 }, () => [5, 4, 5, 4]);
    expect(surveyDimensionScore(knowledge).band).toBe('very-good');
  });

  it('calls a correlation significant at 5 % only when r exceeds the r tabel for the number of pairs', () => {
    // With 12 monthly COD readings, r must exceed 0.576 (df = 10; Fisher & Yates Table VII).
    expect(criticalCorrelation(12).rCritical).toBeCloseTo(0.576, 3);
  });
});
