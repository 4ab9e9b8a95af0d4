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

/** xoshiro128**'s jump polynomial: 2⁶⁴ steps (Blackman & Vigna's reference JUMP). */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

/**
 * The state of xoshiro128** after `jumps` jumps of 2⁶⁴ steps each: starting points of
 * non-overlapping sub-streams for blocks of a Monte Carlo computed in any order or thread.
 * @equation s ← Σ_{b : JUMP bit b set} T^b·s (over GF(2)), repeated `jumps` times; T = one step of xoshiro128**
 * @source Blackman & Vigna (2021) ACM TOMS 47(4) 36; reference C code xoshiro128starstar.c, jump()
 * @param state four 32-bit words, not all zero
 * @param jumps how many jumps, 0 … 2³²
 * @throws GpError as xoshiro128StarStar; OUT_OF_RANGE when jumps is not a whole number 0 … 2³²
 * @example xoshiro128Jump([1, 2, 3, 4], 0) // => [1, 2, 3, 4]
 */
export function xoshiro128Jump(state: readonly number[], jumps: number): number[] {
  const n = requireInteger(jumps, 'jumps');
  if (n > 2 ** 32) throw new GpError('OUT_OF_RANGE', 'jumps', 'must be ≤ 2³²');
  xoshiro128StarStar(state); // checks the state
  let s = state.map((w) => w | 0);
  for (let j = 0; j < n; j++) {
    // One step of the state, as xoshiro128StarStar's nextUint32 (the output is not needed).
    let [s0, s1, s2, s3] = s as [number, number, number, number];
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (const word of JUMP) {
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          t0 ^= s0;
          t1 ^= s1;
          t2 ^= s2;
          t3 ^= s3;
        }
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
    }
    s = [t0, t1, t2, t3];
  }
  return s.map((w) => w >>> 0);
}

/**
 * The random source of block `block` of a seed: createRandomSource(seed) jumped `block` times
 * by 2⁶⁴ steps, so blocks draw from non-overlapping streams and block 0 is the seed's own stream.
 * @equation state_b = JUMP^b(splitMix32Sequence(seed, 4))
 * @source Blackman & Vigna (2021) ACM TOMS 47(4) 36 (jump() for parallel computations)
 * @param seed a whole number 0 … 2³² − 1
 * @param block the block index, 0 … 2³²
 * @throws GpError OUT_OF_RANGE for a bad seed or block
 * @example createBlockRandomSource(1, 0).nextUint32() === createRandomSource(1).nextUint32() // => true
 */
export function createBlockRandomSource(seed: number, block: number): RandomSource {
  return xoshiro128StarStar(xoshiro128Jump(splitMix32Sequence(seed, 4), block));
}

function requireSeed(value: unknown, field: string): number {
  const n = requireInteger(value, field);
  if (n > 0xffffffff) {
    throw new GpError('OUT_OF_RANGE', field, `must be a whole number 0 … 4294967295, got ${n}`);
  }
  return n;
}
