import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyValue } from '../../../test/support/finite.js';
import { createRandomSource, splitMix32Sequence, xoshiro128StarStar } from './random-source.js';

// Reference outputs from the authors' C code (prng.di.unimi.it/xoshiro128starstar.c), compiled
// with gcc -O2; SplitMix32 as the Weyl sequence + MurmurHash3 fmix32 in C with uint32_t.
describe('xoshiro128**', () => {
  it('reproduces the reference C implementation from state 1, 2, 3, 4', () => {
    const g = xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => g.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it('seeds from a 32-bit seed through SplitMix32 as the C reference does', () => {
    expect(splitMix32Sequence(1, 4)).toEqual([2527132011, 314344336, 2535364964, 2041432039]);
    const g = createRandomSource(1);
    expect(Array.from({ length: 6 }, () => g.nextUint32())).toEqual([
      2442144158, 3238099751, 3819917871, 2104621829, 2021136066, 4223536128,
    ]);
  });

  it('gives units strictly inside (0, 1) with mean ½ and variance 1/12 within sampling error', () => {
    const g = createRandomSource(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = g.nextUnit();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    // SE of the mean = √(1/12 / n); 5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('refuses seeds that are not 32-bit whole numbers and an all-zero state', () => {
    expect(() => createRandomSource(-1)).toThrow('seed: must be a whole number');
    expect(() => createRandomSource(2 ** 32)).toThrow(
      'seed: must be a whole number 0 … 4294967295',
    );
    expect(() => xoshiro128StarStar([0, 0, 0, 0])).toThrow('state: must not be all zero');
    fc.assert(
      fc.property(nastyValue, (seed) => {
        expectFiniteOrGpError(() => createRandomSource(seed as number).nextUnit());
      }),
    );
  });
});
