/**
 * The store's monitoring series (issue 5), run once per dialect like store.test.ts: SQLite
 * always, PostgreSQL when TEST_DATABASE_URL is set (a fresh schema, dropped afterwards).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMonitoringAccumulator,
  type MonitoringResult,
  type MonitoringSettings,
} from '../../src/engine/monitoring/index.js';
import { openStore, type Store, type StoreErrorCode } from '../../src/server/store/index.js';
import type {
  MonitoringDerived,
  MonitoringGrain,
  MonitoringReadingsPage,
  MonitoringSeriesColumn,
} from '../../src/server/store/store.js';
import { removeTempRoots, testDialects, type TestDatabase } from '../support/databases.js';
import { studyDocument } from './fixtures.js';

afterAll(removeTempRoots);
const dialects = testDialects;

function testClock(start = '2026-01-05T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function expectCode(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'StoreError', code });
}

const COLUMNS: MonitoringSeriesColumn[] = [
  { id: 'ph', unit: null },
  { id: 'cod', unit: 'mg/L' },
  { id: 'flow', unit: 'm3/h' },
];

const SETTINGS: MonitoringSettings = {
  parameters: [
    { id: 'ph', limit: { range: { low: 6, high: 9 } } },
    { id: 'cod', limit: { max: 100 }, loadLimit: { perHour: 1.1, perDay: 20 } },
    { id: 'flow' },
  ],
  flowParameter: 'flow',
  utcOffsetMinutes: 420,
  expectedIntervalSeconds: 120,
  alerts: [
    { kind: 'exceedance', parameter: 'cod' },
    { kind: 'run', minReadings: 3 },
    { kind: 'completeness', below: 0.9 },
  ],
};

const START_MS = Date.UTC(2026, 0, 30, 17, 0); // 00:00 WIB on 31 January: crosses a month

/**
 * A deterministic SPARING-like series every 2 minutes: a gap (completeness), missing values
 * (NaN), COD bursts over its limit (runs, events), pH out of range now and then.
 */
function syntheticPage(rows: number, fromIndex = 0): MonitoringReadingsPage {
  const times: number[] = [];
  const columns: number[][] = [[], [], []];
  for (let k = fromIndex; times.length < rows; k++) {
    if (k % 720 >= 300 && k % 720 < 420) continue; // four hours without data every day
    times.push(START_MS + k * 120_000);
    const wave = Math.sin(k / 37);
    columns[0]?.push(k % 97 === 0 ? Number.NaN : 7.2 + 2.1 * Math.sin(k / 11));
    columns[1]?.push(k % 53 === 0 ? Number.NaN : 80 + 35 * wave + (k % 7) / 3);
    columns[2]?.push(k % 71 === 0 ? Number.NaN : 12.5 + 4 * Math.cos(k / 29));
  }
  return { timesMs: Float64Array.from(times), values: columns.map((c) => Float64Array.from(c)) };
}

function concatPages(pages: readonly MonitoringReadingsPage[]): MonitoringReadingsPage {
  const join = (arrays: readonly Float64Array[]) =>
    Float64Array.from(arrays.flatMap((a) => [...a]));
  return {
    timesMs: join(pages.map((p) => p.timesMs)),
    values: COLUMNS.map((_, i) => join(pages.map((p) => p.values[i] ?? new Float64Array()))),
  };
}

function derivedOf(pages: readonly MonitoringReadingsPage[], fingerprint = 'limits-1') {
  const accumulator = createMonitoringAccumulator(SETTINGS);
  for (const page of pages) accumulator.addColumns(page.timesMs, page.values);
  return { fingerprint, result: accumulator.result() } satisfies MonitoringDerived;
}

/** The result with only `grains`' rollups starting in [from, to), as the store should return it. */
function window(
  result: MonitoringResult,
  grains: readonly MonitoringGrain[],
  from = -Infinity,
  to = Infinity,
): MonitoringResult {
  const keep = (
    grain: MonitoringGrain,
    rollups: MonitoringResult['parameters'][number]['daily'],
  ) => (grains.includes(grain) ? rollups.filter((r) => r.startMs >= from && r.startMs < to) : []);
  return {
    ...result,
    parameters: result.parameters.map((p) => ({
      ...p,
      hourly: keep('hour', p.hourly),
      daily: keep('day', p.daily),
      monthly: keep('month', p.monthly),
    })),
  };
}

