/**
 * One byte range of a monitoring CSV through the document layer's reader and the engine's
 * accumulators: the work of one core in a parallel ingest (monitor-parallel.ts), and the
 * whole file on one core. Rows that go back in time (flagged duplicates, out-of-order rows)
 * are dropped, as the accumulator takes time order only.
 */
import { open } from 'node:fs/promises';
// The modules themselves, not the index files: a worker thread loads this, and the indexes
// pull in much more (study mapping, every engine formula), which a worker pays for at start.
import {
  createMonitoringCsvReader,
  type MonitoringCsvOptions,
  type MonitoringReaderState,
  type MonitoringSummary as ReaderSummary,
} from '../document/monitoring/csv-reader.js';
import { rowsInTimeOrder } from '../document/monitoring/time-order.js';
import {
  createMonitoringAccumulator,
  type MonitoringAccumulator,
} from '../engine/monitoring/monitoring-accumulator.js';
import type { MonitoringSettings } from '../engine/monitoring/monitoring-settings.js';

/** Reader options that can cross to a worker thread (no callbacks, no resume). */
export type PlainReaderOptions = Omit<
  MonitoringCsvOptions,
  'onBatch' | 'onHeader' | 'onIssue' | 'resume'
>;

export interface RangeTask {
  readonly file: string;
  /** Bytes [start, end) of the file. */
  readonly start: number;
  readonly end: number;
  /** For a later range: the file's bytes up to the end of the header record, read first. */
  readonly prefix?: Uint8Array | undefined;
  readonly resume?: MonitoringCsvOptions['resume'];
  readonly reader: PlainReaderOptions;
  readonly settings: MonitoringSettings;
  /** The batch's parameter column of each of the settings' parameters. */
  readonly columns: readonly number[];
  /** One accumulator per this many local days (aligned at day 0); default one for all. */
  readonly windowDays?: number | undefined;
}

export interface RangeResult {
  readonly summary: ReaderSummary;
  readonly state: MonitoringReaderState;
  /** By window key, in time order. */
  readonly accumulators: readonly {
    readonly key: number;
    readonly accumulator: MonitoringAccumulator;
  }[];
  readonly droppedRows: number;
}

const MS_PER_DAY = 86_400_000;
const CHUNK_BYTES = 1 << 20;

/** The window of a time: floor(local day ÷ windowDays), 0 without windows. */
export function windowOf(
  timeMs: number,
  utcOffsetMinutes: number,
  windowDays: number | undefined,
): number {
  if (windowDays === undefined) return 0;
  return Math.floor(Math.floor((timeMs + utcOffsetMinutes * 60_000) / MS_PER_DAY) / windowDays);
}

export async function ingestRange(
  task: RangeTask,
  onProgress?: (bytes: number, rows: number) => void,
): Promise<RangeResult> {
  const accumulators: { key: number; accumulator: MonitoringAccumulator }[] = [];
  const offset = task.settings.utcOffsetMinutes ?? 0;
  let lastTime = task.resume?.lastTime ?? -Infinity;
  let droppedRows = 0;
  const add = (times: Float64Array, columns: readonly Float64Array[]) => {
    let from = 0;
    const n = times.length;
    while (from < n) {
      const key = windowOf(times[from] as number, offset, task.windowDays);
      // Times increase: the window's end by bisection (not a division per row).
      let to = n;
      if (task.windowDays !== undefined) {
        let lo = from + 1;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (windowOf(times[mid] as number, offset, task.windowDays) === key) lo = mid + 1;
          else hi = mid;
        }
        to = lo;
      }
      let current = accumulators.at(-1);
      if (current === undefined || current.key !== key) {
        current = { key, accumulator: createMonitoringAccumulator(task.settings) };
        accumulators.push(current);
      }
      if (from === 0 && to === n) current.accumulator.addColumns(times, columns);
      else {
        current.accumulator.addColumns(
          times.subarray(from, to),
          columns.map((c) => c.subarray(from, to)),
        );
      }
      from = to;
    }
  };
  const reader = createMonitoringCsvReader({
    ...task.reader,
    ...(task.resume !== undefined && { resume: task.resume }),
    // Each batch goes into the accumulators before the next is read.
    reuseBatches: true,
    onBatch: (batch) => {
      const rows = rowsInTimeOrder(batch, task.columns, lastTime);
      lastTime = rows.lastTime;
      droppedRows += rows.dropped;
      if (rows.times.length > 0) add(rows.times, rows.values);
    },
  });
  if (task.prefix !== undefined) reader.push(task.prefix);
  if (task.end > task.start) {
    // One buffer for every chunk (the reader copies what it keeps): no garbage per MiB read.
    const file = await open(task.file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, task.end - task.start));
      for (let at = task.start; at < task.end;) {
        const { bytesRead } = await file.read(
          buffer,
          0,
          Math.min(buffer.length, task.end - at),
          at,
        );
        if (bytesRead === 0) break;
        reader.push(buffer.subarray(0, bytesRead));
        at += bytesRead;
        if (onProgress !== undefined) {
          const p = reader.progress();
          onProgress(p.bytes, p.rows);
        }
      }
    } finally {
      await file.close();
    }
  }
  const summary = reader.end();
  return { summary, state: reader.state(), accumulators, droppedRows };
}
