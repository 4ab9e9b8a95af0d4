import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  UNBOUNDED,
  distributionEnds,
  requireDistribution,
  sampleDistribution,
  triangularQuantile,
  type UncertainDistribution,
} from './distributions.js';
import { createRandomSource } from './random-source.js';

function moments(d: UncertainDistribution, n: number, domain = UNBOUNDED) {
  const random = createRandomSource(11);
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = sampleDistribution(d, random, domain);
    sum += x;
    sumSq += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1), min, max };
}

const n = 200_000;

describe('samplers', () => {
  // Analytic moments: uniform (a+b)/2, (b−a)²/12; triangular (a+b+c)/3,
  // (a²+b²+c²−ab−ac−bc)/18 (Johnson, Kotz & Balakrishnan 1995, ch. 26); normal μ, σ².
  // Tolerance: 5 standard errors of the mean, σ/√n·5.
  it('draws uniform values with the analytic mean and variance', () => {
    const m = moments({ kind: 'uniform', low: 0.8, high: 0.9 }, n);
    expect(Math.abs(m.mean - 0.85)).toBeLessThan((5 * 0.1) / Math.sqrt(12 * n));
    expect(m.variance).toBeCloseTo(0.01 / 12, 5);
    expect(m.min).toBeGreaterThanOrEqual(0.8);
    expect(m.max).toBeLessThanOrEqual(0.9);
  });

  it('draws triangular values with the analytic mean and variance', () => {
    const [a, c, b] = [2, 3, 7];
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    const m = moments({ kind: 'triangular', low: a, mode: c, high: b }, n);
    expect(Math.abs(m.mean - (a + b + c) / 3)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.02);
  });

  it('inverts the triangular CDF', () => {
    const cdf = (x: number, a: number, c: number, b: number) =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    for (const u of [0.01, 0.1, 0.2, 0.5, 0.9, 0.99]) {
      expect(cdf(triangularQuantile(u, 2, 3, 7), 2, 3, 7)).toBeCloseTo(u, 12);
    }
    expect(triangularQuantile(0.5, 0, 0, 1)).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });

  it('draws normal values with mean μ, sd σ and 95 % within ±1.96σ', () => {
    const random = createRandomSource(3);
    let inside = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = sampleDistribution({ kind: 'normal', mean: 10, sd: 2 }, random, UNBOUNDED);
      sum += x;
      if (Math.abs(x - 10) < 1.959964 * 2) inside += 1;
    }
    expect(Math.abs(sum / n - 10)).toBeLessThan((5 * 2) / Math.sqrt(n));
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / n));
  });

  it('keeps a truncated normal within the input’s domain', () => {
    const m = moments({ kind: 'normal', mean: 0.95, sd: 0.1 }, 20_000, { min: 0, max: 1 });
    expect(m.max).toBeLessThanOrEqual(1);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('draws ± a fraction uniformly around the value', () => {
    expect(distributionEnds({ kind: 'plus-minus', value: 100, fraction: 0.1 }, UNBOUNDED)).toEqual({
      low: 90,
      high: 110.00000000000001,
    });
    const m = moments({ kind: 'plus-minus', value: -50, fraction: 0.2 }, n);
    expect(m.min).toBeGreaterThanOrEqual(-60);
    expect(m.max).toBeLessThanOrEqual(-40);
    expect(Math.abs(m.mean + 50)).toBeLessThan((5 * 20) / Math.sqrt(12 * n));
  });

  it('returns the point exactly for degenerate distributions', () => {
    const random = createRandomSource(1);
    for (const d of [
      { kind: 'uniform', low: 0.8, high: 0.8 },
      { kind: 'triangular', low: 0.8, mode: 0.8, high: 0.8 },
      { kind: 'normal', mean: 0.8, sd: 0 },
      { kind: 'plus-minus', value: 0.8, fraction: 0 },
    ] as const) {
      expect(sampleDistribution(d, random, UNBOUNDED)).toBe(0.8);
    }
  });
});

describe('requireDistribution', () => {
  it('names the field and the problem', () => {
    const fraction = { min: 0, max: 1 };
    expect(() =>
      requireDistribution({ kind: 'uniform', low: 0.8, high: 1.2 }, fraction, 'cod'),
    ).toThrow('cod: the values must lie within 0–1');
    expect(() =>
      requireDistribution({ kind: 'uniform', low: 0.9, high: 0.8 }, fraction, 'cod'),
    ).toThrow('cod: low (0.9) must be ≤ high (0.8)');
    expect(() => requireDistribution({ kind: 'normal', mean: 1, sd: -1 }, fraction, 'x')).toThrow(
      'x.sd: must be ≥ 0',
    );
    expect(() =>
      requireDistribution({ kind: 'beta' } as unknown as UncertainDistribution, fraction, 'x'),
    ).toThrow('x.kind: must be uniform, triangular, normal or plus-minus');
  });

  it('gives a GpError or a finite draw for nasty inputs, never NaN', () => {
    const kinds = fc.constantFrom('uniform', 'triangular', 'normal', 'plus-minus', 'other');
    fc.assert(
      fc.property(
        kinds,
        nastyNumber,
        nastyNumber,
        nastyNumber,
        nastyValue,
        (kind, a, b, c, extra) => {
          const d = { kind, low: a, high: b, mode: c, mean: a, sd: b, value: c, fraction: extra };
          expectFiniteOrGpError(() => {
            const checked = requireDistribution(
              d as unknown as UncertainDistribution,
              { min: 0, max: 1 },
              'x',
            );
            return sampleDistribution(checked, createRandomSource(1), { min: 0, max: 1 });
          });
        },
      ),
    );
  });
});
