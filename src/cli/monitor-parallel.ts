/**
 * Monitoring ingest on several cores (issue 5): the file is cut at line breaks into K byte
 * ranges (K = min(2, available cores), the first a little larger); each range is read by its
 * own reader and accumulators (monitor-ingest.ts), the first on the main thread, the others in
 * worker threads (their progress posted as they go), and the main thread merges the summaries
 * and the accumulators (the workers' sent as snapshots). Later ranges read the header record
 * first and resume at the file's line number, with the time-order state guessed from the line
 * before the cut (so duplicate, out-of-order and gap checks continue across it). After the
 * reading the guess is checked against the state the previous range really ended in; on any
 * doubt (a wrong guess, a quote open at the cut, a refused file) the file is read again on one
 * core, so the result is always the one-core result. Memory stays that of the readers:
 * nothing is buffered.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  createMonitoringCsvReader,
  MONITORING_RULES,
  type MonitoringCsvOptions,
  type MonitoringHeader,
  type MonitoringIssue,
  type MonitoringReaderState,
  type MonitoringRule,
  type MonitoringSummary as ReaderSummary,
} from '../document/monitoring/index.js';
import {
  restoreMonitoringAccumulator,
  type MonitoringAccumulator,
  type MonitoringSettings,
  type MonitoringSnapshot,
} from '../engine/monitoring/index.js';
import { ingestRange, type PlainReaderOptions, type RangeTask } from './monitor-ingest.js';

/** Files smaller than this are read on one core (starting workers costs more). */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

export interface ParallelIngestOptions {
  readonly file: string;
  readonly reader?: PlainReaderOptions;
  /** The accumulator settings and column mapping for the file's header (main thread). */
  readonly settingsOf: (header: MonitoringHeader) => {
    readonly settings: MonitoringSettings;
    readonly columns: readonly number[];
  };
  readonly windowDays?: number;
  /** Ranges; default min(2, availableParallelism()), 1 below minBytes. */
  readonly parts?: number;
  readonly minBytes?: number;
  /** For tests: cut here (byte offsets) instead of at equal shares (moved to the next line). */
  readonly cuts?: readonly number[];
  /** Bytes of the file read and rows so far, all ranges together (for a progress bar). */
  readonly onProgress?: (bytes: number, rows: number) => void;
}

export interface ParallelIngestResult {
  readonly summary: ReaderSummary;
  /** Undefined when the file has no header. */
  readonly settings: MonitoringSettings | undefined;
  readonly columns: readonly number[];
  /** By window, in time order. */
  readonly accumulators: readonly MonitoringAccumulator[];
  readonly droppedRows: number;
  /** Ranges read in parallel (1: one core). */
  readonly parts: number;
  /** Why the parallel reading was given up for one core, if it was. */
  readonly fallback: string | undefined;
}

const PREFIX_BYTES = 1 << 20;
/** The first range's share against a worker's 1 (two ranges: 55 % and 45 %). */
const MAIN_WEIGHT = 1.2;

function readBytes(fd: number, position: number, length: number): Uint8Array {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return out.subarray(0, got);
}

/** The header as the reader decides it, and the offset after the header record. */
function readHeader(
  fd: number,
  size: number,
  options: PlainReaderOptions,
): { header: MonitoringHeader; headerEnd: number } | undefined {
  const prefix = readBytes(fd, 0, Math.min(size, PREFIX_BYTES));
  let header: MonitoringHeader | undefined;
  const reader = createMonitoringCsvReader({ ...options, onHeader: (h) => (header = h) });
  reader.push(prefix);
  if (header === undefined) return undefined;
  // The header record: from the start of its line to the first line break with the quotes closed.
  let p = 0;
  for (let line = 1; line < header.line; line++) {
    const at = prefix.indexOf(10, p);
    if (at < 0) return undefined;
    p = at + 1;
  }
  let quotes = 0;
  for (; p < prefix.length; p++) {
    const b = prefix[p];
    if (b === 34) quotes++;
    else if (b === 10 && quotes % 2 === 0) return { header, headerEnd: p + 1 };
  }
  return undefined;
}

