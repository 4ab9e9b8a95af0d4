import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  createMonitoringAccumulator,
  restoreMonitoringAccumulator,
  type MonitoringResult,
  type MonitoringRollup,
} from './monitoring-accumulator.js';
import { MAX_MONITORING_SPAN_DAYS, type MonitoringSettings } from './monitoring-settings.js';
import { loadUnitFactor } from './pollutant-load.js';
import { INDONESIA_UTC_OFFSETS, timeBucketKey } from './time-bucket.js';

const { WIB, WIT } = INDONESIA_UTC_OFFSETS;
const MINUTE = 60_000;
/** 2024-03-01 00:00 WIB. */
const T0 = Date.UTC(2024, 1, 29, 17);
const at = (minutes: number) => T0 + minutes * MINUTE;

function feed(settings: MonitoringSettings, rows: readonly (readonly [number, ...number[]])[]) {
  const accumulator = createMonitoringAccumulator(settings);
  for (const [time, ...values] of rows) accumulator.add(time, values);
  return accumulator;
}

function first(result: MonitoringResult) {
  return result.parameters[0] as MonitoringResult['parameters'][number];
}

describe('createMonitoringAccumulator: compliance per reading', () => {
  const cod = [100, 120, 130, Number.NaN, 90, 125, 126, 127, 80, 110];
  const rows = cod.map((v, i) => [at(2 * i), v] as const);
  const settings: MonitoringSettings = {
    parameters: [{ id: 'cod', limit: { max: 110 } }],
    utcOffsetMinutes: WIB,
    alerts: [{ kind: 'exceedance' }, { kind: 'run', parameter: 'cod', minReadings: 3 }],
  };

  it('counts readings, missing ones and exceedances; a reading equal to the limit complies', () => {
    const s = first(feed(settings, rows).result()).summary;
    expect(s).toMatchObject({ readings: 10, count: 9, missing: 1, exceedances: 5 });
    expect(s.exceedancePercent).toBeCloseTo((5 / 9) * 100, 12);
    expect(s.mean).toBe(1008 / 9); // (100 + 120 + 130 + 90 + 125 + 126 + 127 + 80 + 110) / 9 = 112
    expect([s.min, s.max]).toEqual([80, 130]);
    expect(s.firstExceedanceMs).toBe(at(2));
    expect(s.lastExceedanceMs).toBe(at(14));
  });

  it('finds the longest run of consecutive exceedances with its start, end and worst reading', () => {
    const s = first(feed(settings, rows).result()).summary;
    expect(s.longestRun).toEqual({ readings: 3, startMs: at(10), endMs: at(14), worst: 127 });
  });

  it('raises an event per exceedance episode and per run of at least N readings', () => {
    const events = feed(settings, rows).result().events;
    expect(events).toEqual([
      {
        rule: 0,
        kind: 'exceedance',
        parameter: 'cod',
        startMs: at(2),
        endMs: at(4),
        value: 130,
        readings: 2,
      },
      {
        rule: 0,
        kind: 'exceedance',
        parameter: 'cod',
        startMs: at(10),
        endMs: at(14),
        value: 127,
        readings: 3,
      },
      {
        rule: 1,
        kind: 'run',
        parameter: 'cod',
        startMs: at(10),
        endMs: at(14),
        value: 127,
        readings: 3,
      },
    ]);
  });

  it('ends a run at a missing reading and, with an expected interval, at a gap of more than 1.5 intervals', () => {
    const base = { parameters: [{ id: 'cod', limit: { max: 100 } }], utcOffsetMinutes: WIB };
    const gapped = [
      [at(0), 120],
      [at(2), 130],
      [at(10), 140], // 8 minutes later: 4 expected readings absent
      [at(12), 150],
    ] as const;
    expect(first(feed(base, gapped).result()).summary.longestRun?.readings).toBe(4);
    const withInterval = first(feed({ ...base, expectedIntervalSeconds: 120 }, gapped).result());
    expect(withInterval.summary.longestRun).toEqual({
      readings: 2,
      startMs: at(0),
      endMs: at(2),
      worst: 130,
    });
    const withMissing = feed(base, [
      [at(0), 120],
      [at(2), Number.NaN],
      [at(4), 130],
    ]).result();
    expect(first(withMissing).summary.longestRun?.readings).toBe(1);
    // 3 minutes is 1.5 intervals: still one run.
    const jitter = feed({ ...base, expectedIntervalSeconds: 120 }, [
      [at(0), 120],
      [at(3), 130],
    ]).result();
    expect(first(jitter).summary.longestRun?.readings).toBe(2);
  });

  it('checks a range (pH 6–9) and a minimum on both sides, the worst reading farthest beyond', () => {
    const r = feed(
      {
        parameters: [
          { id: 'ph', limit: { range: { low: 6, high: 9 } } },
          { id: 'do', limit: { min: 4 } },
        ],
        utcOffsetMinutes: WIB,
      },
      [
        [at(0), 7, 5],
        [at(2), 9, 4],
        [at(4), 9.4, 3.5],
        [at(6), 5.5, 3],
        [at(8), 6, 4.5],
      ],
    ).result();
    const [ph, dissolvedOxygen] = r.parameters;
    expect(ph?.summary.exceedances).toBe(2);
    // 9.4 lies 0.4 above 9, 5.5 lies 0.5 below 6: 5.5 is the worst.
    expect(ph?.summary.longestRun).toEqual({
      readings: 2,
      startMs: at(4),
      endMs: at(6),
      worst: 5.5,
    });
    expect(ph?.limit).toEqual({ min: 6, max: 9 });
    expect(dissolvedOxygen?.summary.exceedances).toBe(2);
    expect(dissolvedOxygen?.summary.longestRun?.worst).toBe(3);
    expect(dissolvedOxygen?.daily[0]?.meanComplies).toBe(true); // mean 4 = the minimum
    expect(dissolvedOxygen?.daily[0]?.extremesComply).toBe(false);
  });
});

