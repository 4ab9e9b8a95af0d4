/**
 * The worker thread of a parallel monitoring ingest: reads one byte range (monitor-ingest.ts)
 * and posts back the reader's summary and state and its accumulators as snapshots (typed
 * arrays, transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestRange, type RangeTask } from './monitor-ingest.js';

const port = parentPort;
if (port !== null) {
  ingestRange(workerData as RangeTask).then(
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
}
