/**
 * The worker thread of a parallel monitoring ingest: reads byte ranges (monitor-ingest.ts) one
 * at a time, as the main thread sends them (`{ task }`); posts its progress as it goes, and at
 * the end of each range the reader's summary and state and its accumulators as snapshots
 * (typed arrays, transferred). It stays for the next range (its compiled code stays warm).
 */
import { parentPort } from 'node:worker_threads';
import { ingestRange, type RangeTask } from './monitor-ingest.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (message: { readonly task: RangeTask }) => {
    const task = message.task;
    // Progress for the main thread's bar: bytes of the file read in this range (not the prefix).
    const prefixBytes = task.prefix?.length ?? 0;
    const progress = (bytes: number, rows: number) =>
      port.postMessage({ progress: true, bytes: Math.max(0, bytes - prefixBytes), rows });
    ingestRange(task, progress).then(
      (result) => {
        const snapshots = result.accumulators.map((a) => ({
          key: a.key,
          snapshot: a.accumulator.snapshot(),
        }));
        const transfer = snapshots.flatMap((s) =>
          Object.values(s.snapshot.arrays).map((a) => a.buffer as ArrayBuffer),
        );
        port.postMessage(
          {
            ok: true,
            summary: result.summary,
            state: result.state,
            droppedRows: result.droppedRows,
            snapshots,
          },
          transfer,
        );
      },
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({
          ok: false,
          name: e.name,
          message: e.message,
          code: (e as { code?: unknown }).code,
        });
      },
    );
  });
}
