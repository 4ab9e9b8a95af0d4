/**
 * Continuous effluent monitoring (GP steps 5–6; Indonesia's SPARING: pH, COD, TSS, NH3-N and
 * flow every 2 minutes, 262 800 readings per parameter-year) in one pass and constant memory:
 * per-reading compliance and runs of exceedances, hourly, daily and monthly rollups in local
 * time, pollutant loads against load limits, data completeness, and alert events. Readings are
 * added in time order; two accumulators over consecutive chunks merge into one.
 */
import { GpError, path } from '../errors.js';
import type { MonitoringEvent } from './alert-rules.js';
import type { CheckedMonitoringLimit } from './monitoring-limit.js';
import {
  checkMonitoringSettings,
  type CheckedMonitoringSettings,
  type MonitoringSettings,
} from './monitoring-settings.js';
import {
  CHUNK_DAYS,
  MonitoringStream,
  type MonitoringSnapshot,
  type HourTables,
  type RunRecord,
  type StreamData,
} from './monitoring-stream.js';
import type { CheckedLoadLimit } from './pollutant-load.js';
import {
  civilFromDays,
  MS_PER_DAY,
  MS_PER_HOUR,
  timeBucketKeyOfIndex,
  timeBucketStartMs,
} from './time-bucket.js';

/** Readings present against readings expected at the logger's interval. */
export interface MonitoringCompleteness {
  readonly present: number;
  /** Covered time ÷ interval (may be fractional). */
  readonly expected: number;
  /** present ÷ expected, at most 1; undefined when nothing was expected. */
  readonly share: number | undefined;
}

/** The load of one rollup bucket (kg and kg/h with the default unit factor). */
export interface MonitoringBucketLoad {
  /** Readings with both the concentration and the flow present. */
  readonly readings: number;
  /** Mean of concentration × flow × factor over those readings (kg/h). */
  readonly meanRate: number | undefined;
  /** meanRate × the bucket's hours (kg): the bucket's load, missing readings filled by the mean. */
  readonly amount: number | undefined;
  /** Readings whose rate exceeds loadLimit.perHour. */
  readonly rateExceedances: number;
  /** Hour: amount ≤ perHour; day: amount ≤ perDay; month, or no such limit: undefined. */
  readonly complies: boolean | undefined;
}

/** One local hour, day or month of one parameter. */
export interface MonitoringRollup {
  /** 'YYYY-MM-DDTHH', 'YYYY-MM-DD' or 'YYYY-MM', local time. */
  readonly key: string;
  /** The bucket's start and end (exclusive), epoch ms. */
  readonly startMs: number;
  readonly endMs: number;
  /** Readings present (not NaN). */
  readonly count: number;
  /** Readings given as NaN. */
  readonly missing: number;
  /** Undefined when count is 0; always within [min, max]. */
  readonly mean: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly exceedances: number;
  /** The mean lies within the limit; undefined without a limit or readings. */
  readonly meanComplies: boolean | undefined;
  /** The max and the min lie within the limit (every reading complies). */
  readonly extremesComply: boolean | undefined;
  /** Undefined without expectedIntervalSeconds. */
  readonly completeness: MonitoringCompleteness | undefined;
  /** Undefined unless the parameter's load is computed. */
  readonly load: MonitoringBucketLoad | undefined;
}

/** A run of consecutive exceedances. */
export interface MonitoringRun {
  readonly readings: number;
  /** Times of the first and the last exceeding reading. */
  readonly startMs: number;
  readonly endMs: number;
  /** The reading farthest beyond the limit. */
  readonly worst: number;
}

export interface MonitoringLoadSummary {
  readonly readings: number;
  readonly meanRate: number | undefined;
  readonly rateExceedances: number;
  /** Sum of the daily amounts (a day without paired readings adds nothing). */
  readonly amount: number;
  /** Days whose amount exceeds loadLimit.perDay. */
  readonly daysOverLimit: number;
}

