import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringCsvChunks, type MonitoringDataPlan } from '../../bench/monitoring-data.js';
import { INDONESIA_UTC_OFFSETS, type MonitoringSettings } from '../engine/monitoring/index.js';
import {
  closeMonitoringWorkers,
  ingestMonitoringParallel,
  type ParallelIngestOptions,
} from './monitor-parallel.js';

// The worker runs from dist/ (npm test builds first: `tsc -b tsconfig.build.json`).

const SETTINGS: MonitoringSettings = {
  parameters: [
    { id: 'ph', limit: { range: { low: 6, high: 9 } } },
    { id: 'cod', limit: { max: 100 }, load: true },
    { id: 'tss', limit: { max: 100 }, load: true },
    { id: 'nh3n', limit: { max: 10 }, load: true },
    { id: 'flow' },
  ],
  flowParameter: 'flow',
  utcOffsetMinutes: INDONESIA_UTC_OFFSETS.WIB,
  expectedIntervalSeconds: 120,
  alerts: [{ kind: 'run', parameter: 'cod', minReadings: 5 }],
};

let dir = '';
let file = '';
let plan: MonitoringDataPlan;
let lineStarts: number[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lestari-parallel-'));
  file = join(dir, 'sparing.csv');
  const chunks = monitoringCsvChunks({ rows: 20_000, seed: 7 });
  let text = '';
  for (;;) {
    const step = chunks.next();
    if (step.done === true) {
      plan = step.value;
      break;
    }
    text += step.value;
  }
  writeFileSync(file, text);
  const bytes = readFileSync(file);
  lineStarts = [0, 0];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lineStarts.push(i + 1);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeMonitoringWorkers();
});

function options(extra: Partial<ParallelIngestOptions>): ParallelIngestOptions {
  return {
    file,
    reader: { timeZone: 'WIB', policy: { 'out-of-order': 'flag', 'invalid-timestamp': 'flag' } },
    settingsOf: () => ({ settings: SETTINGS, columns: [0, 1, 2, 3, 4] }),
    ...extra,
  };
}

async function outcome(extra: Partial<ParallelIngestOptions>) {
  const r = await ingestMonitoringParallel(options(extra));
  return {
    parts: r.parts,
    fallback: r.fallback,
    plain: {
      summary: r.summary,
      droppedRows: r.droppedRows,
      results: r.accumulators.map((a) => a.result()),
    },
  };
}

describe('ingestMonitoringParallel', () => {
  it('equals the one-core result with cuts at planted faults and exceedance runs', async () => {
    const one = await outcome({ parts: 1 });
    expect(one.parts).toBe(1);
    expect(one.plain.summary.counts.gap).toBeGreaterThan(0);
    const lines = new Set<number>([10_000]);
    for (const issue of plan.issues) for (const d of [0, 1]) lines.add(issue.line + d);
    for (const e of plan.exceedances) {
      for (const l of [
        e.firstLine,
        e.firstLine + 1,
        (e.firstLine + e.lastLine) >> 1,
        e.lastLine,
        e.lastLine + 1,
      ])
        lines.add(l);
    }
    let parallel = 0;
    for (const line of lines) {
      const at = lineStarts[line];
      if (at === undefined) continue;
      const two = await outcome({ cuts: [at] });
      expect(two.plain, `cut at line ${line} (${two.fallback ?? 'parallel'})`).toEqual(one.plain);
      if (two.parts === 2) parallel++;
    }
    // Most cuts are read in parallel (a cut right after a duplicate or out-of-order row falls back).
    expect(parallel).toBeGreaterThan(lines.size / 2);
  }, 120_000);

  it('equals the one-core result in windows of days, with three ranges', async () => {
    const one = await outcome({ parts: 1, windowDays: 10 });
    expect(one.plain.results.length).toBeGreaterThan(1);
    const two = await outcome({ cuts: [lineStarts[7000] as number, lineStarts[14_401] as number] });
    expect(two.parts).toBe(3);
    const oneNoWindows = await outcome({ parts: 1 });
    expect(two.plain).toEqual(oneNoWindows.plain);
    const windows = await outcome({ windowDays: 10, cuts: [lineStarts[7200] as number] });
    expect(windows.parts).toBe(2);
    expect(windows.plain).toEqual(one.plain);
  }, 60_000);

  it('falls back to one core for a refused file, with the same result', async () => {
    const reader = { timeZone: 'WIB' };
    const one = await outcome({ parts: 1, reader });
    expect(one.plain.summary.ok).toBe(false);
    const two = await outcome({ reader, cuts: [lineStarts[10_000] as number] });
    expect(two.fallback).toBe('the file is refused');
    expect(two.plain).toEqual(one.plain);
  }, 60_000);

  it("reports the progress of both ranges together, up to the file's size", async () => {
    const seen: [number, number][] = [];
    const r = await ingestMonitoringParallel(
      options({ cuts: [lineStarts[10_000] as number], onProgress: (b, n) => seen.push([b, n]) }),
    );
    expect(r.parts).toBe(2);
    const size = readFileSync(file).length;
    expect(Math.max(...seen.map(([b]) => b))).toBe(size);
    expect(seen.every(([b, n]) => b <= size && n <= r.summary.rows)).toBe(true);
  });

  it('gives the same result with its kept worker, and with a new one after closing it', async () => {
    const cut = { cuts: [lineStarts[12_000] as number] };
    const first = await outcome(cut);
    const again = await outcome(cut);
    await closeMonitoringWorkers();
    const fresh = await outcome(cut);
    expect([first.parts, again.parts, fresh.parts]).toEqual([2, 2, 2]);
    expect(again.plain).toEqual(first.plain);
    expect(fresh.plain).toEqual(first.plain);
  });

  it('reads small files on one core by default', async () => {
    const r = await outcome({});
    expect(r.parts).toBe(1);
  });
});