describe('createMonitoringAccumulator: rollups', () => {
  const daily = (r: MonitoringResult) =>
    first(r).daily.map((d) => [
      d.key,
      d.count,
      d.mean,
      d.exceedances,
      d.meanComplies,
      d.extremesComply,
    ]);

  it('splits days at local midnight WIB and months at the leap day’s end', () => {
    const r = feed({ parameters: [{ id: 'cod', limit: { max: 35 } }], utcOffsetMinutes: WIB }, [
      [at(-24 * 60 - 2), 10], // 2024-02-28 23:58 WIB
      [at(-24 * 60), 20], // 2024-02-29 00:00
      [at(-2), 30], // 2024-02-29 23:58
      [at(0), 40], // 2024-03-01 00:00
      [at(2), 60],
    ]).result();
    expect(daily(r)).toEqual([
      ['2024-02-28', 1, 10, 0, true, true],
      ['2024-02-29', 2, 25, 0, true, true],
      ['2024-03-01', 2, 50, 2, false, false],
    ]);
    const monthly = first(r).monthly;
    expect(monthly.map((m) => [m.key, m.count, m.mean, m.min, m.max])).toEqual([
      ['2024-02', 3, 20, 10, 30],
      ['2024-03', 2, 50, 40, 60],
    ]);
    expect(monthly[0]?.startMs).toBe(Date.UTC(2024, 0, 31, 17));
    expect(monthly[0]?.endMs).toBe(T0);
    const hourly = first(r).hourly;
    expect(hourly).toHaveLength(72);
    expect(hourly[0]?.key).toBe('2024-02-28T00');
    expect(hourly[23]).toMatchObject({ key: '2024-02-28T23', count: 1, mean: 10 });
    expect(hourly[48]).toMatchObject({ key: '2024-03-01T00', startMs: T0, count: 2, max: 60 });
    expect(r.coverage).toEqual({
      startMs: Date.UTC(2024, 1, 27, 17),
      endMs: Date.UTC(2024, 2, 1, 17),
    });
  });

  it('goes from 28 February to 1 March in a common year (WIT)', () => {
    const midnight = Date.UTC(2023, 1, 28, 15); // 2023-03-01 00:00 WIT
    const r = feed({ parameters: [{ id: 'tss' }], utcOffsetMinutes: WIT }, [
      [midnight - MINUTE, 1],
      [midnight, 3],
    ]).result();
    expect(first(r).daily.map((d) => d.key)).toEqual(['2023-02-28', '2023-03-01']);
    expect(first(r).monthly.map((m) => [m.key, m.mean])).toEqual([
      ['2023-02', 1],
      ['2023-03', 3],
    ]);
    expect(first(r).daily[0]?.meanComplies).toBeUndefined(); // no limit
  });

  it('leaves days without readings in the rollups, with no mean', () => {
    const r = feed({ parameters: [{ id: 'cod' }], utcOffsetMinutes: WIB }, [
      [at(0), 1],
      [at(2 * 24 * 60), 2],
    ]).result();
    const empty = first(r).daily[1] as MonitoringRollup;
    expect(empty).toMatchObject({ key: '2024-03-02', count: 0, mean: undefined, min: undefined });
    expect(empty.meanComplies).toBeUndefined();
  });

  it('can leave out the hourly rollups', () => {
    const accumulator = feed({ parameters: [{ id: 'cod' }], utcOffsetMinutes: WIB }, [[at(0), 1]]);
    expect(first(accumulator.result({ hourly: false })).hourly).toEqual([]);
    expect(first(accumulator.result({ hourly: false })).daily).toHaveLength(1);
  });
});

describe('createMonitoringAccumulator: completeness', () => {
  it('compares readings present with readings expected every 2 minutes, per day and overall', () => {
    const accumulator = createMonitoringAccumulator({
      parameters: [{ id: 'cod' }, { id: 'ph' }],
      utcOffsetMinutes: WIB,
      expectedIntervalSeconds: 120,
      period: { startMs: T0, endMs: at(2 * 24 * 60) },
      alerts: [{ kind: 'completeness', parameter: 'cod', below: 0.9 }],
    });
    // Day 1: the first 18 hours (540 of 720 readings); pH missing in every fourth. Day 2: nothing.
    for (let i = 0; i < 540; i++) accumulator.add(at(2 * i), [50, i % 4 === 0 ? Number.NaN : 7]);
    const r = accumulator.result();
    const [cod, ph] = r.parameters;
    expect(cod?.daily.map((d) => d.completeness)).toEqual([
      { present: 540, expected: 720, share: 0.75 },
      { present: 0, expected: 720, share: 0 },
    ]);
    expect(cod?.summary.completeness).toEqual({ present: 540, expected: 1440, share: 0.375 });
    expect(ph?.daily[0]?.completeness?.present).toBe(405);
    expect(ph?.daily[0]?.missing).toBe(135);
    expect(cod?.hourly[17]?.completeness).toEqual({ present: 30, expected: 30, share: 1 });
    expect(r.events).toEqual([
      {
        rule: 0,
        kind: 'completeness',
        parameter: 'cod',
        startMs: T0,
        endMs: at(24 * 60),
        value: 0.75,
        readings: 540,
      },
      {
        rule: 0,
        kind: 'completeness',
        parameter: 'cod',
        startMs: at(24 * 60),
        endMs: at(48 * 60),
        value: 0,
        readings: 0,
      },
    ]);
  });

  it('expects readings only inside a period that starts at noon', () => {
    const r = feed(
      {
        parameters: [{ id: 'cod' }],
        utcOffsetMinutes: WIB,
        expectedIntervalSeconds: 120,
        period: { startMs: at(12 * 60), endMs: at(36 * 60) },
      },
      [[at(12 * 60), 1]],
    ).result();
    const cod = first(r);
    expect(cod.daily.map((d) => d.completeness?.expected)).toEqual([360, 360]);
    expect(cod.hourly[11]?.completeness).toEqual({ present: 0, expected: 0, share: undefined });
    expect(cod.hourly[12]?.completeness).toEqual({ present: 1, expected: 30, share: 1 / 30 });
    expect(cod.summary.completeness?.expected).toBe(720);
    expect(() =>
      feed({ ...settingsOf(r), period: { startMs: at(12 * 60), endMs: at(36 * 60) } }, [
        [at(0), 1],
      ]),
    ).toThrow(/^timeMs: 2024-02-29T17:00:00.000Z is outside the monitoring period/);
  });

  it('leaves completeness out without an expected interval', () => {
    const r = feed({ parameters: [{ id: 'cod' }], utcOffsetMinutes: WIB }, [[at(0), 1]]).result();
    expect(first(r).summary.completeness).toBeUndefined();
    expect(first(r).daily[0]?.completeness).toBeUndefined();
  });
});

