/**
 * Comparing a number a paper printed with the number the engine computed. A printed number
 * carries its own precision: "1,34" claims the value rounds to 1.34, no more. So a printed
 * value matches when the computed value, rounded to the printed decimals, gives it; large money
 * amounts printed whole also match within 0.01 % (papers round interest factors, see the cases
 * README). The audit never rounds results; it only decides whether a printed number agrees.
 */
import { GpError } from '../errors.js';
import { requireFinite, requireFiniteResult, requireInteger } from '../validate.js';
import type { PublishedValue } from '../study/study-input.js';

/** Relative tolerance for money printed whole (the cases README's 0.01 %). */
export const PUBLISHED_MONEY_TOLERANCE = 1e-4;

/** Printed whole numbers at least this large are treated as money amounts. */
export const PUBLISHED_MONEY_THRESHOLD = 1000;

export interface PublishedComparison {
  readonly status: 'match' | 'discrepancy';
  /** The printed value in the result's own scale (a printed 41,67 % of a fraction: 0.4167). */
  readonly printed: number;
  /** Factor from the result's scale to the printed one: 100 when a fraction is printed as %. */
  readonly scale: number;
  /** printed − computed, in the result's scale. */
  readonly absolute: number;
  /** (printed − computed) / |computed|; undefined when computed is 0 (or the ratio overflows). */
  readonly relative: number | undefined;
  /** The computed value rounded to the printed decimals gives the printed number. */
  readonly exact: boolean;
  /** How a match was decided: by rounding, or by the money tolerance alone. */
  readonly rule: 'rounding' | 'money-tolerance' | 'none';
}

/**
 * Whether a result field already holds a percentage (so a printed "%" needs no scaling).
 *
 * @equation percent field ⇔ name = "percent" ∨ name ends with "Percent" ∨ name = "changePoints"
 * @source Lestari result naming convention (productivity `percent`, waste `reductionPercent`, productivity change `changePoints`)
 * @param field The last key of the result path.
 * @example isPercentResultField('reductionPercent') // => true
 */
export function isPercentResultField(field: string): boolean {
  return field === 'percent' || field.endsWith('Percent') || field === 'changePoints';
}

/**
 * The factor that turns a result value into the scale the paper printed it in.
 *
 * @equation scale = 100 when printed as a percentage and the field holds a fraction, else 1
 * @source Lestari audit convention: a printed "41,67 %" of a deviation Pi compares with 0.4167
 * @param percent Whether the number was printed with a % sign.
 * @param field The last key of the result path.
 * @example publishedScale(true, 'performance') // => 100
 */
export function publishedScale(percent: boolean, field: string): number {
  return percent && !isPercentResultField(field) ? 100 : 1;
}

/**
 * Rounds half away from zero to a number of decimals, as a printed table does.
 *
 * @equation round_d(x) = sign(x)·⌊|x|·10^d + ½⌋ / 10^d (with a relative nudge of 1e−14 so 1.005 → 1.01)
 * @source Half-up rounding of printed values, ISO 80000-1:2009 Annex B (rule B)
 * @param value Any finite number.
 * @param decimals Whole number of decimals, −15…15 (negative rounds to tens, hundreds …).
 * @throws GpError NOT_FINITE when value is not a finite number
 * @throws GpError OUT_OF_RANGE when decimals is not a whole number in −15…15
 * @example roundPrintedDecimals(1.70833, 2) // => 1.71
 */
export function roundPrintedDecimals(value: number, decimals: number): number {
  const v = requireFinite(value, 'value');
  const d = requireDecimals(decimals, 'decimals');
  const scaled = Math.abs(v) * 10 ** d;
  if (!(scaled < 2 ** 52)) return v;
  const rounded = Math.floor(scaled * (1 + 1e-14) + 0.5);
  return d >= 0 ? (Math.sign(v) * rounded) / 10 ** d : Math.sign(v) * rounded * 10 ** -d;
}

/**
 * Whether a candidate value, in the printed scale, rounds to the printed number.
 *
 * @equation |candidate − printed| ≤ ½·10^−d + 1e−12·max(1, |printed|)
 * @source Lestari audit convention: a printed number claims only its printed decimals
 * @param candidate The value to test, in the printed scale.
 * @param printed The printed number.
 * @param decimals Decimals as printed.
 * @throws GpError NOT_FINITE when a number is not finite
 * @throws GpError OUT_OF_RANGE when decimals is not a whole number in −15…15
 * @example reproducesPrinted(1.3315, 1.33, 2) // => true
 */
export function reproducesPrinted(candidate: number, printed: number, decimals: number): boolean {
  const c = requireFinite(candidate, 'candidate');
  const p = requireFinite(printed, 'printed');
  const d = requireDecimals(decimals, 'decimals');
  return Math.abs(c - p) <= 0.5 * 10 ** -d + 1e-12 * Math.max(1, Math.abs(p));
}

/**
 * Compares a published value with the computed result it names.
 *
 * @equation match ⇔ |x·s − p| ≤ ½·10^−d + ε, or (|p| ≥ 1000, d ≤ 0) |x·s − p| ≤ 10^−4·|x·s|; s = 100 for a fraction printed as %
 * @source Cases README (shared/cases/README.md): indices to their printed rounding, money to 0.01 % relative
 * @param published The printed value: value, decimals as printed, percent flag.
 * @param field The last key of the result path (decides whether a printed % is scaled).
 * @param computed The computed result.
 * @throws GpError NOT_FINITE when the printed or computed value is not a finite number
 * @throws GpError OUT_OF_RANGE when decimals is not a whole number in −15…15
 * @throws GpError INVALID_INPUT when percent is not true or false
 * @throws GpError UNDEFINED_RESULT when the difference overflows
 * @example comparePublishedValue({ result: 'epi.terms[bod].performance', value: 41.67, decimals: 2, percent: true, text: '41,67 %' }, 'performance', 0.416667).status // => 'match'
 */
export function comparePublishedValue(
  published: PublishedValue,
  field: string,
  computed: number,
): PublishedComparison {
  const value = requireFinite(published.value, 'value');
  const decimals = requireDecimals(published.decimals, 'decimals');
  if (typeof published.percent !== 'boolean') {
    throw new GpError('INVALID_INPUT', 'percent', 'must be true or false');
  }
  const x = requireFinite(computed, 'computed');
  const scale = publishedScale(published.percent, field);
  const inPrintedScale = x * scale;
  const exact = reproducesPrinted(inPrintedScale, value, decimals);
  const money =
    !exact &&
    decimals <= 0 &&
    Math.abs(value) >= PUBLISHED_MONEY_THRESHOLD &&
    Math.abs(inPrintedScale - value) <= PUBLISHED_MONEY_TOLERANCE * Math.abs(inPrintedScale);
  const printed = value / scale;
  const absolute = requireFiniteResult(printed - x, 'computed');
  return {
    status: exact || money ? 'match' : 'discrepancy',
    printed,
    scale,
    absolute,
    relative: relativeDifference(absolute, x),
    exact,
    rule: exact ? 'rounding' : money ? 'money-tolerance' : 'none',
  };
}

/** Undefined for a zero (or so tiny that the ratio overflows) computed value. */
function relativeDifference(absolute: number, computed: number): number | undefined {
  const relative = absolute / Math.abs(computed);
  return computed === 0 || !Number.isFinite(relative) ? undefined : relative;
}

function requireDecimals(value: unknown, field: string): number {
  const d = requireInteger(value, field, -15);
  if (d > 15) throw new GpError('OUT_OF_RANGE', field, `must be at most 15, got ${d}`);
  return d;
}