/** One parameter over the whole stream. */
export interface MonitoringSummary {
  /** Readings added (rows), present or missing. */
  readonly readings: number;
  readonly count: number;
  readonly missing: number;
  readonly mean: number | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly exceedances: number;
  /** exceedances ÷ count × 100; undefined when count is 0. */
  readonly exceedancePercent: number | undefined;
  /** The longest run (the earliest of equals); a missing reading, a compliant one or a gap ends a run. */
  readonly longestRun: MonitoringRun | undefined;
  readonly firstExceedanceMs: number | undefined;
  readonly lastExceedanceMs: number | undefined;
  readonly completeness: MonitoringCompleteness | undefined;
  readonly load: MonitoringLoadSummary | undefined;
}

export interface MonitoringParameterResult {
  readonly id: string;
  readonly limit: CheckedMonitoringLimit | undefined;
  readonly loadLimit: CheckedLoadLimit | undefined;
  readonly summary: MonitoringSummary;
  readonly hourly: readonly MonitoringRollup[];
  readonly daily: readonly MonitoringRollup[];
  readonly monthly: readonly MonitoringRollup[];
}

export interface MonitoringResult {
  readonly utcOffsetMinutes: number;
  readonly expectedIntervalSeconds: number | undefined;
  readonly loadUnitFactor: number;
  readonly readings: number;
  readonly firstTimeMs: number | undefined;
  readonly lastTimeMs: number | undefined;
  /** The time the rollups cover: the period, or the local days from the first reading to the last. */
  readonly coverage: { readonly startMs: number; readonly endMs: number } | undefined;
  readonly parameters: readonly MonitoringParameterResult[];
  /** Alert events, by start time. */
  readonly events: readonly MonitoringEvent[];
  /** Episodes not kept because maxEvents was reached. */
  readonly eventsDropped: number;
}

export interface MonitoringResultOptions {
  /** Include the hourly rollups (default true; 8 784 per parameter-year). */
  readonly hourly?: boolean | undefined;
}

export interface MonitoringAccumulator {
  /** Adds one reading: `values[i]` of parameter i, NaN for a missing one. Times must increase. */
  readonly add: (timeMs: number, values: ArrayLike<number>) => void;
  /** Adds readings as columns (as a database returns them): `columns[i][k]` at `timesMs[k]`. */
  readonly addColumns: (timesMs: ArrayLike<number>, columns: readonly ArrayLike<number>[]) => void;
  /** Takes in another accumulator's readings (same settings, not overlapping in time). */
  readonly merge: (other: MonitoringAccumulator) => void;
  /** The results so far; adding may continue afterwards. `{ hourly: false }` leaves out the hourly rollups. */
  readonly result: (options?: MonitoringResultOptions) => MonitoringResult;
  /** Readings added so far. */
  readonly readings: () => number;
  /** Bytes held in typed arrays: grows with the hours covered, not with the readings. */
  readonly allocatedBytes: () => number;
  /**
   * The data as plain values and typed arrays (a copy), to send to another thread
   * (structured clone; the arrays may be transferred) and `restoreMonitoringAccumulator` there.
   */
  readonly snapshot: () => MonitoringSnapshot;
}

export type { MonitoringSnapshot };

const streams = new WeakMap<MonitoringAccumulator, MonitoringStream>();

/** Sums over a span of hours of one parameter (reused, not kept). */
class Totals {
  count = 0;
  missing = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  exceed = 0;
  loadCount = 0;
  loadSum = 0;
  loadExceed = 0;

  reset(): void {
    this.count = 0;
    this.missing = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.exceed = 0;
    this.loadCount = 0;
    this.loadSum = 0;
    this.loadExceed = 0;
  }

  /** The hour at slot i of the tables (and load slot j, or −1). */
  setHour(t: HourTables, i: number, j: number): void {
    this.count = t.count[i] as number;
    this.missing = t.missing[i] as number;
    this.sum = t.sum[i] as number;
    this.min = t.min[i] as number;
    this.max = t.max[i] as number;
    this.exceed = t.exceed[i] as number;
    if (j >= 0) {
      this.loadCount = t.loadCount[j] as number;
      this.loadSum = t.loadSum[j] as number;
      this.loadExceed = t.loadExceed[j] as number;
    }
  }

