/**
 * The uncertainty Monte Carlo on several cores (issue 6): the engine's run is cut into blocks
 * of MONTE_CARLO_BLOCK_ITERATIONS iterations with their own random streams
 * (createMonteCarloRun); worker threads and the main thread claim whole blocks from a shared
 * counter (Atomics), and the main thread merges them strictly in block order. The result for a seed is therefore the one
 * of monteCarloStudy on one thread, whatever the number of threads. At most MAX_PENDING blocks
 * wait to be merged, so memory does not grow with the iterations.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GpError } from '../engine/errors.js';
import {
  createMonteCarloRun,
  MAX_MONTE_CARLO_ITERATIONS,
  MONTE_CARLO_BLOCK_ITERATIONS,
  type MonteCarloRun,
  type MonteCarloSettings,
  type MonteCarloStudyResult,
  type MonteCarloTotals,
  type UncertainInputs,
} from '../engine/uncertainty/index.js';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  SHARED_MERGED,
  SHARED_NEXT,
  SHARED_SLOTS,
  SHARED_STOP,
  type WorkerReply,
  type WorkerRequest,
} from './uncertainty-parallel-worker.js';

/** Without a pool and an explicit thread count, fewer blocks than this run on one thread. */
export const MIN_PARALLEL_BLOCKS = 4;

/** Blocks computed but not yet merged, at most (then the threads wait for the next in order). */
export const MAX_PENDING = 6;

/** Worker threads kept alive between runs (e.g. by a server or a benchmark). */
export interface UncertaintyWorkerPool {
  readonly size: number;
  /** Ends the workers; the pool cannot be used afterwards. */
  readonly close: () => Promise<void>;
}

interface PoolWorker {
  readonly worker: Worker;
  /** False once the thread has stopped (it then gets no more work). */
  alive: boolean;
  onReply: ((reply: WorkerReply) => void) | undefined;
  onFailure: ((error: Error) => void) | undefined;
}

interface Pool extends UncertaintyWorkerPool {
  readonly workers: readonly PoolWorker[];
  /** Runs one Monte Carlo at a time on the pool. */
  queue: Promise<unknown>;
  nextRun: number;
}

const pools = new WeakMap<UncertaintyWorkerPool, Pool>();

