/**
 * Probability distributions for uncertain study inputs, and their seeded samplers. A quantity
 * with a physical domain (a removal efficiency in 0–1, a weight ≥ 0) is kept inside it: bounded
 * distributions must lie within the domain, a normal one is truncated to it by rejection.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireNonNegative, requireObject } from '../validate.js';
import type { RandomSource } from './random-source.js';

/** An uncertain input's distribution. */
export type UncertainDistribution =
  /** A range: every value in [low, high] equally likely. */
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | {
      readonly kind: 'triangular';
      readonly low: number;
      readonly mode: number;
      readonly high: number;
    }
  /** Normal, truncated to the input's domain. */
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  /** ± a fraction around a value (0.1 = ±10 %), uniform. */
  | { readonly kind: 'plus-minus'; readonly value: number; readonly fraction: number };

/** The values an input may take, inclusive. */
export interface InputDomain {
  readonly min: number;
  readonly max: number;
}

export const UNBOUNDED: InputDomain = { min: -Infinity, max: Infinity };

/** Rejection sampling for a truncated normal gives up after this many draws. */
export const MAX_NORMAL_REJECTIONS = 1000;

/** z of the normal's 2.5 % and 97.5 % points, the ends a tornado uses. */
const Z_975 = 1.959963984540054;

/**
 * Validates a distribution against the input's domain and returns it.
 * @equation uniform: low ≤ high; triangular: low ≤ mode ≤ high; normal: sd ≥ 0, mean in domain; plus-minus: fraction ≥ 0
 * @source Lestari issue 6 (uncertain inputs); domains from the study input's units (fractions 0–1)
 * @param distribution the distribution, possibly from untyped JSON
 * @param domain the values the input may take
 * @param field the field path for errors
 * @throws GpError INVALID_INPUT for an unknown kind; NOT_FINITE for a non-number; OUT_OF_RANGE when the ends are out of order or outside the domain
 * @example requireDistribution({ kind: 'uniform', low: 0.8, high: 0.9 }, { min: 0, max: 1 }, 'cod') // => { kind: 'uniform', low: 0.8, high: 0.9 }
 */
export function requireDistribution(
  distribution: UncertainDistribution,
  domain: InputDomain,
  field: string,
): UncertainDistribution {
  const d = requireObject(distribution, field);
  const at = (name: string) => (field === '' ? name : `${field}.${name}`);
  let checked: UncertainDistribution;
  switch (d.kind as unknown) {
    case 'uniform': {
      const u = d as Extract<UncertainDistribution, { kind: 'uniform' }>;
      checked = {
        kind: 'uniform',
        low: requireFinite(u.low, at('low')),
        high: requireFinite(u.high, at('high')),
      };
      if (checked.low > checked.high) {
        throw new GpError(
          'OUT_OF_RANGE',
          field,
          `low (${checked.low}) must be ≤ high (${checked.high})`,
        );
      }
      break;
    }
    case 'triangular': {
      const t = d as Extract<UncertainDistribution, { kind: 'triangular' }>;
      checked = {
        kind: 'triangular',
        low: requireFinite(t.low, at('low')),
        mode: requireFinite(t.mode, at('mode')),
        high: requireFinite(t.high, at('high')),
      };
      if (!(checked.low <= checked.mode && checked.mode <= checked.high)) {
        throw new GpError('OUT_OF_RANGE', field, 'must have low ≤ mode ≤ high');
      }
      break;
    }
    case 'normal': {
      const n = d as Extract<UncertainDistribution, { kind: 'normal' }>;
      checked = {
        kind: 'normal',
        mean: requireFinite(n.mean, at('mean')),
        sd: requireNonNegative(n.sd, at('sd')),
      };
      if (!Number.isFinite(checked.mean + Z_975 * checked.sd)) {
        throw new GpError('OUT_OF_RANGE', at('sd'), 'is too large');
      }
      break;
    }
    case 'plus-minus': {
      const p = d as Extract<UncertainDistribution, { kind: 'plus-minus' }>;
      checked = {
        kind: 'plus-minus',
        value: requireFinite(p.value, at('value')),
        fraction: requireNonNegative(p.fraction, at('fraction')),
      };
      const { low, high } = distributionEnds(checked, UNBOUNDED);
      if (!Number.isFinite(low) || !Number.isFinite(high)) {
        throw new GpError('OUT_OF_RANGE', at('fraction'), 'is too large');
      }
      break;
    }
    default:
      throw new GpError(
        'INVALID_INPUT',
        at('kind'),
        `must be uniform, triangular, normal or plus-minus, got ${String(d.kind)}`,
      );
  }
  const centre = checked.kind === 'normal' ? checked.mean : undefined;
  const { low, high } =
    checked.kind === 'normal'
      ? { low: checked.mean, high: checked.mean }
      : distributionEnds(checked, UNBOUNDED);
  if (low < domain.min || high > domain.max) {
    throw new GpError(
      'OUT_OF_RANGE',
      field,
      `${centre === undefined ? 'the values' : 'the mean'} must lie within ${domain.min}–${domain.max}, got ${low}–${high}`,
    );
  }
  return checked;
}

