import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { checkTrafficLightScale, type TrafficLightScale } from './traffic-light-scale.js';

// Case B's scheme: 0 = worst, 3 = wastewater limit, 8 = drinking-water limit, 10 = target.
const bod = [
  { level: 0, value: 1000 },
  { level: 3, value: 50 },
  { level: 8, value: 2 },
  { level: 10, value: 0 },
];

describe('checkTrafficLightScale', () => {
  it('reads lower-is-better when the values fall as the levels rise, and higher-is-better otherwise', () => {
    expect(checkTrafficLightScale({ anchors: bod }).direction).toBe('lowerIsBetter');
    expect(
      checkTrafficLightScale({
        anchors: [
          { level: 0, value: 0 },
          { level: 3, value: 4 },
          { level: 10, value: 8 },
        ],
      }).direction,
    ).toBe('higherIsBetter');
  });

  it('accepts anchors in any order and returns them sorted by level', () => {
    const shuffled = [bod[2], bod[0], bod[3], bod[1]] as typeof bod;
    expect(checkTrafficLightScale({ anchors: shuffled }).anchors).toEqual(bod);
  });

  it('rejects values that do not move strictly one way with the level', () => {
    expect(() =>
      checkTrafficLightScale({
        anchors: [
          { level: 0, value: 100 },
          { level: 3, value: 50 },
          { level: 8, value: 70 },
        ],
      }),
    ).toThrow(/^scale\.anchors\[2\]\.value: anchor values must rise or fall strictly/);
    expect(() =>
      checkTrafficLightScale({
        anchors: [
          { level: 0, value: 5 },
          { level: 3, value: 5 },
        ],
      }),
    ).toThrow(/^scale\.anchors\[1\]\.value:/);
  });

  it('rejects repeated levels, levels outside 0–10 and too few anchors', () => {
    expect(() =>
      checkTrafficLightScale({
        anchors: [
          { level: 3, value: 5 },
          { level: 3, value: 2 },
        ],
      }),
    ).toThrow('scale.anchors[1].level: level 3 is already given by anchors[0]');
    expect(() =>
      checkTrafficLightScale({
        anchors: [
          { level: 0, value: 5 },
          { level: 11, value: 2 },
        ],
      }),
    ).toThrow('scale.anchors[1].level: must be between 0 and 10, got 11');
    expect(() => checkTrafficLightScale({ anchors: [{ level: 0, value: 5 }] })).toThrow(
      'scale.anchors: must have at least 2 items, got 1',
    );
  });

  it('with an ideal, takes anchor values as distances that fall as the level rises', () => {
    const ph = {
      ideal: 7,
      anchors: [
        { level: 0, value: 7 },
        { level: 3, value: 2 },
        { level: 10, value: 0 },
      ],
    };
    expect(checkTrafficLightScale(ph).ideal).toBe(7);
    expect(() =>
      checkTrafficLightScale({
        ideal: 7,
        anchors: [
          { level: 0, value: 0 },
          { level: 10, value: 2 },
        ],
      }),
    ).toThrow(/^scale\.anchors: with an ideal value the anchor values are distances/);
    expect(() =>
      checkTrafficLightScale({
        ideal: 7,
        anchors: [
          { level: 0, value: -1 },
          { level: 10, value: 0 },
        ],
      }),
    ).toThrow('scale.anchors[0].value: must be ≥ 0, got -1');
  });

  it('returns a checked scale or a GpError for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.record({
            anchors: fc.oneof(
              nastyValue,
              fc.array(
                fc.oneof(nastyValue, fc.record({ level: nastyNumber, value: nastyNumber })),
                {
                  maxLength: 5,
                },
              ),
            ),
            ideal: fc.oneof(fc.constant(undefined), nastyNumber),
          }),
        ),
        (scale) => {
          expectFiniteOrGpError(() => checkTrafficLightScale(scale as TrafficLightScale));
        },
      ),
    );
  });
});