function settingsOf(r: MonitoringResult): MonitoringSettings {
  return {
    parameters: r.parameters.map((p) => ({ id: p.id })),
    utcOffsetMinutes: r.utcOffsetMinutes,
  };
}

describe('createMonitoringAccumulator: pollutant load', () => {
  const settings: MonitoringSettings = {
    parameters: [
      { id: 'cod', loadLimit: { perHour: 4, perDay: 100 } },
      { id: 'ph' },
      { id: 'flow' },
    ],
    flowParameter: 'flow',
    utcOffsetMinutes: WIB,
  };

  it('computes mg/L × m³/h × 0.001 = kg/h per reading and mean rate × 24 h per day', () => {
    // 100 mg/L at 50 m³/h all day: 5 kg/h, 120 kg/day.
    const accumulator = createMonitoringAccumulator(settings);
    for (let i = 0; i < 720; i++) accumulator.add(at(2 * i), [100, 7, 50]);
    const cod = first(accumulator.result());
    expect(cod.daily[0]?.load).toEqual({
      readings: 720,
      meanRate: 5,
      amount: 120,
      rateExceedances: 720,
      complies: false,
    });
    expect(cod.hourly[0]?.load).toMatchObject({ amount: 5, complies: false }); // 5 kg > 4 kg/h
    expect(cod.summary.load).toEqual({
      readings: 720,
      meanRate: 5,
      rateExceedances: 720,
      amount: 120,
      daysOverLimit: 1,
    });
    expect(accumulator.result().parameters[1]?.summary.load).toBeUndefined(); // pH: no load
  });

  it('averages the rate over readings with both concentration and flow, and fills the day by that mean', () => {
    const cod = first(
      feed(settings, [
        [at(0), 100, 7, 40], // 4 kg/h
        [at(2), 200, 7, 60], // 12 kg/h
        [at(4), Number.NaN, 7, 60],
        [at(6), 300, 7, Number.NaN],
      ]).result(),
    );
    expect(cod.daily[0]?.load).toEqual({
      readings: 2,
      meanRate: 8,
      amount: 192,
      rateExceedances: 1,
      complies: false,
    });
    expect(cod.monthly[0]?.load?.amount).toBe(8 * 24 * 31);
    expect(cod.monthly[0]?.load?.complies).toBeUndefined();
  });

  it('takes another unit factor: 100 mg/L at 10 L/s is 3.6 kg/h', () => {
    const cod = first(
      feed({ ...settings, loadUnitFactor: loadUnitFactor('L/s') }, [[at(0), 100, 7, 10]]).result(),
    );
    expect(cod.summary.load?.meanRate).toBeCloseTo(3.6, 12);
  });
});