  addTotals(t: Totals): void {
    this.count += t.count;
    this.missing += t.missing;
    this.sum += t.sum;
    if (t.min < this.min) this.min = t.min;
    if (t.max > this.max) this.max = t.max;
    this.exceed += t.exceed;
    this.loadCount += t.loadCount;
    this.loadSum += t.loadSum;
    this.loadExceed += t.loadExceed;
  }
}

interface MonthSpan {
  readonly key: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Position of its first day in the tables, and its days there. */
  readonly firstDay: number;
  days: number;
}

const HOUR_TEXT = Array.from({ length: 24 }, (_, h) => (h < 10 ? `0${h}` : String(h)));

/** Builds the result from a stream's data without changing it. */
class ResultBuilder {
  private readonly settings: CheckedMonitoringSettings;
  private readonly coverage: { startMs: number; endMs: number } | undefined;
  private readonly intervalMs: number | undefined;
  private readonly dayKeys: string[] = [];
  private readonly dayStarts: number[] = [];
  private readonly months: MonthSpan[] = [];

  constructor(
    private readonly stream: MonitoringStream,
    private readonly d: StreamData,
    private readonly withHours: boolean,
  ) {
    this.settings = stream.settings;
    const s = this.settings;
    const offsetMs = stream.offsetMs;
    this.intervalMs =
      s.expectedIntervalSeconds === undefined ? undefined : s.expectedIntervalSeconds * 1000;
    if (d.baseDay !== d.baseDay) {
      this.coverage = undefined;
      return;
    }
    this.coverage = s.period ?? {
      startMs: d.baseDay * MS_PER_DAY - offsetMs,
      endMs: (d.baseDay + d.days) * MS_PER_DAY - offsetMs,
    };
    let monthIndex = Number.NaN;
    let month: MonthSpan | undefined;
    for (let day = 0; day < d.days; day++) {
      const absolute = d.baseDay + day;
      this.dayKeys.push(timeBucketKeyOfIndex(absolute, 'day'));
      this.dayStarts.push(absolute * MS_PER_DAY - offsetMs);
      const { year, month: m } = civilFromDays(absolute);
      const index = (year - 1970) * 12 + m - 1;
      if (index !== monthIndex || month === undefined) {
        monthIndex = index;
        month = {
          key: timeBucketKeyOfIndex(index, 'month'),
          startMs: timeBucketStartMs(index, 'month', s.utcOffsetMinutes),
          endMs: timeBucketStartMs(index + 1, 'month', s.utcOffsetMinutes),
          firstDay: day,
          days: 0,
        };
        this.months.push(month);
      }
      month.days += 1;
    }
  }

  build(): MonitoringResult {
    const s = this.settings;
    const d = this.d;
    const parameters = s.parameters.map((_, q) => this.parameter(q));
    return {
      utcOffsetMinutes: s.utcOffsetMinutes,
      expectedIntervalSeconds: s.expectedIntervalSeconds,
      loadUnitFactor: s.loadUnitFactor,
      readings: d.rows,
      firstTimeMs: d.rows === 0 ? undefined : d.firstTime,
      lastTimeMs: d.rows === 0 ? undefined : d.lastTime,
      coverage: this.coverage,
      parameters,
      events: this.events(parameters),
      eventsDropped: d.epDropped,
    };
  }

  private expected(startMs: number, endMs: number): number | undefined {
    if (this.intervalMs === undefined || this.coverage === undefined) return undefined;
    const overlap = Math.min(endMs, this.coverage.endMs) - Math.max(startMs, this.coverage.startMs);
    return overlap > 0 ? overlap / this.intervalMs : 0;
  }

