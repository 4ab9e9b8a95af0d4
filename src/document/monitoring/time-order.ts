/**
 * The rows of a batch a streaming accumulator can take: only times strictly after the last one
 * taken (the reader may keep flagged duplicate or out-of-order rows; the engine's statistics of
 * runs and rollups need time order). One definition for the CLI, the browser and the benchmark.
 */
import type { MonitoringBatch } from './csv-reader.js';

export interface TimeOrderedRows {
  readonly times: Float64Array;
  /** The batch's value columns in the order asked for. */
  readonly values: readonly Float64Array[];
  /** The last time taken, to pass to the next batch. */
  readonly lastTime: number;
  /** Rows left out because their time did not move forward. */
  readonly dropped: number;
}

/** Without copying when every row moves forward; else the kept rows, first of each instant. */
export function rowsInTimeOrder(
  batch: MonitoringBatch,
  columns: readonly number[],
  lastTime: number,
): TimeOrderedRows {
  const times = batch.times.subarray(0, batch.length);
  const values = columns.map((j) => (batch.values[j] as Float64Array).subarray(0, batch.length));
  let previous = lastTime;
  let forward = true;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (!(t > previous)) {
      forward = false;
      break;
    }
    previous = t;
  }
  if (forward) return { times, values, lastTime: previous, dropped: 0 };
  return compacted(times, values, lastTime);
}

/** The kept rows in fresh arrays (a separate function: the common case above stays small). */
function compacted(
  times: Float64Array,
  values: readonly Float64Array[],
  lastTime: number,
): TimeOrderedRows {
  // Typed arrays and plain loops, no per-element callbacks: this may run on big batches.
  const n = times.length;
  const keptTimes = new Float64Array(n);
  const keep = new Int32Array(n);
  let kept = 0;
  let last = lastTime;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    if (t > last) {
      keep[kept] = i;
      keptTimes[kept] = t;
      kept++;
      last = t;
    }
  }
  const pick = (from: Float64Array): Float64Array => {
    const out = new Float64Array(kept);
    for (let k = 0; k < kept; k++) out[k] = from[keep[k] as number] as number;
    return out;
  };
  return {
    times: keptTimes.slice(0, kept),
    values: values.map(pick),
    lastTime: last,
    dropped: n - kept,
  };
}