describe('createMonitoringAccumulator: streaming', () => {
  const settings: MonitoringSettings = {
    parameters: [{ id: 'cod', limit: { max: 100 } }, { id: 'flow' }],
    utcOffsetMinutes: WIB,
    expectedIntervalSeconds: 120,
    alerts: [{ kind: 'exceedance' }],
  };

  it('holds memory constant as readings grow within the same hours', () => {
    const sparse = createMonitoringAccumulator(settings);
    const dense = createMonitoringAccumulator(settings);
    for (let i = 0; i < 720; i++) sparse.add(at(2 * i), [50, 40]);
    for (let i = 0; i < 43_200; i++) dense.add(T0 + i * 2000, [50, 40]);
    expect(dense.readings()).toBe(43_200);
    expect(dense.allocatedBytes()).toBe(sparse.allocatedBytes());
    expect(first(dense.result()).daily[0]?.count).toBe(43_200);
  });

  it('keeps at most maxEvents episodes and counts the rest', () => {
    const accumulator = feed({ ...settings, maxEvents: 1 }, [
      [at(0), 50, 1],
      [at(2), 150, 1],
      [at(4), 50, 1],
      [at(6), 160, 1],
      [at(8), 50, 1],
      [at(10), 170, 1],
      [at(12), 50, 1],
    ]);
    const r = accumulator.result();
    expect(r.events.map((e) => e.value)).toEqual([150]);
    expect(r.eventsDropped).toBe(2);
    expect(first(r).summary.exceedances).toBe(3);
  });

  it('gives the same result when asked midway as at the end', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [at(3 * i), (i * 37) % 150, 40] as const);
    const once = feed(settings, rows).result();
    const twice = createMonitoringAccumulator(settings);
    rows.forEach(([t, ...v], i) => {
      twice.add(t, v);
      if (i % 7 === 0) twice.result();
    });
    expect(twice.result()).toEqual(once);
  });

  it('takes columns as it takes rows', () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => [at(2 * i), (i * 53) % 170, i % 5 === 0 ? Number.NaN : i] as const,
    );
    const byRow = feed(settings, rows).result();
    const byColumn = createMonitoringAccumulator(settings);
    byColumn.addColumns(new Float64Array(rows.slice(0, 25).map((r) => r[0])), [
      new Float64Array(rows.slice(0, 25).map((r) => r[1])),
      rows.slice(0, 25).map((r) => r[2]),
    ]);
    byColumn.addColumns(
      rows.slice(25).map((r) => r[0]),
      [rows.slice(25).map((r) => r[1]), rows.slice(25).map((r) => r[2])],
    );
    expect(byColumn.result()).toEqual(byRow);
  });

  it('refuses readings out of time order, and keeps what it had', () => {
    const accumulator = feed(settings, [[at(2), 50, 1]]);
    const before = accumulator.result();
    expect(() => accumulator.add(at(2), [60, 1])).toThrow(
      'timeMs: must be later than the previous reading (2024-02-29T17:02:00.000Z), got 2024-02-29T17:02:00.000Z: add readings in time order, without duplicates',
    );
    expect(() => accumulator.add(at(4), [60, Infinity])).toThrow(
      'values[1]: must be a finite number or NaN (missing), got Infinity (reading 1)',
    );
    expect(() => accumulator.add(at(4), [60])).toThrow(
      expect.objectContaining({ code: 'DIMENSION_MISMATCH', field: 'values' }),
    );
    expect(accumulator.result()).toEqual(before);
    expect(() =>
      accumulator.addColumns(
        [at(4), at(6)],
        [
          [1, 2],
          [3, '4' as unknown as number],
        ],
      ),
    ).toThrow('columns[1][1]: must be a number (NaN for a missing reading), got string');
    expect(() => accumulator.addColumns([at(4)], [[1, 2], [3]])).toThrow(
      expect.objectContaining({ code: 'DIMENSION_MISMATCH', field: 'columns[0]' }),
    );
  });

  it('refuses a negative flow', () => {
    const withLoad = createMonitoringAccumulator({
      parameters: [{ id: 'cod', load: true }, { id: 'flow' }],
      flowParameter: 'flow',
      utcOffsetMinutes: WIB,
    });
    expect(() => withLoad.add(at(0), [10, -1])).toThrow(
      'values[1]: a flow must be ≥ 0, got -1 (reading 0)',
    );
    expect(withLoad.readings()).toBe(0);
  });

  it('covers any span up to 30 years in one accumulator, in memory for the chunks of days with readings', () => {
    const settings: MonitoringSettings = {
      parameters: [{ id: 'cod', limit: { max: 100 }, load: true }, { id: 'flow' }],
      flowParameter: 'flow',
      utcOffsetMinutes: WIB,
      expectedIntervalSeconds: 120,
    };
    const DAY = 24 * 60;
    // Twelve years (4383 local days, more than the 3660 of MAX_MONITORING_DAYS): a reading on
    // day 0 and on the last day, and a run of 3 over the limit across day 4000's midnight.
    const rows: [number, number, number][] = [
      [at(0), 120, 10],
      [at(4000 * DAY - 2), 130, 10],
      [at(4000 * DAY), 140, 10],
      [at(4000 * DAY + 2), 150, 10],
      [at(4382 * DAY), 50, 10],
    ];
    const a = feed(settings, rows);
    const r = first(a.result({ hourly: false }));
    expect(r.daily).toHaveLength(4383);
    expect(r.daily.filter((d) => d.count > 0).map((d) => [d.key, d.count])).toEqual([
      ['2024-03-01', 1],
      ['2035-02-11', 1],
      ['2035-02-12', 2],
      ['2036-02-29', 1],
    ]);
    expect(r.summary).toMatchObject({ count: 5, exceedances: 4, max: 150 });
    expect(r.summary.longestRun).toEqual({
      readings: 3,
      startMs: at(4000 * DAY - 2),
      endMs: at(4000 * DAY + 2),
      worst: 150,
    });
    // Per day of a chunk: 24 hours × (6 tables × 2 parameters + 3 × 1 load) × 8 bytes.
    const perDay = 24 * (6 * 2 + 3 * 1) * 8;
    // At most a year's chunk per chunk with readings (3 here), however long the span.
    expect(a.allocatedBytes()).toBeLessThan(3 * 366 * perDay + 4096);
    // The same in columns, merged from two halves, and through a snapshot.
    const byColumn = createMonitoringAccumulator(settings);
    byColumn.addColumns(
      Float64Array.from(rows, (x) => x[0]),
      [Float64Array.from(rows, (x) => x[1]), Float64Array.from(rows, (x) => x[2])],
    );
    const days = (x: ReturnType<typeof createMonitoringAccumulator>) => x.result({ hourly: false });
    expect(days(byColumn)).toEqual(days(a));
    const halves = feed(settings, rows.slice(0, 2));
    halves.merge(feed(settings, rows.slice(2)));
    expect(days(halves)).toEqual(days(a));
    expect(days(restoreMonitoringAccumulator(settings, a.snapshot()))).toEqual(days(a));
    // Far apart readings (29 years, within MAX_MONITORING_SPAN_DAYS) hold little: two chunks of 32 days.
    const far = feed(settings, [
      [at(0), 1, 1],
      [at(29 * 366 * DAY), 1, 1],
    ]);
    expect(far.allocatedBytes()).toBeLessThan(2 * 32 * perDay + 4096);
  });
});