  private parameter(q: number): MonitoringParameterResult {
    const s = this.settings;
    const d = this.d;
    const stream = this.stream;
    const spec = s.parameters[q] as CheckedMonitoringSettings['parameters'][number];
    const loadSlot = spec.load ? stream.loadIndex.indexOf(q) : -1;
    const field = path('parameters', q);
    const p = stream.p;
    const l = stream.l;
    const perHour = spec.loadLimit?.perHour;
    const perDay = spec.loadLimit?.perDay;
    const hourT = new Totals();
    const dayT = new Totals();
    const monthT = new Totals();
    const all = new Totals();
    const hourly: MonitoringRollup[] = [];
    const daily: MonitoringRollup[] = [];
    const monthly: MonitoringRollup[] = [];
    let amount = 0;
    let daysOverLimit = 0;
    for (const month of this.months) {
      monthT.reset();
      for (let day = month.firstDay; day < month.firstDay + month.days; day++) {
        dayT.reset();
        const dayStart = this.dayStarts[day] as number;
        const dayKey = this.dayKeys[day] as string;
        // The day's chunk of the tables (none: no reading in its chunk).
        const c = Math.floor(day / CHUNK_DAYS);
        const local = day - c * CHUNK_DAYS;
        const chunk = d.chunks.get(c);
        const t = chunk !== undefined && local < chunk.capacityDays ? chunk : undefined;
        for (let h = 0; h < 24; h++) {
          const hour = local * 24 + h;
          if (t === undefined) hourT.reset();
          else hourT.setHour(t, hour * p + q, loadSlot >= 0 ? hour * l + loadSlot : -1);
          dayT.addTotals(hourT);
          if (this.withHours) {
            const start = dayStart + h * MS_PER_HOUR;
            const key = `${dayKey}T${HOUR_TEXT[h] as string}`;
            hourly.push(this.rollup(key, start, start + MS_PER_HOUR, hourT, q, field, perHour));
          }
        }
        monthT.addTotals(dayT);
        const dayRollup = this.rollup(
          dayKey,
          dayStart,
          dayStart + MS_PER_DAY,
          dayT,
          q,
          field,
          perDay,
        );
        if (dayRollup.load?.amount !== undefined) amount += dayRollup.load.amount;
        if (dayRollup.load?.complies === false) daysOverLimit += 1;
        daily.push(dayRollup);
      }
      all.addTotals(monthT);
      monthly.push(this.rollup(month.key, month.startMs, month.endMs, monthT, q, field, undefined));
    }
    const load: MonitoringLoadSummary | undefined = spec.load
      ? {
          readings: all.loadCount,
          meanRate: this.loadRateOf(all, field),
          rateExceedances: all.loadExceed,
          amount: this.finite(amount, field),
          daysOverLimit,
        }
      : undefined;
    const expected =
      this.coverage === undefined
        ? undefined
        : this.expected(this.coverage.startMs, this.coverage.endMs);
    return {
      id: spec.id,
      limit: spec.limit,
      loadLimit: spec.loadLimit,
      summary: {
        readings: d.rows,
        count: all.count,
        missing: all.missing,
        mean: this.meanOf(all, field),
        min: all.count > 0 ? all.min : undefined,
        max: all.count > 0 ? all.max : undefined,
        exceedances: all.exceed,
        exceedancePercent: all.count > 0 ? (all.exceed / all.count) * 100 : undefined,
        longestRun: this.longestRun(q),
        firstExceedanceMs: this.defined(d.firstExceedance[q] as number),
        lastExceedanceMs: this.defined(d.lastExceedance[q] as number),
        completeness: this.completenessOf(all.count, expected),
        load,
      },
      hourly,
      daily,
      monthly,
    };
  }

  private rollup(
    key: string,
    startMs: number,
    endMs: number,
    t: Totals,
    q: number,
    field: string,
    amountLimit: number | undefined,
  ): MonitoringRollup {
    const hasLimit = this.settings.parameters[q]?.limit !== undefined;
    const lo = this.stream.lo[q] as number;
    const hi = this.stream.hi[q] as number;
    const mean = this.meanOf(t, field);
    const present = t.count > 0;
    let load: MonitoringBucketLoad | undefined;
    if (this.settings.parameters[q]?.load === true) {
      const meanRate = this.loadRateOf(t, field);
      const amount =
        meanRate === undefined
          ? undefined
          : this.finite((meanRate * (endMs - startMs)) / MS_PER_HOUR, field);
      load = {
        readings: t.loadCount,
        meanRate,
        amount,
        rateExceedances: t.loadExceed,
        complies:
          amount === undefined || amountLimit === undefined ? undefined : amount <= amountLimit,
      };
    }
    return {
      key,
      startMs,
      endMs,
      count: t.count,
      missing: t.missing,
      mean,
      min: present ? t.min : undefined,
      max: present ? t.max : undefined,
      exceedances: t.exceed,
      meanComplies: !hasLimit || mean === undefined ? undefined : mean <= hi && mean >= lo,
      extremesComply: !hasLimit || !present ? undefined : t.max <= hi && t.min >= lo,
      completeness: this.completenessOf(t.count, this.expected(startMs, endMs)),
      load,
    };
  }

