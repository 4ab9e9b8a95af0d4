import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import type { PairwiseMatrix } from './ahp-matrix.js';
import { pairwiseMatrixFromUpperTriangle, validatePairwiseMatrix } from './ahp-matrix.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const bad = (m: unknown): PairwiseMatrix => m as PairwiseMatrix;

describe('validatePairwiseMatrix', () => {
  it('accepts a positive reciprocal matrix and keeps its entries as given', () => {
    const m = [
      [1, 3, 0.2],
      [0.333, 1, 0.143],
      [5, 7, 1],
    ];
    expect(validatePairwiseMatrix(m)).toEqual(m);
    expect(validatePairwiseMatrix([[1]])).toEqual([[1]]);
  });

  it('names the lower entry matrix[j][i] when a_ji is not 1/a_ij', () => {
    expect(
      failure(() =>
        validatePairwiseMatrix([
          [1, 3, 5],
          [1 / 3, 1, 2],
          [1 / 5, 2, 1],
        ]),
      ),
    ).toBe('NOT_RECIPROCAL matrix[2][1]: must be 1 / matrix[1][2] = 1 / 2, got 2');
  });

  it('refuses a diagonal entry other than 1', () => {
    expect(
      failure(() =>
        validatePairwiseMatrix([
          [1, 2],
          [0.5, 2],
        ]),
      ),
    ).toBe('NOT_RECIPROCAL matrix[1][1]: must be 1, got 2');
  });

  it('accepts rounded reciprocals within the tolerance and refuses them outside it', () => {
    const rounded = [
      [1, 7],
      [0.14, 1],
    ];
    expect(failure(() => validatePairwiseMatrix(rounded))).toMatch(
      /^NOT_RECIPROCAL matrix\[1\]\[0\]/,
    );
    expect(validatePairwiseMatrix(rounded, { reciprocalTolerance: 0.05 })).toEqual(rounded);
    expect(failure(() => validatePairwiseMatrix(rounded, { reciprocalTolerance: -1 }))).toMatch(
      /^OUT_OF_RANGE settings\.reciprocalTolerance/,
    );
  });

  it('refuses empty, non-square, zero, negative and non-finite input with the field', () => {
    expect(failure(() => validatePairwiseMatrix([]))).toBe('EMPTY matrix: must not be empty');
    expect(failure(() => validatePairwiseMatrix(bad('x')))).toMatch(/^INVALID_INPUT matrix:/);
    expect(failure(() => validatePairwiseMatrix([[1, 2], [0.5]]))).toBe(
      'DIMENSION_MISMATCH matrix[1]: must have 2 entries (the matrix has 2 rows), got 1',
    );
    expect(failure(() => validatePairwiseMatrix([[1, 2]]))).toMatch(
      /^DIMENSION_MISMATCH matrix\[0\]/,
    );
    expect(
      failure(() =>
        validatePairwiseMatrix([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toBe('OUT_OF_RANGE matrix[0][1]: must be > 0, got 0');
    expect(
      failure(() =>
        validatePairwiseMatrix([
          [1, -2],
          [-0.5, 1],
        ]),
      ),
    ).toMatch(/^OUT_OF_RANGE matrix\[0\]\[1\]/);
    expect(
      failure(() =>
        validatePairwiseMatrix([
          [1, Infinity],
          [0, 1],
        ]),
      ),
    ).toMatch(/^NOT_FINITE matrix\[0\]\[1\]/);
    expect(
      failure(() =>
        validatePairwiseMatrix(
          bad([
            [1, '2'],
            [0.5, 1],
          ]),
        ),
      ),
    ).toMatch(/^NOT_FINITE matrix\[0\]\[1\]/);
  });

  it('returns a matrix or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(fc.oneof(nastyValue, fc.array(nastyNumber)), { maxLength: 4 }),
        ),
        (m) => {
          expectFiniteOrGpError(() => validatePairwiseMatrix(bad(m)));
        },
      ),
    );
  });
});

describe('pairwiseMatrixFromUpperTriangle', () => {
  it('fills the diagonal with 1 and the lower triangle with reciprocals', () => {
    expect(pairwiseMatrixFromUpperTriangle([[3, 5], [2]])).toEqual([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expect(pairwiseMatrixFromUpperTriangle([])).toEqual([[1]]);
  });

  it('builds matrices that pass validation with no tolerance at all', () => {
    const judgment = fc.constantFrom(1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 2, 3, 5, 7, 9, 2.5);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.infiniteStream(judgment), (n, stream) => {
        const it = stream[Symbol.iterator]();
        const upper = Array.from({ length: n - 1 }, (_, i) =>
          Array.from({ length: n - 1 - i }, () => it.next().value as number),
        );
        const m = pairwiseMatrixFromUpperTriangle(upper);
        expect(m).toHaveLength(n);
        expect(() => validatePairwiseMatrix(m, { reciprocalTolerance: 1e-15 })).not.toThrow();
      }),
    );
  });

  it("keeps judgments on Saaty's scale unless told any positive value is fine", () => {
    expect(failure(() => pairwiseMatrixFromUpperTriangle([[12]]))).toBe(
      "OUT_OF_RANGE upper[0][0]: must be on Saaty's scale (1/9 to 9), got 12",
    );
    expect(failure(() => pairwiseMatrixFromUpperTriangle([[3, 0.1], [2]]))).toMatch(
      /^OUT_OF_RANGE upper\[0\]\[1\]/,
    );
    expect(pairwiseMatrixFromUpperTriangle([[12]], { scale: 'positive' })).toEqual([
      [1, 12],
      [1 / 12, 1],
    ]);
  });

  it('refuses rows of the wrong length, bad judgments and an unknown scale', () => {
    expect(failure(() => pairwiseMatrixFromUpperTriangle([[3], [2]]))).toBe(
      'DIMENSION_MISMATCH upper[0]: must hold the 2 judgments right of the diagonal, got 1',
    );
    expect(failure(() => pairwiseMatrixFromUpperTriangle([[0]]))).toMatch(
      /^OUT_OF_RANGE upper\[0\]\[0\]: must be > 0/,
    );
    expect(
      failure(() => pairwiseMatrixFromUpperTriangle([[5e-324]], { scale: 'positive' })),
    ).toMatch(/^UNDEFINED_RESULT upper\[0\]\[0\]/);
    expect(
      failure(() =>
        pairwiseMatrixFromUpperTriangle([[2]], { scale: 'any' as unknown as 'positive' }),
      ),
    ).toMatch(/^INVALID_INPUT settings\.scale/);
  });

  it('returns a matrix or a GpError for any nasty input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.array(fc.oneof(nastyValue, fc.array(nastyNumber)), { maxLength: 4 }),
        ),
        fc.constantFrom<'saaty' | 'positive'>('saaty', 'positive'),
        (upper, scale) => {
          expectFiniteOrGpError(() =>
            pairwiseMatrixFromUpperTriangle(upper as readonly (readonly number[])[], { scale }),
          );
        },
      ),
    );
  });
});
