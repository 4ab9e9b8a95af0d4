/**
 * The server's uncertainty Monte Carlo: runs of two blocks or more go to a pool of worker
 * threads (started at the first such run, one run at a time, the main thread computing blocks
 * too and yielding between them), so a 100 000-iteration request neither waits for one core
 * nor holds the event loop for its whole length. The result is the one-thread result exactly.
 */
import { availableParallelism } from 'node:os';
import {
  MONTE_CARLO_BLOCK_ITERATIONS,
  monteCarloStudy,
  type MonteCarloSettings,
  type MonteCarloStudyResult,
  type UncertainInputs,
} from '../../engine/uncertainty/index.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import {
  createUncertaintyWorkerPool,
  monteCarloStudyParallel,
  type UncertaintyWorkerPool,
} from '../../parallel/uncertainty-parallel.js';

/** Threads in all by default: the machine's cores, at most this many. */
const DEFAULT_MAX_THREADS = 4;

export interface MonteCarloRunner {
  readonly run: (
    study: StudyInput,
    uncertain: UncertainInputs,
    settings: MonteCarloSettings,
  ) => Promise<MonteCarloStudyResult>;
  /** The worker threads started (0 until the first run of two blocks or more). */
  readonly workers: () => number;
  /** Stops the workers (when they were started). */
  readonly close: () => Promise<void>;
}

export function monteCarloRunner(threads?: number): MonteCarloRunner {
  const total = threads ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
  if (!(Number.isInteger(total) && total >= 1)) {
    throw new RangeError(`uncertaintyThreads must be a whole number ≥ 1, got ${total}`);
  }
  let pool: UncertaintyWorkerPool | undefined;
  return {
    run: async (study, uncertain, settings) => {
      const iterations = settings.iterations ?? 10_000;
      if (total === 1 || iterations <= MONTE_CARLO_BLOCK_ITERATIONS) {
        return monteCarloStudy(study, uncertain, settings);
      }
      pool ??= createUncertaintyWorkerPool(total - 1);
      return monteCarloStudyParallel(study, uncertain, settings, { pool });
    },
    workers: () => pool?.size ?? 0,
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}
