/**
 * The mass balance of one process: what goes in, what leaves as product and as waste, all in
 * one unit, and how far the books fail to close. Unit conversion per stream; shares of input.
 */
import { GpError, path, withFieldPrefix } from '../errors.js';
import {
  requireFiniteResult,
  requireInRange,
  requireName,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.js';
import { convertQuantity } from './convert-quantity.js';
import { parseQuantityUnit } from './quantity-unit.js';

/** One stream of a process (an input, a product or a waste). */
export interface MassBalanceStream {
  readonly name: string;
  readonly quantity: number;
  /** Defaults to the balance's unit. */
  readonly unit?: string;
  /** kg/m³, needed only to combine a volume with masses (or a mass with volumes). */
  readonly density?: number;
}

export interface MassBalanceProcess {
  readonly name: string;
  readonly inputs: readonly MassBalanceStream[];
  readonly products: readonly MassBalanceStream[];
  readonly wastes?: readonly MassBalanceStream[];
}

export interface MassBalanceSettings {
  /** Largest |closure error| accepted without a warning, as a fraction of input; default 0.01 (1 %). */
  readonly closureTolerance?: number;
}

/** Default closure tolerance: 1 % of the process input. */
export const MASS_BALANCE_CLOSURE_TOLERANCE = 0.01;

/** A stream expressed in the balance's unit. */
export interface BalancedStream {
  readonly name: string;
  /** In the balance's unit. */
  readonly quantity: number;
  /** As entered, with the canonical symbol of its unit. */
  readonly givenQuantity: number;
  readonly givenUnit: string;
  /** This stream as a percentage of the process's total input. */
  readonly percentOfInput: number;
}

/** How the balance closes: within tolerance, mass missing (unaccounted loss), or more out than in. */
export type ClosureStatus = 'within-tolerance' | 'missing-mass' | 'excess-output';

export interface ProcessMassBalance {
  readonly name: string;
  /** Canonical symbol of the unit every quantity below is in. */
  readonly unit: string;
  readonly inputs: readonly BalancedStream[];
  readonly products: readonly BalancedStream[];
  readonly wastes: readonly BalancedStream[];
  readonly totalInput: number;
  readonly totalProduct: number;
  readonly totalWaste: number;
  /** Input − product − waste: positive when mass is missing, negative when more leaves than enters. */
  readonly closureError: number;
  readonly closureErrorPercent: number;
  /** The missing mass, max(0, closure error): lost without being recorded as a waste stream. */
  readonly unaccountedLoss: number;
  /** Everything that did not become product: input − product = waste + closure error. */
  readonly totalLoss: number;
  readonly totalLossPercent: number;
  readonly closureTolerancePercent: number;
  readonly closure: ClosureStatus;
}

/** Reads the closure tolerance setting (a fraction in [0, 1]). */
function readClosureTolerance(settings: MassBalanceSettings | undefined): number {
  if (settings?.closureTolerance === undefined) return MASS_BALANCE_CLOSURE_TOLERANCE;
  return requireInRange(settings.closureTolerance, 0, 1, 'settings.closureTolerance');
}

interface ConvertedStream {
  readonly name: string;
  readonly quantity: number;
  readonly givenQuantity: number;
  readonly givenUnit: string;
}

/** Converts one stream; errors name the stream's own fields (`quantity`, `unit`, `density`). */
function convertStream(stream: MassBalanceStream, unit: string): ConvertedStream {
  if (typeof stream !== 'object' || stream === null) {
    throw new GpError('INVALID_INPUT', '', 'must be a stream { name, quantity, unit? }');
  }
  const name = requireName(stream.name, 'name');
  const quantity = requireNonNegative(stream.quantity, 'quantity');
  const given = stream.unit === undefined ? unit : stream.unit;
  try {
    const converted = convertQuantity(
      stream.density === undefined
        ? { quantity, unit: given, name }
        : { quantity, unit: given, name, density: stream.density },
      unit,
    );
    return {
      name,
      quantity: converted.quantity,
      givenQuantity: quantity,
      givenUnit: parseQuantityUnit(given).symbol,
    };
  } catch (error) {
    if (error instanceof GpError && error.field.startsWith('from.')) {
      throw new GpError(error.code, error.field.slice('from.'.length), error.detail);
    }
    throw error;
  }
}

function convertStreams(streams: unknown, field: string, unit: string, allowEmpty: boolean) {
  if (streams === undefined && allowEmpty) return [];
  const list = requireNonEmpty<MassBalanceStream>(streams, field, allowEmpty ? 0 : 1);
  return list.map((stream, i) =>
    withFieldPrefix(path(field, i), () => convertStream(stream, unit)),
  );
}

function sumOf(streams: readonly ConvertedStream[], field: string): number {
  return requireFiniteResult(
    streams.reduce((total, s) => total + s.quantity, 0),
    field,
  );
}

/** The balance with fields relative to the process object; `unit` is already canonical. */
function balanceOneProcess(
  process: MassBalanceProcess,
  unit: string,
  tolerance: number,
): ProcessMassBalance {
  if (typeof process !== 'object' || process === null) {
    throw new GpError('INVALID_INPUT', '', 'must be a process { name, inputs, products, wastes? }');
  }
  const name = requireName(process.name, 'name');
  const inputs = convertStreams(process.inputs, 'inputs', unit, false);
  const products = convertStreams(process.products, 'products', unit, true);
  const wastes = convertStreams(process.wastes, 'wastes', unit, true);
  const totalInput = sumOf(inputs, 'inputs');
  const totalProduct = sumOf(products, 'products');
  const totalWaste = sumOf(wastes, 'wastes');
  if (!(totalInput > 0)) {
    throw new GpError('OUT_OF_RANGE', 'inputs', `total input must be > 0, got ${totalInput}`);
  }
  const closureError = requireFiniteResult(totalInput - totalProduct - totalWaste, 'wastes');
  const totalLoss = requireFiniteResult(totalInput - totalProduct, 'products');
  // Quantities far above the input (a tiny input, a huge product) overflow a percentage.
  const percentOf = (q: number, field: string) =>
    requireFiniteResult((q / totalInput) * 100, field);
  const share =
    (field: string) =>
    (s: ConvertedStream, i: number): BalancedStream => ({
      ...s,
      percentOfInput: percentOf(s.quantity, path(field, i, 'quantity')),
    });
  const closure: ClosureStatus =
    Math.abs(closureError) <= tolerance * totalInput
      ? 'within-tolerance'
      : closureError > 0
        ? 'missing-mass'
        : 'excess-output';
  return {
    name,
    unit,
    inputs: inputs.map(share('inputs')),
    products: products.map(share('products')),
    wastes: wastes.map(share('wastes')),
    totalInput,
    totalProduct,
    totalWaste,
    closureError,
    closureErrorPercent: percentOf(closureError, 'wastes'),
    unaccountedLoss: Math.max(0, closureError),
    totalLoss,
    totalLossPercent: percentOf(totalLoss, 'products'),
    closureTolerancePercent: tolerance * 100,
    closure,
  };
}

/**
 * Balances one process: converts every stream to `unit`, totals inputs, products and wastes,
 * and reports the closure error, the unaccounted loss and each stream's share of the input.
 * @equation closure error = Σ input − Σ product − Σ waste; closure % = closure error ÷ Σ input × 100; share_s = q_s ÷ Σ input × 100; total loss = Σ input − Σ product
 * @source APO, Handbook on Green Productivity (2006), material balance (GP step 1); Himmelblau & Riggs, Basic Principles and Calculations in Chemical Engineering, 8th ed., ch. 3 (input = output + accumulation, steady state)
 * @param process the process: name, input, product and waste streams (quantity ≥ 0, unit, density)
 * @param unit the unit of the balance, e.g. `kg/h`; streams without a unit are in it
 * @param settings closureTolerance: fraction of input above which the closure is flagged (default 0.01)
 * @throws GpError INVALID_INPUT for a missing name, a malformed stream or an unknown unit
 * @throws GpError EMPTY when there are no inputs; OUT_OF_RANGE when a quantity is negative or the total input is 0
 * @throws GpError UNIT_MISMATCH when a stream cannot be expressed in `unit` (volume without a density, amount vs flow); the message names the stream
 * @example processMassBalance({ name: 'Steam conditioning', inputs: [{ name: 'tobacco', quantity: 42.79 }, { name: 'steam', quantity: 0.69 }], products: [{ name: 'wet tobacco', quantity: 43 }], wastes: [{ name: 'loss', quantity: 0.48 }] }, 'kg/h') // => { totalInput: 43.48, totalProduct: 43, totalWaste: 0.48, closureError: ≈0, closure: 'within-tolerance', … }
 */
export function processMassBalance(
  process: MassBalanceProcess,
  unit: string,
  settings?: MassBalanceSettings,
): ProcessMassBalance {
  const canonical = parseQuantityUnit(unit, 'unit').symbol;
  const tolerance = readClosureTolerance(settings);
  return withFieldPrefix('process', () => balanceOneProcess(process, canonical, tolerance));
}
