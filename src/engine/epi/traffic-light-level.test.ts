import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { LabMeasurement } from './lab-measurement.js';
import {
  trafficLightLevel,
  trafficLightLevelValues,
  type TrafficLightLevelSettings,
} from './traffic-light-level.js';
import type { TrafficLightAnchor, TrafficLightScale } from './traffic-light-scale.js';

// Case B's scheme (the paper does not publish its anchor values; these are illustrative):
// 0 = worst condition, 3 = wastewater limit, 8 = drinking-water limit, 10 = target.
const bod: TrafficLightScale = {
  anchors: [
    { level: 0, value: 1000 },
    { level: 3, value: 50 },
    { level: 8, value: 2 },
    { level: 10, value: 0 },
  ],
};

/** The methods notes' formula for lower-is-better, written out independently of the engine. */
function notesLevel(c: number, vk: number, vk1: number, lk: number, lk1: number): number {
  return lk + ((vk - c) / (vk - vk1)) * (lk1 - lk);
}

describe('trafficLightLevel, interpolated', () => {
  it('interpolates linearly on each segment 0–3, 3–8 and 8–10', () => {
    expect(trafficLightLevel(673.45, bod).level).toBeCloseTo(
      notesLevel(673.45, 1000, 50, 0, 3),
      12,
    );
    expect(trafficLightLevel(20, bod).level).toBeCloseTo(notesLevel(20, 50, 2, 3, 8), 12);
    expect(trafficLightLevel(1, bod).level).toBeCloseTo(notesLevel(1, 2, 0, 8, 10), 12);
    expect(trafficLightLevel(673.45, bod).direction).toBe('lowerIsBetter');
  });

  it('gives each anchor its own level exactly', () => {
    for (const a of bod.anchors) expect(trafficLightLevel(a.value, bod).level).toBe(a.level);
  });

  it('clamps to 0 beyond the worst anchor and to 10 beyond the target', () => {
    expect(trafficLightLevel(5000, bod).level).toBe(0);
    expect(trafficLightLevel(-3, bod).level).toBe(10);
  });

  it('extends the end segments when the anchors stop short of 0 or 10, then clamps', () => {
    const short = {
      anchors: [
        { level: 3, value: 50 },
        { level: 8, value: 10 },
      ],
    };
    // Slope 5 levels per 40 units: 60 is 10 units worse than 50 → 3 − 1.25.
    expect(trafficLightLevel(60, short).level).toBeCloseTo(1.75, 12);
    expect(trafficLightLevel(6, short).level).toBeCloseTo(8.5, 12);
    expect(trafficLightLevel(1000, short).level).toBe(0);
  });

  it('scores higher-is-better parameters (values rising with the level)', () => {
    const oxygen = {
      anchors: [
        { level: 0, value: 0 },
        { level: 3, value: 4 },
        { level: 10, value: 8 },
      ],
    };
    const r = trafficLightLevel(6, oxygen);
    expect(r.direction).toBe('higherIsBetter');
    expect(r.level).toBeCloseTo(3 + ((6 - 4) / (8 - 4)) * 7, 12);
  });

  it('scores a two-sided parameter by its distance from the ideal, the same on both sides', () => {
    // pH: ideal 7; distance 2 (pH 5 or 9, the wastewater range 6–9 is ±2 around 7 at its worst
    // side) scores 3, distance 1.5 (drinking water 6.5–8.5) scores 8, distance 0 scores 10.
    const ph = {
      ideal: 7,
      anchors: [
        { level: 0, value: 7 },
        { level: 3, value: 2 },
        { level: 8, value: 1.5 },
        { level: 10, value: 0 },
      ],
    };
    const low = trafficLightLevel(6.85, ph);
    expect(low.scoredValue).toBeCloseTo(0.15, 12);
    expect(low.level).toBeCloseTo(notesLevel(0.15, 1.5, 0, 8, 10), 12);
    expect(trafficLightLevel(7.15, ph).level).toBeCloseTo(low.level, 12);
    expect(trafficLightLevel(7, ph).level).toBe(10);
    expect(trafficLightLevel(14, ph).level).toBe(0);
  });
});

describe('trafficLightLevel, OMAX whole levels', () => {
  // Classic objective matrix: level 0 = 100 (worst), 3 = 50 (standard), 10 = 15 (target).
  const omax = {
    anchors: [
      { level: 0, value: 100 },
      { level: 3, value: 50 },
      { level: 10, value: 15 },
    ],
  };
  // Riggs' steps, written out: (v10 − v3)/7 above level 3 and (v3 − v0)/3 below.
  const classicRow = Array.from({ length: 11 }, (_, k) =>
    k <= 3 ? 100 + k * ((50 - 100) / 3) : 50 + (k - 3) * ((15 - 50) / 7),
  );
  const classicLevel = (c: number) => {
    let reached = 0;
    classicRow.forEach((v, k) => {
      if (c <= v) reached = k;
    });
    return reached;
  };

  it('builds the matrix row with the classic steps', () => {
    const row = trafficLightLevelValues(omax);
    row.forEach((cell, k) => {
      expect(cell.level).toBe(k);
      expect(cell.value).toBeCloseTo(classicRow[k] as number, 12);
    });
  });

  it('scores the whole level reached', () => {
    for (const c of [38, 40, 50, 51, 99, 101, 15, 10, 83.3]) {
      expect(trafficLightLevel(c, omax, { scoring: 'omax' }).level).toBe(classicLevel(c));
    }
    expect(trafficLightLevel(38, omax, { scoring: 'omax' }).level).toBe(5);
  });
});

