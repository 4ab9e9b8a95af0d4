/**
 * Input guards shared by the economics chapter: an interest rate per period, a cash-flow
 * series, an input object and the optional factor rounding. They throw GpError like the
 * engine's core guards, so inputs from untyped JSON never reach a formula unchecked.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireInteger, requireNonEmpty } from '../validate.js';

/** The largest number of decimals `factorDecimals` accepts (beyond it rounding is a no-op). */
export const MAX_FACTOR_DECIMALS = 15;

/**
 * An interest rate per period as a fraction (0.1 = 10 %), finite and above −100 %.
 *
 * @equation i > −1 (so that 1 + i > 0 and (1 + i)^−t is defined)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3 (interest rate per period)
 * @param value The rate from the caller, possibly untyped.
 * @param field The field path to report.
 * @throws GpError NOT_FINITE when the rate is not a finite number
 * @throws GpError OUT_OF_RANGE when the rate is ≤ −1
 * @example requireInterestRate(0.15, 'marr') // => 0.15
 */
export function requireInterestRate(value: unknown, field: string): number {
  const rate = requireFinite(value, field);
  if (!(rate > -1)) {
    throw new GpError('OUT_OF_RANGE', field, `must be > -1 (−100 %), got ${rate}`);
  }
  return rate;
}

/**
 * A non-empty list of finite cash flows, index t = end of period t (t = 0 is now).
 *
 * @equation CF_t finite for t = 0 … n, n ≥ 0
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 3 (cash-flow diagrams, end-of-period convention)
 * @param value The list from the caller, possibly untyped.
 * @param field The field path to report; items are reported as `field[t]`.
 * @throws GpError INVALID_INPUT when the value is not a list
 * @throws GpError EMPTY when the list is empty
 * @throws GpError NOT_FINITE when an item is not a finite number
 * @example requireCashFlows([-100, 60, 60], 'flows') // => [-100, 60, 60]
 */
export function requireCashFlows(value: unknown, field: string): readonly number[] {
  const items = requireNonEmpty<unknown>(value, field);
  return items.map((item, t) => requireFinite(item, `${field}[${t}]`));
}

/**
 * An input object (not null, not a list), so that reading its properties cannot fail.
 *
 * @equation value is a non-null, non-array object
 * @source Lestari engine convention: inputs may come from untyped JSON (docs/engine rules)
 * @param value The input from the caller, possibly untyped.
 * @param field The field path to report ('' for the whole call).
 * @throws GpError INVALID_INPUT when the value is not an object
 * @example requireInputObject({ rate: 0.1 }, '') // => { rate: 0.1 }
 */
export function requireInputObject(
  value: unknown,
  field: string,
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GpError('INVALID_INPUT', field, 'must be an object');
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * The optional number of decimals an interest factor is rounded to (undefined: exact).
 *
 * @equation k ∈ {0, 1, …, 15} or absent
 * @source Printed compound-interest tables give factors to 4 decimals, e.g. Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), compound interest tables
 * @param value The option from the caller, possibly untyped.
 * @param field The field path to report.
 * @throws GpError NOT_FINITE when present and not a finite number
 * @throws GpError OUT_OF_RANGE when present and not a whole number in 0…15
 * @example requireFactorDecimals(4, 'factorDecimals') // => 4
 */
export function requireFactorDecimals(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const decimals = requireInteger(value, field, 0);
  if (decimals > MAX_FACTOR_DECIMALS) {
    throw new GpError(
      'OUT_OF_RANGE',
      field,
      `must be a whole number between 0 and ${MAX_FACTOR_DECIMALS}, got ${decimals}`,
    );
  }
  return decimals;
}

/**
 * Runs `compute` and renames the field of a GpError it throws, so that an error from a
 * helper (its `periods`, `flows[3]`) is reported against the caller's input (`life`,
 * `benefits[3]`). A field is renamed when it equals a key or starts with it followed by
 * `[` or `.`; renaming to '' reports the whole call.
 *
 * @equation field' = renames[key] + rest when field = key + rest, field otherwise
 * @source Lestari engine convention: error fields name the caller's own parameters (docs/engine rules)
 * @param renames Map from the helper's field to the caller's field.
 * @param compute The calculation to run.
 * @throws GpError whatever `compute` throws, with the field renamed
 * @example renameErrorField({ periods: 'life' }, () => 1) // => 1
 */
export function renameErrorField<T>(
  renames: Readonly<Record<string, string>>,
  compute: () => T,
): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof GpError)) throw error;
    for (const [from, to] of Object.entries(renames)) {
      const rest = error.field.slice(from.length);
      if (error.field.startsWith(from) && (rest === '' || rest[0] === '[' || rest[0] === '.')) {
        throw new GpError(error.code, to === '' ? '' : to + rest, error.detail);
      }
    }
    throw error;
  }
}
