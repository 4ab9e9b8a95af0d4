/**
 * The worker thread of a parallel Monte Carlo (uncertainty-parallel.ts): for each run it is
 * sent, it sets up the engine's run (createMonteCarloRun) and claims blocks from a shared
 * counter (the main thread claims from the same one, so no thread waits for work while blocks
 * are left), posting back each block's totals (typed arrays, transferred) or the error.
 */
import { parentPort } from 'node:worker_threads';
import {
  createMonteCarloRun,
  type MonteCarloRun,
  type MonteCarloSettings,
  type MonteCarloTotals,
  type UncertainInputs,
} from '../engine/uncertainty/index.js';
import type { StudyInput } from '../engine/study/study-input.js';

/** Shared counters of a run (Int32Array over a SharedArrayBuffer). */
export const SHARED_NEXT = 0; // the next block to claim (Atomics.add)
export const SHARED_MERGED = 1; // blocks merged by the main thread (Atomics.notify on change)
export const SHARED_STOP = 2; // 1: stop claiming (a block failed)
export const SHARED_SLOTS = 3;

/** A run for the worker: it claims blocks from the shared counter until none are left. */
export interface WorkerRequest {
  readonly run: number;
  readonly study: StudyInput;
  readonly uncertain: UncertainInputs;
  readonly settings: MonteCarloSettings;
  readonly shared: SharedArrayBuffer;
  /** Claim no block more than this far ahead of the merged ones (bounded memory). */
  readonly ahead: number;
}

export type WorkerReply =
  | {
      readonly ok: true;
      readonly run: number;
      readonly block: number;
      readonly totals: MonteCarloTotals;
    }
  | {
      readonly ok: false;
      readonly run: number;
      /** The block that failed, or −1 when the run could not be set up. */
      readonly block: number;
      readonly name: string;
      readonly message: string;
      readonly code?: unknown;
      readonly field?: unknown;
      readonly detail?: unknown;
    };

/** The buffers of a block's totals, to transfer instead of copy. */
export function totalsBuffers(totals: MonteCarloTotals): ArrayBuffer[] {
  return [
    totals.moments,
    totals.reservoir,
    totals.sizes,
    totals.paybackNever,
    totals.wins,
    totals.none,
    totals.sieve,
  ].map((a) => a.buffer as ArrayBuffer);
}

function failure(run: number, block: number, error: unknown): WorkerReply {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields = e as { code?: unknown; field?: unknown; detail?: unknown };
  return {
    ok: false,
    run,
    block,
    name: e.name,
    message: e.message,
    code: fields.code,
    field: fields.field,
    detail: fields.detail,
  };
}

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    const shared = new Int32Array(request.shared);
    let run: MonteCarloRun;
    try {
      run = createMonteCarloRun(request.study, request.uncertain, request.settings);
    } catch (error) {
      port.postMessage(failure(request.run, -1, error));
      return;
    }
    for (;;) {
      if (Atomics.load(shared, SHARED_STOP) !== 0) return;
      const block = Atomics.add(shared, SHARED_NEXT, 1);
      if (block >= run.blocks) return;
      // Wait (off the main thread) until the merged blocks catch up, so memory stays bounded.
      for (;;) {
        const merged = Atomics.load(shared, SHARED_MERGED);
        if (block - merged < request.ahead || Atomics.load(shared, SHARED_STOP) !== 0) break;
        Atomics.wait(shared, SHARED_MERGED, merged, 1000);
      }
      try {
        const totals = run.runBlock(block);
        const reply: WorkerReply = { ok: true, run: request.run, block, totals };
        port.postMessage(reply, totalsBuffers(totals));
      } catch (error) {
        Atomics.store(shared, SHARED_STOP, 1);
        port.postMessage(failure(request.run, block, error));
        return;
      }
    }
  });
}
