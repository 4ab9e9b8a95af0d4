import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import { pairwiseMatrixFromUpperTriangle } from './ahp-matrix.js';
import type { AhpMethod } from './ahp-weights.js';
import { ahpWeights } from './ahp-weights.js';

const inconsistent = pairwiseMatrixFromUpperTriangle([[3, 1 / 5], [7]]);

describe('ahpWeights', () => {
  it('uses the eigenvector by default and the row geometric mean on request', () => {
    const m = pairwiseMatrixFromUpperTriangle([[2, 5, 9], [3, 5], [2]]);
    const eigen = ahpWeights(m);
    const geometric = ahpWeights(m, { method: 'geometric-mean' });
    expect(eigen.method).toBe('eigenvector');
    expect(eigen.iterations).toBeGreaterThan(0);
    expect(geometric.method).toBe('geometric-mean');
    expect(geometric.iterations).toBe(0);
    // Row geometric means by hand: (1·2·5·9)^(1/4) = 90^(1/4), …
    const rows = [90 ** 0.25, ((1 / 2) * 3 * 5) ** 0.25, ((1 / 15) * 2) ** 0.25, (1 / 90) ** 0.25];
    const total = rows.reduce((s, v) => s + v, 0);
    geometric.weights.forEach((w, i) => expect(w).toBeCloseTo((rows[i] as number) / total, 12));
    expect(eigen.weights).not.toEqual(geometric.weights);
  });

  it('returns an inconsistent matrix with consistent: false instead of throwing', () => {
    const r = ahpWeights(inconsistent);
    expect(r.consistent).toBe(false);
    expect(r.consistencyRatio).toBeGreaterThan(0.1);
    expect(r.n).toBe(3);
  });

  it('refuses an unknown method', () => {
    expect(() => ahpWeights([[1]], { method: 'average' as AhpMethod })).toThrow(
      /^settings\.method: must be 'eigenvector' or 'geometric-mean'/,
    );
  });

  it('returns finite numbers or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(fc.array(nastyNumber, { maxLength: 3 }), { maxLength: 3 })),
        fc.constantFrom<AhpMethod>('eigenvector', 'geometric-mean'),
        fc.oneof(fc.constant(undefined), nastyValue),
        (m, method, threshold) => {
          expectFiniteOrGpError(() =>
            ahpWeights(m as PairwiseMatrix, { method, threshold: threshold as number }),
          );
        },
      ),
    );
  });
});
