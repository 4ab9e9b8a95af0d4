/**
 * The estimated productivity after a GP option: the current outputs and inputs by category,
 * changed by the option (a delta, or a new value, per category), and productivity recomputed.
 */
import { GpError, path } from '../errors.js';
import { productivityChange } from '../productivity/productivity-change.js';
import type { ProductivityChange } from '../productivity/productivity-change.js';
import { totalProductivity } from '../productivity/total-productivity.js';
import type {
  ProductivityBasis,
  ProductivityData,
  TotalProductivity,
} from '../productivity/total-productivity.js';
import {
  requireFinite,
  requireFiniteResult,
  requireName,
  requireNonNegative,
} from '../validate.js';

/** One change to an output or input category: add a delta (negative for a saving), or set a value. */
export type ProductivityCategoryChange =
  | {
      readonly category: string;
      readonly delta: number;
      readonly value?: undefined;
      /** What the change is, e.g. `sludge dryer electricity`. */
      readonly label?: string;
    }
  | {
      readonly category: string;
      readonly value: number;
      readonly delta?: undefined;
      readonly label?: string;
    };

export interface OptionProductivityChanges {
  readonly inputs?: readonly ProductivityCategoryChange[];
  readonly outputs?: readonly ProductivityCategoryChange[];
}

/** A category before and after the option. */
export interface CategoryEffect {
  readonly category: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

export interface ProductivityAfterOption {
  readonly basis: ProductivityBasis;
  readonly unit: string | undefined;
  readonly before: TotalProductivity;
  readonly after: TotalProductivity;
  readonly outputs: readonly CategoryEffect[];
  readonly inputs: readonly CategoryEffect[];
  /** Change of the total productivity, in percentage points and relative %. */
  readonly change: ProductivityChange;
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

/** Applies the changes of one side (outputs or inputs) to its categories, in order. */
function applyChanges(
  current: Readonly<Record<string, number>>,
  changes: unknown,
  field: string,
): { readonly amounts: Record<string, number>; readonly effects: CategoryEffect[] } {
  const amounts: Record<string, number> = { ...current };
  if (changes === undefined) {
    return {
      amounts,
      effects: Object.entries(current).map(([category, v]) => ({
        category,
        before: v,
        after: v,
        change: 0,
      })),
    };
  }
  if (!Array.isArray(changes)) {
    throw new GpError(
      'INVALID_INPUT',
      field,
      'must be a list of changes { category, delta | value }',
    );
  }
  // Scale of the numbers involved, to absorb rounding when deltas cancel a category exactly.
  const scale = new Map<string, number>();
  const lastChange = new Map<string, number>();
  (changes as readonly unknown[]).forEach((raw, i) => {
    const at = path(field, i);
    if (typeof raw !== 'object' || raw === null) {
      throw new GpError('INVALID_INPUT', at, 'must be a change { category, delta | value }');
    }
    const change = raw as { category?: unknown; delta?: unknown; value?: unknown; label?: unknown };
    const category = requireName(change.category, path(at, 'category'));
    if (change.label !== undefined) requireName(change.label, path(at, 'label'));
    if (!Object.prototype.hasOwnProperty.call(amounts, category)) {
      throw new GpError(
        'UNKNOWN_REFERENCE',
        path(at, 'category'),
        `no category "${category}"; known: ${Object.keys(amounts).join(', ')} ` +
          '(add a new category to the current data with amount 0)',
      );
    }
    const hasDelta = change.delta !== undefined;
    const hasValue = change.value !== undefined;
    if (hasDelta === hasValue) {
      throw new GpError('INVALID_INPUT', at, 'must have exactly one of delta and value');
    }
    const old = amounts[category] as number;
    if (hasDelta) {
      const delta = requireFinite(change.delta, path(at, 'delta'));
      amounts[category] = requireFiniteResult(old + delta, path(at, 'delta'));
      scale.set(category, (scale.get(category) ?? Math.abs(old)) + Math.abs(delta));
    } else {
      amounts[category] = requireNonNegative(change.value, path(at, 'value'));
      scale.set(category, Math.abs(amounts[category]));
    }
    lastChange.set(category, i);
  });
  for (const [category, i] of lastChange) {
    const amount = amounts[category] as number;
    if (amount >= 0) continue;
    if (-amount <= 1e-12 * (scale.get(category) ?? 0)) {
      amounts[category] = 0; // only rounding of deltas that cancel the category
      continue;
    }
    throw new GpError(
      'OUT_OF_RANGE',
      path(field, i),
      `would leave category "${category}" at ${amount}; an amount must stay ≥ 0`,
    );
  }
  const effects = Object.entries(amounts).map(([category, after]) => {
    const before = current[category] as number;
    return { category, before, after, change: requireFiniteResult(after - before, field) };
  });
  return { amounts, effects };
}

/**
 * Estimated productivity after an option: applies the option's changes (deltas or new values)
 * to the current output and input categories and recomputes total and partial productivity.
 * @equation input_c' = input_c + Σ delta_c (or the new value); output_k' likewise; P' = Σ output' ÷ Σ input'; Δ points = (P' − P) × 100; Δ relative % = (P' ÷ P − 1) × 100
 * @source Case C (PT ECCO Tannery, Singgih & Afida) section 4.2.6 B: energy + electricity + fuel of the sludge dryer, waste treatment − saving, output unchanged
 * @param current the current productivity data (basis, unit, outputs, inputs by category)
 * @param changes the option's changes to input and output categories, applied in order
 * @throws GpError every error of totalProductivity for `current` (fields under `current`)
 * @throws GpError INVALID_INPUT when a change lacks a category or has both or neither of delta and value; UNKNOWN_REFERENCE when its category is not in `current`
 * @throws GpError OUT_OF_RANGE when a category would become negative (field of its last change) or the current productivity is 0; UNDEFINED_RESULT when the new total input is 0
 * @example productivityAfterOption({ basis: 'value', outputs: { sales: 120 }, inputs: { energy: 20, 'waste-treatment': 10 } }, { inputs: [{ category: 'energy', delta: 2 }, { category: 'waste-treatment', delta: -8 }] }) // => { before: { percent: 400, … }, after: { percent: 500, … }, change: { changePoints: 100, relativeChangePercent: 25, … }, … }
 */
export function productivityAfterOption(
  current: ProductivityData,
  changes: OptionProductivityChanges,
): ProductivityAfterOption {
  const before = renameDataField('current', () => totalProductivity(current));
  if (typeof changes !== 'object' || changes === null) {
    throw new GpError('INVALID_INPUT', 'changes', 'must be { inputs?, outputs? }');
  }
  const outputs = applyChanges(current.outputs, changes.outputs, 'changes.outputs');
  const inputs = applyChanges(current.inputs, changes.inputs, 'changes.inputs');
  const after = renameDataField('changes', () =>
    totalProductivity({
      basis: before.basis,
      ...(before.unit === undefined ? {} : { unit: before.unit }),
      outputs: outputs.amounts,
      inputs: inputs.amounts,
    }),
  );
  if (before.ratio === 0) {
    throw new GpError(
      'OUT_OF_RANGE',
      'current.outputs',
      'total output is 0: no change relative to it',
    );
  }
  return {
    basis: before.basis,
    unit: before.unit,
    before,
    after,
    outputs: outputs.effects,
    inputs: inputs.effects,
    change: productivityChange(before.ratio, after.ratio),
  };
}
