import { describe, expect, it } from 'vitest';
import { GpError } from './errors.js';
import { bounds, pointOf, requireNumberOrRange } from './range.js';

describe('ranges', () => {
  it('take the lower end for point calculations by default', () => {
    expect(pointOf({ low: 80, high: 90 })).toBe(80);
    expect(pointOf({ low: 80, high: 90 }, 'mid')).toBe(85);
    expect(pointOf({ low: 80, high: 90 }, 'high')).toBe(90);
    expect(pointOf(7)).toBe(7);
  });

  it('treat a single number as a range of one point', () => {
    expect(bounds(6)).toEqual({ low: 6, high: 6 });
    expect(bounds({ low: 6, high: 12 })).toEqual({ low: 6, high: 12 });
  });

  it('refuse a range whose low end exceeds its high end, naming the field', () => {
    expect(() => requireNumberOrRange({ low: 12, high: 6 }, 'options[1].time')).toThrow(GpError);
    expect(() => requireNumberOrRange({ low: 12, high: 6 }, 'options[1].time')).toThrow(
      /^options\[1\]\.time: range low \(12\) must be ≤ high \(6\)$/,
    );
    expect(() => requireNumberOrRange({ low: 1 }, 'r')).toThrow(/^r\.high:/);
  });
});