/**
 * The inverse CDF of the triangular distribution.
 * @equation F⁻¹(u) = a + √(u(b−a)(c−a)) for u < (c−a)/(b−a), else b − √((1−u)(b−a)(b−c))
 * @source Johnson, Kotz & Balakrishnan (1995) Continuous Univariate Distributions vol. 2, 2nd ed., ch. 26 §9 (triangular)
 * @param u a probability in [0, 1]
 * @param low a, the lower end
 * @param mode c, the most likely value
 * @param high b, the upper end
 * @example triangularQuantile(0.5, 0, 0, 1) // => 0.2929 (1 − √½)
 */
export function triangularQuantile(u: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width === 0) return low;
  if (u * width < mode - low) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}

/**
 * The ends a one-at-a-time sensitivity uses: the range's ends, or the normal's central 95 %
 * (mean ± 1.96·sd), clipped to the domain.
 * @equation uniform/triangular: [low, high]; plus-minus: v·(1 ∓ f) ordered; normal: μ ± 1.95996·σ
 * @source Saltelli et al. (2008) Global Sensitivity Analysis: The Primer, Wiley, §1.2.1 (one-at-a-time, tornado)
 * @param distribution a validated distribution
 * @param domain the values the input may take
 * @example distributionEnds({ kind: 'plus-minus', value: 100, fraction: 0.1 }, UNBOUNDED) // => { low: 90, high: 110 }
 */
export function distributionEnds(
  distribution: UncertainDistribution,
  domain: InputDomain,
): { readonly low: number; readonly high: number } {
  let low: number;
  let high: number;
  switch (distribution.kind) {
    case 'uniform':
    case 'triangular':
      ({ low, high } = distribution);
      break;
    case 'plus-minus': {
      const a = distribution.value * (1 - distribution.fraction);
      const b = distribution.value * (1 + distribution.fraction);
      low = Math.min(a, b);
      high = Math.max(a, b);
      break;
    }
    case 'normal':
      low = distribution.mean - Z_975 * distribution.sd;
      high = distribution.mean + Z_975 * distribution.sd;
      break;
  }
  return { low: Math.max(low, domain.min), high: Math.min(high, domain.max) };
}

/**
 * One draw from a validated distribution, within the domain.
 * @equation uniform: a + (b−a)·u; triangular: F⁻¹(u); normal: μ + σ·√(−2 ln u₁)·cos(2πu₂), redrawn until in the domain; plus-minus: uniform on v·(1 ∓ f)
 * @source Box & Muller (1958) A note on the generation of random normal deviates, Ann. Math. Stat. 29(2) 610–611; Devroye (1986) Non-Uniform Random Variate Generation, §II.2 (inversion)
 * @param distribution a distribution checked by requireDistribution
 * @param random the seeded random source
 * @param domain the values the input may take (truncation of the normal)
 * @throws GpError OUT_OF_RANGE when a truncated normal has almost no mass in the domain (1000 rejections)
 * @example sampleDistribution({ kind: 'uniform', low: 2, high: 2 }, createRandomSource(1), UNBOUNDED) // => 2
 */