describe('createMonitoringAccumulator: settings', () => {
  const ok: MonitoringSettings = {
    parameters: [{ id: 'cod', limit: { max: 100 } }, { id: 'flow' }],
    utcOffsetMinutes: WIB,
  };
  const bad = (change: Record<string, unknown>) => () =>
    createMonitoringAccumulator({ ...ok, ...change } as unknown as MonitoringSettings);

  it('names the field of a bad limit, id, reference, offset or rule', () => {
    expect(bad({ parameters: [{ id: 'ph' }, { id: 'cod', limit: { max: Infinity } }] })).toThrow(
      'parameters[1].limit.max: must be a finite number, got Infinity',
    );
    expect(bad({ parameters: [{ id: 'cod', limit: { min: 9, max: 6 } }] })).toThrow(
      'parameters[0].limit: min (9) must be ≤ max (6)',
    );
    expect(bad({ parameters: [{ id: 'cod', limit: { range: { low: 6 } } }] })).toThrow(
      /^parameters\[0\]\.limit\.range\.high: must be a number/,
    );
    expect(bad({ parameters: [{ id: 'cod', limit: {} }] })).toThrow(
      'parameters[0].limit: needs max, min, both, or a range',
    );
    expect(bad({ parameters: [{ id: 'cod' }, { id: 'cod' }] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE', field: 'parameters[1].id' }),
    );
    expect(bad({ flowParameter: 'debit' })).toThrow(
      'flowParameter: "debit" is not a monitored parameter',
    );
    expect(bad({ parameters: [{ id: 'cod', loadLimit: { perDay: 0 } }] })).toThrow(
      'parameters[0].loadLimit.perDay: must be > 0, got 0',
    );
    expect(bad({ parameters: [{ id: 'cod', load: true }] })).toThrow(
      'parameters[0].load: a load needs flowParameter (concentration × flow)',
    );
    expect(bad({ utcOffsetMinutes: undefined })).toThrow(/^utcOffsetMinutes: must be a number/);
    expect(bad({ expectedIntervalSeconds: 0 })).toThrow(
      'expectedIntervalSeconds: must be between 0.001 and 31622400, got 0',
    );
    expect(bad({ alerts: [{ kind: 'run', parameter: 'flow', minReadings: 3 }] })).toThrow(
      'alerts[0].parameter: "flow" has no limit to check',
    );
    expect(bad({ alerts: [{ kind: 'run', minReadings: 0 }] })).toThrow(
      /^alerts\[0\]\.minReadings:/,
    );
    expect(bad({ alerts: [{ kind: 'completeness', below: 0.9 }] })).toThrow(
      'alerts[0]: a completeness rule needs expectedIntervalSeconds',
    );
    expect(bad({ alerts: [{ kind: 'silence' }] })).toThrow(/^alerts\[0\]\.kind:/);
    expect(bad({ period: { startMs: at(10), endMs: at(0) } })).toThrow(
      /^period\.endMs: must be after/,
    );
    expect(bad({ parameters: [] })).toThrow('parameters: must not be empty');
  });

  it('joins a run across the cut of two merged chunks, keeping the first of equally bad readings', () => {
    const settings: MonitoringSettings = {
      parameters: [{ id: 'ph', limit: { range: { low: 6, high: 9 } } }],
      utcOffsetMinutes: WIB,
      expectedIntervalSeconds: 120,
      alerts: [{ kind: 'run', minReadings: 3 }],
    };
    const rows = [
      [at(0), 7],
      [at(2), 9.5], // 0.5 above 9
      [at(4), 5.5], // 0.5 below 6: as bad, and later
      [at(6), 9.2],
      [at(8), 7],
    ] as const;
    // The cut falls between 9.5 and 5.5.
    const earlier = feed(settings, rows.slice(0, 2));
    earlier.merge(feed(settings, rows.slice(2)));
    const merged = earlier.result();
    const run = { readings: 3, startMs: at(2), endMs: at(6), worst: 9.5 };
    expect(first(merged).summary.longestRun).toEqual(run);
    expect(merged.events).toEqual([
      {
        rule: 0,
        kind: 'run',
        parameter: 'ph',
        startMs: at(2),
        endMs: at(6),
        value: 9.5,
        readings: 3,
      },
    ]);
    expect(merged).toEqual(feed(settings, rows).result());
  });

  it('refuses to merge accumulators set up differently or overlapping in time', () => {
    const a = feed(ok, [
      [at(0), 1, 1],
      [at(10), 1, 1],
    ]);
    const b = feed(ok, [[at(5), 1, 1]]);
    expect(() => a.merge(b)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'other' }),
    );
    const c = feed({ ...ok, utcOffsetMinutes: WIT }, [[at(20), 1, 1]]);
    expect(() => a.merge(c)).toThrow('other: was created with different settings');
  });
});

// Property tests: readings on a 2-minute grid with jumps, values on a 1/4 grid (sums exact), NaN as missing.
const propertySettings = (utcOffsetMinutes: number): MonitoringSettings => ({
  parameters: [
    { id: 'cod', limit: { max: 5 }, loadLimit: { perHour: 1, perDay: 10 } },
    { id: 'ph', limit: { range: { low: -2, high: 6 } } },
    { id: 'tss' },
    { id: 'flow' },
  ],
  flowParameter: 'flow',
  utcOffsetMinutes,
  expectedIntervalSeconds: 120,
  loadUnitFactor: 0.125,
  alerts: [
    { kind: 'exceedance' },
    { kind: 'run', minReadings: 2 },
    { kind: 'completeness', below: 0.5 },
  ],
});
// Mostly consecutive readings (runs cross the cut), some gaps and jumps of days; many exceedances.
const quarter = fc.oneof(
  { arbitrary: fc.integer({ min: -40, max: 40 }).map((i) => i / 4), weight: 5 },
  { arbitrary: fc.integer({ min: 25, max: 40 }).map((i) => i / 4), weight: 4 },
  { arbitrary: fc.constant(Number.NaN), weight: 1 },
);
const row = fc.tuple(
  fc.oneof(
    { arbitrary: fc.constant(1), weight: 8 },
    { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 2 },
    { arbitrary: fc.integer({ min: 5, max: 1000 }), weight: 1 },
  ),
  quarter,
  quarter,
  quarter,
  fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((i) => i / 4),
    fc.constant(Number.NaN),
  ),
);
const series = fc.array(row, { maxLength: 40 }).map((rows) => {
  let t = T0;
  return rows.map(([step, ...values]) => {
    t += step * 2 * MINUTE;
    return [t, ...values] as [number, ...number[]];
  });
});

