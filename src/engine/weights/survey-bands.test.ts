import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { SURVEY_DEFAULT_BANDS, requireSurveyBands, surveyBandOf } from './survey-bands.js';

describe('survey interpretation bands', () => {
  it("read percentages by Riduwan's criteria, a boundary belonging to the lower band (0–20, 21–40, …)", () => {
    expect(surveyBandOf(0)).toBe('very-poor');
    expect(surveyBandOf(20)).toBe('very-poor');
    expect(surveyBandOf(20.01)).toBe('poor');
    expect(surveyBandOf(40)).toBe('poor');
    expect(surveyBandOf(60)).toBe('fair');
    expect(surveyBandOf(79.9)).toBe('good');
    expect(surveyBandOf(80.1)).toBe('very-good');
    expect(surveyBandOf(100)).toBe('very-good');
    expect(SURVEY_DEFAULT_BANDS.map((b) => b.key)).toEqual([
      'very-poor',
      'poor',
      'fair',
      'good',
      'very-good',
    ]);
  });

  it('accept other bands, e.g. three bands of a 1–3 reading', () => {
    const bands = [
      { key: 'low', upTo: 33.3 },
      { key: 'medium', upTo: 66.7 },
      { key: 'high', upTo: 100 },
    ];
    expect(surveyBandOf(50, bands)).toBe('medium');
  });

  it('never go down as the percentage rises', () => {
    const order = SURVEY_DEFAULT_BANDS.map((b) => b.key);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (u, v) => {
          const [low, high] = u <= v ? [u, v] : [v, u];
          expect(order.indexOf(surveyBandOf(high))).toBeGreaterThanOrEqual(
            order.indexOf(surveyBandOf(low)),
          );
        },
      ),
    );
  });

  it('refuse malformed bands and percentages with the field', () => {
    expect(() => surveyBandOf(101)).toThrow('percent: must be between 0 and 100, got 101');
    expect(() => requireSurveyBands([])).toThrow('bands: must not be empty');
    expect(() =>
      requireSurveyBands([
        { key: 'a', upTo: 50 },
        { key: 'b', upTo: 90 },
      ]),
    ).toThrow('bands[1].upTo: the last band must reach 100, got 90');
    expect(() =>
      requireSurveyBands([
        { key: 'a', upTo: 60 },
        { key: 'b', upTo: 50 },
        { key: 'c', upTo: 100 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'bands[1].upTo' }));
    expect(() =>
      requireSurveyBands([
        { key: 'a', upTo: 50 },
        { key: 'a', upTo: 100 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE', field: 'bands[1].key' }));
    expect(() => requireSurveyBands([{ key: '', upTo: 100 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'bands[0].key' }),
    );
  });

  it('return a band or a GpError for nasty input', () => {
    fc.assert(
      fc.property(
        nastyNumber,
        fc.oneof(
          nastyValue,
          fc.array(fc.record({ key: fc.oneof(fc.string(), nastyValue), upTo: nastyNumber }), {
            maxLength: 4,
          }),
        ),
        (percent, bands) => {
          expectFiniteOrGpError(() => surveyBandOf(percent, bands as never));
        },
      ),
    );
  });
});
