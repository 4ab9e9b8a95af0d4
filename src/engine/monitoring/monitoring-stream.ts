/**
 * The working state of a monitoring accumulator: per local hour and parameter, dense typed
 * arrays of count, missing, sum, min, max and exceedances (and the load's count, sum and
 * exceedances), from which day and month rollups are derived (a local day is exactly 24 local
 * hours in a fixed offset); per parameter, the runs of consecutive exceedances; and the
 * exceedance episodes kept for alert events. The tables come in chunks of CHUNK_DAYS days,
 * allocated for the chunks that have readings: memory grows with the days covered, never with
 * the number of readings, and one stream covers any span. The hot path is plain loops over
 * typed arrays.
 */
import { GpError } from '../errors.js';
import { MAX_MONITORING_SPAN_DAYS, type CheckedMonitoringSettings } from './monitoring-settings.js';
import {
  MAX_EPOCH_MS,
  MS_PER_DAY,
  MS_PER_HOUR,
  requireEpochMs,
  utcIsoText,
} from './time-bucket.js';

/** A run of consecutive exceedances: its length, first and last reading time, worst reading. */
export interface RunRecord {
  readonly length: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The reading farthest beyond the limit (the first of equals). */
  readonly worst: number;
  /** How far beyond the limit `worst` lies. */
  readonly excess: number;
}

/** A kept exceedance episode. */
export interface EpisodeRecord extends RunRecord {
  readonly parameter: number;
}

const INITIAL_DAYS = 32;
/**
 * The tables come in chunks of this many local days, each allocated when a reading falls in
 * it (growing from INITIAL_DAYS by doubling): any span, in memory for the chunks with readings.
 */
export const CHUNK_DAYS = 366;
const MAX_SPAN_MS = MAX_MONITORING_SPAN_DAYS * 86_400_000;

/** The per-hour tables: `P` slots per hour (and `L` load slots), for `capacityDays` local days. */
export class HourTables {
  readonly count: Float64Array;
  readonly missing: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly exceed: Float64Array;
  readonly loadCount: Float64Array;
  readonly loadSum: Float64Array;
  readonly loadExceed: Float64Array;

  constructor(
    readonly capacityDays: number,
    p: number,
    l: number,
  ) {
    const slots = capacityDays * 24 * p;
    const loadSlots = capacityDays * 24 * l;
    this.count = new Float64Array(slots);
    this.missing = new Float64Array(slots);
    this.sum = new Float64Array(slots);
    this.min = new Float64Array(slots).fill(Infinity);
    this.max = new Float64Array(slots).fill(-Infinity);
    this.exceed = new Float64Array(slots);
    this.loadCount = new Float64Array(loadSlots);
    this.loadSum = new Float64Array(loadSlots);
    this.loadExceed = new Float64Array(loadSlots);
  }

  get bytes(): number {
    return this.count.byteLength * 6 + this.loadCount.byteLength * 3;
  }

  /** Adds `days` days of `from`, from its day `fromDay`, into this table at day `atDay`. */
  addFrom(from: HourTables, days: number, atDay: number, p: number, l: number, fromDay = 0): void {
    const n = days * 24 * p;
    const o = atDay * 24 * p;
    const f = fromDay * 24 * p;
    for (let k = 0; k < n; k++) {
      const i = f + k;
      const j = o + k;
      this.count[j] = (this.count[j] as number) + (from.count[i] as number);
      this.missing[j] = (this.missing[j] as number) + (from.missing[i] as number);
      this.sum[j] = (this.sum[j] as number) + (from.sum[i] as number);
      this.exceed[j] = (this.exceed[j] as number) + (from.exceed[i] as number);
      if ((from.min[i] as number) < (this.min[j] as number)) this.min[j] = from.min[i] as number;
      if ((from.max[i] as number) > (this.max[j] as number)) this.max[j] = from.max[i] as number;
    }
    const nl = days * 24 * l;
    const ol = atDay * 24 * l;
    const fl = fromDay * 24 * l;
    for (let k = 0; k < nl; k++) {
      const i = fl + k;
      const j = ol + k;
      this.loadCount[j] = (this.loadCount[j] as number) + (from.loadCount[i] as number);
      this.loadSum[j] = (this.loadSum[j] as number) + (from.loadSum[i] as number);
      this.loadExceed[j] = (this.loadExceed[j] as number) + (from.loadExceed[i] as number);
    }
  }
}

/** Per-parameter run state, the kept episodes, and the hour tables. */
export class StreamData {
  rows = 0;
  firstTime = Number.NaN;
  lastTime = -Infinity;
  /** Absolute local day number of the tables' first day; NaN before the first reading (no period). */
  baseDay = Number.NaN;
  /** Days in use from baseDay. */
  days = 0;
  /** The tables by chunk: chunk c holds days [c, c + 1) × CHUNK_DAYS from baseDay. */
  readonly chunks = new Map<number, HourTables>();
  /** The chunk of the cursor's hour (curSlot and curLoadSlot are positions in it). */
  tables: HourTables;
  /** The absolute local hour the cursor points at, and its slot offsets. */
  curHour = Number.NaN;
  curSlot = 0;
  curLoadSlot = 0;
  // The open run of each parameter.
  readonly runLen: Float64Array;
  readonly runStart: Float64Array;
  readonly runEnd: Float64Array;
  readonly runWorst: Float64Array;
  readonly runExcess: Float64Array;
  // The lead run: the one that began at the stream's first reading (kept apart for merging).
  readonly leadOpen: Uint8Array;
  readonly leadLen: Float64Array;
  readonly leadStart: Float64Array;
  readonly leadEnd: Float64Array;
  readonly leadWorst: Float64Array;
  readonly leadExcess: Float64Array;
  // The longest closed run other than the lead (the first of equals).
  readonly longLen: Float64Array;
  readonly longStart: Float64Array;
  readonly longEnd: Float64Array;
  readonly longWorst: Float64Array;
  readonly longExcess: Float64Array;
  readonly firstExceedance: Float64Array;
  readonly lastExceedance: Float64Array;
  // Closed episodes other than the lead, long enough for an alert rule.
  epCount = 0;
  epDropped = 0;
  epParam: Int32Array = new Int32Array(0);
  epLen: Float64Array = new Float64Array(0);
  epStart: Float64Array = new Float64Array(0);
  epEnd: Float64Array = new Float64Array(0);
  epWorst: Float64Array = new Float64Array(0);
  epExcess: Float64Array = new Float64Array(0);

