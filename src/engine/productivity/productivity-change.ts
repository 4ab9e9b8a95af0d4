/**
 * The change of productivity between two states (two periods, before and after an option):
 * in percentage points and relative to the first, the two numbers studies confuse.
 */
import { GpError } from '../errors.js';
import { requireFiniteResult, requireNonNegative, requirePositive } from '../validate.js';
import { totalProductivity } from './total-productivity.js';
import type { ProductivityData, TotalProductivity } from './total-productivity.js';

export interface ProductivityChange {
  /** Productivity before and after, as ratios (1.4539 = 145.39 %). */
  readonly beforeRatio: number;
  readonly afterRatio: number;
  readonly beforePercent: number;
  readonly afterPercent: number;
  /** after % − before %: percentage points. */
  readonly changePoints: number;
  /** (after ÷ before − 1) × 100: percent of the first productivity. */
  readonly relativeChangePercent: number;
}

/**
 * Change from one productivity ratio to another, in percentage points and in percent of the first.
 * @equation Δ points = (P_after − P_before) × 100; Δ relative % = (P_after ÷ P_before − 1) × 100
 * @source Sumanth, D.J. (1985) Productivity Engineering and Management, McGraw-Hill, ch. 5 (productivity indices between periods); Case C (PT ECCO Tannery) section B
 * @param before the first productivity as a ratio (> 0)
 * @param after the second productivity as a ratio (≥ 0)
 * @throws GpError NOT_FINITE when a ratio is not a finite number; OUT_OF_RANGE when before ≤ 0 or after < 0
 * @example productivityChange(1.4539, 1.4635) // => { changePoints: 0.96, relativeChangePercent: 0.6603…, … }
 */
export function productivityChange(before: number, after: number): ProductivityChange {
  const beforeRatio = requirePositive(before, 'before');
  const afterRatio = requireNonNegative(after, 'after');
  const beforePercent = requireFiniteResult(beforeRatio * 100, 'before');
  const afterPercent = requireFiniteResult(afterRatio * 100, 'after');
  return {
    beforeRatio,
    afterRatio,
    beforePercent,
    afterPercent,
    changePoints: requireFiniteResult(afterPercent - beforePercent, 'after'),
    relativeChangePercent: requireFiniteResult((afterRatio / beforeRatio - 1) * 100, 'after'),
  };
}

export interface ProductivityComparison {
  readonly before: TotalProductivity;
  readonly after: TotalProductivity;
  readonly change: ProductivityChange;
}

/**
 * Compares two states' total productivity, refusing to compare a value basis with a physical
 * one or two different unit labels.
 * @equation P = Σ output ÷ Σ input for each state; Δ points = (P_after − P_before) × 100; Δ relative % = (P_after ÷ P_before − 1) × 100
 * @source APO, Handbook on Green Productivity (2006), GP step 5 (monitoring and evaluating results); Sumanth (1985) Productivity Engineering and Management, ch. 5
 * @param before the first state's productivity data
 * @param after the second state's productivity data (same basis and unit)
 * @throws GpError UNIT_MISMATCH when the bases or the unit labels differ (field `after.basis` or `after.unit`)
 * @throws GpError INVALID_INPUT, EMPTY, NOT_FINITE, OUT_OF_RANGE, UNDEFINED_RESULT from either state (fields under `before` / `after`); OUT_OF_RANGE when the first productivity is 0
 * @example compareProductivity({ basis: 'value', outputs: { sales: 120 }, inputs: { material: 100 } }, { basis: 'value', outputs: { sales: 120 }, inputs: { material: 96 } }) // => { change: { changePoints: 5, relativeChangePercent: 4.1666…, … }, … }
 */
export function compareProductivity(
  before: ProductivityData,
  after: ProductivityData,
): ProductivityComparison {
  const a = renameDataField('before', () => totalProductivity(before));
  const b = renameDataField('after', () => totalProductivity(after));
  if (a.basis !== b.basis) {
    throw new GpError(
      'UNIT_MISMATCH',
      'after.basis',
      `a ${b.basis} productivity cannot be compared with a ${a.basis} one`,
    );
  }
  if (a.unit !== b.unit) {
    throw new GpError(
      'UNIT_MISMATCH',
      'after.unit',
      `unit "${String(b.unit)}" differs from the first state's "${String(a.unit)}"`,
    );
  }
  if (a.ratio === 0) {
    throw new GpError(
      'OUT_OF_RANGE',
      'before.outputs',
      'total output is 0: no change relative to it',
    );
  }
  return { before: a, after: b, change: productivityChange(a.ratio, b.ratio) };
}

/** Runs totalProductivity and renames its `data…` error fields to `name…`. */
function renameDataField<T>(name: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && /^data(\.|$)/.test(error.field)) {
      throw new GpError(error.code, name + error.field.slice('data'.length), error.detail);
    }
    throw error;
  }
}