export function sampleDistribution(
  distribution: UncertainDistribution,
  random: RandomSource,
  domain: InputDomain,
): number {
  switch (distribution.kind) {
    case 'uniform':
      return distribution.low + (distribution.high - distribution.low) * random.nextUnit();
    case 'triangular':
      return triangularQuantile(
        random.nextUnit(),
        distribution.low,
        distribution.mode,
        distribution.high,
      );
    case 'plus-minus': {
      if (distribution.fraction === 0) return distribution.value;
      const { low, high } = distributionEnds(distribution, UNBOUNDED);
      return low + (high - low) * random.nextUnit();
    }
    case 'normal': {
      if (distribution.sd === 0) return distribution.mean;
      for (let attempt = 0; attempt < MAX_NORMAL_REJECTIONS; attempt++) {
        const radius = Math.sqrt(-2 * Math.log(random.nextUnit()));
        const x =
          distribution.mean + distribution.sd * radius * Math.cos(2 * Math.PI * random.nextUnit());
        if (x >= domain.min && x <= domain.max) return x;
      }
      throw new GpError(
        'OUT_OF_RANGE',
        'sd',
        `the normal distribution puts almost no probability within ${domain.min}–${domain.max}`,
      );
    }
  }
}

/**
 * A sampler equal to sampleDistribution for one distribution, with the work that does not
 * depend on the draw (the kind, a ± % distribution's ends, a triangle's widths) done once: the
 * same draws give the same values.
 * @equation as sampleDistribution; plus-minus: low + (high − low)·u with low, high computed once
 * @source sampleDistribution (this file); Vose (2008) Risk Analysis, 3rd ed., ch. 7
 * @param distribution a checked distribution (requireDistribution)
 * @param domain the input's domain (normal draws outside it are rejected)
 * @throws GpError OUT_OF_RANGE (from the sampler) when a normal puts almost no probability within the domain
 * @example createDistributionSampler({ kind: 'plus-minus', value: 10, fraction: 0.2 }, UNBOUNDED)(createRandomSource(1)) // => a value in 8–12
 */
export function createDistributionSampler(
  distribution: UncertainDistribution,
  domain: InputDomain,
): (random: RandomSource) => number {
  // One closure per kind with its constants (no switch or property loads per draw); each
  // repeats sampleDistribution's operations in its order, so the values are bitwise equal.
  switch (distribution.kind) {
    case 'uniform': {
      const { low, high } = distribution;
      return (random) => low + (high - low) * random.nextUnit();
    }
    case 'triangular': {
      const { low, mode, high } = distribution;
      const width = high - low;
      if (width === 0) {
        return (random) => {
          random.nextUnit(); // drawn as sampleDistribution draws it
          return low;
        };
      }
      const left = mode - low;
      const right = high - mode;
      return (random) => {
        const u = random.nextUnit();
        return u * width < left
          ? low + Math.sqrt(u * width * left)
          : high - Math.sqrt((1 - u) * width * right);
      };
    }
    case 'plus-minus': {
      if (distribution.fraction === 0) return () => distribution.value;
      const { low, high } = distributionEnds(distribution, UNBOUNDED);
      return (random) => low + (high - low) * random.nextUnit();
    }
    case 'normal': {
      const { mean, sd } = distribution;
      if (sd === 0) return () => mean;
      const { min, max } = domain;
      return (random) => {
        for (let attempt = 0; attempt < MAX_NORMAL_REJECTIONS; attempt++) {
          const radius = Math.sqrt(-2 * Math.log(random.nextUnit()));
          const x = mean + sd * radius * Math.cos(2 * Math.PI * random.nextUnit());
          if (x >= min && x <= max) return x;
        }
        throw new GpError(
          'OUT_OF_RANGE',
          'sd',
          `the normal distribution puts almost no probability within ${min}–${max}`,
        );
      };
    }
  }
}