  private defined(value: number): number | undefined {
    return value === value ? value : undefined;
  }

  private finite(value: number, field: string): number {
    if (!Number.isFinite(value)) {
      throw new GpError(
        'UNDEFINED_RESULT',
        field,
        'a sum of the readings overflows; rescale the readings (another unit)',
      );
    }
    return value;
  }

  /** The mean, inside [min, max] (rounding cannot carry it out). */
  private meanOf(t: Totals, field: string): number | undefined {
    if (t.count === 0) return undefined;
    const mean = this.finite(t.sum, field) / t.count;
    return Math.min(Math.max(mean, t.min), t.max);
  }

  private loadRateOf(t: Totals, field: string): number | undefined {
    if (t.loadCount === 0) return undefined;
    return this.finite(t.loadSum, field) / t.loadCount;
  }

  private completenessOf(
    present: number,
    expected: number | undefined,
  ): MonitoringCompleteness | undefined {
    if (expected === undefined) return undefined;
    return { present, expected, share: expected > 0 ? Math.min(1, present / expected) : undefined };
  }

  private toRun(run: RunRecord | undefined): MonitoringRun | undefined {
    if (run === undefined) return undefined;
    return { readings: run.length, startMs: run.startMs, endMs: run.endMs, worst: run.worst };
  }

  /** Lead, closed runs, open run: the longest, the earliest of equals. */
  private longestRun(q: number): MonitoringRun | undefined {
    const d = this.d;
    const stream = this.stream;
    const lead = stream.lead(d, q);
    let best: RunRecord | undefined = lead;
    for (const run of [
      stream.longestClosed(d, q),
      d.leadOpen[q] === 1 ? undefined : stream.open(d, q),
    ]) {
      if (run !== undefined && (best === undefined || run.length > best.length)) best = run;
    }
    return this.toRun(best);
  }

  private events(parameters: readonly MonitoringParameterResult[]): MonitoringEvent[] {
    const s = this.settings;
    const d = this.d;
    const stream = this.stream;
    const events: (MonitoringEvent & { readonly q: number })[] = [];
    const episodeRules = s.alerts.filter((r) => r.kind !== 'completeness');
    if (episodeRules.length > 0) {
      const episodes: (RunRecord & { parameter: number })[] = stream.episodes(d);
      for (let q = 0; q < stream.p; q++) {
        const lead = stream.lead(d, q);
        if (lead !== undefined) episodes.push({ ...lead, parameter: q });
        const open = d.leadOpen[q] === 1 ? undefined : stream.open(d, q);
        if (open !== undefined) episodes.push({ ...open, parameter: q });
      }
      for (const e of episodes) {
        for (const rule of episodeRules) {
          if (e.length < rule.minReadings || !rule.parameters.includes(e.parameter)) continue;
          events.push({
            rule: rule.index,
            kind: rule.kind,
            parameter: (s.parameters[e.parameter] as { id: string }).id,
            startMs: e.startMs,
            endMs: e.endMs,
            value: e.worst,
            readings: e.length,
            q: e.parameter,
          });
        }
      }
    }
    for (const rule of s.alerts) {
      if (rule.kind !== 'completeness') continue;
      for (const q of rule.parameters) {
        const result = parameters[q] as MonitoringParameterResult;
        for (const day of result.daily) {
          const share = day.completeness?.share;
          if (share === undefined || !(share < rule.below)) continue;
          events.push({
            rule: rule.index,
            kind: 'completeness',
            parameter: result.id,
            startMs: day.startMs,
            endMs: day.endMs,
            value: share,
            readings: day.count,
            q,
          });
        }
      }
    }
    events.sort(
      (a, b) => a.startMs - b.startMs || a.q - b.q || a.rule - b.rule || a.endMs - b.endMs,
    );
    return events.map(({ q: _q, ...event }) => event);
  }
}