  constructor(
    private readonly p: number,
    private readonly l: number,
    capacityDays: number,
  ) {
    for (let c = 0; c * CHUNK_DAYS < capacityDays; c++) {
      const days = Math.min(CHUNK_DAYS, capacityDays - c * CHUNK_DAYS);
      this.chunks.set(c, new HourTables(days, p, l));
    }
    this.tables = this.chunks.get(0) ?? new HourTables(0, p, l);
    const f = () => new Float64Array(p);
    this.runLen = f();
    this.runStart = f();
    this.runEnd = f();
    this.runWorst = f();
    this.runExcess = f();
    this.leadOpen = new Uint8Array(p);
    this.leadLen = f();
    this.leadStart = f();
    this.leadEnd = f();
    this.leadWorst = f();
    this.leadExcess = f();
    this.longLen = f();
    this.longStart = f();
    this.longEnd = f();
    this.longWorst = f();
    this.longExcess = f();
    this.firstExceedance = f().fill(Number.NaN);
    this.lastExceedance = f().fill(Number.NaN);
  }

  /** The chunk holding day `day` (from baseDay), allocated or grown to hold it. */
  chunkFor(day: number): HourTables {
    const c = Math.floor(day / CHUNK_DAYS);
    const local = day - c * CHUNK_DAYS;
    const t = this.chunks.get(c);
    if (t !== undefined && local < t.capacityDays) return t;
    const capacity = Math.min(
      CHUNK_DAYS,
      Math.max(local + 1, t === undefined ? INITIAL_DAYS : t.capacityDays * 2),
    );
    const grown = new HourTables(capacity, this.p, this.l);
    if (t !== undefined) grown.addFrom(t, t.capacityDays, 0, this.p, this.l);
    this.chunks.set(c, grown);
    return grown;
  }

  /** The days of chunk c in use (at most its capacity). */
  usedDays(c: number, t: HourTables): number {
    return Math.max(0, Math.min(t.capacityDays, this.days - c * CHUNK_DAYS));
  }

  /** Adds `days` days of a table from its day `fromDay` into these tables at day `atDay`. */
  addDays(from: HourTables, fromDay: number, days: number, atDay: number): void {
    while (days > 0) {
      const c = Math.floor(atDay / CHUNK_DAYS);
      const local = atDay - c * CHUNK_DAYS;
      const span = Math.min(days, CHUNK_DAYS - local);
      this.chunkFor(atDay + span - 1).addFrom(from, span, local, this.p, this.l, fromDay);
      atDay += span;
      fromDay += span;
      days -= span;
    }
  }

  /** Adds every chunk of `from` into these tables, its day 0 at day `atDay`. */
  addData(from: StreamData, atDay: number): void {
    for (const [c, t] of from.chunks) {
      this.addDays(t, 0, from.usedDays(c, t), atDay + c * CHUNK_DAYS);
    }
  }

  get bytes(): number {
    let tables = 0;
    for (const t of this.chunks.values()) tables += t.bytes;
    return (
      tables +
      this.runLen.byteLength * 17 +
      this.leadOpen.byteLength +
      this.epParam.byteLength +
      this.epLen.byteLength * 5
    );
  }
}

function runOf(
  len: Float64Array,
  start: Float64Array,
  end: Float64Array,
  worst: Float64Array,
  excess: Float64Array,
  p: number,
): RunRecord | undefined {
  const length = len[p] as number;
  if (length === 0) return undefined;
  return {
    length,
    startMs: start[p] as number,
    endMs: end[p] as number,
    worst: worst[p] as number,
    excess: excess[p] as number,
  };
}

/** An accumulator's data as plain values (see MonitoringStream.snapshot). */
export interface MonitoringSnapshot {
  readonly signature: string;
  readonly p: number;
  readonly l: number;
  /** Days from baseDay the tables cover. */
  readonly capacityDays: number;
  /** The chunks of the tables: [chunk, days in the snapshot]; arrays `tables.CHUNK.NAME`. */
  readonly chunks?: readonly (readonly [number, number])[];
  readonly scalars: {
    readonly rows: number;
    readonly firstTime: number;
    readonly lastTime: number;
    readonly baseDay: number;
    readonly days: number;
    readonly curHour: number;
    readonly curSlot: number;
    readonly curLoadSlot: number;
    readonly epCount: number;
    readonly epDropped: number;
  };
  readonly arrays: Readonly<Record<string, Float64Array | Uint8Array | Int32Array>>;
}

const SNAPSHOT_ARRAYS = [
  'runLen',
  'runStart',
  'runEnd',
  'runWorst',
  'runExcess',
  'leadOpen',
  'leadLen',
  'leadStart',
  'leadEnd',
  'leadWorst',
  'leadExcess',
  'longLen',
  'longStart',
  'longEnd',
  'longWorst',
  'longExcess',
  'firstExceedance',
  'lastExceedance',
] as const;
const TABLE_ARRAYS = [
  'count',
  'missing',
  'sum',
  'min',
  'max',
  'exceed',
  'loadCount',
  'loadSum',
  'loadExceed',
] as const;
const EPISODE_ARRAYS = ['epParam', 'epLen', 'epStart', 'epEnd', 'epWorst', 'epExcess'] as const;

/** Two runs that touch, as one. */
function joinRuns(a: RunRecord, b: RunRecord): RunRecord {
  const bWorse = b.excess > a.excess;
  return {
    length: a.length + b.length,
    startMs: a.startMs,
    endMs: b.endMs,
    worst: bWorse ? b.worst : a.worst,
    excess: bWorse ? b.excess : a.excess,
  };
}

/** The longer run, the earlier (`a`) of equals. */
function longer(a: RunRecord | undefined, b: RunRecord | undefined): RunRecord | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.length > a.length ? b : a;
}

/**
 * A monitoring stream: the checked settings turned into typed arrays, and the data. One object
 * per accumulator; `merge` replaces the data with the union of two streams.
 */
export class MonitoringStream {
  readonly p: number;
  readonly l: number;
  readonly offsetMs: number;
  /** A run ends at a gap longer than 1.5 expected intervals (Infinity without an interval). */
  readonly maxGapMs: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** The shortest episode any alert rule wants, per parameter (Infinity: none kept). */
  readonly minEpisode: Float64Array;
  /** Whether any alert rule keeps episodes (their order is the order runs close, row by row). */
  private readonly keepsEpisodes: boolean;
  readonly flowIndex: number;
  readonly loadIndex: Int32Array;
  readonly perHour: Float64Array;
  readonly loadFactor: number;
  readonly maxEvents: number;
  /** Canonical text of the settings, to refuse merging streams set up differently. */
  readonly signature: string;
  private readonly rates: Float64Array;
  private readonly row: Float64Array;
  private readonly rowScratch: Float64Array;
  data: StreamData;

