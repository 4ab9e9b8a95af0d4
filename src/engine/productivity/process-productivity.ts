/**
 * Physical productivity of each process from the mass balance (product out ÷ material in),
 * ranked from the weakest, with the two plant-level summaries studies quote.
 */
import { plantMassBalance } from '../mass-balance/plant-mass-balance.js';
import type {
  MassBalanceClosureWarning,
  PlantMassBalanceInput,
} from '../mass-balance/plant-mass-balance.js';
import type { MassBalanceSettings } from '../mass-balance/process-mass-balance.js';
import { requireFiniteResult } from '../validate.js';

export interface ProcessProductivity {
  readonly name: string;
  readonly totalInput: number;
  readonly totalProduct: number;
  /** Σ product ÷ Σ input of the process. */
  readonly ratio: number;
  readonly percent: number;
  /** 1 = the lowest productivity; equal ratios share a rank (1, 2, 2, 4). */
  readonly rankFromWeakest: number;
}

export interface ProcessProductivityResult {
  readonly basis: 'physical';
  readonly unit: string;
  /** In the order of the mass balance. */
  readonly processes: readonly ProcessProductivity[];
  /** The same entries, lowest productivity first (ties keep the balance's order). */
  readonly weakestFirst: readonly ProcessProductivity[];
  /** Σ products ÷ Σ inputs over all processes (intermediate streams count at every process). */
  readonly ratioOfTotals: {
    readonly totalProduct: number;
    readonly totalInput: number;
    readonly ratio: number;
    readonly percent: number;
  };
  /** Arithmetic mean of the process ratios. */
  readonly meanOfRatios: { readonly ratio: number; readonly percent: number };
  /** The mass balance's closure warnings: a process ratio is only as good as its balance. */
  readonly closureWarnings: readonly MassBalanceClosureWarning[];
}

/**
 * Productivity of every process of a mass balance (products ÷ inputs), a ranking from the
 * weakest, the ratio of the plant totals and the mean of the process ratios.
 * @equation P_process = Σ product ÷ Σ input; rank 1 = min P; ratio of totals = Σ_processes product ÷ Σ_processes input; mean = Σ P ÷ n
 * @source Case B (PR. Adi Bungsu cigarette maker) Tabel 1 (mass balance) and Tabel 2 (productivity per process, ranking); Gaspersz (2000) Manajemen Produktivitas Total (output ÷ input)
 * @param balance the mass balance: unit and processes (as for plantMassBalance)
 * @param settings closureTolerance for the balance's warnings (default 0.01)
 * @throws GpError every error of plantMassBalance, with fields under `balance`
 * @example processProductivity({ unit: 'kg/h', processes: [{ name: 'Clove soaking', inputs: [{ name: 'dry clove', quantity: 83.76 }, { name: 'water', quantity: 286.88 }], products: [{ name: 'wet clove', quantity: 100.52 }] }] }) // => { processes: [{ name: 'Clove soaking', percent: 27.120…, rankFromWeakest: 1, … }], … }
 */
export function processProductivity(
  balance: PlantMassBalanceInput,
  settings?: MassBalanceSettings,
): ProcessProductivityResult {
  const result = plantMassBalance(balance, settings);
  const ratios = result.processes.map((p) =>
    requireFiniteResult(p.totalProduct / p.totalInput, 'balance.processes'),
  );
  const processes = result.processes.map((p, i): ProcessProductivity => {
    const ratio = ratios[i] as number;
    return {
      name: p.name,
      totalInput: p.totalInput,
      totalProduct: p.totalProduct,
      ratio,
      percent: requireFiniteResult(ratio * 100, 'balance.processes'),
      rankFromWeakest: 1 + ratios.filter((r) => r < ratio).length,
    };
  });
  // Array.prototype.sort is stable, so equal ratios keep the balance's order.
  const weakestFirst = [...processes].sort((a, b) => a.ratio - b.ratio);
  const totalProduct = result.totals.totalProduct;
  const totalInput = result.totals.totalInput;
  const ratioOfTotals = requireFiniteResult(totalProduct / totalInput, 'balance.processes');
  const meanRatio = ratios.reduce((mean, r, i) => mean + (r - mean) / (i + 1), 0);
  return {
    basis: 'physical',
    unit: result.unit,
    processes,
    weakestFirst,
    ratioOfTotals: {
      totalProduct,
      totalInput,
      ratio: ratioOfTotals,
      percent: requireFiniteResult(ratioOfTotals * 100, 'balance.processes'),
    },
    meanOfRatios: {
      ratio: meanRatio,
      percent: requireFiniteResult(meanRatio * 100, 'balance.processes'),
    },
    closureWarnings: result.warnings,
  };
}