describe('trafficLightLevel with "< x" results', () => {
  it('marks the level from "< x" on a lower-is-better scale as a lower bound', () => {
    const r = trafficLightLevel({ value: 20, qualifier: '<' }, bod);
    expect(r.bound).toBe('atLeast');
    expect(r.interval).toEqual({ low: r.level, high: 10 });
    expect(
      trafficLightLevel({ value: 20, qualifier: '<' }, bod, { belowDetectionLimit: 'zero' }).bound,
    ).toBe('atMost');
  });

  it('bounds "> x" on a lower-is-better scale by level 0 and the level of x', () => {
    const r = trafficLightLevel({ value: 20, qualifier: '>' }, bod);
    expect(r.bound).toBe('atMost');
    expect(r.interval).toEqual({ low: 0, high: r.level });
  });
});

describe('trafficLightLevel properties', () => {
  const monotoneScale = fc
    .integer({ min: 2, max: 5 })
    .chain((n) =>
      fc.tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: -100000, max: 100000 }), { minLength: n, maxLength: n }),
        fc.boolean(),
        fc.constantFrom(1, 0.001, 37.5),
      ),
    )
    .map(([levels, values, rising, unit]) => {
      const ls = [...levels].sort((a, b) => a - b).map((l) => l / 10);
      const vs = [...values].sort((a, b) => (rising ? a - b : b - a)).map((v) => v * unit);
      const anchors: TrafficLightAnchor[] = ls.map((level, i) => ({
        level,
        value: vs[i] as number,
      }));
      return { anchors, rising };
    });
  const scoring = fc.constantFrom<'interpolated' | 'omax'>('interpolated', 'omax');

  it('stays within [0, 10] and moves with the measured value in the scale’s direction', () => {
    fc.assert(
      fc.property(
        monotoneScale,
        scoring,
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        ({ anchors, rising }, how, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const levelLo = trafficLightLevel(lo, { anchors }, { scoring: how }).level;
          const levelHi = trafficLightLevel(hi, { anchors }, { scoring: how }).level;
          for (const l of [levelLo, levelHi]) {
            expect(l).toBeGreaterThanOrEqual(0);
            expect(l).toBeLessThanOrEqual(10);
          }
          if (rising) expect(levelHi).toBeGreaterThanOrEqual(levelLo);
          else expect(levelHi).toBeLessThanOrEqual(levelLo);
        },
      ),
    );
  });

  it('gives each anchor’s value exactly the anchor’s level', () => {
    fc.assert(
      fc.property(monotoneScale, ({ anchors }) => {
        for (const a of anchors)
          expect(trafficLightLevel(a.value, { anchors }).level).toBe(a.level);
      }),
    );
  });

  it('returns finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.record({ value: nastyNumber, qualifier: fc.constantFrom('<', '>', '?') }),
        ),
        fc.oneof(
          nastyValue,
          fc.record({
            anchors: fc.oneof(
              nastyValue,
              fc.array(fc.record({ level: nastyNumber, value: nastyNumber }), { maxLength: 5 }),
            ),
            ideal: fc.oneof(fc.constant(undefined), nastyNumber),
          }),
        ),
        fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({
            scoring: fc.constantFrom('interpolated', 'omax', 'x'),
            belowDetectionLimit: fc.constantFrom('limit', 'half', 'zero', 'y'),
          }),
        ),
        (measured, scale, settings) => {
          expectFiniteOrGpError(() =>
            trafficLightLevel(
              measured as LabMeasurement,
              scale as TrafficLightScale,
              settings as TrafficLightLevelSettings,
            ),
          );
          expectFiniteOrGpError(() => trafficLightLevelValues(scale as TrafficLightScale));
        },
      ),
    );
  });

  it('names the offending field', () => {
    expect(() => trafficLightLevel(Number.NaN, bod)).toThrow(
      'measured: must be a finite number, got NaN',
    );
    expect(() =>
      trafficLightLevel(5, bod, { scoring: 'stars' } as unknown as TrafficLightLevelSettings),
    ).toThrow(/^settings\.scoring: must be 'interpolated' or 'omax'/);
    expect(() => trafficLightLevel(5, { anchors: [] })).toThrow(
      'scale.anchors: must have at least 2 items, got 0',
    );
  });
});