  constructor(readonly settings: CheckedMonitoringSettings) {
    const params = settings.parameters;
    this.p = params.length;
    this.offsetMs = settings.utcOffsetMinutes * 60_000;
    this.maxGapMs =
      settings.expectedIntervalSeconds === undefined
        ? Infinity
        : settings.expectedIntervalSeconds * 1500;
    this.periodStart = settings.period?.startMs ?? -Infinity;
    this.periodEnd = settings.period?.endMs ?? Infinity;
    this.lo = new Float64Array(params.map((q) => q.limit?.min ?? -Infinity));
    this.hi = new Float64Array(params.map((q) => q.limit?.max ?? Infinity));
    this.minEpisode = new Float64Array(this.p).fill(Infinity);
    for (const rule of settings.alerts) {
      if (rule.kind === 'completeness') continue;
      for (const q of rule.parameters) {
        this.minEpisode[q] = Math.min(this.minEpisode[q] as number, rule.minReadings);
      }
    }
    this.keepsEpisodes = this.minEpisode.some((m) => m !== Infinity);
    this.flowIndex = settings.flowIndex;
    const loads = params.flatMap((q, i) => (q.load ? [i] : []));
    this.l = loads.length;
    this.loadIndex = new Int32Array(loads);
    this.perHour = new Float64Array(loads.map((i) => params[i]?.loadLimit?.perHour ?? Infinity));
    this.loadFactor = settings.loadUnitFactor;
    this.maxEvents = settings.maxEvents;
    this.signature = JSON.stringify(settings);
    this.rates = new Float64Array(this.l);
    this.row = new Float64Array(this.p);
    this.rowScratch = new Float64Array(this.p);
    this.data = this.emptyData();
  }

  /** Fresh data; with a period, the tables are allocated for the whole period at once. */
  emptyData(): StreamData {
    if (this.settings.period === undefined) return new StreamData(this.p, this.l, 0);
    const first = Math.floor((this.periodStart + this.offsetMs) / MS_PER_DAY);
    const last = Math.floor((this.periodEnd - 1 + this.offsetMs) / MS_PER_DAY);
    const data = new StreamData(this.p, this.l, last - first + 1);
    data.baseDay = first;
    data.days = last - first + 1;
    return data;
  }

  /** Adds one reading; `batchIndex` ≥ 0 names fields as `timesMs[i]`, `columns[p][i]`. */
  add(timeMs: number, values: ArrayLike<number>, batchIndex = -1): void {
    const d = this.data;
    const timeField = batchIndex < 0 ? 'timeMs' : `timesMs[${batchIndex}]`;
    if (typeof timeMs !== 'number' || !(timeMs >= -MAX_EPOCH_MS && timeMs <= MAX_EPOCH_MS)) {
      requireEpochMs(timeMs, timeField);
    }
    if (!(timeMs > d.lastTime)) {
      throw new GpError(
        'OUT_OF_RANGE',
        timeField,
        `must be later than the previous reading (${utcIsoText(d.lastTime)}), got ${utcIsoText(timeMs)}: add readings in time order, without duplicates`,
      );
    }
    if (timeMs < this.periodStart || timeMs >= this.periodEnd) {
      throw new GpError(
        'OUT_OF_RANGE',
        timeField,
        `${utcIsoText(timeMs)} is outside the monitoring period ${utcIsoText(this.periodStart)} – ${utcIsoText(this.periodEnd)}`,
      );
    }
    if (timeMs - d.firstTime > MAX_SPAN_MS) {
      throw new GpError(
        'OUT_OF_RANGE',
        timeField,
        `${utcIsoText(timeMs)} is more than ${MAX_MONITORING_SPAN_DAYS} days after the first reading (${utcIsoText(d.firstTime)}): is the date typed wrongly? Split longer records`,
      );
    }
    const p = this.p;
    if (batchIndex < 0) {
      if (typeof values !== 'object' || values === null || typeof values.length !== 'number') {
        throw new GpError(
          'INVALID_INPUT',
          'values',
          'must be a list of numbers, one per parameter',
        );
      }
      if (values.length !== p) {
        throw new GpError(
          'DIMENSION_MISMATCH',
          'values',
          `must have one value per parameter (${p}), got ${values.length}`,
        );
      }
    }
    for (let q = 0; q < p; q++) {
      const v = values[q];
      if (typeof v !== 'number') {
        throw new GpError(
          'NOT_FINITE',
          this.valueField(q, batchIndex),
          `must be a number (NaN for a missing reading), got ${v === null ? 'null' : typeof v} (reading ${d.rows})`,
        );
      }
      if (v === Infinity || v === -Infinity) {
        throw new GpError(
          'NOT_FINITE',
          this.valueField(q, batchIndex),
          `must be a finite number or NaN (missing), got ${v} (reading ${d.rows})`,
        );
      }
    }
    const l = this.l;
    const rates = this.rates;
    if (l > 0) {
      const flow = values[this.flowIndex] as number;
      if (flow < 0) {
        throw new GpError(
          'OUT_OF_RANGE',
          this.valueField(this.flowIndex, batchIndex),
          `a flow must be ≥ 0, got ${flow} (reading ${d.rows})`,
        );
      }
      const factor = this.loadFactor;
      for (let k = 0; k < l; k++) {
        const q = this.loadIndex[k] as number;
        const rate = (values[q] as number) * flow * factor;
        if (rate === Infinity || rate === -Infinity) {
          throw new GpError(
            'UNDEFINED_RESULT',
            this.valueField(q, batchIndex),
            `concentration × flow overflows (reading ${d.rows})`,
          );
        }
        rates[k] = rate;
      }
    }
    const hour = Math.floor((timeMs + this.offsetMs) / MS_PER_HOUR);
    if (hour !== d.curHour) this.enterHour(d, hour);
    if (timeMs - d.lastTime > this.maxGapMs) this.breakRuns(d);
    const first = d.rows === 0;
    const t = d.tables;
    const count = t.count;
    const missing = t.missing;
    const sum = t.sum;
    const min = t.min;
    const max = t.max;
    const exceed = t.exceed;
    const lo = this.lo;
    const hi = this.hi;
    const runLen = d.runLen;
    const slot = d.curSlot;
    for (let q = 0; q < p; q++) {
      const v = values[q] as number;
      const i = slot + q;
      if (v !== v) {
        missing[i] = (missing[i] as number) + 1;
        if ((runLen[q] as number) > 0) this.endRun(d, q);
        continue;
      }
      count[i] = (count[i] as number) + 1;
      sum[i] = (sum[i] as number) + v;
      if (v < (min[i] as number)) min[i] = v;
      if (v > (max[i] as number)) max[i] = v;
      const h = hi[q] as number;
      const lw = lo[q] as number;
      if (v > h || v < lw) {
        exceed[i] = (exceed[i] as number) + 1;
        const excess = v > h ? v - h : lw - v;
        const len = runLen[q] as number;
        if (len === 0) {
          d.runStart[q] = timeMs;
          d.runWorst[q] = v;
          d.runExcess[q] = excess;
          if (first) d.leadOpen[q] = 1;
        } else if (excess > (d.runExcess[q] as number)) {
          d.runWorst[q] = v;
          d.runExcess[q] = excess;
        }
        runLen[q] = len + 1;
        d.runEnd[q] = timeMs;
        if (d.firstExceedance[q] !== d.firstExceedance[q]) d.firstExceedance[q] = timeMs;
        d.lastExceedance[q] = timeMs;
      } else if ((runLen[q] as number) > 0) {
        this.endRun(d, q);
      }
    }
    if (l > 0) {
      const ls = d.curLoadSlot;
      const loadCount = t.loadCount;
      const loadSum = t.loadSum;
      const loadExceed = t.loadExceed;
      const perHour = this.perHour;
      for (let k = 0; k < l; k++) {
        const rate = rates[k] as number;
        if (rate !== rate) continue;
        const i = ls + k;
        loadCount[i] = (loadCount[i] as number) + 1;
        loadSum[i] = (loadSum[i] as number) + rate;
        if (rate > (perHour[k] as number)) loadExceed[i] = (loadExceed[i] as number) + 1;
      }
    }
    if (first) d.firstTime = timeMs;
    d.lastTime = timeMs;
    d.rows += 1;
  }

