import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import {
  checkTrafficLightBands,
  trafficLightBand,
  type TrafficLightBandThresholds,
} from './traffic-light-band.js';

describe('trafficLightBand', () => {
  // Case B §3.2.1: red below level 3 (worse than the wastewater limit), yellow 3–8, green 8–10.
  it('uses red < 3 ≤ yellow < 8 ≤ green by default', () => {
    expect(trafficLightBand(0)).toBe('red');
    expect(trafficLightBand(2.67)).toBe('red');
    expect(trafficLightBand(3)).toBe('yellow');
    expect(trafficLightBand(7.99)).toBe('yellow');
    expect(trafficLightBand(8)).toBe('green');
    expect(trafficLightBand(9.64)).toBe('green');
  });

  it('accepts other thresholds', () => {
    const bands = { yellowFrom: 4, greenFrom: 7 };
    expect(trafficLightBand(3.5, bands)).toBe('red');
    expect(trafficLightBand(6.9, bands)).toBe('yellow');
    expect(trafficLightBand(7, bands)).toBe('green');
    expect(trafficLightBand(5, { yellowFrom: 5, greenFrom: 5 })).toBe('green');
  });

  it('refuses thresholds out of order or off the scale, naming the field', () => {
    expect(() => trafficLightBand(5, { yellowFrom: 8, greenFrom: 3 })).toThrow(
      'bands.yellowFrom: must be ≤ greenFrom (3), got 8',
    );
    expect(() => trafficLightBand(5, { yellowFrom: 3, greenFrom: 12 })).toThrow(
      'bands.greenFrom: must be between 0 and 10, got 12',
    );
    expect(() => trafficLightBand(Number.NaN)).toThrow('level: must be a finite number, got NaN');
    expect(checkTrafficLightBands(undefined)).toEqual({ yellowFrom: 3, greenFrom: 8 });
  });

  it('gets worse or stays as the level falls', () => {
    const rank = { red: 0, yellow: 1, green: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[trafficLightBand(lo)]).toBeLessThanOrEqual(rank[trafficLightBand(hi)]);
        },
      ),
    );
  });

  it('returns a band or a GpError for any input', () => {
    fc.assert(
      fc.property(
        nastyValue,
        fc.oneof(nastyValue, fc.record({ yellowFrom: nastyNumber, greenFrom: nastyNumber })),
        (level, bands) => {
          try {
            expect(['red', 'yellow', 'green']).toContain(
              trafficLightBand(level as number, bands as TrafficLightBandThresholds),
            );
          } catch (e) {
            expect(e).toBeInstanceOf(GpError);
          }
        },
      ),
    );
  });
});
