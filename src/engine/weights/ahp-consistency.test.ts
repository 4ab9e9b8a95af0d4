import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { ahpConsistency, ahpRandomIndex, SAATY_RANDOM_INDEX } from './ahp-consistency.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import { pairwiseMatrixFromUpperTriangle } from './ahp-matrix.js';
import { ahpEigenvectorWeights } from './ahp-priority-vector.js';

const consistent = fc
  .array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 })
  .map((w) => ({ w, matrix: w.map((wi) => w.map((wj) => wi / wj)) as PairwiseMatrix }));

describe('ahpRandomIndex', () => {
  it("reads Saaty's table (n: RI — 3: 0.58, 4: 0.90, 5: 1.12, 10: 1.49)", () => {
    // Values of the brief and methods notes (Saaty 1980): compared entry by entry.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ahpRandomIndex(n))).toEqual([
      0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
    ]);
    expect(SAATY_RANDOM_INDEX).toHaveLength(10);
  });

  it('uses a supplied table and refuses sizes it does not cover', () => {
    expect(ahpRandomIndex(3, [0, 0, 0.52])).toBe(0.52);
    expect(() => ahpRandomIndex(11)).toThrow(/^table: has no random index for 11 items/);
    expect(() => ahpRandomIndex(0)).toThrow(/^n: must be a whole number ≥ 1/);
    expect(() => ahpRandomIndex(3, [0, 0, -1])).toThrow(/^table\[2\]: must be ≥ 0/);
  });

  it('returns a number or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(nastyValue, fc.oneof(nastyValue, fc.array(nastyNumber)), (n, table) => {
        expectFiniteOrGpError(() => ahpRandomIndex(n as number, table as readonly number[]));
      }),
    );
  });
});

describe('ahpConsistency', () => {
  it('gives λmax = n and CR = 0 for a consistent matrix', () => {
    fc.assert(
      fc.property(consistent, ({ w, matrix }) => {
        const c = ahpConsistency(matrix, w);
        expect(Math.abs(c.lambdaMax - w.length)).toBeLessThan(1e-9 * w.length);
        expect(Math.abs(c.consistencyRatio)).toBeLessThan(1e-9);
        expect(c.consistent).toBe(true);
      }),
    );
  });

  it('does not depend on the scale of the weights', () => {
    const m = pairwiseMatrixFromUpperTriangle([[3, 1 / 5], [7]]);
    const w = ahpEigenvectorWeights(m).weights;
    const a = ahpConsistency(m, w);
    const b = ahpConsistency(
      m,
      w.map((v) => v * 250),
    );
    expect(b.lambdaMax).toBeCloseTo(a.lambdaMax, 12);
  });

  it('flags CR above the threshold as data, and honours a configured threshold', () => {
    // a12 = 3, a13 = 1/5, a23 = 7 contradicts itself: 1 beats 2, 2 beats 3 strongly, 3 beats 1.
    const m = pairwiseMatrixFromUpperTriangle([[3, 1 / 5], [7]]);
    const w = ahpEigenvectorWeights(m).weights;
    const c = ahpConsistency(m, w);
    expect(c.consistencyRatio).toBeGreaterThan(0.1);
    expect(c.consistent).toBe(false);
    expect(c.consistencyIndex).toBeCloseTo((c.lambdaMax - 3) / 2, 12);
    expect(c.consistencyRatio).toBeCloseTo(c.consistencyIndex / 0.58, 12);
    expect(ahpConsistency(m, w, { threshold: 10 }).consistent).toBe(true);
    expect(ahpConsistency(m, w, { randomIndex: [0, 0, 100] }).consistencyRatio).toBeCloseTo(
      c.consistencyIndex / 100,
      12,
    );
  });

  it('gives CR 0 for one and two items', () => {
    expect(ahpConsistency([[1]], [1])).toMatchObject({
      lambdaMax: 1,
      consistencyIndex: 0,
      consistencyRatio: 0,
      consistent: true,
    });
    // Rounded reciprocals make λmax slightly below 2; CR is still 0 by definition for n = 2.
    const c = ahpConsistency(
      [
        [1, 3],
        [0.333, 1],
      ],
      [0.75, 0.25],
    );
    expect(c.consistencyRatio).toBe(0);
  });

  it('shows its working: A·w and the ratios (A·w)_i / w_i', () => {
    const c = ahpConsistency(
      [
        [1, 2],
        [1 / 2, 1],
      ],
      [2, 1],
    );
    expect(c.weightedSums).toEqual([4, 2]);
    expect(c.ratios).toEqual([2, 2]);
  });

  it('refuses weights that do not fit the matrix and a table that does not cover n', () => {
    const m = [
      [1, 2],
      [1 / 2, 1],
    ];
    expect(() => ahpConsistency(m, [1])).toThrow(/^weights: must have one weight per item \(2\)/);
    expect(() => ahpConsistency(m, [1, 0])).toThrow(/^weights\[1\]: must be > 0/);
    const m3 = pairwiseMatrixFromUpperTriangle([[2, 4], [2]]);
    expect(() => ahpConsistency(m3, [4, 2, 1], { randomIndex: [0, 0] })).toThrow(
      /^settings\.randomIndex: has no random index for 3 items/,
    );
    expect(() => ahpConsistency(m3, [4, 2, 1], { randomIndex: [0, 0, 0] })).toThrow(
      /^settings\.randomIndex\[2\]: must be > 0 for 3 items/,
    );
    expect(() => ahpConsistency(m3, [4, 2, 1], { threshold: -0.1 })).toThrow(
      /^settings\.threshold: must be ≥ 0/,
    );
  });

  it('returns finite numbers or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(fc.array(nastyNumber, { maxLength: 3 }), { maxLength: 3 }),
          fc.constant([
            [1, 1e300],
            [1e-300, 1],
          ]),
        ),
        fc.oneof(nastyValue, fc.array(nastyNumber, { minLength: 1, maxLength: 3 })),
        fc.oneof(fc.constant(undefined), nastyValue),
        (m, w, randomIndex) => {
          expectFiniteOrGpError(() =>
            ahpConsistency(m as PairwiseMatrix, w as readonly number[], {
              randomIndex: randomIndex as readonly number[],
            }),
          );
        },
      ),
    );
  });
});