/**
 * A streaming accumulator of continuous monitoring readings: per parameter, compliance with its
 * limit, runs of consecutive exceedances, hourly, daily and monthly rollups in local time,
 * pollutant load, data completeness, and alert events, in memory that grows with the hours
 * covered, not with the readings.
 * @equation exceedance: x > max or x < min; mean = Σx/n (within [min, max]); load rate = c·Q·f (kg/h for mg/L, m³/h, f = 0.001), bucket load = mean rate × hours; completeness = min(1, n / (covered time ÷ interval))
 * @source PermenLHK P.93/2018 jo. P.80/2019 (SPARING: pH, COD, TSS, NH3-N, flow every 2 minutes); PermenLH 5/2014 (limits, loads); APO Handbook on Green Productivity (2006), steps 5–6 (monitoring and review)
 * @param settings parameters (id, limit, load, loadLimit), flowParameter, utcOffsetMinutes, expectedIntervalSeconds, loadUnitFactor, period, alerts, maxEvents
 * @throws GpError (from the settings) INVALID_INPUT, EMPTY, DUPLICATE, UNKNOWN_REFERENCE, NOT_FINITE or OUT_OF_RANGE naming the field, e.g. `parameters[1].limit.max`
 * @throws GpError (from add) OUT_OF_RANGE for a time not after the previous one or outside the period; NOT_FINITE for ±Infinity in `values[i]`; DIMENSION_MISMATCH for a wrong number of values
 * @example const a = createMonitoringAccumulator({ parameters: [{ id: 'cod', limit: { max: 100 } }], utcOffsetMinutes: 420 }); a.add(Date.UTC(2024, 0, 1), [120]); a.result().parameters[0].summary.exceedances // => 1
 */
export function createMonitoringAccumulator(settings: MonitoringSettings): MonitoringAccumulator {
  const stream = new MonitoringStream(checkMonitoringSettings(settings));
  const accumulator: MonitoringAccumulator = {
    add: (timeMs, values) => stream.add(timeMs, values),
    addColumns: (timesMs, columns) => stream.addColumns(timesMs, columns),
    merge: (other) => {
      const from = streams.get(other);
      if (from === undefined) {
        throw new GpError('INVALID_INPUT', 'other', 'must be a monitoring accumulator');
      }
      stream.merge(from);
    },
    result: (options) => {
      const hourly = options?.hourly ?? true;
      if (typeof hourly !== 'boolean') {
        throw new GpError('INVALID_INPUT', 'options.hourly', 'must be true or false');
      }
      return new ResultBuilder(stream, stream.data, hourly).build();
    },
    readings: () => stream.data.rows,
    allocatedBytes: () => stream.data.bytes,
    snapshot: () => stream.snapshot(),
  };
  streams.set(accumulator, stream);
  return accumulator;
}

/**
 * An accumulator with a snapshot's data: it results, merges and adds as the one the snapshot
 * was taken of (so ranges of a file read on other threads can be merged).
 * @equation restore(settings, snapshot(a)) ≡ a: same result(), merge() and add() behaviour
 * @source Lestari design: sufficient statistics (sums, counts, extremes per hour) are mergeable; Chan, Golub & LeVeque (1979) for merging partial sums
 * @param settings the settings the snapshot was taken with
 * @param snapshot what `accumulator.snapshot()` returned (structured-clone safe)
 * @throws GpError INVALID_INPUT when the snapshot was taken with other settings or is damaged
 * @example restoreMonitoringAccumulator(settings, a.snapshot()).result() // => deep-equals a.result()
 */
export function restoreMonitoringAccumulator(
  settings: MonitoringSettings,
  snapshot: MonitoringSnapshot,
): MonitoringAccumulator {
  const accumulator = createMonitoringAccumulator(settings);
  (streams.get(accumulator) as MonitoringStream).restore(snapshot);
  return accumulator;
}