/** Lines (line breaks) in bytes [from, to) of the file. */
function countLines(fd: number, from: number, to: number): number {
  const buf = Buffer.alloc(4 << 20);
  let n = 0;
  for (let at = from; at < to;) {
    const len = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (len === 0) break;
    let i = buf.indexOf(10, 0);
    while (i >= 0 && i < len) {
      n++;
      i = buf.indexOf(10, i + 1);
    }
    at += len;
  }
  return n;
}

/** The offset after the first line break at or after `at` (size when none). */
function nextLineStart(fd: number, at: number, size: number): number {
  const buf = Buffer.alloc(64 * 1024);
  while (at < size) {
    const len = readSync(fd, buf, 0, Math.min(buf.length, size - at), at);
    if (len === 0) break;
    const i = buf.subarray(0, len).indexOf(10);
    if (i >= 0) return at + i + 1;
    at += len;
  }
  return size;
}

/** The time of one line (bytes), read as the reader reads it; undefined unless a clean row. */
function timeOfLine(
  bytes: Uint8Array,
  prefix: Uint8Array,
  options: MonitoringCsvOptions,
  line: number,
): number | undefined {
  let time: number | undefined;
  const reader = createMonitoringCsvReader({
    ...options,
    resume: { line },
    batchRows: 1, // one row: no batch arrays of the default 65 536 rows for each line tried
    onBatch: (b) => {
      if (b.length === 1) time = b.times[0];
    },
  });
  reader.push(prefix);
  reader.push(bytes);
  const s = reader.end();
  return s.issueCount === 0 && s.rows === 1 ? time : undefined;
}

/**
 * A cut at or after the line start `cut` (line number `line`) between two clean rows in
 * different local hours, so that every hour's sums are made by one range alone (floating-point
 * sums then equal the one-core ones bitwise); with the time of the row before it.
 */
function hourCut(
  fd: number,
  cut: number,
  line: number,
  prefix: Uint8Array,
  options: MonitoringCsvOptions,
  offsetMs: number,
): { cut: number; line: number; lastTime: number } | undefined {
  const from = Math.max(0, cut - 64 * 1024);
  const bytes = readBytes(fd, from, cut - from + 512 * 1024);
  let lineStart = bytes.subarray(0, cut - from - 1).lastIndexOf(10) + 1;
  if (lineStart === 0 && from > 0) return undefined;
  let at = cut - from;
  let before = timeOfLine(bytes.subarray(lineStart, at), prefix, options, line - 1);
  for (let tries = 0; tries < 5000; tries++) {
    const next = bytes.indexOf(10, at);
    if (next < 0) return undefined;
    const after = timeOfLine(bytes.subarray(at, next + 1), prefix, options, line);
    if (
      before !== undefined &&
      after !== undefined &&
      Math.floor((before + offsetMs) / 3_600_000) !== Math.floor((after + offsetMs) / 3_600_000)
    ) {
      return { cut: from + at, line, lastTime: before };
    }
    before = after;
    lineStart = at;
    at = next + 1;
    line++;
  }
  return undefined;
}

interface WorkerReply {
  readonly summary: ReaderSummary;
  readonly state: MonitoringReaderState;
  readonly droppedRows: number;
  readonly snapshots: readonly { readonly key: number; readonly snapshot: MonitoringSnapshot }[];
  /** A range read on this thread: its accumulators themselves, by window key. */
  readonly keys?: readonly number[];
  readonly accumulators?: readonly MonitoringAccumulator[];
}

/** The compiled worker next to this module, or under dist/ when this module runs from src/. */
function workerUrl(): URL {
  const here = new URL('./monitor-parallel-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/cli/monitor-parallel-worker.js', import.meta.url);
}

/**
 * Idle workers, kept for the next ingest (unreferenced: they do not keep the process alive):
 * a new worker's code is cold (interpreted, then compiled) for its first megabytes.
 */
