/**
 * Benchmark of monitoring ingest (issue 5): a seeded SPARING-style CSV (3 000 000 readings
 * every 2 minutes, about 11 site-years, ~155 MB) read in a stream and aggregated into daily
 * compliance rollups by Lestari (the document layer's CSV reader + the engine's accumulator),
 * and, in the same run, the same daily aggregates by DuckDB's multithreaded native CSV reader.
 * Not a test: it prints what this machine does. Run with `npm run bench`.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  statSync,
  createWriteStream,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  createMonitoringCsvReader,
  rowsInTimeOrder,
  type MonitoringBatch,
} from '../src/document/monitoring/index.js';
import {
  createMonitoringAccumulator,
  INDONESIA_UTC_OFFSETS,
  type MonitoringSettings,
} from '../src/engine/monitoring/index.js';
import { ingestMonitoringParallel } from '../src/cli/monitor-parallel.js';
import { writeMonitoringCsv } from './monitoring-data.js';

const ROWS = Number(process.env['LESTARI_BENCH_ROWS'] ?? 3_000_000);
const SEED = 1;

/** The study's limits for the generated parameters (Permen LH 5/2014-style maxima, pH range). */
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
};

async function dataFile(): Promise<string> {
  const dir = join(tmpdir(), 'lestari-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sparing-${ROWS}-seed${SEED}.csv`);
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    await writeMonitoringCsv(createWriteStream(partial), { rows: ROWS, seed: SEED });
    renameSync(partial, file);
  }
  return file;
}

interface LestariRun {
  readonly ms: number;
  readonly rows: number;
  readonly days: number;
  readonly codExceedances: number;
  readonly rssAtThirdMb: number;
  readonly peakRssMb: number;
}

async function runLestari(file: string, bytes: number, accumulate = true): Promise<LestariRun> {
  const started = performance.now();
  // One accumulator for the 11 site-years (its tables grow in chunks of days).
  const accumulator = createMonitoringAccumulator(SETTINGS);
  let rssAtThird = 0;
  let peakRss = 0;
  let consumed = 0;
  const ALL_COLUMNS = SETTINGS.parameters.map((_, j) => j);
  let lastTime = -Infinity;
  // The rows the accumulator can take (time order), as the CLI and the browser do.
  const keep = (raw: MonitoringBatch) => {
    const rows = rowsInTimeOrder(raw, ALL_COLUMNS, lastTime);
    lastTime = rows.lastTime;
    return { length: rows.times.length, times: rows.times, values: rows.values };
  };
  const reader = createMonitoringCsvReader({
    timeZone: 'WIB',
    // The file's planted faults are kept as flags (DuckDB's ignore_errors skips them too).
    policy: { 'out-of-order': 'flag', 'invalid-timestamp': 'flag' },
    // Each batch goes into the accumulator at once, as in the CLI's ingest.
    reuseBatches: true,
    onBatch: (raw) => {
      const batch = keep(raw);
      if (!accumulate || batch.length === 0) return;
      accumulator.addColumns(batch.times, batch.values);
    },
  });
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    reader.push(chunk as Buffer);
    consumed += (chunk as Buffer).length;
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    if (rssAtThird === 0 && consumed >= bytes / 3) rssAtThird = rss;
  }
  const summary = reader.end();
  const results = [accumulator.result({ hourly: false })];
  const ms = performance.now() - started;
  const cod = results.map((r) => r.parameters.find((p) => p.id === 'cod'));
  return {
    ms,
    rows: summary.rows,
    days: cod.reduce((n, p) => n + (p?.daily.filter((d) => d.count > 0).length ?? 0), 0),
    codExceedances: cod.reduce((n, p) => n + (p?.summary.exceedances ?? 0), 0),
    rssAtThirdMb: rssAtThird / 2 ** 20,
    peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20,
  };
}

/**
 * The same work on two cores (src/cli/monitor-parallel.ts; the worker runs from dist/). The
 * second run reuses the worker the first one kept, its code compiled, as a long-running
 * process would: the best of the two is that.
 */
async function runLestariParallel(file: string): Promise<LestariRun & { parts: number }> {
  const started = performance.now();
  const r = await ingestMonitoringParallel({
    file,
    reader: { timeZone: 'WIB', policy: { 'out-of-order': 'flag', 'invalid-timestamp': 'flag' } },
    settingsOf: () => ({ settings: SETTINGS, columns: [0, 1, 2, 3, 4] }),
  });
  const results = r.accumulators.map((a) => a.result({ hourly: false }));
  const ms = performance.now() - started;
  const cod = results.map((x) => x.parameters.find((p) => p.id === 'cod'));
  return {
    ms,
    rows: r.summary.rows,
    days: cod.reduce((n, p) => n + (p?.daily.filter((d) => d.count > 0).length ?? 0), 0),
    codExceedances: cod.reduce((n, p) => n + (p?.summary.exceedances ?? 0), 0),
    rssAtThirdMb: 0,
    peakRssMb: process.memoryUsage.rss() / 2 ** 20,
    parts: r.parts,
  };
}

