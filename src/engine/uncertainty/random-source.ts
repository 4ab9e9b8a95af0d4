/**
 * The engine's only source of randomness: a seeded xoshiro128** generator, so that every
 * Monte Carlo run is reproducible from its seed. Nothing here reads a clock or Math.random.
 */
import { requireInteger } from '../validate.js';
import { GpError } from '../errors.js';

/** A seeded stream of pseudo-random numbers. */
export interface RandomSource {
  /** The next 32-bit output, 0 … 2³² − 1. */
  readonly nextUint32: () => number;
  /** The next number in the open interval (0, 1), with 2⁻³² resolution. */
  readonly nextUnit: () => number;
}

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * The SplitMix32 sequence used to expand a 32-bit seed into a generator state: a Weyl
 * sequence (step 0x9e3779b9) through the MurmurHash3 32-bit finaliser.
 * @equation z_k = s + k·0x9e3779b9 (mod 2³²); out_k = fmix32(z_k)
 * @source Steele, Lea & Flood (2014) Fast splittable pseudorandom number generators, OOPSLA; Appleby, MurmurHash3 fmix32
 * @param seed a whole number 0 … 2³² − 1
 * @param count how many outputs
 * @throws GpError OUT_OF_RANGE when the seed is not a whole number 0 … 2³² − 1
 * @example splitMix32Sequence(1, 1) // => [2462723854]
 */
export function splitMix32Sequence(seed: number, count: number): number[] {
  let state = requireSeed(seed, 'seed') | 0;
  const n = requireInteger(count, 'count');
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out.push((z ^ (z >>> 16)) >>> 0);
  }
  return out;
}

/**
 * A xoshiro128** generator with the given 128-bit state (four 32-bit words, not all zero).
 * @equation out = rotl(s1·5, 7)·9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11)
 * @source Blackman & Vigna (2021) Scrambled linear pseudorandom number generators, ACM TOMS 47(4) 36; reference C code xoshiro128starstar.c
 * @param state four whole numbers 0 … 2³² − 1, not all zero
 * @throws GpError INVALID_INPUT when the state is not four 32-bit words or is all zero
 * @example xoshiro128StarStar([1, 2, 3, 4]).nextUint32() // => 11520
 */
export function xoshiro128StarStar(state: readonly number[]): RandomSource {
  if (!Array.isArray(state) || state.length !== 4) {
    throw new GpError('INVALID_INPUT', 'state', 'must be four 32-bit words');
  }
  let [s0, s1, s2, s3] = state.map((w, i) => requireSeed(w, `state[${i}]`) | 0) as [
    number,
    number,
    number,
    number,
  ];
  if ((s0 | s1 | s2 | s3) === 0) {
    throw new GpError('INVALID_INPUT', 'state', 'must not be all zero');
  }
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  // (u + ½)·2⁻³² is never 0 or 1, so logarithms and inverse CDFs stay finite.
  const nextUnit = (): number => (nextUint32() + 0.5) * TWO_TO_MINUS_32;
  return { nextUint32, nextUnit };
}

/**
 * A reproducible random source from a 32-bit seed: xoshiro128** seeded by SplitMix32.
 * @equation state = splitMix32Sequence(seed, 4); stream = xoshiro128**(state)
 * @source Blackman & Vigna (2021) ACM TOMS 47(4) 36, §"seeding" (expand the seed with a SplitMix generator)
 * @param seed a whole number 0 … 2³² − 1
 * @throws GpError OUT_OF_RANGE when the seed is not a whole number 0 … 2³² − 1
 * @example createRandomSource(1).nextUnit() // => a number in (0, 1), the same on every run
 */
export function createRandomSource(seed: number): RandomSource {
  // SplitMix32 never yields four zero words in a row from one seed (fmix32 is a bijection
  // of distinct Weyl states), so the state is valid.
  return xoshiro128StarStar(splitMix32Sequence(seed, 4));
}

function requireSeed(value: unknown, field: string): number {
  const n = requireInteger(value, field);
  if (n > 0xffffffff) {
    throw new GpError('OUT_OF_RANGE', field, `must be a whole number 0 … 4294967295, got ${n}`);
  }
  return n;
}
