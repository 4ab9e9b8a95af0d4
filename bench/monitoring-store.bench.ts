/**
 * Benchmark of monitoring storage (issue 5): one SPARING site-year (262 800 readings every
 * 2 minutes, 5 parameters) stored through the Store with its derived state from the engine,
 * read back in the service's pages, and the dashboard's query (one year of daily and monthly
 * rollups; one month of hourly ones) timed as the median of 20. SQLite always (a temporary
 * folder); PostgreSQL when TEST_DATABASE_URL or LESTARI_BENCH_PG names one (a fresh schema,
 * dropped afterwards). Not a test: it prints what this machine does. Run with `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createMonitoringAccumulator,
  INDONESIA_UTC_OFFSETS,
  type MonitoringSettings,
} from '../src/engine/monitoring/index.js';
import { openStore, type OpenStoreOptions, type Store } from '../src/server/store/index.js';
import type { MonitoringReadingsPage } from '../src/server/store/store.js';

const ROWS = 262_800;
const INTERVAL_MS = 120_000;
const PAGE_ROWS = 50_000;
const RUNS = 20;
/** 1 January 2025, 00:00 WIB. */
const START_MS = Date.UTC(2024, 11, 31, 17, 0);
const DAY_MS = 86_400_000;

const SETTINGS: MonitoringSettings = {
  parameters: [
    { id: 'ph', limit: { range: { low: 6, high: 9 } } },
    { id: 'cod', limit: { max: 100 }, loadLimit: { perDay: 60 } },
    { id: 'tss', limit: { max: 100 }, load: true },
    { id: 'nh3n', limit: { max: 10 }, load: true },
    { id: 'flow' },
  ],
  flowParameter: 'flow',
  utcOffsetMinutes: INDONESIA_UTC_OFFSETS.WIB,
  expectedIntervalSeconds: 120,
  alerts: [
    { kind: 'run', minReadings: 15 },
    { kind: 'completeness', below: 0.8 },
  ],
};

/** The year's readings as pages, from a seeded generator (the same every run). */
function sparingYear(): MonitoringReadingsPage[] {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const pages: MonitoringReadingsPage[] = [];
  for (let from = 0; from < ROWS; from += PAGE_ROWS) {
    const n = Math.min(PAGE_ROWS, ROWS - from);
    const timesMs = new Float64Array(n);
    const values = SETTINGS.parameters.map(() => new Float64Array(n));
    for (let k = 0; k < n; k++) {
      const i = from + k;
      timesMs[k] = START_MS + i * INTERVAL_MS;
      const daily = Math.sin((2 * Math.PI * (i % 720)) / 720);
      const v = (p: number, x: number) => ((values[p] as Float64Array)[k] = x);
      v(0, 7.4 + 0.6 * daily + (random() - 0.5));
      v(1, 70 + 25 * daily + 30 * random());
      v(2, 45 + 20 * random());
      v(3, 4 + 3 * random());
      v(4, 20 + 5 * daily + 2 * random());
      // A missing value now and then, as loggers have.
      if (random() < 0.002) v(Math.floor(random() * 5), Number.NaN);
    }
    pages.push({ timesMs, values });
  }
  return pages;
}

interface Target {
  readonly name: 'sqlite' | 'postgres';
  readonly options: OpenStoreOptions;
  drop(): Promise<void>;
}