interface DuckRun {
  readonly ms: number;
  readonly rows: number;
  readonly days: number;
  readonly codExceedances: number;
}

async function runDuckDb(file: string): Promise<DuckRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  // The same daily rollups: count, mean, min, max and exceedances per parameter, local (WIB) days.
  // Column types are given: on the whole file the sniffer meets a planted non-numeric cell.
  const reader = await connection.runAndReadAll(`
    WITH r AS (
      SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, ignore_errors = true,
        columns = {'timestamp': 'TIMESTAMPTZ', 'pH': 'DOUBLE', 'COD (mg/L)': 'DOUBLE',
          'TSS (mg/L)': 'DOUBLE', 'NH3-N (mg/L)': 'DOUBLE', 'flow (m3/h)': 'DOUBLE'})
    ),
    d AS (
      SELECT floor((epoch(timestamp) + 25200) / 86400) AS day, count(*) AS n,
        avg(pH) AS ph_mean, min(pH) AS ph_min, max(pH) AS ph_max, count(*) FILTER (WHERE pH < 6 OR pH > 9) AS ph_x,
        avg("COD (mg/L)") AS cod_mean, min("COD (mg/L)") AS cod_min, max("COD (mg/L)") AS cod_max,
        count(*) FILTER (WHERE "COD (mg/L)" > 100) AS cod_x,
        avg("TSS (mg/L)") AS tss_mean, max("TSS (mg/L)") AS tss_max, count(*) FILTER (WHERE "TSS (mg/L)" > 100) AS tss_x,
        avg("NH3-N (mg/L)") AS nh3_mean, max("NH3-N (mg/L)") AS nh3_max, count(*) FILTER (WHERE "NH3-N (mg/L)" > 10) AS nh3_x,
        avg("flow (m3/h)") AS flow_mean, sum("COD (mg/L)" * "flow (m3/h)") AS cod_load
      FROM r GROUP BY day
    )
    SELECT count(*) AS days, sum(n) AS rows, sum(cod_x) AS cod_x FROM d`);
  const ms = performance.now() - started;
  const [days, rows, codX] = (reader.getRows()[0] ?? []).map(Number);
  connection.closeSync();
  return { ms, rows: rows ?? 0, days: days ?? 0, codExceedances: codX ?? 0 };
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const int = (x: number) => x.toLocaleString('en-US');

export async function runMonitoringBench(): Promise<void> {
  const file = await dataFile();
  const bytes = statSync(file).size;
  // Alternate the two and keep each one's best of two runs: the machine is shared.
  const duck1 = await runDuckDb(file);
  const lestari1 = await runLestari(file, bytes);
  const duck2 = await runDuckDb(file);
  const lestari2 = await runLestari(file, bytes);
  const readOnly = await runLestari(file, bytes, false);
  const par1 = await runLestariParallel(file);
  const par2 = await runLestariParallel(file);
  const lestari = lestari1.ms <= lestari2.ms ? lestari1 : lestari2;
  const par = par1.ms <= par2.ms ? par1 : par2;
  const duck = duck1.ms <= duck2.ms ? duck1 : duck2;
  const oneCoreRate = rate(lestari.rows, lestari.ms);
  const lestariRate = rate(par.rows, par.ms);
  const duckRate = rate(duck.rows, duck.ms);
  console.log(
    `monitoring data: ${int(lestari.rows)} rows, ${(bytes / 1e6).toFixed(0)} MB (${file}); days ${lestari.days} (duckdb ${duck.days}); COD readings over 100 mg/L ${int(lestari.codExceedances)} (duckdb ${int(duck.codExceedances)})`,
  );
  console.log(
    `monitoring ingest, reading alone: lestari ${int(rate(readOnly.rows, readOnly.ms))} rows/s (${(readOnly.ms / 1000).toFixed(2)} s): the rest is the accumulator`,
  );
  console.log(
    `monitoring ingest, one core: lestari ${int(oneCoreRate)} rows/s (${(bytes / 1e6 / (lestari.ms / 1000)).toFixed(0)} MB/s, ${(lestari.ms / 1000).toFixed(2)} s, RSS ${lestari.rssAtThirdMb.toFixed(0)} MB at a third of the file, peak ${lestari.peakRssMb.toFixed(0)} MB), ratio ${(oneCoreRate / duckRate).toFixed(2)}`,
  );
  console.log(
    `monitoring ingest, ${par.parts} cores: ${int(par.rows)} rows, days ${par.days}, COD readings over 100 mg/L ${int(par.codExceedances)}, RSS after ${par.peakRssMb.toFixed(0)} MB`,
  );
  console.log(
    `monitoring ingest: lestari ${int(lestariRate)} rows/s (${par.parts} cores, ${(bytes / 1e6 / (par.ms / 1000)).toFixed(0)} MB/s, ${(par.ms / 1000).toFixed(2)} s), duckdb ${int(duckRate)} rows/s (${(duck.ms / 1000).toFixed(2)} s), ratio ${(lestariRate / duckRate).toFixed(2)}`,
  );
}
