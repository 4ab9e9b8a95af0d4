/**
 * Total and partial productivity of one period: output ÷ input, on a value (money) or a
 * physical (mass) basis, with the input split into categories.
 */
import { GpError, path } from '../errors.js';
import { requireFiniteResult, requireName, requireNonNegative } from '../validate.js';

/** Value: money (Rp) on both sides. Physical: quantities (kg) on both sides. One basis per ratio. */
export type ProductivityBasis = 'value' | 'physical';

/** The input categories the APO guides and the seed studies use; any other text is accepted too. */
export const PRODUCTIVITY_INPUT_CATEGORIES = [
  'material',
  'labour',
  'energy',
  'water',
  'waste-treatment',
  'other',
] as const;

/** A standard input category, or any category the user names. */
export type ProductivityInputCategory =
  (typeof PRODUCTIVITY_INPUT_CATEGORIES)[number] | (string & Record<never, never>);

export interface ProductivityData {
  readonly basis: ProductivityBasis;
  /** A label for both sides, e.g. `million IDR` or `kg`. */
  readonly unit?: string;
  /** Output amounts by name (sales, products …); summed. */
  readonly outputs: Readonly<Record<string, number>>;
  /** Input amounts by category (see PRODUCTIVITY_INPUT_CATEGORIES, or any name); summed. */
  readonly inputs: Readonly<Record<string, number>>;
}

export interface NamedAmount {
  readonly name: string;
  readonly amount: number;
}

/** Output ÷ one input category; a category with zero input has no partial productivity. */
export type PartialProductivity =
  | {
      readonly kind: 'ratio';
      readonly category: string;
      readonly input: number;
      readonly percentOfTotalInput: number;
      readonly ratio: number;
      readonly percent: number;
    }
  | {
      readonly kind: 'zero-input';
      readonly category: string;
      readonly input: 0;
      readonly percentOfTotalInput: 0;
    };

export interface TotalProductivity {
  readonly basis: ProductivityBasis;
  readonly unit: string | undefined;
  readonly outputs: readonly NamedAmount[];
  readonly inputs: readonly NamedAmount[];
  readonly totalOutput: number;
  readonly totalInput: number;
  /** Total output ÷ total input. */
  readonly ratio: number;
  /** The ratio × 100. */
  readonly percent: number;
  /** Total output ÷ each input category, in the order given. */
  readonly partial: readonly PartialProductivity[];
}

/** Reads the basis label. */
function readBasis(value: unknown, field: string): ProductivityBasis {
  if (value !== 'value' && value !== 'physical') {
    throw new GpError(
      'INVALID_INPUT',
      field,
      `must be "value" or "physical", got ${String(value)}`,
    );
  }
  return value;
}

/** Reads a record of non-negative amounts with at least one entry. */
function readAmounts(record: unknown, field: string): NamedAmount[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new GpError('INVALID_INPUT', field, 'must be a record of amounts by name');
  }
  const entries = Object.entries(record as Record<string, unknown>);
  if (entries.length === 0) throw new GpError('EMPTY', field, 'must not be empty');
  return entries.map(([name, amount]) => ({
    name: requireName(name, field),
    amount: requireNonNegative(amount, path(field, name)),
  }));
}

function sumAmounts(amounts: readonly NamedAmount[], field: string): number {
  return requireFiniteResult(
    amounts.reduce((total, a) => total + a.amount, 0),
    field,
  );
}

/**
 * Total productivity (Σ output ÷ Σ input) and the partial productivity of each input category
 * (Σ output ÷ that category), on one basis.
 * @equation P_total = Σ output ÷ Σ input; P_partial,c = Σ output ÷ input_c; % = ratio × 100
 * @source Sumanth, D.J. (1985) Productivity Engineering and Management, McGraw-Hill, ch. 5 (total and partial productivity); Case C (PT ECCO Tannery) Tabel 5 and section B
 * @param data basis (value or physical), unit label, outputs by name and inputs by category (amounts ≥ 0)
 * @throws GpError INVALID_INPUT when the basis is not value/physical or outputs/inputs are not records; EMPTY when either has no entry
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when an amount is not a finite number ≥ 0 (field `data.inputs.<category>`)
 * @throws GpError UNDEFINED_RESULT when the total input is 0 or a sum overflows (field `data.inputs`)
 * @example totalProductivity({ basis: 'value', unit: 'million IDR', outputs: { sales: 411924.42 }, inputs: { material: 248413.4, labour: 6991.57, energy: 24440.9, 'waste-treatment': 3492.72 } }) // => { totalInput: 283338.59, ratio: 1.45382…, percent: 145.382…, partial: [{ category: 'material', ratio: 1.65823…, … }, …] }
 */
export function totalProductivity(data: ProductivityData): TotalProductivity {
  if (typeof data !== 'object' || data === null) {
    throw new GpError(
      'INVALID_INPUT',
      'data',
      'must be productivity data { basis, outputs, inputs }',
    );
  }
  const basis = readBasis(data.basis, 'data.basis');
  const unit = data.unit === undefined ? undefined : requireName(data.unit, 'data.unit');
  const outputs = readAmounts(data.outputs, 'data.outputs');
  const inputs = readAmounts(data.inputs, 'data.inputs');
  const totalOutput = sumAmounts(outputs, 'data.outputs');
  const totalInput = sumAmounts(inputs, 'data.inputs');
  if (totalInput === 0) {
    throw new GpError(
      'UNDEFINED_RESULT',
      'data.inputs',
      'total input is 0: productivity is undefined',
    );
  }
  const ratio = requireFiniteResult(totalOutput / totalInput, 'data.inputs');
  const partial = inputs.map((input): PartialProductivity => {
    const percentOfTotalInput = (input.amount / totalInput) * 100;
    if (input.amount === 0) {
      return { kind: 'zero-input', category: input.name, input: 0, percentOfTotalInput: 0 };
    }
    const partialRatio = requireFiniteResult(
      totalOutput / input.amount,
      path('data.inputs', input.name),
    );
    return {
      kind: 'ratio',
      category: input.name,
      input: input.amount,
      percentOfTotalInput,
      ratio: partialRatio,
      percent: requireFiniteResult(partialRatio * 100, path('data.inputs', input.name)),
    };
  });
  return {
    basis,
    unit,
    outputs,
    inputs,
    totalOutput,
    totalInput,
    ratio,
    percent: requireFiniteResult(ratio * 100, 'data.inputs'),
    partial,
  };
}