const idleWorkers: Worker[] = [];

function takeWorker(): Worker {
  const idle = idleWorkers.pop();
  if (idle !== undefined) {
    idle.ref();
    return idle;
  }
  const worker = new Worker(workerUrl());
  worker.once('exit', () => {
    const at = idleWorkers.indexOf(worker);
    if (at >= 0) idleWorkers.splice(at, 1);
  });
  return worker;
}

/** Stops the idle workers kept for the next ingest (a long-running process may call this). */
export async function closeMonitoringWorkers(): Promise<void> {
  const workers = idleWorkers.splice(0);
  await Promise.all(workers.map((w) => w.terminate()));
}

type WorkerMessage =
  | { progress: true; bytes: number; rows: number }
  | ({ progress?: undefined; ok: boolean; name?: string; message?: string } & WorkerReply);

function runWorker(
  task: RangeTask,
  onProgress: (bytes: number, rows: number) => void,
): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: WorkerMessage): void => {
      if (m.progress === true) {
        onProgress(m.bytes, m.rows);
        return;
      }
      done();
      worker.unref();
      idleWorkers.push(worker);
      if (m.ok) resolve(m);
      else {
        const error = new Error(m.message);
        error.name = m.name ?? 'Error';
        reject(error);
      }
    };
    const onError = (e: Error): void => {
      done();
      void worker.terminate();
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`monitoring worker stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ task });
  });
}

/** The first range on this thread (its code is warm, and one worker fewer to start). */
async function runHere(
  task: RangeTask,
  onProgress: (bytes: number, rows: number) => void,
): Promise<WorkerReply & { readonly accumulators: readonly MonitoringAccumulator[] }> {
  const r = await ingestRange(task, onProgress);
  return {
    summary: r.summary,
    state: r.state,
    droppedRows: r.droppedRows,
    snapshots: [],
    keys: r.accumulators.map((a) => a.key),
    accumulators: r.accumulators.map((a) => a.accumulator),
  };
}

function sameState(a: MonitoringReaderState, b: MonitoringReaderState): boolean {
  return a.line === b.line && Object.is(a.lastTime, b.lastTime) && a.lastLine === b.lastLine;
}

/** The summaries of consecutive ranges as the one summary of the whole file. */
function mergeSummaries(
  parts: readonly ReaderSummary[],
  prefixBytes: number,
  maxIssues: number,
): ReaderSummary {
  const first = parts[0] as ReaderSummary;
  const last = parts.at(-1) as ReaderSummary;
  const sum = (f: (s: ReaderSummary) => number) => parts.reduce((n, s) => n + f(s), 0);
  const counts = Object.fromEntries(
    MONITORING_RULES.map((r) => [r, sum((s) => s.counts[r])]),
  ) as Record<MonitoringRule, number>;
  const kept = new Map<MonitoringRule, number>();
  const issues: MonitoringIssue[] = [];
  for (const s of parts) {
    for (const issue of s.issues) {
      const n = kept.get(issue.rule) ?? 0;
      if (n >= maxIssues) continue;
      kept.set(issue.rule, n + 1);
      issues.push(issue);
    }
  }
  const firstTimes = parts
    .map((s) => s.firstTime)
    .filter((t): t is number => t !== undefined && Number.isFinite(t));
  return {
    ok: parts.every((s) => s.ok),
    firstRejection: parts.find((s) => s.firstRejection !== undefined)?.firstRejection,
    header: first.header,
    bytes: sum((s) => s.bytes) - prefixBytes * (parts.length - 1),
    lines: last.lines,
    rows: sum((s) => s.rows),
    issueCount: sum((s) => s.issueCount),
    buffered: 0,
    emittedRows: sum((s) => s.emittedRows),
    skippedRows: sum((s) => s.skippedRows),
    blankLines: sum((s) => s.blankLines),
    firstTime: firstTimes.length === 0 ? undefined : Math.min(...firstTimes),
    lastTime: last.lastTime,
    counts,
    issues,
    issuesTruncated: MONITORING_RULES.some((r) => counts[r] > maxIssues),
    policy: first.policy,
  };
}

/** Accumulators of consecutive ranges merged by window. */
function mergeWindows(
  settings: MonitoringSettings,
  replies: readonly WorkerReply[],
): MonitoringAccumulator[] {
  const out: { key: number; accumulator: MonitoringAccumulator }[] = [];
  for (const reply of replies) {
    const here = (reply.accumulators ?? []).map((accumulator, i) => ({
      key: reply.keys?.[i] ?? 0,
      accumulator,
    }));
    const sent = reply.snapshots.map(({ key, snapshot }) => ({
      key,
      accumulator: restoreMonitoringAccumulator(settings, snapshot),
    }));
    for (const { key, accumulator } of [...here, ...sent]) {
      const last = out.at(-1);
      if (last !== undefined && last.key === key) last.accumulator.merge(accumulator);
      else out.push({ key, accumulator });
    }
  }
  return out.map((w) => w.accumulator);
}

/** The whole file on this thread. */
async function oneCore(
  options: ParallelIngestOptions,
  settings: MonitoringSettings | undefined,
  columns: readonly number[],
  fallback: string | undefined,
): Promise<ParallelIngestResult> {
  const size = statSync(options.file).size;
  if (settings === undefined) {
    // No header in the first MiB: the reader says why (or finds one further on).
    const reader = createMonitoringCsvReader(options.reader ?? {});
    const fd = openSync(options.file, 'r');
    try {
      for (let at = 0; at < size; at += PREFIX_BYTES) reader.push(readBytes(fd, at, PREFIX_BYTES));
    } finally {
      closeSync(fd);
    }
    const summary = reader.end();
    if (summary.header !== undefined) {
      const m = options.settingsOf(summary.header);
      return oneCore(options, m.settings, m.columns, fallback);
    }
    return { summary, settings, columns, accumulators: [], droppedRows: 0, parts: 1, fallback };
  }
  const r = await ingestRange(
    {
      file: options.file,
      start: 0,
      end: size,
      reader: options.reader ?? {},
      settings,
      columns,
      windowDays: options.windowDays,
    },
    options.onProgress,
  );
  return {
    summary: r.summary,
    settings,
    columns,
    accumulators: r.accumulators.map((a) => a.accumulator),
    droppedRows: r.droppedRows,
    parts: 1,
    fallback,
  };
}

/**
 * Reads a monitoring CSV on K cores into accumulators; the result equals reading it on one
 * core (see the file comment). Errors of the settings (GpError) are thrown as errors named
 * GpError with the engine's message.
 */
export async function ingestMonitoringParallel(
  options: ParallelIngestOptions,
): Promise<ParallelIngestResult> {
  const readerOptions = options.reader ?? {};
  const size = statSync(options.file).size;
  const fd = openSync(options.file, 'r');
  let found: ReturnType<typeof readHeader>;
  try {
    found = readHeader(fd, size, readerOptions);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (found === undefined) {
    closeSync(fd);
    return oneCore(options, undefined, [], undefined);
  }
  const { header, headerEnd } = found;
  let mapped: ReturnType<ParallelIngestOptions['settingsOf']>;
  try {
    mapped = options.settingsOf(header);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  const { settings, columns } = mapped;
  const k =
    options.parts ??
    (size < (options.minBytes ?? PARALLEL_MIN_BYTES) ? 1 : Math.min(2, availableParallelism()));
  if (k < 2 && options.cuts === undefined) {
    closeSync(fd);
    return oneCore(options, settings, columns, undefined);
  }
  if (!existsSync(fileURLToPath(workerUrl()))) {
    closeSync(fd);
    return oneCore(options, settings, columns, 'no compiled worker (npm run build)');
  }
  // Later ranges read with the header's decisions as options (the same as the first range's).
  const resolved: PlainReaderOptions = {
    ...readerOptions,
    delimiter: header.delimiter,
    numberFormat: header.numberFormat,
    expectedIntervalMs: header.expectedIntervalMs ?? false,
    ...(header.timeZone !== undefined && { timeZone: header.timeZone }),
  };
  const prefix = readBytes(fd, 0, headerEnd);
  const tasks: RangeTask[] = [];
  const guesses: MonitoringReaderState[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  let reason: string | undefined;
  try {
    // The first range (this thread) a larger share: a worker starts later, with cold code.
    const share = (i: number) => (MAIN_WEIGHT + i) / (MAIN_WEIGHT + k - 1);
    const wanted =
      options.cuts ??
      Array.from({ length: k - 1 }, (_, i) => headerEnd + (size - headerEnd) * share(i));
    for (const want of wanted) {
      const near = nextLineStart(fd, Math.max(Math.floor(want), headerEnd, start + 1) - 1, size);
      if (near >= size) break;
      const found = hourCut(
        fd,
        near,
        line + countLines(fd, counted, near),
        prefix,
        resolved,
        (settings.utcOffsetMinutes ?? 0) * 60_000,
      );
      if (found === undefined) {
        reason = `no clean change of hour after byte ${near}`;
        break;
      }
      const cut = found.cut;
      line = found.line;
      counted = cut;
      tasks.push({
        file: options.file,
        start,
        end: cut,
        reader: start === 0 ? readerOptions : resolved,
        settings,
        columns,
        windowDays: options.windowDays,
        ...(start > 0 && { prefix, resume: guesses.at(-1) }),
      });
      guesses.push({ line, lastTime: found.lastTime, lastLine: line - 1 });
      start = cut;
    }
  } finally {
    closeSync(fd);
  }
  if (reason !== undefined || tasks.length === 0)
    return oneCore(options, settings, columns, reason);
  tasks.push({
    file: options.file,
    start,
    end: size,
    reader: resolved,
    settings,
    columns,
    windowDays: options.windowDays,
    prefix,
    resume: guesses.at(-1),
  });
  // Progress: the bytes and rows of every range so far, summed.
  const progress = tasks.map(() => ({ bytes: 0, rows: 0 }));
  const report = (i: number) => (bytes: number, rows: number) => {
    const p = progress[i] as { bytes: number; rows: number };
    p.bytes = bytes;
    p.rows = rows;
    options.onProgress?.(
      progress.reduce((n, x) => n + x.bytes, 0),
      progress.reduce((n, x) => n + x.rows, 0),
    );
  };
  const settled = await Promise.allSettled([
    runHere(tasks[0] as RangeTask, report(0)),
    ...tasks.slice(1).map((task, i) => runWorker(task, report(i + 1))),
  ]);
  const replies: WorkerReply[] = [];
  for (const r of settled) {
    if (r.status === 'fulfilled') {
      replies.push(r.value);
      continue;
    }
    // The settings' errors are the caller's; anything else (a worker that cannot start or
    // read): one core, which reports a real problem of the file itself.
    const error: unknown = r.reason;
    if (error instanceof Error && error.name === 'GpError') throw error;
    return oneCore(options, settings, columns, `a range failed: ${String(error)}`);
  }
  for (let i = 0; i + 1 < replies.length; i++) {
    const r = replies[i] as WorkerReply;
    if (!sameState(r.state, guesses[i] as MonitoringReaderState)) {
      reason = `range ${i + 1} ended in another state than guessed`;
    } else if (r.summary.counts['unclosed-quote'] > 0) {
      reason = `range ${i + 1} has an open quote`;
    }
  }
  if (reason === undefined && !replies.every((r) => r.summary.ok)) reason = 'the file is refused';
  if (reason !== undefined) return oneCore(options, settings, columns, reason);
  return {
    summary: mergeSummaries(
      replies.map((r) => r.summary),
      headerEnd,
      readerOptions.maxIssuesPerRule ?? 100,
    ),
    settings,
    columns,
    accumulators: mergeWindows(settings, replies),
    droppedRows: replies.reduce((n, r) => n + r.droppedRows, 0),
    parts: replies.length,
    fallback: undefined,
  };
}