function sqliteTarget(): Target {
  const dataDir = mkdtempSync(join(tmpdir(), 'lestari-bench-store-'));
  return {
    name: 'sqlite',
    options: { dataDir },
    drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

async function postgresTarget(baseUrl: string): Promise<Target> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const schema = `lestari_bench_${randomUUID().replaceAll('-', '')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'postgres',
    options: { databaseUrl: url.toString() },
    drop: () => admin(`DROP SCHEMA ${schema} CASCADE`),
  };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: the first query pays for parsing and cold pages
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return ((times[RUNS / 2 - 1] as number) + (times[RUNS / 2] as number)) / 2;
}

const int = (x: number) => x.toLocaleString('en-US').replaceAll(',', ' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchTarget(target: Target, pages: readonly MonitoringReadingsPage[]) {
  const accumulator = createMonitoringAccumulator(SETTINGS);
  for (const page of pages) accumulator.addColumns(page.timesMs, page.values);
  const derived = { fingerprint: 'bench', result: accumulator.result() };

  const store: Store = await openStore(target.options);
  try {
    const user = await store.createUser({
      email: `bench.${randomUUID().slice(0, 8)}@example.id`,
      name: 'Bench',
      passwordHash: 'h',
    });
    const organisation = await store.createOrganisation({ name: 'Bench', ownerId: user.id });
    const study = await store.createStudy(organisation.id, {
      document: {
        lestari: 1,
        language: 'en',
        study: { title: 'Bench', organisation: { name: 'Bench', sector: 'textile' } },
      },
      authorId: user.id,
    });
    const series = await store.createMonitoringSeries(organisation.id, study.id, {
      name: 'Outlet IPAL',
      utcOffsetMinutes: SETTINGS.utcOffsetMinutes,
      expectedIntervalSeconds: 120,
      parameters: SETTINGS.parameters.map((p) => ({ id: p.id, unit: null })),
      createdBy: user.id,
    });
    const scope = [organisation.id, study.id, series.id] as const;

    const imported = await store.beginMonitoringImport(...scope, {
      fileName: 'sparing-2025.csv',
      createdBy: user.id,
    });
    let started = performance.now();
    for (const page of pages) await store.appendMonitoringReadings(imported.id, page);
    const insertMs = performance.now() - started;

    started = performance.now();
    let read = 0;
    let afterMs: number | undefined;
    for (;;) {
      const page = await store.readMonitoringReadings(...scope, {
        limit: PAGE_ROWS,
        includeImportId: imported.id,
        ...(afterMs === undefined ? {} : { afterMs }),
      });
      if (page.timesMs.length === 0) break;
      read += page.timesMs.length;
      afterMs = page.timesMs[page.timesMs.length - 1];
    }
    const readMs = performance.now() - started;
    if (read !== ROWS) throw new Error(`read back ${read} rows, stored ${ROWS}`);

    started = performance.now();
    await store.completeMonitoringImport(imported.id, { bytes: 0, report: null, derived });
    const completeMs = performance.now() - started;

    const year = await median(() =>
      store.getMonitoringDerived(...scope, { grains: ['day', 'month'] }),
    );
    const month = await median(() =>
      store.getMonitoringDerived(...scope, {
        grains: ['hour'],
        fromMs: START_MS + 31 * DAY_MS,
        toMs: START_MS + 59 * DAY_MS,
      }),
    );
    console.log(
      `monitoring dashboard (${target.name}): one year daily+monthly ${year.toFixed(1)} ms, one month hourly ${month.toFixed(1)} ms (medians of ${RUNS}), insert ${int(ROWS)} rows × ${SETTINGS.parameters.length} parameters ${seconds(insertMs)}, read back in pages of ${int(PAGE_ROWS)} ${seconds(readMs)}, complete with derived state ${seconds(completeMs)}`,
    );
  } finally {
    await store.close();
  }
}

export async function runMonitoringStoreBench(): Promise<void> {
  const pages = sparingYear();
  const pgUrl = process.env['LESTARI_BENCH_PG'] || process.env['TEST_DATABASE_URL'];
  const targets: (() => Target | Promise<Target>)[] = [
    sqliteTarget,
    ...(pgUrl ? [() => postgresTarget(pgUrl)] : []),
  ];
  for (const make of targets) {
    const target = await make();
    try {
      await benchTarget(target, pages);
    } finally {
      await target.drop();
    }
  }
  if (!pgUrl) {
    console.log(
      'monitoring dashboard (postgres): skipped, set TEST_DATABASE_URL or LESTARI_BENCH_PG',
    );
  }
}
