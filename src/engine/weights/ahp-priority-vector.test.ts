import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import { pairwiseMatrixFromUpperTriangle } from './ahp-matrix.js';
import { ahpEigenvectorWeights, ahpGeometricMeanWeights } from './ahp-priority-vector.js';

/** A consistent matrix a_ij = w_i / w_j and its weights normalised to sum 1. */
const consistent = fc
  .array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 })
  .map((raw) => {
    const total = raw.reduce((s, v) => s + v, 0);
    const w = raw.map((v) => v / total);
    const matrix: PairwiseMatrix = w.map((wi) => w.map((wj) => wi / wj));
    return { w, matrix };
  });

/** An arbitrary (usually inconsistent) reciprocal matrix on Saaty's scale. */
const saatyMatrix = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .array(fc.constantFrom(1 / 9, 1 / 7, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 7, 9), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((flat) => {
      let k = 0;
      const upper = Array.from({ length: n - 1 }, (_, i) =>
        Array.from({ length: n - 1 - i }, () => flat[k++] as number),
      );
      return pairwiseMatrixFromUpperTriangle(upper);
    }),
);

const methods = [
  ['eigenvector', (m: PairwiseMatrix) => ahpEigenvectorWeights(m).weights],
  ['geometric mean', (m: PairwiseMatrix) => ahpGeometricMeanWeights(m)],
] as const;

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe.each(methods)('%s priority vector', (_name, weightsOf) => {
  it('gives positive weights that sum to 1', () => {
    fc.assert(
      fc.property(saatyMatrix, (m) => {
        const w = weightsOf(m);
        expect(w).toHaveLength(m.length);
        for (const v of w) expect(v).toBeGreaterThan(0);
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('gives back w from the consistent matrix w_i / w_j', () => {
    fc.assert(
      fc.property(consistent, ({ w, matrix }) => {
        weightsOf(matrix).forEach((v, i) => {
          expect(Math.abs(v - (w[i] as number))).toBeLessThanOrEqual(1e-9 * (w[i] as number));
        });
      }),
    );
  });

  it('permutes the weights with the items', () => {
    fc.assert(
      fc.property(
        saatyMatrix.chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.shuffledSubarray(
              m.map((_, i) => i),
              { minLength: m.length, maxLength: m.length },
            ),
          ),
        ),
        ([m, p]) => {
          const permuted = p.map((pi) => p.map((pj) => (m[pi] as number[])[pj] as number));
          const w = weightsOf(m);
          weightsOf(permuted).forEach((v, i) => {
            expect(Math.abs(v - (w[p[i] as number] as number))).toBeLessThan(1e-9);
          });
        },
      ),
    );
  });

  it('weights the item with the larger judgment higher in a 2 × 2 matrix', () => {
    // a_12 = 4: w_1 / w_2 = 4, so w = (0.8, 0.2) by both methods (closed form for n = 2).
    const w = weightsOf([
      [1, 4],
      [1 / 4, 1],
    ]);
    expect(w[0]).toBeCloseTo(0.8, 12);
    expect(w[1]).toBeCloseTo(0.2, 12);
  });
});

describe('eigenvector and geometric mean', () => {
  it('agree on consistent matrices', () => {
    fc.assert(
      fc.property(consistent, ({ matrix }) => {
        const e = ahpEigenvectorWeights(matrix).weights;
        const g = ahpGeometricMeanWeights(matrix);
        e.forEach((v, i) => expect(Math.abs(v - (g[i] as number))).toBeLessThan(1e-9));
      }),
    );
  });

  it('agree on every 3 × 3 reciprocal matrix (a known identity for n = 3) but not in general', () => {
    fc.assert(
      fc.property(
        saatyMatrix.filter((m) => m.length === 3),
        (m) => {
          const e = ahpEigenvectorWeights(m).weights;
          const g = ahpGeometricMeanWeights(m);
          e.forEach((v, i) => expect(Math.abs(v - (g[i] as number))).toBeLessThan(1e-9));
        },
      ),
    );
    // Saaty's (1990) house matrix (n = 8, CR 0.169): the two methods differ in the 3rd decimal.
    const house = pairwiseMatrixFromUpperTriangle([
      [5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [6, 3, 4, 6, 1 / 5],
      [1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 2, 1 / 5, 1 / 6],
      [1 / 5, 1 / 6],
      [1 / 2],
    ]);
    const e = ahpEigenvectorWeights(house).weights;
    const g = ahpGeometricMeanWeights(house);
    expect(Math.max(...e.map((v, i) => Math.abs(v - (g[i] as number))))).toBeGreaterThan(1e-3);
  });
});

describe('power iteration', () => {
  it('reports NOT_CONVERGED when the iteration cap is too low', () => {
    const m = pairwiseMatrixFromUpperTriangle([[3, 1 / 5], [7]]);
    expect(() => ahpEigenvectorWeights(m, { maxIterations: 2 })).toThrow(GpError);
    try {
      ahpEigenvectorWeights(m, { maxIterations: 2 });
    } catch (e) {
      expect(e instanceof GpError && e.code).toBe('NOT_CONVERGED');
      expect(e instanceof GpError && e.field).toBe('matrix');
    }
  });

  it('converges in two steps on a consistent matrix', () => {
    expect(
      ahpEigenvectorWeights([
        [1, 2, 4],
        [1 / 2, 1, 2],
        [1 / 4, 1 / 2, 1],
      ]).iterations,
    ).toBe(2);
  });

  it('refuses bad settings with their field', () => {
    expect(() => ahpEigenvectorWeights([[1]], { maxIterations: 0 })).toThrow(
      /^settings\.maxIterations: must be a whole number ≥ 1/,
    );
    expect(() => ahpEigenvectorWeights([[1]], { convergenceTolerance: 0 })).toThrow(
      /^settings\.convergenceTolerance: must be > 0/,
    );
  });

  it('refuses judgments so extreme that a weight underflows', () => {
    const m = [
      [1, 1e300, 1e300],
      [1e-300, 1, 1e300],
      [1e-300, 1e-300, 1],
    ];
    expect(() => ahpGeometricMeanWeights(m)).toThrow(
      /^matrix\[2\]: the weight of item 2 underflows/,
    );
  });
});

describe('bad input', () => {
  const nastyMatrix = fc.oneof(
    nastyValue,
    fc.array(fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 4 })), { maxLength: 4 }),
    // Reciprocal by construction but with extreme judgments, to stress overflow and convergence.
    fc.array(nastyNumber, { minLength: 3, maxLength: 3 }).map((u) => [
      [1, u[0], u[1]],
      [1 / (u[0] as number), 1, u[2]],
      [1 / (u[1] as number), 1 / (u[2] as number), 1],
    ]),
  );

  it('eigenvector: returns finite weights or a GpError', () => {
    fc.assert(
      fc.property(nastyMatrix, nastyValue, (m, maxIterations) => {
        expectFiniteOrGpError(() => ahpEigenvectorWeights(m as PairwiseMatrix));
        expectFiniteOrGpError(() =>
          ahpEigenvectorWeights(m as PairwiseMatrix, { maxIterations: maxIterations as number }),
        );
      }),
    );
  });

  it('geometric mean: returns finite weights or a GpError', () => {
    fc.assert(
      fc.property(nastyMatrix, (m) => {
        expectFiniteOrGpError(() => ahpGeometricMeanWeights(m as PairwiseMatrix));
      }),
    );
  });
});
