/**
 * The mass balance of a plant as a list of processes: each process balanced in one unit,
 * totals over the processes, and a warning (data, not an error) for every process whose
 * closure error exceeds the tolerance.
 */
import { GpError, path } from '../errors.js';
import { requireFiniteResult, requireName, requireNonEmpty } from '../validate.js';
import { processMassBalance } from './process-mass-balance.js';
import type {
  MassBalanceProcess,
  MassBalanceSettings,
  ProcessMassBalance,
} from './process-mass-balance.js';
import { parseQuantityUnit } from './quantity-unit.js';

export interface PlantMassBalanceInput {
  /** The unit every result is expressed in, e.g. `kg/h`. */
  readonly unit: string;
  readonly processes: readonly MassBalanceProcess[];
}

/** A process whose books do not close within the tolerance. */
export interface MassBalanceClosureWarning {
  readonly kind: 'closure-error';
  readonly processIndex: number;
  readonly process: string;
  readonly closureError: number;
  readonly closureErrorPercent: number;
  readonly closureTolerancePercent: number;
  /** missing-mass: unaccounted loss; excess-output: more leaves than enters. */
  readonly direction: 'missing-mass' | 'excess-output';
}

export interface PlantMassBalanceTotals {
  readonly totalInput: number;
  readonly totalProduct: number;
  readonly totalWaste: number;
  readonly closureError: number;
  readonly closureErrorPercent: number;
  readonly unaccountedLoss: number;
  readonly totalLoss: number;
  readonly totalLossPercent: number;
}

export interface PlantMassBalance {
  readonly unit: string;
  readonly processes: readonly ProcessMassBalance[];
  /**
   * Sums over the processes. An intermediate stream (wet clove out of soaking, into cutting)
   * counts at every process it enters or leaves, so these are process sums, not a balance
   * over the plant boundary.
   */
  readonly totals: PlantMassBalanceTotals;
  readonly warnings: readonly MassBalanceClosureWarning[];
}

/** Re-throws a processMassBalance error with `process…` fields placed under `prefix`. */
function underProcess<T>(prefix: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && /^process(\.|\[|$)/.test(error.field)) {
      throw new GpError(error.code, prefix + error.field.slice('process'.length), error.detail);
    }
    throw error;
  }
}

/**
 * Balances every process of a plant in one unit and totals them; processes whose closure error
 * exceeds the tolerance are listed as warnings, and the result is still returned.
 * @equation per process: closure error = Σ input − Σ product − Σ waste; plant totals = Σ over processes; warning when |closure error| > tolerance × Σ input
 * @source APO, Handbook on Green Productivity (2006), material balance (GP step 1); Case B (PR. Adi Bungsu) Tabel 1
 * @param balance the unit and the processes (names unique)
 * @param settings closureTolerance: fraction of each process's input (default 0.01)
 * @throws GpError EMPTY when there are no processes; DUPLICATE when two processes share a name (field `balance.processes[j].name`)
 * @throws GpError INVALID_INPUT, OUT_OF_RANGE or UNIT_MISMATCH from a process, with its field under `balance.processes[i]`
 * @example plantMassBalance({ unit: 'kg/h', processes: [{ name: 'Clove cutting', inputs: [{ name: 'wet clove', quantity: 100.52 }], products: [{ name: 'fine clove', quantity: 95.49 }], wastes: [{ name: 'dust', quantity: 5.03 }] }] }) // => { totals: { totalInput: 100.52, totalProduct: 95.49, totalWaste: 5.03, closureError: ≈0, … }, warnings: [] }
 */
export function plantMassBalance(
  balance: PlantMassBalanceInput,
  settings?: MassBalanceSettings,
): PlantMassBalance {
  if (typeof balance !== 'object' || balance === null) {
    throw new GpError('INVALID_INPUT', 'balance', 'must be a mass balance { unit, processes }');
  }
  const unit = parseQuantityUnit(balance.unit, 'balance.unit').symbol;
  const list = requireNonEmpty<MassBalanceProcess>(balance.processes, 'balance.processes');
  const seen = new Map<string, number>();
  const processes = list.map((process, i) => {
    const prefix = path('balance', 'processes', i);
    const result = underProcess(prefix, () => processMassBalance(process, unit, settings));
    const name = requireName(result.name, path(prefix, 'name'));
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new GpError(
        'DUPLICATE',
        path(prefix, 'name'),
        `"${name}" is also the name of balance.processes[${earlier}]`,
      );
    }
    seen.set(name, i);
    return result;
  });

  const sum = (pick: (p: ProcessMassBalance) => number, field: string) =>
    requireFiniteResult(
      processes.reduce((total, p) => total + pick(p), 0),
      field,
    );
  const totalInput = sum((p) => p.totalInput, 'balance.processes');
  const totalProduct = sum((p) => p.totalProduct, 'balance.processes');
  const totalWaste = sum((p) => p.totalWaste, 'balance.processes');
  const closureError = requireFiniteResult(
    totalInput - totalProduct - totalWaste,
    'balance.processes',
  );
  const totalLoss = requireFiniteResult(totalInput - totalProduct, 'balance.processes');

  const warnings: MassBalanceClosureWarning[] = [];
  processes.forEach((p, processIndex) => {
    if (p.closure === 'within-tolerance') return;
    warnings.push({
      kind: 'closure-error',
      processIndex,
      process: p.name,
      closureError: p.closureError,
      closureErrorPercent: p.closureErrorPercent,
      closureTolerancePercent: p.closureTolerancePercent,
      direction: p.closure,
    });
  });

  return {
    unit,
    processes,
    totals: {
      totalInput,
      totalProduct,
      totalWaste,
      closureError,
      closureErrorPercent: requireFiniteResult(
        (closureError / totalInput) * 100,
        'balance.processes',
      ),
      unaccountedLoss: sum((p) => p.unaccountedLoss, 'balance.processes'),
      totalLoss,
      totalLossPercent: requireFiniteResult((totalLoss / totalInput) * 100, 'balance.processes'),
    },
    warnings,
  };
}
