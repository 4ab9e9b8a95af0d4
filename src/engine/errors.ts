/**
 * The engine's one error type. Every precondition failure throws a GpError with a stable
 * `code` (for programs) and the offending `field` as a path (for people), e.g.
 * `options[2].life: must be > 0`. Expected outcomes that are not errors (an IRR with no
 * root, a payback that never happens) are returned as data, not thrown.
 */
export type GpErrorCode =
  /** A value is not a finite number (NaN, ±Infinity, or not a number at all). */
  | 'NOT_FINITE'
  /** A number violates a bound such as `> 0` or `in [0, 1]`. */
  | 'OUT_OF_RANGE'
  /** A list that needs items has none (or too few). */
  | 'EMPTY'
  /** Lists or matrices whose sizes must agree do not. */
  | 'DIMENSION_MISMATCH'
  /** Quantities in units that cannot be combined (kg/h with m³ without a density). */
  | 'UNIT_MISMATCH'
  /** Two items share a name or id that must be unique. */
  | 'DUPLICATE'
  /** A name or id refers to nothing. */
  | 'UNKNOWN_REFERENCE'
  /** An AHP matrix is not positive and reciprocal (a_ji = 1 / a_ij, a_ii = 1). */
  | 'NOT_RECIPROCAL'
  /** An iterative method did not converge within its limit. */
  | 'NOT_CONVERGED'
  /** The result is undefined for this input (a zero denominator, an overflow). */
  | 'UNDEFINED_RESULT'
  /** Any other malformed input (wrong shape, an unknown option). */
  | 'INVALID_INPUT';

export class GpError extends Error {
  override readonly name = 'GpError';
  readonly code: GpErrorCode;
  /** Path of the offending input, e.g. `options[2].life`; '' when it concerns the whole call. */
  readonly field: string;
  /** The message without the field prefix. */
  readonly detail: string;

  constructor(code: GpErrorCode, field: string, detail: string) {
    super(field === '' ? detail : `${field}: ${detail}`);
    this.code = code;
    this.field = field;
    this.detail = detail;
  }
}

/** Joins a field path: `path('options', 2, 'life')` → `options[2].life`. */
export function path(...parts: readonly (string | number)[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (part === '') continue;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * Runs `compute` and re-throws any GpError with its field placed under `prefix`, so a caller
 * that passed `options[2]` to a function sees `options[2].life` rather than `life`.
 */
export function withFieldPrefix<T>(prefix: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && prefix !== '') {
      const field =
        error.field === ''
          ? prefix
          : error.field.startsWith('[')
            ? prefix + error.field
            : `${prefix}.${error.field}`;
      throw new GpError(error.code, field, error.detail);
    }
    throw error;
  }
}