  /** Adds readings given as columns: `timesMs[i]` with `columns[p][i]`. */
  addColumns(timesMs: ArrayLike<number>, columns: readonly ArrayLike<number>[]): void {
    if (typeof timesMs !== 'object' || timesMs === null || typeof timesMs.length !== 'number') {
      throw new GpError('INVALID_INPUT', 'timesMs', 'must be a list of epoch milliseconds');
    }
    if (!Array.isArray(columns)) {
      throw new GpError('INVALID_INPUT', 'columns', 'must be a list of columns, one per parameter');
    }
    if (columns.length !== this.p) {
      throw new GpError(
        'DIMENSION_MISMATCH',
        'columns',
        `must have one column per parameter (${this.p}), got ${columns.length}`,
      );
    }
    const n = timesMs.length;
    columns.forEach((column: unknown, q) => {
      if (
        typeof column !== 'object' ||
        column === null ||
        typeof (column as ArrayLike<number>).length !== 'number'
      ) {
        throw new GpError('INVALID_INPUT', `columns[${q}]`, 'must be a list of numbers');
      }
      if ((column as ArrayLike<number>).length !== n) {
        throw new GpError(
          'DIMENSION_MISMATCH',
          `columns[${q}]`,
          `must have one value per time (${n}), got ${(column as ArrayLike<number>).length}`,
        );
      }
    });
    if (this.addChecked(timesMs, columns)) return;
    const row = this.row;
    const p = this.p;
    for (let i = 0; i < n; i++) {
      for (let q = 0; q < p; q++) {
        const v = (columns[q] as ArrayLike<number>)[i];
        if (typeof v !== 'number') {
          throw new GpError(
            'NOT_FINITE',
            this.valueField(q, i),
            `must be a number (NaN for a missing reading), got ${v === null ? 'null' : typeof v}`,
          );
        }
        row[q] = v;
      }
      this.add(timesMs[i] as number, row, i);
    }
  }

  /**
   * The fast path of addColumns: when the times and columns are Float64Arrays and every row
   * passes add()'s checks, adds them in one loop without per-row calls or allocations (the same
   * operations in the same order as add(), so the same bits) and returns true. Otherwise adds
   * nothing and returns false: the general path then adds the good rows and throws as before.
   */
  private addChecked(timesMs: ArrayLike<number>, columns: readonly ArrayLike<number>[]): boolean {
    if (!(timesMs instanceof Float64Array)) return false;
    const p = this.p;
    const cols: Float64Array[] = [];
    for (let q = 0; q < p; q++) {
      const c = columns[q];
      if (!(c instanceof Float64Array)) return false;
      cols.push(c);
    }
    const n = timesMs.length;
    if (n === 0) return true;
    const flows = this.l > 0 ? (cols[this.flowIndex] as Float64Array) : undefined;
    if (!this.passesChecks(timesMs, cols, flows)) return false;
    if (this.keepsEpisodes) this.addByRow(timesMs, cols, flows);
    else this.addByColumnInChunks(timesMs, cols, flows);
    return true;
  }