/** The compiled worker next to this module, or the TypeScript source through tsx (tests, bench). */
function startWorker(): Worker {
  const compiled = new URL('./uncertainty-parallel-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  const source = new URL('./uncertainty-parallel-worker.ts', import.meta.url);
  // tsx's ESM API (its CommonJS twin registers hooks by a path that does not resolve here).
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * Starts `size` worker threads for parallel Monte Carlo runs (default: one per core beyond the
 * main thread's, at least one).
 */
export function createUncertaintyWorkerPool(
  size = Math.max(1, availableParallelism() - 1),
): UncertaintyWorkerPool {
  const workers = Array.from({ length: size }, (): PoolWorker => {
    const entry: PoolWorker = {
      worker: startWorker(),
      alive: true,
      onReply: undefined,
      onFailure: undefined,
    };
    entry.worker.on('message', (reply: WorkerReply) => entry.onReply?.(reply));
    entry.worker.on('error', (error) => entry.onFailure?.(error));
    entry.worker.on('exit', (code) => {
      entry.alive = false;
      entry.onFailure?.(new Error(`uncertainty worker stopped (exit code ${code})`));
    });
    return entry;
  });
  const pool: Pool = {
    size,
    workers,
    queue: Promise.resolve(),
    nextRun: 1,
    close: async () => {
      for (const w of workers) w.onFailure = undefined;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
  pools.set(pool, pool);
  return pool;
}

export interface ParallelMonteCarloOptions {
  /**
   * Threads in all, the main one included; default: the pool's workers + 1, else min(2,
   * available cores) from MIN_PARALLEL_BLOCKS blocks on. 1: no workers.
   */
  readonly threads?: number;
  /** Workers to use instead of starting (and ending) new ones for this run. */
  readonly pool?: UncertaintyWorkerPool;
}

/**
 * monteCarloStudy on several threads, with the identical result for the same seed.
 * @throws GpError as monteCarloStudy (also when thrown in a worker)
 */
export async function monteCarloStudyParallel(
  study: StudyInput,
  uncertain: UncertainInputs,
  settings: MonteCarloSettings = {},
  options: ParallelMonteCarloOptions = {},
): Promise<MonteCarloStudyResult> {
  const given = options.pool === undefined ? undefined : pools.get(options.pool);
  // Starting a worker costs tens of milliseconds: without a pool, short runs stay on one thread.
  const threadsFor = (blocks: number) =>
    Math.min(
      options.threads ??
        (given !== undefined
          ? given.size + 1
          : blocks >= MIN_PARALLEL_BLOCKS
            ? Math.min(2, availableParallelism())
            : 1),
      blocks,
    );
  // Without a pool, the workers start before the run is set up, so their start-up overlaps it.
  const started = given === undefined ? startEarly(threadsFor, settings) : undefined;
  let run: MonteCarloRun;
  try {
    run = createMonteCarloRun(study, uncertain, settings);
  } catch (error) {
    await started?.close();
    throw error;
  }
  const threads = threadsFor(run.blocks);
  if (started !== undefined && (threads <= 1 || started.size !== threads - 1)) {
    await started.close();
  }
  if (threads <= 1) {
    // As monteCarloStudy: later blocks computed into one reused set of arrays.
    let totals = run.runBlock(0);
    let scratch: MonteCarloTotals | undefined;
    for (let b = 1; b < run.blocks; b++) {
      scratch = run.runBlock(b, scratch);
      totals = run.merge(totals, scratch);
    }
    return run.finish(totals);
  }
  const pool =
    given ??
    (started !== undefined && started.size === threads - 1
      ? started
      : (pools.get(createUncertaintyWorkerPool(threads - 1)) as Pool));
  // A pool whose threads have stopped computes on the main thread alone (runOnPool with none).
  const task = pool.queue.then(() =>
    runOnPool(pool, threads - 1, run, { study, uncertain, settings }),
  );
  pool.queue = task.catch(() => undefined);
  try {
    return await task;
  } finally {
    if (given === undefined) await pool.close();
  }
}

/** The workers of a run without a pool, started from the settings' block count (none when they are not valid). */
function startEarly(
  threadsFor: (blocks: number) => number,
  settings: MonteCarloSettings,
): Pool | undefined {
  const iterations =
    typeof settings === 'object' && settings !== null ? (settings.iterations ?? 10_000) : NaN;
  if (!(
    Number.isInteger(iterations) &&
    iterations >= 1 &&
    iterations <= MAX_MONTE_CARLO_ITERATIONS
  ))
    return undefined;
  const threads = threadsFor(Math.ceil(iterations / MONTE_CARLO_BLOCK_ITERATIONS));
  return threads > 1 ? pools.get(createUncertaintyWorkerPool(threads - 1)) : undefined;
}

async function runOnPool(
  pool: Pool,
  workerCount: number,
  run: MonteCarloRun,
  input: { study: StudyInput; uncertain: UncertainInputs; settings: MonteCarloSettings },
): Promise<MonteCarloStudyResult> {
  const id = pool.nextRun++;
  const workers = pool.workers.filter((w) => w.alive).slice(0, workerCount);
  const shared = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * 4));
  const pending = new Map<number, MonteCarloTotals>();
  let totals: MonteCarloTotals | undefined;
  // A block already merged, whose arrays the main thread's next block is computed into.
  let spare: MonteCarloTotals | undefined;
  let merged = 0;
  let failure: Error | undefined;
  // The earliest block that failed: its error is the one the one-thread run would throw.
  let failedBlock = Infinity;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (block: number, error: Error) => {
    Atomics.store(shared, SHARED_STOP, 1);
    Atomics.notify(shared, SHARED_MERGED);
    failedBlock = Math.min(failedBlock, block);
    failure ??= error;
  };
  const drain = () => {
    const before = merged;
    for (let block = pending.get(merged); block !== undefined; block = pending.get(merged)) {
      pending.delete(merged);
      const first = totals === undefined;
      totals = run.merge(totals, block);
      if (!first) spare = block;
      merged += 1;
    }
    if (merged !== before) {
      Atomics.store(shared, SHARED_MERGED, merged);
      Atomics.notify(shared, SHARED_MERGED);
    }
  };
  for (const w of workers) {
    w.onReply = (reply) => {
      if (reply.run !== id) return;
      if (reply.ok) {
        pending.set(reply.block, reply.totals);
        try {
          drain();
        } catch (error) {
          fail(reply.block, error instanceof Error ? error : new Error(String(error)));
        }
      } else {
        fail(
          reply.block < 0 ? 0 : reply.block,
          reply.name === 'GpError'
            ? new GpError(
                reply.code as ConstructorParameters<typeof GpError>[0],
                String(reply.field ?? ''),
                String(reply.detail ?? reply.message),
              )
            : Object.assign(new Error(reply.message), { name: reply.name }),
        );
      }
      signal();
    };
    w.onFailure = (error) => {
      fail(merged, error);
      signal();
    };
    const request: WorkerRequest = {
      run: id,
      ...input,
      shared: shared.buffer as SharedArrayBuffer,
      ahead: MAX_PENDING,
    };
    w.worker.postMessage(request);
  }
  try {
    // The tornado and flip margins need no block: the main thread computes them while the
    // workers start on theirs, so they are not left for the end.
    try {
      run.prepareFinish();
    } catch {
      // finish computes them again and throws the error there, after the blocks' own errors.
    }
    while (merged < run.blocks && failure === undefined) {
      // Claim the next block unless too many wait to be merged (then let the replies in).
      if (
        Atomics.load(shared, SHARED_NEXT) < run.blocks &&
        Atomics.load(shared, SHARED_NEXT) - merged < MAX_PENDING
      ) {
        const block = Atomics.add(shared, SHARED_NEXT, 1);
        if (block < run.blocks) {
          try {
            const reuse = spare;
            spare = undefined;
            pending.set(block, run.runBlock(block, reuse));
            drain();
          } catch (error) {
            fail(block, error instanceof Error ? error : new Error(String(error)));
            break;
          }
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    Atomics.store(shared, SHARED_STOP, 1);
    Atomics.notify(shared, SHARED_MERGED);
    for (const w of workers) {
      w.onReply = undefined;
      w.onFailure = undefined;
    }
  }
  if (failure !== undefined) {
    // The blocks before the failed one may fail earlier: rerun them here, in order.
    for (let b = merged; b < failedBlock && b < run.blocks; b++) run.runBlock(b);
    throw failure;
  }
  return run.finish(totals as MonteCarloTotals);
}