/** JSON that keeps undefined visible, so two results compare byte for byte. */
function exactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined) return '<undefined>';
    if (typeof v === 'number' && !Number.isFinite(v)) return `<${v}>`;
    if (v instanceof Float64Array) return [...v].map((x) => (Number.isNaN(x) ? '<NaN>' : x));
    return v;
  });
}

async function readAll(
  store: Store,
  scope: readonly [string, string, string],
  options: { limit?: number; includeImportId?: string } = {},
): Promise<MonitoringReadingsPage> {
  const pages: MonitoringReadingsPage[] = [];
  let afterMs: number | undefined;
  for (;;) {
    const page = await store.readMonitoringReadings(...scope, {
      limit: options.limit ?? 1000,
      ...(afterMs === undefined ? {} : { afterMs }),
      ...(options.includeImportId === undefined
        ? {}
        : { includeImportId: options.includeImportId }),
    });
    if (page.timesMs.length === 0) break;
    pages.push(page);
    afterMs = page.timesMs[page.timesMs.length - 1];
  }
  return concatPages(pages);
}

/** A store with one organisation, its owner and one study; fresh series per test. */
async function seed(store: Store, label: string) {
  const owner = await store.createUser({
    email: `${label}.${randomUUID().slice(0, 8)}@example.id`,
    name: label,
    passwordHash: 'h',
  });
  const organisation = await store.createOrganisation({ name: label, ownerId: owner.id });
  const study = await store.createStudy(organisation.id, {
    document: studyDocument(label),
    authorId: owner.id,
  });
  let counter = 0;
  async function newSeries(name?: string) {
    counter += 1;
    const series = await store.createMonitoringSeries(organisation.id, study.id, {
      name: name ?? `Outlet ${counter}`,
      utcOffsetMinutes: 420,
      expectedIntervalSeconds: 120,
      parameters: COLUMNS,
      createdBy: owner.id,
    });
    const scope = [organisation.id, study.id, series.id] as const;
    return { series, scope };
  }
  return { owner, organisation, study, newSeries };
}

/** Stores pages as one complete import with the derived state of `all` pages. */
async function importPages(
  store: Store,
  scope: readonly [string, string, string],
  createdBy: string,
  pages: readonly MonitoringReadingsPage[],
  derived: MonitoringDerived,
) {
  const started = await store.beginMonitoringImport(...scope, { fileName: 'a.csv', createdBy });
  for (const page of pages) await store.appendMonitoringReadings(started.id, page);
  return store.completeMonitoringImport(started.id, {
    bytes: 1234,
    report: { rows: 1 },
    derived,
  });
}