  /**
   * addByColumn over the rows of each chunk of the tables in turn, the chunk first grown to
   * hold them all (so that its arrays stay the same while addByColumn writes to them).
   */
  private addByColumnInChunks(
    timesMs: Float64Array,
    cols: readonly Float64Array[],
    flows: Float64Array | undefined,
  ): void {
    const d = this.data;
    const n = timesMs.length;
    const offsetMs = this.offsetMs;
    const dayOf = (t: number) => Math.floor(Math.floor((t + offsetMs) / MS_PER_HOUR) / 24);
    const base = d.baseDay === d.baseDay ? d.baseDay : dayOf(timesMs[0] as number);
    const chunkOf = (t: number) => Math.floor((dayOf(t) - base) / CHUNK_DAYS);
    let from = 0;
    while (from < n) {
      const c = chunkOf(timesMs[from] as number);
      let lo = from + 1;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (chunkOf(timesMs[mid] as number) === c) lo = mid + 1;
        else hi = mid;
      }
      const to = lo;
      d.chunkFor(dayOf(timesMs[to - 1] as number) - base);
      if (from === 0 && to === n) this.addByColumn(timesMs, cols, flows);
      else {
        this.addByColumn(
          timesMs.subarray(from, to),
          cols.map((col) => col.subarray(from, to)),
          flows?.subarray(from, to),
        );
      }
      from = to;
    }
  }

  /** Whether every row passes add()'s checks (kept apart: small functions optimise well). */
  private passesChecks(
    timesMs: Float64Array,
    cols: readonly Float64Array[],
    flows: Float64Array | undefined,
  ): boolean {
    const n = timesMs.length;
    const d = this.data;
    let previous = d.lastTime;
    const periodStart = this.periodStart;
    const periodEnd = this.periodEnd;
    const latest =
      (d.firstTime === d.firstTime ? d.firstTime : (timesMs[0] as number)) + MAX_SPAN_MS;
    for (let i = 0; i < n; i++) {
      const t = timesMs[i] as number;
      if (!(t > previous && t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS && t <= latest)) return false;
      if (t < periodStart || t >= periodEnd) return false;
      previous = t;
    }
    // No ±Infinity; the largest magnitude of each column bounds its load rates.
    const p = this.p;
    const largest = this.rowScratch;
    for (let q = 0; q < p; q++) {
      const c = cols[q] as Float64Array;
      let most = 0;
      for (let i = 0; i < n; i++) {
        const v = c[i] as number;
        const a = v < 0 ? -v : v;
        if (a > most) most = a;
      }
      if (most === Infinity) return false;
      largest[q] = most;
    }
    if (flows === undefined) return true;
    for (let i = 0; i < n; i++) if ((flows[i] as number) < 0) return false;
    const l = this.l;
    const factor = this.loadFactor;
    const flowMost = largest[this.flowIndex] as number;
    for (let k = 0; k < l; k++) {
      const q = this.loadIndex[k] as number;
      // Rounding is monotonic: if the largest product is finite, every product is.
      if (Number.isFinite((largest[q] as number) * flowMost * factor)) continue;
      const c = cols[q] as Float64Array;
      for (let i = 0; i < n; i++) {
        const rate = (c[i] as number) * (flows[i] as number) * factor;
        if (rate === Infinity || rate === -Infinity) return false;
      }
    }
    return true;
  }

  /** addChecked's loop row by row: add()'s operations in its order (episodes close in order). */
  private addByRow(
    timesMs: Float64Array,
    cols: readonly Float64Array[],
    flows: Float64Array | undefined,
  ): void {
    const n = timesMs.length;
    const p = this.p;
    const d = this.data;
    const offsetMs = this.offsetMs;
    const l = this.l;
    const factor = this.loadFactor;
    const loadIndex = this.loadIndex;
    // The loop of add(), with the state in locals.
    const lo = this.lo;
    const hi = this.hi;
    const perHour = this.perHour;
    const maxGap = this.maxGapMs;
    const runLen = d.runLen;
    const runStart = d.runStart;
    const runEnd = d.runEnd;
    const runWorst = d.runWorst;
    const runExcess = d.runExcess;
    const firstExceedance = d.firstExceedance;
    const lastExceedance = d.lastExceedance;
    let lastTime = d.lastTime;
    let rows = d.rows;
    let curHour = d.curHour;
    let slot = d.curSlot;
    let loadSlot = d.curLoadSlot;
    let t = d.tables;
    let count = t.count;
    let missing = t.missing;
    let sum = t.sum;
    let min = t.min;
    let max = t.max;
    let exceed = t.exceed;
    let loadCount = t.loadCount;
    let loadSum = t.loadSum;
    let loadExceed = t.loadExceed;
    for (let i = 0; i < n; i++) {
      const timeMs = timesMs[i] as number;
      const hour = Math.floor((timeMs + offsetMs) / MS_PER_HOUR);
      if (hour !== curHour) {
        this.enterHour(d, hour);
        curHour = hour;
        slot = d.curSlot;
        loadSlot = d.curLoadSlot;
        t = d.tables;
        count = t.count;
        missing = t.missing;
        sum = t.sum;
        min = t.min;
        max = t.max;
        exceed = t.exceed;
        loadCount = t.loadCount;
        loadSum = t.loadSum;
        loadExceed = t.loadExceed;
      }
      if (timeMs - lastTime > maxGap) this.breakRuns(d);
      const first = rows === 0;
      for (let q = 0; q < p; q++) {
        const v = (cols[q] as Float64Array)[i] as number;
        const j = slot + q;
        if (v !== v) {
          missing[j] = (missing[j] as number) + 1;
          if ((runLen[q] as number) > 0) this.endRun(d, q);
          continue;
        }
        count[j] = (count[j] as number) + 1;
        sum[j] = (sum[j] as number) + v;
        if (v < (min[j] as number)) min[j] = v;
        if (v > (max[j] as number)) max[j] = v;
        const h = hi[q] as number;
        const lw = lo[q] as number;
        if (v > h || v < lw) {
          exceed[j] = (exceed[j] as number) + 1;
          const excess = v > h ? v - h : lw - v;
          const len = runLen[q] as number;
          if (len === 0) {
            runStart[q] = timeMs;
            runWorst[q] = v;
            runExcess[q] = excess;
            if (first) d.leadOpen[q] = 1;
          } else if (excess > (runExcess[q] as number)) {
            runWorst[q] = v;
            runExcess[q] = excess;
          }
          runLen[q] = len + 1;
          runEnd[q] = timeMs;
          if (firstExceedance[q] !== firstExceedance[q]) firstExceedance[q] = timeMs;
          lastExceedance[q] = timeMs;
        } else if ((runLen[q] as number) > 0) {
          this.endRun(d, q);
        }
      }
      if (flows !== undefined) {
        const flow = flows[i] as number;
        for (let k = 0; k < l; k++) {
          const rate =
            ((cols[loadIndex[k] as number] as Float64Array)[i] as number) * flow * factor;
          if (rate !== rate) continue;
          const j = loadSlot + k;
          loadCount[j] = (loadCount[j] as number) + 1;
          loadSum[j] = (loadSum[j] as number) + rate;
          if (rate > (perHour[k] as number)) loadExceed[j] = (loadExceed[j] as number) + 1;
        }
      }
      if (first) d.firstTime = timeMs;
      lastTime = timeMs;
      rows += 1;
    }
    d.lastTime = lastTime;
    d.rows = rows;
  }

  /**
   * addChecked's loop column by column, within each local hour (between gaps): per parameter,
   * the same additions in the same order as row by row, so the same bits. Only without kept
   * episodes: parameters then never interact (runs close per parameter).
   */
  private addByColumn(
    timesMs: Float64Array,
    cols: readonly Float64Array[],
    flows: Float64Array | undefined,
  ): void {
    const d = this.data;
    const n = timesMs.length;
    const p = this.p;
    const l = this.l;
    const offsetMs = this.offsetMs;
    const maxGap = this.maxGapMs;
    // Segments: rows [segStart[s], segStart[s + 1]) in one hour, a gap only before the first.
    const segs = this.segments(n);
    let nSeg = 0;
    let previous = d.lastTime;
    let curHour = d.curHour;
    for (let i = 0; i < n; i++) {
      const timeMs = timesMs[i] as number;
      const hour = Math.floor((timeMs + offsetMs) / MS_PER_HOUR);
      const gap = timeMs - previous > maxGap;
      if (hour !== curHour || gap || i === 0) {
        if (hour !== curHour) {
          this.enterHour(d, hour);
          curHour = hour;
        }
        segs.start[nSeg] = i;
        segs.slot[nSeg] = d.curSlot;
        segs.loadSlot[nSeg] = d.curLoadSlot;
        segs.gap[nSeg] = gap ? 1 : 0;
        nSeg++;
      }
      previous = timeMs;
    }
    segs.start[nSeg] = n;
    const t = d.tables;
    const count = t.count;
    const missing = t.missing;
    const sum = t.sum;
    const min = t.min;
    const max = t.max;
    const exceed = t.exceed;
    const runLen = d.runLen;
    const first = d.rows === 0;
    for (let q = 0; q < p; q++) {
      const col = cols[q] as Float64Array;
      const h = this.hi[q] as number;
      const lw = this.lo[q] as number;
      let firstExceedance = d.firstExceedance[q] as number;
      let lastExceedance = d.lastExceedance[q] as number;
      for (let s = 0; s < nSeg; s++) {
        if (segs.gap[s] === 1 && (runLen[q] as number) > 0) this.endRun(d, q);
        const from = segs.start[s] as number;
        const to = segs.start[s + 1] as number;
        const j = (segs.slot[s] as number) + q;
        let c = count[j] as number;
        let m = missing[j] as number;
        let sm = sum[j] as number;
        let mn = min[j] as number;
        let mx = max[j] as number;
        let x = exceed[j] as number;
        for (let i = from; i < to; i++) {
          const v = col[i] as number;
          if (v !== v) {
            m++;
            if ((runLen[q] as number) > 0) this.endRun(d, q);
            continue;
          }
          c++;
          sm += v;
          if (v < mn) mn = v;
          if (v > mx) mx = v;
          if (v > h || v < lw) {
            x++;
            const timeMs = timesMs[i] as number;
            const excess = v > h ? v - h : lw - v;
            const len = runLen[q] as number;
            if (len === 0) {
              d.runStart[q] = timeMs;
              d.runWorst[q] = v;
              d.runExcess[q] = excess;
              if (first && i === 0) d.leadOpen[q] = 1;
            } else if (excess > (d.runExcess[q] as number)) {
              d.runWorst[q] = v;
              d.runExcess[q] = excess;
            }
            runLen[q] = len + 1;
            d.runEnd[q] = timeMs;
            if (firstExceedance !== firstExceedance) firstExceedance = timeMs;
            lastExceedance = timeMs;
          } else if ((runLen[q] as number) > 0) {
            this.endRun(d, q);
          }
        }
        count[j] = c;
        missing[j] = m;
        sum[j] = sm;
        min[j] = mn;
        max[j] = mx;
        exceed[j] = x;
      }
      d.firstExceedance[q] = firstExceedance;
      d.lastExceedance[q] = lastExceedance;
    }
    if (flows !== undefined) {
      const loadCount = t.loadCount;
      const loadSum = t.loadSum;
      const loadExceed = t.loadExceed;
      const factor = this.loadFactor;
      for (let k = 0; k < l; k++) {
        const col = cols[this.loadIndex[k] as number] as Float64Array;
        const limit = this.perHour[k] as number;
        for (let s = 0; s < nSeg; s++) {
          const from = segs.start[s] as number;
          const to = segs.start[s + 1] as number;
          const j = (segs.loadSlot[s] as number) + k;
          let c = loadCount[j] as number;
          let sm = loadSum[j] as number;
          let x = loadExceed[j] as number;
          for (let i = from; i < to; i++) {
            const rate = (col[i] as number) * (flows[i] as number) * factor;
            if (rate !== rate) continue;
            c++;
            sm += rate;
            if (rate > limit) x++;
          }
          loadCount[j] = c;
          loadSum[j] = sm;
          loadExceed[j] = x;
        }
      }
    }
    if (first) d.firstTime = timesMs[0] as number;
    d.lastTime = timesMs[n - 1] as number;
    d.rows += n;
  }

  /** Scratch segment arrays for addByColumn, for at least n rows (+1 end mark). */
  private segments(n: number): {
    start: Int32Array;
    slot: Float64Array;
    loadSlot: Float64Array;
    gap: Uint8Array;
  } {
    if (this.segs.start.length <= n) {
      const size = Math.max(n + 1, this.segs.start.length * 2);
      this.segs = {
        start: new Int32Array(size),
        slot: new Float64Array(size),
        loadSlot: new Float64Array(size),
        gap: new Uint8Array(size),
      };
    }
    return this.segs;
  }

  private segs = {
    start: new Int32Array(0),
    slot: new Float64Array(0),
    loadSlot: new Float64Array(0),
    gap: new Uint8Array(0),
  };

  private valueField(q: number, batchIndex: number): string {
    return batchIndex < 0 ? `values[${q}]` : `columns[${q}][${batchIndex}]`;
  }

  /** Points the cursor at a new local hour, growing the tables when needed. */
  private enterHour(d: StreamData, hour: number): void {
    const day = Math.floor(hour / 24);
    if (d.baseDay !== d.baseDay) d.baseDay = day;
    const rel = day - d.baseDay;
    d.tables = d.chunkFor(rel);
    if (rel + 1 > d.days) d.days = rel + 1;
    const hourInTables = hour - (d.baseDay + Math.floor(rel / CHUNK_DAYS) * CHUNK_DAYS) * 24;
    d.curHour = hour;
    d.curSlot = hourInTables * this.p;
    d.curLoadSlot = hourInTables * this.l;
  }

  private breakRuns(d: StreamData): void {
    for (let q = 0; q < this.p; q++) if ((d.runLen[q] as number) > 0) this.endRun(d, q);
  }

  /** Closes parameter q's open run: the lead, or a candidate for the longest and an episode. */
  private endRun(d: StreamData, q: number): void {
    const len = d.runLen[q] as number;
    if (d.leadOpen[q] === 1) {
      d.leadOpen[q] = 0;
      d.leadLen[q] = len;
      d.leadStart[q] = d.runStart[q] as number;
      d.leadEnd[q] = d.runEnd[q] as number;
      d.leadWorst[q] = d.runWorst[q] as number;
      d.leadExcess[q] = d.runExcess[q] as number;
    } else {
      this.closeRun(
        d,
        q,
        len,
        d.runStart[q] as number,
        d.runEnd[q] as number,
        d.runWorst[q] as number,
        d.runExcess[q] as number,
      );
    }
    d.runLen[q] = 0;
  }

  /** A closed run other than the lead: a candidate for the longest, and an episode if long enough. */
  private closeRun(
    d: StreamData,
    q: number,
    length: number,
    startMs: number,
    endMs: number,
    worst: number,
    excess: number,
  ): void {
    if (length > (d.longLen[q] as number)) {
      d.longLen[q] = length;
      d.longStart[q] = startMs;
      d.longEnd[q] = endMs;
      d.longWorst[q] = worst;
      d.longExcess[q] = excess;
    }
    if (length >= (this.minEpisode[q] as number)) {
      this.keepEpisode(d, q, length, startMs, endMs, worst, excess);
    }
  }

  private closeRunRecord(d: StreamData, q: number, run: RunRecord): void {
    this.closeRun(d, q, run.length, run.startMs, run.endMs, run.worst, run.excess);
  }

  private keepEpisode(
    d: StreamData,
    q: number,
    length: number,
    startMs: number,
    endMs: number,
    worst: number,
    excess: number,
  ): void {
    if (d.epCount >= this.maxEvents) {
      d.epDropped += 1;
      return;
    }
    if (d.epCount >= d.epParam.length) {
      const capacity = Math.min(this.maxEvents, Math.max(64, d.epParam.length * 2));
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(capacity);
        b.set(a);
        return b;
      };
      const param = new Int32Array(capacity);
      param.set(d.epParam);
      d.epParam = param;
      d.epLen = grow(d.epLen);
      d.epStart = grow(d.epStart);
      d.epEnd = grow(d.epEnd);
      d.epWorst = grow(d.epWorst);
      d.epExcess = grow(d.epExcess);
    }
    const i = d.epCount;
    d.epParam[i] = q;
    d.epLen[i] = length;
    d.epStart[i] = startMs;
    d.epEnd[i] = endMs;
    d.epWorst[i] = worst;
    d.epExcess[i] = excess;
    d.epCount += 1;
  }

  private keepEpisodeRecord(d: StreamData, e: EpisodeRecord): void {
    this.keepEpisode(d, e.parameter, e.length, e.startMs, e.endMs, e.worst, e.excess);
  }

  /** The lead run of parameter q (open or closed), if any. */
  lead(d: StreamData, q: number): RunRecord | undefined {
    if (d.leadOpen[q] === 1) return this.open(d, q);
    return runOf(d.leadLen, d.leadStart, d.leadEnd, d.leadWorst, d.leadExcess, q);
  }

  /** The open run of parameter q, if any. */
  open(d: StreamData, q: number): RunRecord | undefined {
    return runOf(d.runLen, d.runStart, d.runEnd, d.runWorst, d.runExcess, q);
  }

  /** The longest closed run of parameter q other than the lead. */
  longestClosed(d: StreamData, q: number): RunRecord | undefined {
    return runOf(d.longLen, d.longStart, d.longEnd, d.longWorst, d.longExcess, q);
  }

  /** The kept episodes, in the order they closed. */
  episodes(d: StreamData): EpisodeRecord[] {
    const out: EpisodeRecord[] = [];
    for (let i = 0; i < d.epCount; i++) {
      out.push({
        parameter: d.epParam[i] as number,
        length: d.epLen[i] as number,
        startMs: d.epStart[i] as number,
        endMs: d.epEnd[i] as number,
        worst: d.epWorst[i] as number,
        excess: d.epExcess[i] as number,
      });
    }
    return out;
  }

  /** The data as plain values and typed arrays (structured-cloneable, transferable). */
  snapshot(): MonitoringSnapshot {
    const d = this.data;
    const arrays: Record<string, Float64Array | Uint8Array | Int32Array> = {};
    for (const key of SNAPSHOT_ARRAYS) arrays[key] = d[key].slice();
    // Per chunk, only the days in use (the tables grow by doubling): less to copy and to send.
    const chunks: [number, number][] = [];
    for (const [c, t] of [...d.chunks].sort((a, b) => a[0] - b[0])) {
      const days = d.usedDays(c, t);
      chunks.push([c, days]);
      for (const key of TABLE_ARRAYS) {
        const perDay = 24 * (key.startsWith('load') ? this.l : this.p);
        arrays[`tables.${c}.${key}`] = t[key].slice(0, days * perDay);
      }
    }
    for (const key of EPISODE_ARRAYS) arrays[key] = d[key].slice();
    return {
      signature: this.signature,
      p: this.p,
      l: this.l,
      capacityDays: d.days,
      chunks,
      scalars: {
        rows: d.rows,
        firstTime: d.firstTime,
        lastTime: d.lastTime,
        baseDay: d.baseDay,
        days: d.days,
        curHour: d.curHour,
        curSlot: d.curSlot,
        curLoadSlot: d.curLoadSlot,
        epCount: d.epCount,
        epDropped: d.epDropped,
      },
      arrays,
    };
  }

  /** Replaces the data with a snapshot's (taken from a stream with the same settings). */
  restore(snapshot: MonitoringSnapshot): void {
    if (snapshot.signature !== this.signature || snapshot.p !== this.p || snapshot.l !== this.l) {
      throw new GpError('INVALID_INPUT', 'snapshot', 'was taken with different settings');
    }
    const d = new StreamData(this.p, this.l, 0);
    const arrays = snapshot.arrays;
    const take = (key: string, into: Float64Array | Uint8Array | Int32Array): void => {
      const from = arrays[key];
      if (from === undefined || from.length !== into.length) {
        throw new GpError(
          'INVALID_INPUT',
          `snapshot.arrays.${key}`,
          'is missing or has the wrong length',
        );
      }
      into.set(from);
    };
    for (const key of SNAPSHOT_ARRAYS) take(key, d[key]);
    for (const [c, days] of snapshot.chunks ?? []) {
      if (!Number.isInteger(c) || c < 0 || !Number.isInteger(days) || days < 0) {
        throw new GpError('INVALID_INPUT', 'snapshot.chunks', 'is damaged');
      }
      const t = new HourTables(days, this.p, this.l);
      for (const key of TABLE_ARRAYS) take(`tables.${c}.${key}`, t[key]);
      d.chunks.set(c, t);
    }
    const n = (arrays['epLen'] as Float64Array | undefined)?.length ?? 0;
    d.epParam = new Int32Array(n);
    d.epLen = new Float64Array(n);
    d.epStart = new Float64Array(n);
    d.epEnd = new Float64Array(n);
    d.epWorst = new Float64Array(n);
    d.epExcess = new Float64Array(n);
    for (const key of EPISODE_ARRAYS) take(key, d[key]);
    const s = snapshot.scalars;
    d.rows = s.rows;
    d.firstTime = s.firstTime;
    d.lastTime = s.lastTime;
    d.baseDay = s.baseDay;
    d.days = s.days;
    d.curHour = s.curHour;
    d.curSlot = s.curSlot;
    d.curLoadSlot = s.curLoadSlot;
    d.epCount = s.epCount;
    d.epDropped = s.epDropped;
    if (d.curHour === d.curHour) {
      const day = Math.floor(d.curHour / 24) - d.baseDay;
      d.tables = d.chunks.get(Math.floor(day / CHUNK_DAYS)) ?? d.chunkFor(day);
    }
    this.data = d;
  }

  /** A deep copy of some data. */
  private copyData(from: StreamData): StreamData {
    const to = new StreamData(this.p, this.l, 0);
    to.addData(from, 0);
    to.rows = from.rows;
    to.firstTime = from.firstTime;
    to.lastTime = from.lastTime;
    to.baseDay = from.baseDay;
    to.days = from.days;
    for (const key of SNAPSHOT_ARRAYS) {
      to[key].set(from[key]);
    }
    for (const e of this.episodes(from)) this.keepEpisodeRecord(to, e);
    to.epDropped = from.epDropped;
    return to;
  }

  /**
   * Replaces the data with the union of this stream's and `other`'s, which must not overlap in
   * time: tables add up, and a run that crosses the boundary between them is joined.
   */
  merge(other: MonitoringStream): void {
    if (other.signature !== this.signature) {
      throw new GpError('INVALID_INPUT', 'other', 'was created with different settings');
    }
    if (other.data.rows === 0) return;
    if (this.data.rows === 0) {
      this.data = this.copyData(other.data);
      return;
    }
    const [earlier, later] =
      this.data.firstTime < other.data.firstTime
        ? [this.data, other.data]
        : [other.data, this.data];
    if (!(earlier.lastTime < later.firstTime)) {
      throw new GpError(
        'OUT_OF_RANGE',
        'other',
        `its readings overlap in time with these (${utcIsoText(earlier.firstTime)} – ${utcIsoText(earlier.lastTime)} and ${utcIsoText(later.firstTime)} – ${utcIsoText(later.lastTime)}); merge consecutive chunks`,
      );
    }
    if (later.lastTime - earlier.firstTime > MAX_SPAN_MS) {
      throw new GpError(
        'OUT_OF_RANGE',
        'other',
        `together the readings span more than ${MAX_MONITORING_SPAN_DAYS} days (${utcIsoText(earlier.firstTime)} – ${utcIsoText(later.lastTime)})`,
      );
    }
    const baseDay = earlier.baseDay;
    const days = later.baseDay + later.days - baseDay;
    const m = new StreamData(this.p, this.l, 0);
    m.baseDay = baseDay;
    m.days = days;
    if (earlier === this.data) {
      // This stream's own tables are replaced by m: m takes them over instead of a copy.
      for (const [c, t] of earlier.chunks) m.chunks.set(c, t);
    } else {
      m.addData(earlier, 0);
    }
    m.addData(later, later.baseDay - baseDay);
    m.rows = earlier.rows + later.rows;
    m.firstTime = earlier.firstTime;
    m.lastTime = later.lastTime;
    const touching = later.firstTime - earlier.lastTime <= this.maxGapMs;
    for (const e of this.episodes(earlier)) this.keepEpisodeRecord(m, e);
    m.epDropped = earlier.epDropped;
    for (let q = 0; q < this.p; q++) {
      const eFirst = earlier.firstExceedance[q] as number;
      m.firstExceedance[q] = eFirst === eFirst ? eFirst : (later.firstExceedance[q] as number);
      const lLast = later.lastExceedance[q] as number;
      m.lastExceedance[q] = lLast === lLast ? lLast : (earlier.lastExceedance[q] as number);
      this.mergeRuns(m, earlier, later, q, touching);
    }
    for (const e of this.episodes(later)) this.keepEpisodeRecord(m, e);
    m.epDropped += later.epDropped;
    this.data = m;
  }

  /** Joins parameter q's runs across the boundary between `earlier` and `later` into `m`. */
  private mergeRuns(
    m: StreamData,
    earlier: StreamData,
    later: StreamData,
    q: number,
    touching: boolean,
  ): void {
    const eLeadOpen = earlier.leadOpen[q] === 1;
    const eLead = this.lead(earlier, q);
    const eTrail = this.open(earlier, q);
    const lLeadOpen = later.leadOpen[q] === 1;
    const lLead = this.lead(later, q);
    const joined =
      touching && eTrail !== undefined && lLead !== undefined ? joinRuns(eTrail, lLead) : undefined;
    const setLead = (run: RunRecord | undefined, open: boolean) => {
      if (open && run !== undefined) {
        m.leadOpen[q] = 1;
        setOpen(run);
      } else if (run !== undefined) {
        m.leadLen[q] = run.length;
        m.leadStart[q] = run.startMs;
        m.leadEnd[q] = run.endMs;
        m.leadWorst[q] = run.worst;
        m.leadExcess[q] = run.excess;
      }
    };
    const setOpen = (run: RunRecord | undefined) => {
      if (run === undefined) return;
      m.runLen[q] = run.length;
      m.runStart[q] = run.startMs;
      m.runEnd[q] = run.endMs;
      m.runWorst[q] = run.worst;
      m.runExcess[q] = run.excess;
    };
    const setLongest = (run: RunRecord | undefined) => {
      if (run === undefined) return;
      m.longLen[q] = run.length;
      m.longStart[q] = run.startMs;
      m.longEnd[q] = run.endMs;
      m.longWorst[q] = run.worst;
      m.longExcess[q] = run.excess;
    };
    // The later stream's runs after its lead: closed ones (longest, episodes) and the open one.
    const laterRest = () => {
      setLongest(longer(this.longestClosed(m, q), this.longestClosed(later, q)));
      if (!lLeadOpen) setOpen(this.open(later, q));
    };
    if (eLeadOpen) {
      // The earlier stream is one open run from its first reading.
      if (joined !== undefined) {
        setLead(joined, lLeadOpen);
        if (!lLeadOpen) laterRest();
        return;
      }
      setLead(eLead, false);
    } else {
      setLead(eLead, false);
      setLongest(this.longestClosed(earlier, q));
      if (joined !== undefined) {
        if (lLeadOpen) {
          setOpen(joined);
          return;
        }
        this.closeRunRecord(m, q, joined);
        laterRest();
        return;
      }
      if (eTrail !== undefined) this.closeRunRecord(m, q, eTrail);
    }
    if (lLead !== undefined) {
      if (lLeadOpen) {
        setOpen(lLead);
        return;
      }
      this.closeRunRecord(m, q, lLead);
    }
    laterRest();
  }
}
