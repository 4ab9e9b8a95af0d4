import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  trafficLightEpi,
  type TrafficLightEpiSettings,
  type TrafficLightParameter,
} from './traffic-light-epi.js';

// Case B Tabel 4–6: levels given directly, AHP weights.
const caseB: TrafficLightParameter[] = [
  { name: 'BOD', level: 1.76, weight: 0.421 },
  { name: 'COD', level: 1.75, weight: 0.302 },
  { name: 'NH3-N', level: 0.56, weight: 0.088 },
  { name: 'pH', level: 9.64, weight: 0.137 },
  { name: 'Phenol', level: 0.52, weight: 0.052 },
];

const bodScale = {
  anchors: [
    { level: 0, value: 1000 },
    { level: 3, value: 50 },
    { level: 8, value: 2 },
    { level: 10, value: 0 },
  ],
};

describe('trafficLightEpi', () => {
  it('reproduces Case B Tabel 6: terms Wi·level, total 2.6665, red', () => {
    const r = trafficLightEpi(caseB);
    const published = [0.741, 0.5285, 0.0493, 1.3207, 0.027];
    r.terms.forEach((t, i) => expectSignificant(t.term, published[i] as number, 3));
    expectSignificant(r.total, 2.6665, 4);
    expect(r.band).toBe('red');
    // The paper: BOD, COD, ammonia and phenol are red; pH is not.
    expect(r.terms.map((t) => t.band)).toEqual(['red', 'red', 'red', 'green', 'red']);
    expect(r.terms.every((t) => t.source === 'given' && t.bound === 'exact')).toBe(true);
  });

  it('bands the weighted mean level, so weights that do not sum to 1 do not inflate the colour', () => {
    const r = trafficLightEpi([
      { level: 2, weight: 10 },
      { level: 4, weight: 10 },
    ]);
    expect(r.total).toBe(60);
    expect(r.meanLevel).toBe(3);
    expect(r.band).toBe('yellow');
  });

  it('scores measured parameters on their scales and mixes them with given levels', () => {
    const r = trafficLightEpi([
      { name: 'BOD', weight: 0.5, measured: 20, scale: bodScale },
      { name: 'pH', weight: 0.5, level: 9 },
    ]);
    // 20 on the 3–8 segment: 3 + (50 − 20)/(50 − 2)·5.
    const bodLevel = 3 + ((50 - 20) / (50 - 2)) * 5;
    expect(r.terms[0]?.level).toBeCloseTo(bodLevel, 12);
    expect(r.terms[0]?.source).toBe('measured');
    expect(r.terms[0]?.direction).toBe('lowerIsBetter');
    expect(r.total).toBeCloseTo(0.5 * bodLevel + 0.5 * 9, 12);
  });

  it('uses OMAX whole levels when asked', () => {
    const r = trafficLightEpi([{ weight: 1, measured: 20, scale: bodScale }], { scoring: 'omax' });
    expect(r.terms[0]?.level).toBe(6); // 3 + 3.125 reached, whole level 6
    expect(r.scoring).toBe('omax');
  });

  it('carries "< x" bounds into the EPI', () => {
    const r = trafficLightEpi([
      { weight: 1, measured: { value: 20, qualifier: '<' }, scale: bodScale },
      { weight: 1, level: 5 },
    ]);
    expect(r.bound).toBe('atLeast');
    expect(r.interval.high).toBe(15);
  });

  it('has terms that sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.double({ min: 0, max: 100, noNaN: true }),
            level: fc.double({ min: 0, max: 10, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (params) => {
          fc.pre(params.some((p) => p.weight > 0));
          const r = trafficLightEpi(params);
          let sum = 0;
          for (const t of r.terms) sum += t.term;
          expect(sum).toBe(r.total);
          expect(r.meanLevel).toBeGreaterThanOrEqual(0);
          expect(r.meanLevel).toBeLessThanOrEqual(10);
        },
      ),
    );
  });

  it('names the offending field', () => {
    expect(() => trafficLightEpi([])).toThrow('parameters: must not be empty');
    expect(() => trafficLightEpi([{ weight: -0.1, level: 3 }])).toThrow(
      'parameters[0].weight: must be ≥ 0, got -0.1',
    );
    expect(() => trafficLightEpi([{ weight: 1, level: 11 }])).toThrow(
      'parameters[0].level: must be between 0 and 10, got 11',
    );
    expect(() => trafficLightEpi([{ weight: 1, level: 3, measured: 4, scale: bodScale }])).toThrow(
      'parameters[0]: give either a level or measured with a scale, not both',
    );
    expect(() => trafficLightEpi([{ weight: 1 }])).toThrow(
      'parameters[0].measured: needs a level or a measured value',
    );
    expect(() => trafficLightEpi([{ weight: 1, measured: 4 }])).toThrow(
      'parameters[0].scale: needs a scale (anchors) to score measured',
    );
    expect(() =>
      trafficLightEpi([
        {
          weight: 1,
          measured: 4,
          scale: {
            anchors: [
              { level: 0, value: 9 },
              { level: 3, value: 12 },
              { level: 8, value: 1 },
            ],
          },
        },
      ]),
    ).toThrow(/^parameters\[0\]\.scale\.anchors\[2\]\.value: anchor values must rise or fall/);
    expect(() => trafficLightEpi([{ weight: 0, level: 3 }])).toThrow(
      'parameters: the weights sum to 0, so the EPI has no band',
    );
    expect(() => trafficLightEpi(caseB, { bands: { yellowFrom: 9, greenFrom: 8 } })).toThrow(
      'settings.bands.yellowFrom: must be ≤ greenFrom (8), got 9',
    );
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    const nastyParameter = fc.oneof(
      nastyValue,
      fc.record({
        weight: nastyValue,
        level: fc.oneof(fc.constant(undefined), nastyValue),
        measured: fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({ value: nastyNumber, qualifier: fc.constantFrom('<', '>') }),
        ),
        scale: fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({
            anchors: fc.array(fc.record({ level: nastyNumber, value: nastyNumber }), {
              maxLength: 4,
            }),
            ideal: fc.oneof(fc.constant(undefined), nastyNumber),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(nastyParameter, { maxLength: 5 }), nastyValue),
        fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({
            scoring: fc.constantFrom(undefined, 'interpolated', 'omax', 'z'),
            bands: fc.oneof(
              fc.constant(undefined),
              fc.record({ yellowFrom: nastyNumber, greenFrom: nastyNumber }),
            ),
          }),
        ),
        (params, settings) => {
          expectFiniteOrGpError(() =>
            trafficLightEpi(params as TrafficLightParameter[], settings as TrafficLightEpiSettings),
          );
        },
      ),
    );
  });
});
