/**
 * Reads a monitoring file off the page's thread: the file streams through the CSV reader in
 * chunks and each batch of rows goes straight into the engine's accumulator, so memory stays
 * flat whatever the file's size (a year of SPARING readings is 262 800 rows per parameter).
 */
import {
  createMonitoringCsvReader,
  type MonitoringBatch,
  type MonitoringHeader,
  rowsInTimeOrder,
} from '../../../document/monitoring/index.js';
import {
  monitoringSettingsFromStudy,
  type StudyMonitoringProblem,
} from '../../../document/monitoring/study-monitoring.js';
import {
  createMonitoringAccumulator,
  type MonitoringAccumulator,
} from '../../../engine/monitoring/index.js';
import { withAlerts } from './alerts.js';
import type {
  MonitoringMapping,
  MonitoringReply,
  MonitoringRequest,
} from './monitoring-messages.js';

const scope = globalThis as unknown as {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<MonitoringRequest>) => void,
  ): void;
  postMessage(message: MonitoringReply): void;
};

const PROGRESS_EVERY_MS = 100;

/** The accumulator fed from the reader's batches; rows that do not move forward in time are left out. */
class Feed {
  lastTime = -Infinity;
  dropped = 0;

  constructor(
    readonly acc: MonitoringAccumulator,
    private readonly columns: readonly number[],
  ) {}

  add(batch: MonitoringBatch): void {
    // Flagged duplicates (or out-of-order rows, when the user chose to flag them): the engine
    // takes readings in strictly increasing time, so keep the first reading of each instant.
    const rows = rowsInTimeOrder(batch, this.columns, this.lastTime);
    this.lastTime = rows.lastTime;
    this.dropped += rows.dropped;
    if (rows.times.length > 0) this.acc.addColumns(rows.times, rows.values);
  }
}

async function read(request: MonitoringRequest): Promise<MonitoringReply> {
  const { id, file, study, choices } = request;
  const started = performance.now();
  let feed: Feed | undefined;
  let mapping: MonitoringMapping | undefined;
  let mappingProblems: readonly StudyMonitoringProblem[] = [];
  let lastProgress = started;

  const onHeader = (header: MonitoringHeader) => {
    const mapped = monitoringSettingsFromStudy(study, header);
    if (!mapped.ok) {
      mappingProblems = mapped.problems;
      return;
    }
    mapping = {
      parameters: mapped.parameters,
      unmatchedColumns: mapped.unmatchedColumns,
      unmatchedParameters: mapped.unmatchedParameters,
      notes: mapped.notes,
    };
    try {
      feed = new Feed(createMonitoringAccumulator(withAlerts(mapped.settings)), mapped.columns);
    } catch (error) {
      mappingProblems = [{ path: 'settings', message: messageOf(error) }];
    }
  };

  const reader = createMonitoringCsvReader({
    onHeader,
    onBatch: (batch) => feed?.add(batch),
    policy: choices.policy,
    ...(choices.timeZone !== undefined && { timeZone: choices.timeZone }),
  });
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.push(value);
    const now = performance.now();
    if (now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      const p = reader.progress();
      scope.postMessage({
        id,
        type: 'progress',
        bytes: p.bytes,
        size: file.size,
        rows: p.rows,
        milliseconds: now - started,
      });
    }
  }
  const summary = reader.end();
  // A refused file's rows are discarded: the accumulator that took them is never read.
  const result =
    summary.ok && feed !== undefined && mappingProblems.length === 0
      ? // Hourly rollups (8 784 per parameter-year) are not shown: they stay here.
        feed.acc.result({ hourly: false })
      : undefined;
  return {
    id,
    type: 'done',
    size: file.size,
    milliseconds: performance.now() - started,
    read: summary,
    mapping,
    mappingProblems,
    droppedRows: feed?.dropped ?? 0,
    result,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  read(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({ id: request.id, type: 'failed', message: messageOf(error) }),
  );
});