function allRollups(r: MonitoringResult): MonitoringRollup[] {
  return r.parameters.flatMap((p) => [...p.hourly, ...p.daily, ...p.monthly]);
}

describe('createMonitoringAccumulator: properties', () => {
  it('gives the same result for a series split in any two chunks and merged, in either order', () => {
    fc.assert(
      fc.property(series, fc.nat(), fc.integer({ min: -720, max: 840 }), (rows, cut, offset) => {
        const settings = propertySettings(offset);
        const k = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const whole = feed(settings, rows).result();
        const earlier = feed(settings, rows.slice(0, k));
        earlier.merge(feed(settings, rows.slice(k)));
        expect(earlier.result()).toEqual(whole);
        const later = feed(settings, rows.slice(k));
        later.merge(feed(settings, rows.slice(0, k)));
        expect(later.result()).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the runs, episodes and daily counts a direct scan of the readings finds', () => {
    // The reference: a plain loop over the rows, with the documented rules (a missing or
    // compliant reading, or a gap over 1.5 × 120 s, ends a run; the worst is the first farthest).
    type Run = { readings: number; startMs: number; endMs: number; worst: number; excess: number };
    const scan = (
      rows: readonly (readonly number[])[],
      q: number,
      excess: (x: number) => number,
    ) => {
      const runs: Run[] = [];
      let open: Run | undefined;
      let last = -Infinity;
      for (const [t, ...values] of rows as (readonly [number, ...number[]])[]) {
        if (t - last > 180_000 && open) [runs[runs.length], open] = [open, undefined];
        last = t;
        const x = values[q] as number;
        const e = Number.isNaN(x) ? 0 : excess(x);
        if (e > 0) {
          if (!open) open = { readings: 0, startMs: t, endMs: t, worst: x, excess: e };
          if (e > open.excess) [open.worst, open.excess] = [x, e];
          open.readings += 1;
          open.endMs = t;
        } else if (open) [runs[runs.length], open] = [open, undefined];
      }
      if (open) runs.push(open);
      return runs;
    };
    fc.assert(
      fc.property(series, fc.integer({ min: -720, max: 840 }), (rows, offset) => {
        const r = feed(propertySettings(offset), rows).result();
        const excesses = [(x: number) => x - 5, (x: number) => Math.max(x - 6, -2 - x)];
        excesses.forEach((excess, q) => {
          const runs = scan(rows, q, excess);
          const p = r.parameters[q] as MonitoringResult['parameters'][number];
          const longest = runs.reduce<Run | undefined>(
            (a, b) => (a && a.readings >= b.readings ? a : b),
            undefined,
          );
          expect(p.summary.longestRun).toEqual(
            longest && {
              readings: longest.readings,
              startMs: longest.startMs,
              endMs: longest.endMs,
              worst: longest.worst,
            },
          );
          const events = (rule: number) =>
            r.events
              .filter((e) => e.parameter === p.id && e.rule === rule)
              .map((e) => [e.startMs, e.endMs, e.value, e.readings]);
          const expected = (min: number) =>
            runs
              .filter((run) => run.readings >= min)
              .map((run) => [run.startMs, run.endMs, run.worst, run.readings]);
          expect(events(0)).toEqual(expected(1));
          expect(events(1)).toEqual(expected(2));
          const counts = new Map<string, number>();
          for (const [t, ...values] of rows) {
            if (Number.isNaN(values[q])) continue;
            const key = timeBucketKey(t, 'day', offset);
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          expect(new Map(p.daily.filter((d) => d.count > 0).map((d) => [d.key, d.count]))).toEqual(
            counts,
          );
        });
      }),
    );
  });

  it('takes Float64Array columns in any batches with the same data, bit for bit, as row by row', () => {
    // addColumns' fast paths (column by column without episode rules, row by row with them).
    fc.assert(
      fc.property(
        series,
        fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
        fc.integer({ min: -720, max: 840 }),
        fc.boolean(),
        (rows, cuts, offset, withAlerts) => {
          const settings = withAlerts
            ? { ...propertySettings(offset), maxEvents: 3 }
            : { ...propertySettings(offset), alerts: [] };
          const byRow = feed(settings, rows);
          const byColumn = createMonitoringAccumulator(settings);
          const bounds = [...new Set([0, ...cuts.map((c) => c % (rows.length + 1)), rows.length])];
          bounds.sort((a, b) => a - b);
          for (let b = 0; b + 1 < bounds.length; b++) {
            const part = rows.slice(bounds[b], bounds[b + 1]);
            byColumn.addColumns(
              Float64Array.from(part, (r) => r[0]),
              [1, 2, 3, 4].map((q) => Float64Array.from(part, (r) => r[q] as number)),
            );
          }
          // Object.is on every number (typed arrays: toEqual is slow on them, and lets −0 be 0).
          expect(isDeepStrictEqual(byColumn.snapshot(), byRow.snapshot())).toBe(true);
          expect(byColumn.result({ hourly: false })).toEqual(byRow.result({ hourly: false }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('crosses the chunks of its tables (366 days) as one: rows, columns, merge and snapshot agree', () => {
    const DAY_STEPS = 720; // 2-minute steps in a day
    const farSeries = fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constant(1),
            fc.integer({ min: 300, max: 420 }).map((d) => d * DAY_STEPS),
          ),
          quarter,
          quarter,
          quarter,
          fc.integer({ min: 0, max: 20 }).map((i) => i / 4),
        ),
        { maxLength: 12 },
      )
      .map((rows) => {
        let t = T0;
        return rows.map(([step, ...values]) => {
          t += step * 2 * MINUTE;
          return [t, ...values] as [number, ...number[]];
        });
      });
    fc.assert(
      fc.property(farSeries, fc.nat(), fc.boolean(), (rows, cut, withAlerts) => {
        const settings = withAlerts
          ? propertySettings(WIB)
          : { ...propertySettings(WIB), alerts: [] };
        const whole = feed(settings, rows);
        const byColumn = createMonitoringAccumulator(settings);
        byColumn.addColumns(
          Float64Array.from(rows, (r) => r[0]),
          [1, 2, 3, 4].map((q) => Float64Array.from(rows, (r) => r[q] as number)),
        );
        expect(isDeepStrictEqual(byColumn.snapshot(), whole.snapshot())).toBe(true);
        const k = cut % (rows.length + 1);
        const merged = feed(settings, rows.slice(k));
        merged.merge(feed(settings, rows.slice(0, k)));
        const expected = whole.result({ hourly: false });
        expect(merged.result({ hourly: false })).toEqual(expected);
        const restored = restoreMonitoringAccumulator(settings, whole.snapshot());
        expect(restored.result({ hourly: false })).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('refuses a bad reading in Float64Array columns after adding the rows before it', () => {
    const settings = { ...propertySettings(WIB), alerts: [] };
    const accumulator = createMonitoringAccumulator(settings);
    const column = (values: number[]) => new Float64Array(values);
    expect(() =>
      accumulator.addColumns(column([at(0), at(2), at(4)]), [
        column([1, 2, 3]),
        column([1, Infinity, 3]),
        column([1, 2, 3]),
        column([1, 2, 3]),
      ]),
    ).toThrow('columns[1][1]: must be a finite number or NaN (missing), got Infinity (reading 1)');
    expect(accumulator.readings()).toBe(1);
    expect(() =>
      accumulator.addColumns(column([at(6), at(6)]), [
        column([1, 2]),
        column([1, 2]),
        column([1, 2]),
        column([1, 2]),
      ]),
    ).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'timesMs[1]' }));
    expect(accumulator.readings()).toBe(2);
  });

  it('returns only finite numbers or a GpError for nasty readings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: -100, max: 1e6 }), nastyNumber),
            fc.oneof(nastyValue, fc.array(nastyNumber, { minLength: 4, maxLength: 4 })),
          ),
          { maxLength: 20 },
        ),
        (rows) => {
          const accumulator = createMonitoringAccumulator(propertySettings(WIB));
          let t = T0;
          for (const [step, values] of rows) {
            t = Number.isFinite(step) ? t + step : step;
            expectFiniteOrGpError(() => accumulator.add(t, values as number[]));
          }
          expectFiniteOrGpError(() => accumulator.result());
        },
      ),
    );
  });

  it('keeps every mean within [min, max] and the rollups adding up to the totals', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), value, value, value, value), {
          maxLength: 40,
        }),
        (steps) => {
          let t = T0;
          const rows = steps.map(([step, ...values]) => {
            t += step * MINUTE;
            return [t, ...values.slice(0, 3), Math.abs(values[3] as number)] as [
              number,
              ...number[],
            ];
          });
          const r = feed({ ...propertySettings(WIB), loadUnitFactor: 0.001 }, rows).result();
          for (const b of allRollups(r)) {
            if (b.mean === undefined) continue;
            expect(b.mean).toBeGreaterThanOrEqual(b.min as number);
            expect(b.mean).toBeLessThanOrEqual(b.max as number);
          }
          for (const p of r.parameters) {
            const s = p.summary;
            expect(s.count + s.missing).toBe(rows.length);
            const sum = (list: readonly MonitoringRollup[], f: (b: MonitoringRollup) => number) =>
              list.reduce((acc, b) => acc + f(b), 0);
            for (const list of [p.hourly, p.daily, p.monthly]) {
              expect(sum(list, (b) => b.count)).toBe(s.count);
              expect(sum(list, (b) => b.exceedances)).toBe(s.exceedances);
            }
          }
        },
      ),
    );
  });

  it('never counts more exceedances or a longer run when a maximum is raised or a minimum lowered', () => {
    fc.assert(
      fc.property(
        series,
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (rows, limit, raise) => {
          const run = (max: number, min: number) =>
            feed(
              {
                parameters: [
                  { id: 'a', limit: { max: max / 4 } },
                  { id: 'b', limit: { min: min / 4 } },
                ],
                utcOffsetMinutes: WIB,
              },
              rows.map((r) => [r[0], r[1] as number, r[2] as number] as const),
            ).result().parameters;
          const [lowMax, highMin] = run(limit, limit);
          const [highMax, lowMin] = run(limit + raise, limit - raise);
          expect(highMax?.summary.exceedances).toBeLessThanOrEqual(
            lowMax?.summary.exceedances as number,
          );
          expect(lowMin?.summary.exceedances).toBeLessThanOrEqual(
            highMin?.summary.exceedances as number,
          );
          expect(highMax?.summary.longestRun?.readings ?? 0).toBeLessThanOrEqual(
            lowMax?.summary.longestRun?.readings ?? 0,
          );
        },
      ),
    );
  });

  it('returns only finite numbers or a GpError for nasty settings and readings', () => {
    const nastySettings = fc.record({
      parameters: fc.oneof(
        nastyValue,
        fc.array(
          fc.record({
            id: fc.constantFrom('cod', 'ph', 'flow', '', 3),
            limit: fc.oneof(
              fc.constant(undefined),
              nastyValue,
              fc.record({ max: nastyValue, min: nastyValue }),
              fc.record({ range: fc.record({ low: nastyNumber, high: nastyNumber }) }),
            ),
            load: fc.constantFrom(undefined, true, false, 'yes'),
            loadLimit: fc.oneof(
              fc.constant(undefined),
              fc.record({ perHour: nastyValue, perDay: nastyValue }),
            ),
          }),
          { maxLength: 3 },
        ),
      ),
      flowParameter: fc.constantFrom(undefined, 'flow', 'cod', 'x'),
      utcOffsetMinutes: fc.oneof(fc.constantFrom(420, 480, 540), nastyValue),
      expectedIntervalSeconds: fc.oneof(fc.constant(undefined), nastyValue),
      loadUnitFactor: fc.oneof(fc.constant(undefined), nastyValue),
      alerts: fc.oneof(
        fc.constant(undefined),
        fc.array(
          fc.record({
            kind: fc.constantFrom('exceedance', 'run', 'completeness', 'x'),
            parameter: fc.constantFrom(undefined, 'cod', 'flow'),
            minReadings: nastyValue,
            below: nastyValue,
          }),
          { maxLength: 2 },
        ),
      ),
    });
    fc.assert(
      fc.property(
        nastySettings,
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: 0, max: 1e6 }), nastyNumber),
            fc.array(nastyNumber, { maxLength: 4 }),
          ),
        ),
        (settings, rows) => {
          expectFiniteOrGpError(() => {
            const accumulator = createMonitoringAccumulator(
              settings as unknown as MonitoringSettings,
            );
            let t = T0;
            for (const [step, values] of rows) {
              t += step;
              try {
                accumulator.add(t, values);
              } catch (error) {
                expectFiniteOrGpError(() => {
                  throw error;
                });
              }
            }
            return accumulator.result();
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('snapshot and restoreMonitoringAccumulator', () => {
  const settings = {
    parameters: [{ id: 'cod', limit: { max: 100 }, load: true }, { id: 'flow' }],
    flowParameter: 'flow',
    utcOffsetMinutes: 420,
    expectedIntervalSeconds: 120,
    alerts: [{ kind: 'run' as const, parameter: 'cod', minReadings: 3 }],
  };
  it('round-trips: the restored accumulator results, merges and adds as the original', () => {
    for (let seed = 1; seed <= 30; seed++) {
      let s = seed;
      const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
      const a = createMonitoringAccumulator(settings);
      const b = createMonitoringAccumulator(settings);
      let t = Date.UTC(2024, 0, 1);
      const n = 1 + Math.floor(next() * 3000);
      const rows: [number, number[]][] = [];
      for (let i = 0; i < n; i++) {
        t += next() < 0.01 ? 3_600_000 : 120_000;
        rows.push([t, [next() < 0.05 ? Number.NaN : next() * 150, next() * 20]]);
      }
      const cut = Math.floor(next() * n);
      for (const [time, v] of rows.slice(0, cut)) a.add(time, v);
      for (const [time, v] of rows.slice(cut)) b.add(time, v);
      const ra = restoreMonitoringAccumulator(settings, structuredClone(a.snapshot()));
      const rb = restoreMonitoringAccumulator(settings, structuredClone(b.snapshot()));
      expect(ra.result()).toEqual(a.result());
      ra.merge(rb);
      a.merge(b);
      expect(ra.result()).toEqual(a.result());
      const last = (rows.at(-1) as [number, number[]])[0] + 120_000;
      ra.add(last, [120, 1]);
      a.add(last, [120, 1]);
      expect(ra.result()).toEqual(a.result());
    }
  });
  it('refuses a snapshot taken with other settings', () => {
    const a = createMonitoringAccumulator(settings);
    expect(() =>
      restoreMonitoringAccumulator({ ...settings, utcOffsetMinutes: 480 }, a.snapshot()),
    ).toThrow(/different settings/);
  });
});

describe('createMonitoringAccumulator: span', () => {
  it('refuses a reading more than MAX_MONITORING_SPAN_DAYS after the first, by row, batch or merge', () => {
    const settings = { parameters: [{ id: 'cod' }], utcOffsetMinutes: 420 };
    const first = Date.UTC(2024, 0, 1);
    const tooLate = first + (MAX_MONITORING_SPAN_DAYS * 86_400_000 + 1);
    const byRow = createMonitoringAccumulator(settings);
    byRow.add(first, [1]);
    expect(() => byRow.add(tooLate, [1])).toThrow(/more than 10958 days after the first reading/);
    const byBatch = createMonitoringAccumulator(settings);
    expect(() =>
      byBatch.addColumns(Float64Array.of(first, tooLate), [Float64Array.of(1, 2)]),
    ).toThrow(/timesMs\[1\].*more than 10958 days/);
    const early = createMonitoringAccumulator(settings);
    early.add(first, [1]);
    const late = createMonitoringAccumulator(settings);
    late.add(tooLate, [1]);
    expect(() => early.merge(late)).toThrow(/span more than 10958 days/);
    // Exactly at the bound is fine.
    const edge = createMonitoringAccumulator(settings);
    edge.add(first, [1]);
    edge.add(first + MAX_MONITORING_SPAN_DAYS * 86_400_000, [1]);
    expect(edge.readings()).toBe(2);
  });
});
