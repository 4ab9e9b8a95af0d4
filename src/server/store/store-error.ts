/**
 * The one error the store throws for expected failures. `code` is stable: the HTTP layer maps
 * it to a status (not-found → 404, conflict / duplicate / forbidden-last-owner → 409,
 * invalid → 400). Anything else the store throws is a bug or an outage (500).
 */
export type StoreErrorCode =
  'not-found' | 'conflict' | 'duplicate' | 'forbidden-last-owner' | 'invalid';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** True when `error` is a unique-constraint violation in SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}
