import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { aggregatePairwiseMatrices, ahpGroupWeights } from './ahp-group.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import { pairwiseMatrixFromUpperTriangle, validatePairwiseMatrix } from './ahp-matrix.js';
import { ahpWeights } from './ahp-weights.js';

const saatyMatrix = (n: number) =>
  fc
    .array(fc.constantFrom(1 / 9, 1 / 5, 1 / 3, 1, 2, 3, 5, 9), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((flat) => {
      let k = 0;
      return pairwiseMatrixFromUpperTriangle(
        Array.from({ length: n - 1 }, (_, i) =>
          Array.from({ length: n - 1 - i }, () => flat[k++] as number),
        ),
      );
    });

const panel = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.array(saatyMatrix(n), { minLength: 1, maxLength: 5 }));

describe('aggregatePairwiseMatrices', () => {
  it('takes the element-wise geometric mean', () => {
    const a = pairwiseMatrixFromUpperTriangle([[3, 9], [1 / 2]]);
    const b = pairwiseMatrixFromUpperTriangle([[1 / 3, 1], [8]]);
    const g = aggregatePairwiseMatrices([a, b]);
    // By hand: √(3 · 1/3) = 1, √(9 · 1) = 3, √(1/2 · 8) = 2.
    expect(g[0]?.[1]).toBeCloseTo(1, 12);
    expect(g[0]?.[2]).toBeCloseTo(3, 12);
    expect(g[1]?.[2]).toBeCloseTo(2, 12);
    expect(g[2]?.[1]).toBeCloseTo(1 / 2, 12);
  });

  it('keeps the aggregate reciprocal and leaves a single respondent unchanged', () => {
    fc.assert(
      fc.property(panel, (ms) => {
        const g = aggregatePairwiseMatrices(ms);
        expect(() => validatePairwiseMatrix(g, { reciprocalTolerance: 1e-12 })).not.toThrow();
        if (ms.length === 1) {
          g.forEach((row, i) =>
            row.forEach((v, j) => expect(v).toBeCloseTo(ms[0]?.[i]?.[j] as number, 12)),
          );
        }
      }),
    );
  });

  it('names the respondent and entry of a malformed matrix', () => {
    const good = [
      [1, 2],
      [1 / 2, 1],
    ];
    expect(() =>
      aggregatePairwiseMatrices([
        good,
        [
          [1, 2],
          [2, 1],
        ],
      ]),
    ).toThrow('matrices[1][1][0]: must be 1 / matrix[0][1] = 1 / 2, got 2');
    expect(() => aggregatePairwiseMatrices([good, [[1]]])).toThrow(
      /^matrices\[1\]: must be 2 × 2 like matrices\[0\], got 1 × 1/,
    );
    expect(() => aggregatePairwiseMatrices([])).toThrow('matrices: must not be empty');
    expect(() => aggregatePairwiseMatrices([good, []])).toThrow('matrices[1]: must not be empty');
  });
});

describe('ahpGroupWeights', () => {
  it("reports the aggregate's weights and CR and every respondent's own", () => {
    const consistentExpert = pairwiseMatrixFromUpperTriangle([[2, 4], [2]]);
    const inconsistentExpert = pairwiseMatrixFromUpperTriangle([[3, 1 / 5], [7]]);
    const r = ahpGroupWeights([consistentExpert, inconsistentExpert]);
    expect(r.respondents).toHaveLength(2);
    expect(r.respondents[0]?.consistencyRatio).toBeCloseTo(0, 12);
    expect(r.respondents[0]?.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(r.respondents[1]?.consistent).toBe(false);
    expect(r.group).toEqual(ahpWeights(r.aggregate));
    expect(r.group.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('gives the common weights when every respondent is consistent with the same w', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (w, m) => {
          const matrix = w.map((wi) => w.map((wj) => wi / wj));
          const total = w.reduce((s, v) => s + v, 0);
          const r = ahpGroupWeights(Array.from({ length: m }, () => matrix));
          r.group.weights.forEach((v, i) => expect(v).toBeCloseTo((w[i] as number) / total, 9));
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(
            fc.oneof(
              nastyValue,
              fc.array(fc.array(nastyNumber, { maxLength: 3 }), { maxLength: 3 }),
            ),
            {
              maxLength: 3,
            },
          ),
          panel,
        ),
        (ms) => {
          expectFiniteOrGpError(() => aggregatePairwiseMatrices(ms as readonly PairwiseMatrix[]));
          expectFiniteOrGpError(() => ahpGroupWeights(ms as readonly PairwiseMatrix[]));
        },
      ),
    );
  });
});