for (const dialect of dialects) {
  describe(`monitoring store on ${dialect.name}`, () => {
    const clock = testClock();
    let database: TestDatabase;
    let store: Store;
    let ctx: Awaited<ReturnType<typeof seed>>;

    beforeAll(async () => {
      database = await dialect.fresh();
      store = await openStore({ ...database.options, now: clock.now });
      ctx = await seed(store, 'Sari');
    });

    afterAll(async () => {
      await (store as Store | undefined)?.close();
      await database.drop();
    });

    describe('series', () => {
      it('creates, lists by name, gets and deletes a series with its columns', async () => {
        const { organisation, study, owner } = ctx;
        const created = await store.createMonitoringSeries(organisation.id, study.id, {
          name: '  Outlet IPAL ',
          utcOffsetMinutes: 480,
          expectedIntervalSeconds: null,
          parameters: COLUMNS,
          createdBy: owner.id,
        });
        expect(created).toMatchObject({
          name: 'Outlet IPAL',
          organisationId: organisation.id,
          studyId: study.id,
          utcOffsetMinutes: 480,
          expectedIntervalSeconds: null,
          parameters: COLUMNS,
          readings: 0,
          firstTimeMs: null,
          lastTimeMs: null,
          createdBy: owner.id,
          createdAt: clock.now().toISOString(),
        });
        const other = await store.createMonitoringSeries(organisation.id, study.id, {
          name: 'inlet',
          utcOffsetMinutes: 420,
          expectedIntervalSeconds: 60.5,
          parameters: [{ id: 'cod', unit: 'mg/L' }],
          createdBy: owner.id,
        });
        expect(await store.getMonitoringSeries(organisation.id, study.id, created.id)).toEqual(
          created,
        );
        const names = (await store.listMonitoringSeries(organisation.id, study.id)).map(
          (s) => s.name,
        );
        expect(names.indexOf('inlet')).toBeLessThan(names.indexOf('Outlet IPAL'));
        await store.deleteMonitoringSeries(organisation.id, study.id, created.id);
        await expectCode(
          store.getMonitoringSeries(organisation.id, study.id, created.id),
          'not-found',
        );
        expect(
          (await store.getMonitoringSeries(organisation.id, study.id, other.id))
            .expectedIntervalSeconds,
        ).toBe(60.5);
      });

      it('refuses a name taken in the study in another case as a duplicate', async () => {
        await ctx.newSeries('Outlet Timur');
        await expectCode(ctx.newSeries('  outlet TIMUR'), 'duplicate');
      });

      it('refuses empty names, empty or duplicate columns, and offsets or intervals out of range', async () => {
        const { organisation, study, owner } = ctx;
        const base = {
          name: 'X',
          utcOffsetMinutes: 420,
          expectedIntervalSeconds: 120,
          parameters: COLUMNS,
          createdBy: owner.id,
        };
        const create = (change: Partial<typeof base>) =>
          store.createMonitoringSeries(organisation.id, study.id, { ...base, ...change });
        await expectCode(create({ name: '  ' }), 'invalid');
        await expectCode(create({ parameters: [] }), 'invalid');
        await expectCode(
          create({ parameters: [COLUMNS[1] as MonitoringSeriesColumn, { id: 'cod', unit: null }] }),
          'invalid',
        );
        await expectCode(create({ utcOffsetMinutes: 900 }), 'invalid');
        await expectCode(create({ utcOffsetMinutes: 420.5 }), 'invalid');
        await expectCode(create({ expectedIntervalSeconds: 0 }), 'invalid');
      });

      it('treats a series of another organisation or of a deleted study as not-found', async () => {
        const { scope } = await ctx.newSeries();
        const [organisationId, studyId, seriesId] = scope;
        const stranger = await seed(store, 'Stranger');
        const foreign = [stranger.organisation.id, studyId, seriesId] as const;
        await expectCode(store.getMonitoringSeries(...foreign), 'not-found');
        await expectCode(
          store.listMonitoringSeries(stranger.organisation.id, studyId),
          'not-found',
        );
        await expectCode(store.listMonitoringImports(...foreign), 'not-found');
        await expectCode(store.readMonitoringReadings(...foreign, { limit: 10 }), 'not-found');
        await expectCode(store.getMonitoringDerived(...foreign), 'not-found');
        await expectCode(
          store.beginMonitoringImport(...foreign, { fileName: 'x.csv', createdBy: ctx.owner.id }),
          'not-found',
        );
        await expectCode(store.replaceMonitoringDerived(...foreign, null), 'not-found');
        await expectCode(store.deleteMonitoringSeries(...foreign), 'not-found');
        // A study of the same organisation is not the series' study either.
        await expectCode(
          store.getMonitoringSeries(organisationId, stranger.study.id, seriesId),
          'not-found',
        );
        expect((await store.getMonitoringSeries(...scope)).id).toBe(seriesId);

        const doomed = await seed(store, 'Doomed');
        const { scope: doomedScope } = await doomed.newSeries();
        const begun = await store.beginMonitoringImport(...doomedScope, {
          fileName: 'x.csv',
          createdBy: doomed.owner.id,
        });
        await store.deleteStudy(doomed.organisation.id, doomed.study.id, {
          deletedBy: doomed.owner.id,
        });
        await expectCode(store.getMonitoringSeries(...doomedScope), 'not-found');
        await expectCode(
          store.listMonitoringSeries(doomed.organisation.id, doomed.study.id),
          'not-found',
        );
        await expectCode(store.appendMonitoringReadings(begun.id, syntheticPage(3)), 'not-found');
        expect(organisationId).toBe(ctx.organisation.id);
      });
    });

    describe('imports', () => {
      it('keeps a pending import invisible until it completes, then shows every value exactly', async () => {
        const { scope } = await ctx.newSeries();
        const all = syntheticPage(1500);
        const first = {
          timesMs: all.timesMs.subarray(0, 600),
          values: all.values.map((v) => v.subarray(0, 600)),
        };
        const second = {
          timesMs: all.timesMs.subarray(600),
          values: all.values.map((v) => v.subarray(600)),
        };
        const begun = await store.beginMonitoringImport(...scope, {
          fileName: 'sparing-jan.csv',
          createdBy: ctx.owner.id,
        });
        expect(begun).toMatchObject({ status: 'pending', rows: 0, fileName: 'sparing-jan.csv' });
        await store.appendMonitoringReadings(begun.id, first);
        await store.appendMonitoringReadings(begun.id, second);

        expect((await readAll(store, scope)).timesMs).toHaveLength(0);
        expect(await store.listMonitoringImports(...scope)).toEqual([]);
        expect(exactJson(await readAll(store, scope, { includeImportId: begun.id }))).toBe(
          exactJson(all),
        );

        const derived = derivedOf([all]);
        const report = { flagged: [{ line: 12, rule: 'missing' }], note: null };
        const done = await store.completeMonitoringImport(begun.id, {
          bytes: 98_765,
          report,
          derived,
        });
        expect(done).toMatchObject({
          id: begun.id,
          status: 'complete',
          bytes: 98_765,
          rows: 1500,
          firstTimeMs: all.timesMs[0],
          lastTimeMs: all.timesMs[1499],
          report,
        });
        expect(await store.listMonitoringImports(...scope)).toEqual([done]);
        expect(await store.getMonitoringSeries(...scope)).toMatchObject({
          readings: 1500,
          firstTimeMs: all.timesMs[0],
          lastTimeMs: all.timesMs[1499],
        });
        expect(exactJson(await readAll(store, scope, { limit: 333 }))).toBe(exactJson(all));
        await expectCode(
          store.appendMonitoringReadings(begun.id, syntheticPage(1, 5000)),
          'not-found',
        );
        await expectCode(
          store.completeMonitoringImport(begun.id, { bytes: 1, report: null, derived }),
          'not-found',
        );
      });

      it('reads a page after a time, at most limit rows', async () => {
        const { scope } = await ctx.newSeries();
        const all = syntheticPage(50);
        await importPages(store, scope, ctx.owner.id, [all], derivedOf([all]));
        const after = all.timesMs[9] as number;
        const page = await store.readMonitoringReadings(...scope, {
          afterMs: after + 0.5,
          limit: 5,
        });
        expect([...page.timesMs]).toEqual([...all.timesMs.subarray(10, 15)]);
        expect([...(page.values[1] ?? [])]).toEqual([...(all.values[1]?.subarray(10, 15) ?? [])]);
        const none = await store.readMonitoringReadings(...scope, { afterMs: Infinity, limit: 5 });
        expect(none.values).toHaveLength(3);
        expect(none.timesMs).toHaveLength(0);
        await expectCode(store.readMonitoringReadings(...scope, { limit: 0 }), 'invalid');
        await expectCode(
          store.readMonitoringReadings(...scope, { limit: 5, includeImportId: randomUUID() }),
          'not-found',
        );
      });

      it('stores any finite double, negative zero and NaN exactly', async () => {
        const { scope } = await ctx.newSeries();
        let next = START_MS;
        const value = fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(-0));
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 20 }),
            async (rows) => {
              const times = rows.map(() => (next += 1000));
              const page = {
                timesMs: Float64Array.from(times),
                values: [0, 1, 2].map((i) => Float64Array.from(rows.map((r) => r[i] as number))),
              };
              const begun = await store.beginMonitoringImport(...scope, {
                fileName: 'f.csv',
                createdBy: ctx.owner.id,
              });
              await store.appendMonitoringReadings(begun.id, page);
              const back = await store.readMonitoringReadings(...scope, {
                afterMs: (times[0] as number) - 1,
                limit: 100,
                includeImportId: begun.id,
              });
              await store.abortMonitoringImport(begun.id);
              expect([...back.timesMs]).toEqual(times);
              back.values.forEach((column, i) => {
                column.forEach((v, k) => expect(Object.is(v, page.values[i]?.[k])).toBe(true));
              });
            },
          ),
          { numRuns: 25 },
        );
      });

      it('leaves nothing behind when an import is aborted, and aborting twice does nothing', async () => {
        const { scope, series } = await ctx.newSeries();
        const begun = await store.beginMonitoringImport(...scope, {
          fileName: 'bad.csv',
          createdBy: ctx.owner.id,
        });
        await store.appendMonitoringReadings(begun.id, syntheticPage(200));
        await store.abortMonitoringImport(begun.id);
        await store.abortMonitoringImport(begun.id);
        await expectCode(
          store.readMonitoringReadings(...scope, { limit: 10, includeImportId: begun.id }),
          'not-found',
        );
        expect(await store.getMonitoringSeries(...scope)).toEqual(series);
        expect(await store.listMonitoringImports(...scope)).toEqual([]);
        // The same times can come again in the next import.
        const again = syntheticPage(200);
        await importPages(store, scope, ctx.owner.id, [again], derivedOf([again]));
        expect(exactJson(await readAll(store, scope))).toBe(exactJson(again));
      });

      it('refuses times that are not after the last reading, and pages of the wrong shape, as invalid', async () => {
        const { scope } = await ctx.newSeries();
        const first = syntheticPage(100);
        await importPages(store, scope, ctx.owner.id, [first], derivedOf([first]));
        const begun = await store.beginMonitoringImport(...scope, {
          fileName: 'b.csv',
          createdBy: ctx.owner.id,
        });
        const last = first.timesMs[99] as number;
        const page = (times: number[], width = 3, value = 1) => ({
          timesMs: Float64Array.from(times),
          values: Array.from({ length: width }, () => Float64Array.from(times.map(() => value))),
        });
        await expectCode(store.appendMonitoringReadings(begun.id, page([last])), 'invalid');
        await expectCode(store.appendMonitoringReadings(begun.id, page([last - 5])), 'invalid');
        await expectCode(
          store.appendMonitoringReadings(begun.id, page([last + 2, last + 1])),
          'invalid',
        );
        await expectCode(store.appendMonitoringReadings(begun.id, page([last + 1.5])), 'invalid');
        await expectCode(store.appendMonitoringReadings(begun.id, page([last + 1], 2)), 'invalid');
        await expectCode(
          store.appendMonitoringReadings(begun.id, page([last + 1], 3, Infinity)),
          'invalid',
        );
        await store.appendMonitoringReadings(begun.id, page([last + 10]));
        // Across pages of the same import too.
        await expectCode(store.appendMonitoringReadings(begun.id, page([last + 10])), 'invalid');
        await store.appendMonitoringReadings(begun.id, page([last + 11]));
        const read = await readAll(store, scope, { includeImportId: begun.id });
        expect(read.timesMs.subarray(100)).toEqual(Float64Array.from([last + 10, last + 11]));
        await expectCode(
          store.appendMonitoringReadings(randomUUID(), page([last + 20])),
          'not-found',
        );
      });

      it('refuses a second import while one is in progress, and removes a stale one', async () => {
        const { scope } = await ctx.newSeries();
        const begin = (staleAfterMs?: number) =>
          store.beginMonitoringImport(...scope, {
            fileName: 'c.csv',
            createdBy: ctx.owner.id,
            ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
          });
        const abandoned = await begin();
        await store.appendMonitoringReadings(abandoned.id, syntheticPage(100));
        await expectCode(begin(), 'conflict');
        clock.advance(30 * 60_000);
        await store.appendMonitoringReadings(abandoned.id, syntheticPage(10, 100));
        clock.advance(45 * 60_000);
        // 45 minutes after its last page: still in progress by default (1 hour) …
        await expectCode(begin(), 'conflict');
        // … and abandoned when the caller says 30 minutes is stale.
        const fresh = await begin(30 * 60_000);
        await expectCode(
          store.appendMonitoringReadings(abandoned.id, syntheticPage(1, 500)),
          'not-found',
        );
        await expectCode(
          store.readMonitoringReadings(...scope, { limit: 10, includeImportId: abandoned.id }),
          'not-found',
        );
        const page = syntheticPage(20);
        await store.appendMonitoringReadings(fresh.id, page);
        expect(exactJson(await readAll(store, scope, { includeImportId: fresh.id }))).toBe(
          exactJson(page),
        );
        await store.abortMonitoringImport(fresh.id);
      });

      it('lets exactly one of two imports begun at once through', async () => {
        const { scope } = await ctx.newSeries();
        const outcomes = await Promise.allSettled(
          [1, 2].map(() =>
            store.beginMonitoringImport(...scope, { fileName: 'd.csv', createdBy: ctx.owner.id }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected');
        expect(refused?.reason).toMatchObject({ name: 'StoreError', code: 'conflict' });
      });

      it('deletes a complete import with its readings and replaces the derived state', async () => {
        const { scope } = await ctx.newSeries();
        const january = syntheticPage(400);
        const february = syntheticPage(300, 2000);
        const one = await importPages(store, scope, ctx.owner.id, [january], derivedOf([january]));
        clock.advance(1000);
        const two = await importPages(
          store,
          scope,
          ctx.owner.id,
          [february],
          derivedOf([january, february], 'limits-2'),
        );
        expect((await store.listMonitoringImports(...scope)).map((i) => i.id)).toEqual([
          two.id,
          one.id,
        ]);
        expect(await store.getMonitoringSeries(...scope)).toMatchObject({ readings: 700 });

        const remaining = derivedOf([february], 'limits-2');
        await store.deleteMonitoringImport(...scope, one.id, remaining);
        expect(exactJson(await readAll(store, scope))).toBe(exactJson(february));
        expect(await store.getMonitoringSeries(...scope)).toMatchObject({
          readings: 300,
          firstTimeMs: february.timesMs[0],
          lastTimeMs: february.timesMs[299],
        });
        expect(
          await store.getMonitoringDerived(...scope, { grains: ['hour', 'day', 'month'] }),
        ).toStrictEqual(remaining);
        await expectCode(store.deleteMonitoringImport(...scope, one.id, null), 'not-found');

        await store.deleteMonitoringImport(...scope, two.id, null);
        expect(await store.getMonitoringDerived(...scope)).toBeUndefined();
        expect(await store.getMonitoringSeries(...scope)).toMatchObject({
          readings: 0,
          firstTimeMs: null,
          lastTimeMs: null,
        });
        expect((await readAll(store, scope)).timesMs).toHaveLength(0);
      });
    });

    describe('derived state', () => {
      it("reads back the engine's result exactly: every grain, or a window of some", async () => {
        const { scope } = await ctx.newSeries();
        const all = syntheticPage(3000);
        const derived = derivedOf([all]);
        const { result } = derived;
        // The fixture exercises what must survive the round trip.
        expect(result.events.map((e) => e.kind)).toEqual(
          expect.arrayContaining(['exceedance', 'run', 'completeness']),
        );
        expect(result.parameters[1]?.daily.some((d) => d.load?.complies === false)).toBe(true);
        expect(result.parameters[0]?.hourly.some((h) => h.mean === undefined)).toBe(true);
        expect(result.parameters[2]?.limit).toBeUndefined();
        await importPages(store, scope, ctx.owner.id, [all], derived);

        expect(
          await store.getMonitoringDerived(...scope, { grains: ['hour', 'day', 'month'] }),
        ).toStrictEqual(derived);
        expect(await store.getMonitoringDerived(...scope)).toStrictEqual({
          fingerprint: 'limits-1',
          result: window(result, ['day', 'month']),
        });
        const from = Date.UTC(2026, 0, 31, 17, 0);
        const to = from + 86_400_000 + 1;
        expect(
          await store.getMonitoringDerived(...scope, { grains: ['hour'], fromMs: from, toMs: to }),
        ).toStrictEqual({ fingerprint: 'limits-1', result: window(result, ['hour'], from, to) });
        expect(
          await store.getMonitoringDerived(...scope, { grains: [], fromMs: from }),
        ).toStrictEqual({ fingerprint: 'limits-1', result: window(result, []) });
        await expectCode(
          store.getMonitoringDerived(...scope, { grains: ['week' as MonitoringGrain] }),
          'invalid',
        );
      });

      it('reads a rollup extreme of negative zero back as zero, the same on every database', async () => {
        const { scope } = await ctx.newSeries();
        const page = {
          timesMs: Float64Array.from([START_MS, START_MS + 120_000]),
          values: [
            Float64Array.from([7, 7]),
            Float64Array.from([-0, 5]),
            Float64Array.from([10, 10]),
          ],
        };
        const derived = derivedOf([page]);
        expect(Object.is(derived.result.parameters[1]?.daily[0]?.min, -0)).toBe(true);
        await importPages(store, scope, ctx.owner.id, [page], derived);
        const back = await store.getMonitoringDerived(...scope, { grains: ['hour', 'day'] });
        const cod = back?.result.parameters[1];
        expect(Object.is(cod?.daily[0]?.min, 0)).toBe(true);
        expect(Object.is(cod?.hourly[0]?.min, 0)).toBe(true);
        expect(cod?.daily[0]?.max).toBe(5);
      });

      it('replaces the derived state, or clears it', async () => {
        const { scope } = await ctx.newSeries();
        const all = syntheticPage(800);
        await importPages(store, scope, ctx.owner.id, [all], derivedOf([all]));
        const stricter = derivedOf([all], 'limits-strict');
        await store.replaceMonitoringDerived(...scope, stricter);
        expect(
          await store.getMonitoringDerived(...scope, { grains: ['hour', 'day', 'month'] }),
        ).toStrictEqual(stricter);
        await store.replaceMonitoringDerived(...scope, null);
        expect(await store.getMonitoringDerived(...scope)).toBeUndefined();
        // The readings stay.
        expect((await readAll(store, scope)).timesMs).toHaveLength(800);
      });

      it('removes readings and derived state with the series', async () => {
        const { scope, series } = await ctx.newSeries('Short-lived');
        const all = syntheticPage(100);
        await importPages(store, scope, ctx.owner.id, [all], derivedOf([all]));
        await store.deleteMonitoringSeries(...scope);
        await expectCode(store.getMonitoringDerived(...scope), 'not-found');
        // The name is free again, and the new series starts empty.
        const { scope: again } = await ctx.newSeries(series.name);
        expect((await readAll(store, again)).timesMs).toHaveLength(0);
        expect(await store.getMonitoringDerived(...again)).toBeUndefined();
      });
    });
  });
}

describe.runIf(dialects.length === 2)('monitoring store on sqlite and postgres', () => {
  it('gives byte-identical readings and derived state for the same data', async () => {
    const outputs: string[] = [];
    const all = syntheticPage(2500);
    const derived = derivedOf([all]);
    for (const dialect of dialects) {
      const database = await dialect.fresh();
      const store = await openStore({ ...database.options, now: testClock().now });
      try {
        const ctx = await seed(store, 'Same');
        const { scope } = await ctx.newSeries();
        await importPages(store, scope, ctx.owner.id, [all], derived);
        outputs.push(
          exactJson({
            readings: await readAll(store, scope, { limit: 700 }),
            derived: await store.getMonitoringDerived(...scope, {
              grains: ['hour', 'day', 'month'],
            }),
          }),
        );
      } finally {
        await store.close();
        await database.drop();
      }
    }
    expect(outputs).toHaveLength(2);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0]).toBe(exactJson({ readings: all, derived }));
  });
});
