/**
 * A streaming reader of monitoring data in CSV: online wastewater readings (SPARING: pH, COD,
 * TSS, NH3-N, flow every 2 minutes), monthly lab results, production records. It takes the
 * file in chunks of bytes or text split anywhere (inside a UTF-8 character, a quoted field or
 * a CRLF), keeps only the unfinished record between chunks (constant memory), and hands the
 * rows on in columnar batches: line numbers, epoch-millisecond times and one Float64Array per
 * parameter (NaN = missing). Pure: the caller reads the file and passes the bytes in.
 *
 * The file: one header row (blank lines before it are skipped), a timestamp column (by
 * default the first whose name contains time, waktu, tanggal, timestamp or date) and one
 * column per parameter, its unit in the header (`COD (mg/L)`, `COD [mg/L]`) or in the
 * options. Delimiter `,`, `;` or tab, detected from the header row (the most frequent outside
 * quotes; ties go to `;`, then tab, then `,`). UTF-8 with or without a BOM; LF or CRLF; RFC
 * 4180 quotes (`"7,2"`, `""` for a quote, line breaks inside quotes). Numbers by the rules of
 * number-text.ts in the file's notation, declared or detected from the first rows (and
 * stated). Timestamps as in timestamp.ts.
 *
 * Every problem is an issue `{ line, column, rule, action, message }` with the 1-based line
 * where the record starts; nothing is dropped silently. Per rule the caller chooses:
 * - `reject`: the file is refused. The reader keeps reading to report every issue at once
 *   but emits no more batches; the caller must discard what it received (stage the batches
 *   and commit only when `end()` returns `ok: true`).
 * - `flag`: the issue is recorded, its bit is set in the row's `flags`, and the row is kept
 *   (a missing, non-numeric or impossible value is set to NaN; a duplicate, out-of-order or
 *   after-a-gap row is kept as it is). A row that cannot be placed in time at all (wrong
 *   field count, unclosed quote, bad timestamp) is skipped and counted in `skippedRows`.
 *
 * Defaults (DEFAULT_MONITORING_POLICY), chosen so that a file that is the wrong file or
 * would be misread is refused, and the faults of real monitoring data are kept and flagged:
 * - reject: `header` (always), `unclosed-quote` (the rest of the file may be misread),
 *   `invalid-timestamp` (an impossible date is usually a wrong date order, mm/dd for dd/mm,
 *   which would misplace every other row silently), `out-of-order` (the checks here and the
 *   streaming statistics downstream assume time order; a file that goes back in time is
 *   usually two exports joined), `unit-mismatch` (a value in g/L read as mg/L is 1000× off).
 * - flag: `malformed-line`, `missing-value`, `non-numeric`, `duplicate-timestamp`, `gap`,
 *   `impossible-value`, `below-detection`.
 *
 * Below the detection limit: Indonesian labs write `< 0,5` (or `<0.5`, `≤ 0,5`) for a result
 * below the method's limit. Such a cell is read as the limit itself, 0.5: an upper bound of
 * the true value, so a maximum limit is never judged met on a value that might exceed it
 * (conservative for compliance; means are biased upwards, by at most the limit). A cell that
 * says "not detected" without a limit (`ttd`, `tidak terdeteksi`, `ND`, `<LOD`) is missing.
 * Both are `below-detection` issues, counted and listed with their lines.
 *
 * Counts per rule cover every issue; the first `maxIssuesPerRule` (default 100) of each rule
 * are kept in full (bounded memory); `onIssue` sees every one as it happens.
 */
import type { NumberFormat } from '../number-text.js';
import {
  defaultBounds,
  looksLikeTimestampColumn,
  normaliseUnit,
  parameterKey,
  splitNameAndUnit,
} from './header.js';
import {
  cursor,
  decimalMarkOf,
  isMissingText,
  notationOfBytes,
  NUMBER_EMPTY,
  numberFailure,
  parseNumberBytes,
  parseSimpleNumber,
} from './number-bytes.js';
import {
  describeOffset,
  explainTimestampFailure,
  formatDuration,
  formatInstant,
  isoCursor,
  parseIsoTimestamp,
  parseTimeZone,
  parseTimestampBytes,
} from './timestamp.js';

/** The checks, in the order of their bit in a row's `flags`. */
export const MONITORING_RULES = [
  'header',
  'malformed-line',
  'unclosed-quote',
  'invalid-timestamp',
  'missing-value',
  'non-numeric',
  'duplicate-timestamp',
  'out-of-order',
  'gap',
  'impossible-value',
  'unit-mismatch',
  'below-detection',
] as const;

export type MonitoringRule = (typeof MONITORING_RULES)[number];
export type MonitoringAction = 'reject' | 'flag';

/** The bit of each rule in a row's `flags` (`flags[i] & RULE_BIT.gap`). */
export const RULE_BIT: Readonly<Record<MonitoringRule, number>> = Object.fromEntries(
  MONITORING_RULES.map((rule, k) => [rule, 1 << k]),
) as Record<MonitoringRule, number>;

/** What each rule does unless the caller says otherwise (see the file comment for why). */
export const DEFAULT_MONITORING_POLICY: Readonly<Record<MonitoringRule, MonitoringAction>> = {
  header: 'reject',
  'malformed-line': 'flag',
  'unclosed-quote': 'reject',
  'invalid-timestamp': 'reject',
  'missing-value': 'flag',
  'non-numeric': 'flag',
  'duplicate-timestamp': 'flag',
  'out-of-order': 'reject',
  gap: 'flag',
  'impossible-value': 'flag',
  'unit-mismatch': 'reject',
  'below-detection': 'flag',
};

export interface MonitoringIssue {
  /** 1-based line where the record starts (the header's line for header issues). */
  readonly line: number;
  /** 1-based column (field) number, when the issue is in one cell. */
  readonly column?: number;
  /** The column's header text, when the issue is in one cell. */
  readonly field?: string;
  readonly rule: MonitoringRule;
  readonly action: MonitoringAction;
  readonly message: string;
}

/**
 * Rows in columnar form. Fresh arrays for every batch (the caller may keep them), unless the
 * reader was asked to reuse them (`reuseBatches`).
 */
export interface MonitoringBatch {
  readonly length: number;
  /** 1-based line of each row. */
  readonly lines: Float64Array;
  /** Epoch milliseconds (UTC) of each row. */
  readonly times: Float64Array;
  /** Bits of RULE_BIT for the flagged issues of each row; 0 for a clean row. */
  readonly flags: Uint16Array;
  /** One array per parameter, in the order of `header.parameters`; NaN = missing. */
  readonly values: readonly Float64Array[];
}

export interface MonitoringParameter {
  /** The name without its unit: `COD`. */
  readonly name: string;
  /** The header cell as written: `COD (mg/L)`. */
  readonly header: string;
  /** 1-based column number. */
  readonly column: number;
  readonly unit: string | undefined;
  readonly unitSource: 'header' | 'option' | undefined;
  /** Physical bounds (undefined = unbounded); a value outside is `impossible-value`. */
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/** What the reader found and decided at the start of the file. */
export interface MonitoringHeader {
  readonly line: number;
  readonly delimiter: ',' | ';' | '\t';
  readonly delimiterSource: 'option' | 'detected';
  readonly timestamp: { readonly header: string; readonly column: number };
  readonly parameters: readonly MonitoringParameter[];
  /** Columns not read: unnamed, or not among `options.parameters`. */
  readonly ignored: readonly { readonly header: string; readonly column: number }[];
  readonly numberFormat: NumberFormat;
  readonly numberFormatSource: 'option' | 'detected' | 'default';
  /** Why this notation, in a sentence. */
  readonly numberFormatReason: string;
  /** Minutes east of UTC for timestamps without a zone; undefined when none is declared. */
  readonly timeZone: number | undefined;
  readonly timeZoneSource: 'option' | 'header' | undefined;
  readonly expectedIntervalMs: number | undefined;
  readonly expectedIntervalSource: 'option' | 'detected' | undefined;
  readonly gapFactor: number;
}

export interface MonitoringProgress {
  /** Bytes consumed so far (UTF-8 bytes for text chunks). */
  readonly bytes: number;
  /** Complete lines read so far. */
  readonly lines: number;
  /** Rows read with a valid timestamp (kept rows). */
  readonly rows: number;
  /** Issues found so far, all rules. */
  readonly issueCount: number;
  /**
   * Bytes held between chunks (an unfinished record, or the first rows before the notation is
   * decided): at most max(maxRecordBytes, 64 KiB) + 64 KiB, whatever the file's size.
   */
  readonly buffered: number;
}

export interface MonitoringSummary extends MonitoringProgress {
  /** False when any issue's rule is `reject`: the caller must not commit anything. */
  readonly ok: boolean;
  /** The first refused issue. */
  readonly firstRejection: MonitoringIssue | undefined;
  readonly header: MonitoringHeader | undefined;
  /** Rows handed to onBatch (all kept rows when ok). */
  readonly emittedRows: number;
  /** Records that could not be read as a row (issue recorded). */
  readonly skippedRows: number;
  /** Empty lines and lines of empty fields (`;;;;`, as Excel writes), not rows. */
  readonly blankLines: number;
  /** Earliest and latest time of the kept rows (epoch ms). */
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
  readonly counts: Readonly<Record<MonitoringRule, number>>;
  /** The first maxIssuesPerRule issues of each rule, in file order. */
  readonly issues: readonly MonitoringIssue[];
  /** Whether some issues are only counted (more than maxIssuesPerRule of a rule). */
  readonly issuesTruncated: boolean;
  readonly policy: Readonly<Record<MonitoringRule, MonitoringAction>>;
}

export interface MonitoringCsvOptions {
  /** Receives the rows, in batches of up to batchRows. */
  readonly onBatch?: (batch: MonitoringBatch) => void;
  /** Called once the header and the first rows have been read, before the first batch. */
  readonly onHeader?: (header: MonitoringHeader) => void;
  /** Called with every issue as it is found (summary keeps only the first of each rule). */
  readonly onIssue?: (issue: MonitoringIssue) => void;
  /** The timestamp column's name (case and unit ignored); default: see the file comment. */
  readonly timestampColumn?: string;
  /** Read only these parameter columns (each must exist); default: every named column. */
  readonly parameters?: readonly string[];
  /** Default: detected from the header row. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Default: detected from the first rows (or by the delimiter: `;` and tab id, `,` en). */
  readonly numberFormat?: NumberFormat;
  /**
   * Zone of timestamps written without one: WIB, WITA, WIT, UTC, `+07:00`, `UTC+8`, … (or
   * minutes east of UTC). Default: a zone in the timestamp header (`Waktu (WIB)`), else none,
   * and local timestamps are then invalid.
   */
  readonly timeZone?: string | number;
  /** Declared units by parameter name (`{ COD: 'mg/L', flow: 'm3/h' }`). */
  readonly units?: Readonly<Record<string, string>>;
  /** Physical bounds by parameter name, replacing the defaults (pH 0–14, others ≥ 0). */
  readonly bounds?: Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;
  /**
   * Expected time between rows (ms); `false` for no gap check. Default: detected from the
   * first rows (the most common step, if it covers at least half of them).
   */
  readonly expectedIntervalMs?: number | false;
  /** A step longer than gapFactor × the expected interval is a gap. Default 3. */
  readonly gapFactor?: number;
  /** Per rule, reject or flag; the rest as DEFAULT_MONITORING_POLICY. */
  readonly policy?: Partial<Readonly<Record<Exclude<MonitoringRule, 'header'>, MonitoringAction>>>;
  /**
   * Reuse the batch arrays for the next batch (less allocation and garbage: faster, flat
   * memory). The caller must then use or copy a batch's rows before onBatch returns.
   */
  readonly reuseBatches?: boolean;
  /** Rows per batch. Default 65 536. */
  readonly batchRows?: number;
  /** Issues kept in full per rule. Default 100. */
  readonly maxIssuesPerRule?: number;
  /** The longest record (bytes, line break included); longer is an issue. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** Stop reading at the first refused issue (default: read on to report every issue). */
  readonly stopOnReject?: boolean;
  /**
   * Read plain records by the one-pass fast path (default true). `false` reads every record
   * by the general path: the same results, slower; for tests that compare the two.
   */
  readonly fastPath?: boolean;
  /**
   * Reading a later part of a file (parallel reading): the input is the file's header record,
   * then the file from a record boundary. `line` is the file's line number of that boundary
   * (issues and rows keep the file's numbers); `lastTime`/`lastLine`, when given, are the
   * state of the rows before it (see `state()`), so that order and gap checks continue.
   */
  readonly resume?: {
    readonly line: number;
    readonly lastTime?: number;
    readonly lastLine?: number;
  };
}

/** The reader's position and time-order state (what a `resume` continues from). */
export interface MonitoringReaderState {
  /** The line number of the next record. */
  readonly line: number;
  /** The latest time of the rows so far, and its line; undefined before the first row. */
  readonly lastTime: number | undefined;
  readonly lastLine: number | undefined;
}

export interface MonitoringCsvReader {
  /** Feeds the next chunk (bytes, or text that the reader encodes as UTF-8). */
  push(chunk: Uint8Array | string): void;
  /** Ends the input, reads the last record, emits the last batch and returns the summary. */
  end(): MonitoringSummary;
  /** Bytes, lines, rows and issues so far (cheap; for a progress bar). */
  progress(): MonitoringProgress;
  /** The position and time-order state (for `resume`). */
  state(): MonitoringReaderState;
  /** The header once read. */
  readonly header: MonitoringHeader | undefined;
}

/**
 * Creates a streaming reader. Throws RangeError on invalid options (the caller's mistake,
 * not the file's); problems of the file are issues, never exceptions.
 */
export function createMonitoringCsvReader(options: MonitoringCsvOptions = {}): MonitoringCsvReader {
  const reader = new Reader(options);
  return {
    push: (chunk) => reader.push(chunk),
    end: () => reader.end(),
    progress: () => reader.progress(),
    state: () => reader.state(),
    get header() {
      return reader.headerInfo;
    },
  };
}

/** Reads a whole small input at once: its summary and all rows in one batch (not streaming). */
export function readMonitoringCsv(
  input: Uint8Array | string,
  options: Omit<MonitoringCsvOptions, 'onBatch'> = {},
): { summary: MonitoringSummary; rows: MonitoringBatch } {
  const batches: MonitoringBatch[] = [];
  const reader = createMonitoringCsvReader({ ...options, onBatch: (b) => batches.push(b) });
  reader.push(input);
  const summary = reader.end();
  return { summary, rows: concatBatches(batches, summary.header?.parameters.length ?? 0) };
}

/** One batch holding all rows of several. */
export function concatBatches(
  batches: readonly MonitoringBatch[],
  parameters: number,
): MonitoringBatch {
  const length = batches.reduce((n, b) => n + b.length, 0);
  const lines = new Float64Array(length);
  const times = new Float64Array(length);
  const flags = new Uint16Array(length);
  const values = Array.from({ length: parameters }, () => new Float64Array(length));
  let at = 0;
  for (const b of batches) {
    lines.set(b.lines, at);
    times.set(b.times, at);
    flags.set(b.flags, at);
    for (let k = 0; k < parameters; k++) {
      const v = b.values[k];
      if (v !== undefined) (values[k] as Float64Array).set(v, at);
    }
    at += b.length;
  }
  return { length, lines, times, flags, values };
}

// ---------------------------------------------------------------------------------------

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;

const R_HEADER = 0;
const R_MALFORMED = 1;
const R_UNCLOSED = 2;
const R_TIMESTAMP = 3;
const R_MISSING = 4;
const R_NON_NUMERIC = 5;
const R_DUPLICATE = 6;
const R_ORDER = 7;
const R_GAP = 8;
const R_IMPOSSIBLE = 9;
const R_UNIT = 10;
const R_BELOW = 11;
const LESS_THAN = 60;
const SPACE = 32;

/** "Not detected" without a limit (compared lower-case, trimmed). */
const NOT_DETECTED_WORDS = new Set([
  'ttd',
  'tt',
  'tidak terdeteksi',
  'nd',
  'n.d.',
  'not detected',
  'bdl',
  '<lod',
  '< lod',
  '<dl',
  '< dl',
  '<mdl',
  '< mdl',
]);

/** Field kinds from the tokenizer. */
const PLAIN = 0;
const QUOTED = 1;
const QUOTED_ESCAPED = 2; // contains "" (never a number or a timestamp)
const QUOTED_JUNK = 3; // text after the closing quote

/** The first rows are read twice: once to detect the notation and the interval. */
const PRESCAN_BYTES = 64 * 1024;
const PRESCAN_ROWS = 1000;
/** Bytes appended to the carry-over buffer at a time (bounds its size). */
const CARRY_SLICE = 64 * 1024;

/** What each column is: a parameter's index (≥ 0), the timestamp, or not read. */
const ROLE_TIME = -1;
const ROLE_IGNORED = -2;

const PHASE_HEADER = 0;
const PHASE_PRESCAN = 1;
const PHASE_ROWS = 2;
const PHASE_DEAD = 3;

const utf8 = new TextDecoder('utf-8');

class Reader {
  // Options, resolved.
  private readonly onBatch: ((batch: MonitoringBatch) => void) | undefined;
  private readonly onHeader: ((header: MonitoringHeader) => void) | undefined;
  private readonly onIssue: ((issue: MonitoringIssue) => void) | undefined;
  private readonly options: MonitoringCsvOptions;
  private readonly policy: Record<MonitoringRule, MonitoringAction>;
  private readonly rejectMask: number;
  private readonly batchRows: number;
  private readonly maxIssues: number;
  private readonly maxRecord: number;
  private readonly gapFactor: number;
  private readonly fast: boolean;
  private readonly reuse: boolean;
  private readonly encoder = new TextEncoder();

  // Decisions from the header and the first rows.
  headerInfo: MonitoringHeader | undefined;
  private delim = -1;
  private nColumns = 0;
  private tsField = 0;
  private tsHeader = '';
  private paramFields = new Int32Array(0);
  private columnRoles = new Int32Array(0);
  private paramHeaders: string[] = [];
  private mins = new Float64Array(0);
  private maxs = new Float64Array(0);
  private nParams = 0;
  private decimal = 46;
  private zone = NaN;
  private zoneSource: 'option' | 'header' | undefined;
  private gapMs = 0;

  // Input state.
  private phase = PHASE_HEADER;
  private atStart = true;
  private carry = new Uint8Array(CARRY_SLICE * 2);
  private carryLen = 0;
  private pendingSurrogate = '';
  private skipping = false;
  private bytes = 0;
  private line = 1;
  private ended = false;

  // Tokenizer output.
  private fStart = new Int32Array(64);
  private fEnd = new Int32Array(64);
  private fKind = new Uint8Array(64);
  private nFields = 0;
  private tokLines = 0;
  private tokInQuote = false;
  private tokQuotePos = 0;
  private tokQuoteLines = 0;
  private tokQuoteField = 0;

  // Rows.
  private rows = 0;
  private emitted = 0;
  private skipped = 0;
  private blank = 0;
  private hasLast = false;
  private lastTime = 0;
  private lastLine = 0;
  private firstTime = Infinity;
  private batchRow = 0;
  private batchOpen = false;
  private bLines = new Float64Array(0);
  private bTimes = new Float64Array(0);
  private bFlags = new Uint16Array(0);
  private bAll = new Float64Array(0);
  private bValues: Float64Array[] = [];

  // Issues.
  private readonly counts = MONITORING_RULES.map(() => 0);
  private totalIssues = 0;
  private readonly issues: MonitoringIssue[] = [];
  private truncated = false;
  private rejected = false;
  private firstRejection: MonitoringIssue | undefined;

  constructor(options: MonitoringCsvOptions) {
    this.options = options;
    this.onBatch = options.onBatch;
    this.onHeader = options.onHeader;
    this.onIssue = options.onIssue;
    this.policy = { ...DEFAULT_MONITORING_POLICY };
    for (const [rule, action] of Object.entries(options.policy ?? {})) {
      if (!(MONITORING_RULES as readonly string[]).includes(rule) || rule === 'header') {
        throw new RangeError(
          `policy: unknown rule "${rule}" (rules: ${MONITORING_RULES.slice(1).join(', ')})`,
        );
      }
      if (action !== 'reject' && action !== 'flag') {
        throw new RangeError(`policy.${rule}: must be "reject" or "flag"`);
      }
      this.policy[rule as MonitoringRule] = action;
    }
    this.rejectMask = MONITORING_RULES.reduce(
      (mask, rule, k) => (this.policy[rule] === 'reject' ? mask | (1 << k) : mask),
      0,
    );
    this.batchRows = positiveInteger(options.batchRows ?? 65536, 'batchRows');
    this.maxIssues = wholeNumber(options.maxIssuesPerRule ?? 100, 'maxIssuesPerRule');
    this.maxRecord = positiveInteger(options.maxRecordBytes ?? 1024 * 1024, 'maxRecordBytes');
    this.fast = options.fastPath !== false;
    this.reuse = options.reuseBatches === true;
    this.gapFactor = options.gapFactor ?? 3;
    if (!(this.gapFactor >= 1) || !Number.isFinite(this.gapFactor)) {
      throw new RangeError('gapFactor: must be a number ≥ 1');
    }
    const interval = options.expectedIntervalMs;
    if (
      interval !== undefined &&
      interval !== false &&
      !(interval > 0 && Number.isFinite(interval))
    ) {
      throw new RangeError(
        'expectedIntervalMs: must be a positive number of milliseconds or false',
      );
    }
    if (options.delimiter !== undefined && ![',', ';', '\t'].includes(options.delimiter)) {
      throw new RangeError('delimiter: must be ",", ";" or "\\t"');
    }
    if (
      options.numberFormat !== undefined &&
      options.numberFormat !== 'id' &&
      options.numberFormat !== 'en'
    ) {
      throw new RangeError('numberFormat: must be "id" or "en"');
    }
    if (options.timeZone !== undefined) {
      const zone =
        typeof options.timeZone === 'number' ? options.timeZone : parseTimeZone(options.timeZone);
      if (zone === undefined || !Number.isInteger(zone) || Math.abs(zone) > 14 * 60) {
        throw new RangeError(
          `timeZone: "${String(options.timeZone)}" is not a zone (WIB, WITA, WIT, UTC, +07:00, …)`,
        );
      }
      this.zone = zone;
      this.zoneSource = 'option';
    }
    const resume = options.resume;
    if (resume !== undefined) {
      if (!Number.isInteger(resume.line) || resume.line < 1) {
        throw new RangeError('resume.line: must be a whole number ≥ 1');
      }
      if (resume.lastTime !== undefined) {
        this.hasLast = true;
        this.lastTime = resume.lastTime;
        this.lastLine = resume.lastLine ?? 0;
      }
    }
  }

  state(): MonitoringReaderState {
    return {
      line: this.line,
      lastTime: this.hasLast ? this.lastTime : undefined,
      lastLine: this.hasLast ? this.lastLine : undefined,
    };
  }

  progress(): MonitoringProgress {
    return {
      bytes: this.bytes,
      lines: this.line - 1,
      rows: this.rows,
      issueCount: this.totalIssues,
      buffered: this.carryLen,
    };
  }

  push(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error('push after end()');
    let bytes: Uint8Array;
    if (typeof chunk === 'string') {
      let text = this.pendingSurrogate + chunk;
      this.pendingSurrogate = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.pendingSurrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      bytes = this.encoder.encode(text);
    } else {
      // A plain view: one kind of array in the hot loop (a Buffer is a subclass).
      bytes =
        chunk.constructor === Uint8Array
          ? chunk
          : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    this.bytes += bytes.length;
    if (this.phase === PHASE_DEAD || (this.rejected && this.options.stopOnReject === true)) return;
    let off = 0;
    while (off < bytes.length) {
      if (this.carryLen === 0) {
        const p = this.process(bytes, off, bytes.length, false);
        this.keepCarry(bytes, p, bytes.length);
        return;
      }
      // Complete the carried record with a bounded slice, then go back to reading in place.
      const take = Math.min(bytes.length - off, CARRY_SLICE);
      this.appendCarry(bytes, off, take);
      off += take;
      const p = this.process(this.carry, 0, this.carryLen, false);
      const left = this.carryLen - p;
      if (left <= take) {
        // What is left lies in the slice just appended: read on from the chunk itself.
        this.carryLen = 0;
        off -= left;
      } else {
        this.carry.copyWithin(0, p, this.carryLen);
        this.carryLen = left;
      }
    }
  }

  end(): MonitoringSummary {
    if (!this.ended) {
      this.ended = true;
      if (this.pendingSurrogate !== '') {
        const bytes = this.encoder.encode(this.pendingSurrogate);
        this.pendingSurrogate = '';
        this.bytes += bytes.length;
        this.appendCarry(bytes, 0, bytes.length);
      }
      if (!(this.rejected && this.options.stopOnReject === true)) {
        this.process(this.carry, 0, this.carryLen, true);
        if (this.phase === PHASE_HEADER && this.headerInfo === undefined) {
          this.report(R_HEADER, this.line, 0, undefined, 'the file is empty: no header row');
          this.phase = PHASE_DEAD;
        }
      }
      this.carryLen = 0;
      this.flush();
    }
    const counts = Object.fromEntries(
      MONITORING_RULES.map((r, k) => [r, this.counts[k] as number]),
    ) as Record<MonitoringRule, number>;
    return {
      ok: !this.rejected,
      firstRejection: this.firstRejection,
      header: this.headerInfo,
      bytes: this.bytes,
      lines: this.line - 1,
      rows: this.rows,
      issueCount: this.totalIssues,
      buffered: 0,
      emittedRows: this.emitted,
      skippedRows: this.skipped,
      blankLines: this.blank,
      firstTime: this.hasLast ? this.firstTime : undefined,
      lastTime: this.hasLast ? this.lastTime : undefined,
      counts,
      issues: this.issues.slice(),
      issuesTruncated: this.truncated,
      policy: { ...this.policy },
    };
  }

  // --- buffers -------------------------------------------------------------------------

  private appendCarry(bytes: Uint8Array, off: number, n: number): void {
    if (this.carryLen + n > this.carry.length) {
      const grown = new Uint8Array(Math.max(this.carry.length * 2, this.carryLen + n));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(off, off + n), this.carryLen);
    this.carryLen += n;
  }

  private keepCarry(bytes: Uint8Array, p: number, end: number): void {
    this.carryLen = 0;
    if (p < end) this.appendCarry(bytes, p, end - p);
  }

  // --- the loop --------------------------------------------------------------------------

  /** Reads records from buf[p, end); returns where the unfinished part starts. */
  private process(buf: Uint8Array, p: number, end: number, final: boolean): number {
    for (;;) {
      if (this.phase === PHASE_DEAD) return end;
      if (this.skipping) {
        const at = buf.indexOf(LF, p);
        if (at < 0 || at >= end) return end;
        this.line++;
        p = at + 1;
        this.skipping = false;
      }
      if (this.phase === PHASE_PRESCAN) {
        if (!final && end - p < PRESCAN_BYTES) return p;
        this.prescan(buf, p, end, final);
        this.phase = PHASE_ROWS;
        this.announce();
        continue;
      }
      if (p >= end) return p;
      if (this.phase === PHASE_ROWS) {
        p = this.rowsLoop(buf, p, end, final);
        if (this.skipping && p < end) continue;
        return p;
      }
      // PHASE_HEADER
      const next = this.readHeader(buf, p, end, final);
      if (next < 0) return p;
      p = next;
    }
  }

  /** The hot loop over data records. */
  private rowsLoop(buf: Uint8Array, p: number, end: number, final: boolean): number {
    const max = this.maxRecord;
    while (p < end) {
      if (this.fast) {
        p = this.fastRecords(buf, p, end);
        if (p >= end) break;
      }
      if (this.rejected && this.options.stopOnReject === true) {
        this.phase = PHASE_DEAD;
        return end;
      }
      const stop = end - p > max ? p + max : end;
      const next = this.tokenize(buf, p, stop, final && stop === end);
      if (next < 0) {
        if (stop === end && !final) return p;
        p = this.overflow(buf, p, end, stop === end);
        if (this.skipping || this.phase === PHASE_DEAD) return p;
        continue;
      }
      const line = this.line;
      this.line += 1 + this.tokLines;
      this.record(buf, line);
      p = next;
      if (this.rejected && this.options.stopOnReject === true) {
        this.phase = PHASE_DEAD;
        return end;
      }
    }
    return p;
  }

  /**
   * A record with no end within maxRecordBytes, or a quote still open at the end of the
   * file: the issue, then reading resumes after the line of the open quote (or of the record).
   */
  private overflow(buf: Uint8Array, p: number, end: number, atEof: boolean): number {
    const line = this.line;
    if (this.tokInQuote) {
      const quoteLine = line + this.tokQuoteLines;
      const column = this.tokQuoteField + 1;
      this.skipped++;
      this.report(
        R_UNCLOSED,
        quoteLine,
        column,
        this.columnHeader(this.tokQuoteField),
        atEof
          ? 'a quote opened here is not closed before the end of the file'
          : `a quote opened here is not closed within ${this.maxRecord} bytes`,
      );
      const at = buf.indexOf(LF, this.tokQuotePos);
      if (at >= 0 && at < end) {
        this.line = quoteLine + 1;
        return at + 1;
      }
      this.line = quoteLine;
      if (!atEof) this.skipping = true;
      return end;
    }
    this.skipped++;
    this.report(R_MALFORMED, line, 0, undefined, `the line is longer than ${this.maxRecord} bytes`);
    this.line = line + this.tokLines;
    this.skipping = true;
    return p + this.maxRecord;
  }

  // --- tokenizer -------------------------------------------------------------------------

  /**
   * Splits the record at buf[p] into fields (positions in fStart/fEnd/fKind, count in
   * nFields) and returns the index after its line break, or −1 when it does not end before
   * `stop` (tokInQuote says whether a quote was open). With `eof`, `stop` is the end of the
   * file and ends the record.
   */
  private tokenize(buf: Uint8Array, p: number, stop: number, eof: boolean): number {
    const delim = this.delim;
    let fStart = this.fStart;
    let fEnd = this.fEnd;
    let fKind = this.fKind;
    let n = 0;
    let i = p;
    let lines = 0;
    for (;;) {
      if (n === fStart.length) {
        this.growFields();
        fStart = this.fStart;
        fEnd = this.fEnd;
        fKind = this.fKind;
      }
      if (i < stop && buf[i] === QUOTE) {
        const quotePos = i;
        const quoteLines = lines;
        i++;
        const contentStart = i;
        let kind = QUOTED;
        for (;;) {
          if (i >= stop) return this.openQuote(quotePos, quoteLines, n, lines);
          const c = buf[i] as number;
          if (c === QUOTE) {
            if (i + 1 >= stop) {
              if (!eof) return this.openQuote(quotePos, quoteLines, n, lines);
              break;
            }
            if (buf[i + 1] === QUOTE) {
              kind = QUOTED_ESCAPED;
              i += 2;
              continue;
            }
            break;
          }
          if (c === LF) lines++;
          i++;
        }
        fStart[n] = contentStart;
        fEnd[n] = i;
        i++; // the closing quote
        for (;;) {
          if (i >= stop) {
            if (!eof) {
              this.tokInQuote = false;
              this.tokLines = lines;
              return -1;
            }
            fKind[n] = kind;
            this.nFields = n + 1;
            this.tokLines = lines;
            return stop;
          }
          const c = buf[i] as number;
          if (c === delim) {
            fKind[n] = kind;
            n++;
            i++;
            break;
          }
          if (c === LF) {
            fKind[n] = kind;
            this.nFields = n + 1;
            this.tokLines = lines;
            return i + 1;
          }
          if (c !== CR) kind = QUOTED_JUNK;
          i++;
        }
        continue;
      }
      const fieldStart = i;
      for (;;) {
        if (i >= stop) {
          if (!eof) {
            this.tokInQuote = false;
            this.tokLines = lines;
            return -1;
          }
          fStart[n] = fieldStart;
          fEnd[n] = i > fieldStart && buf[i - 1] === CR ? i - 1 : i;
          fKind[n] = PLAIN;
          this.nFields = n + 1;
          this.tokLines = lines;
          return stop;
        }
        const c = buf[i] as number;
        if (c === delim) {
          fStart[n] = fieldStart;
          fEnd[n] = i;
          fKind[n] = PLAIN;
          n++;
          i++;
          break;
        }
        if (c === LF) {
          fStart[n] = fieldStart;
          fEnd[n] = i > fieldStart && buf[i - 1] === CR ? i - 1 : i;
          fKind[n] = PLAIN;
          this.nFields = n + 1;
          this.tokLines = lines;
          return i + 1;
        }
        i++;
      }
    }
  }

  private openQuote(quotePos: number, quoteLines: number, field: number, lines: number): number {
    this.tokInQuote = true;
    this.tokQuotePos = quotePos;
    this.tokQuoteLines = quoteLines;
    this.tokQuoteField = field;
    this.tokLines = lines;
    return -1;
  }

  private growFields(): void {
    const size = this.fStart.length * 2;
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    const k = new Uint8Array(size);
    s.set(this.fStart);
    e.set(this.fEnd);
    k.set(this.fKind);
    this.fStart = s;
    this.fEnd = e;
    this.fKind = k;
  }

  /** The text of field f of the last tokenized record (quotes undone). */
  private fieldText(buf: Uint8Array, f: number): string {
    const text = utf8.decode(buf.subarray(this.fStart[f] as number, this.fEnd[f] as number));
    return this.fKind[f] === QUOTED_ESCAPED ? text.replace(/""/g, '"') : text;
  }

  // --- header ----------------------------------------------------------------------------

  /** Reads the header row; returns where the data starts, or −1 to wait for more bytes. */
  private readHeader(buf: Uint8Array, p: number, end: number, final: boolean): number {
    if (this.atStart) {
      if (end - p < 3 && !final) return -1;
      this.atStart = false;
      const b0 = buf[p];
      const b1 = end - p > 1 ? buf[p + 1] : -1;
      if (b0 === 0xef && b1 === 0xbb && end - p > 2 && buf[p + 2] === 0xbf) return p + 3;
      if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
        this.report(R_HEADER, 1, 0, undefined, 'the file is UTF-16 text: save it as CSV UTF-8');
        this.phase = PHASE_DEAD;
        return end;
      }
    }
    if (this.delim < 0 && this.detectDelimiter(buf, p, end, final) < 0) return -1;
    const max = this.maxRecord;
    const stop = end - p > max ? p + max : end;
    const next = this.tokenize(buf, p, stop, final && stop === end);
    if (next < 0) {
      if (stop === end && !final) return -1;
      this.report(
        R_HEADER,
        this.line,
        0,
        undefined,
        this.tokInQuote
          ? 'the header row has a quote that is not closed'
          : 'the header row is too long',
      );
      this.phase = PHASE_DEAD;
      return end;
    }
    const line = this.line;
    this.line += 1 + this.tokLines;
    if (this.isBlankRecord()) {
      this.blank++;
      if (this.options.delimiter === undefined) this.delim = -1;
      return next;
    }
    const cells: string[] = [];
    for (let f = 0; f < this.nFields; f++) cells.push(this.fieldText(buf, f).trim());
    this.setUpColumns(cells, line);
    return next;
  }

  /**
   * Picks the delimiter from the first line (most frequent of `;`, tab, `,` outside quotes;
   * ties to `;`, then tab). Returns the delimiter, or −1 to wait for the rest of the line.
   */
  private detectDelimiter(buf: Uint8Array, p: number, end: number, final: boolean): number {
    const given = this.options.delimiter;
    if (given !== undefined) {
      this.delim = given.charCodeAt(0);
      return this.delim;
    }
    let semicolons = 0;
    let tabs = 0;
    let commas = 0;
    let inQuote = false;
    const stop = Math.min(end, p + this.maxRecord);
    let i = p;
    for (; i < stop; i++) {
      const c = buf[i] as number;
      if (c === QUOTE) inQuote = !inQuote;
      else if (!inQuote) {
        if (c === LF) break;
        if (c === SEMICOLON) semicolons++;
        else if (c === TAB) tabs++;
        else if (c === COMMA) commas++;
      }
    }
    if (i === stop && stop === end && !final) return -1;
    const most = Math.max(semicolons, tabs, commas);
    this.delim =
      most === 0 ? SEMICOLON : semicolons === most ? SEMICOLON : tabs === most ? TAB : COMMA;
    return this.delim;
  }

  private isBlankRecord(): boolean {
    for (let f = 0; f < this.nFields; f++) if (this.fEnd[f] !== this.fStart[f]) return false;
    return true;
  }

  private setUpColumns(cells: string[], line: number): void {
    const o = this.options;
    const fatal = (message: string, column = 0): void => {
      this.report(R_HEADER, line, column, undefined, message);
      this.phase = PHASE_DEAD;
    };
    if (cells.length < 2) {
      fatal(
        `the header row has one column ("${cells[0] ?? ''}"): expected a timestamp and parameters separated by ",", ";" or tab`,
      );
      return;
    }
    const split = cells.map((c) => splitNameAndUnit(c));
    // The timestamp column.
    let ts = -1;
    if (o.timestampColumn !== undefined) {
      const want = parameterKey(o.timestampColumn);
      ts = split.findIndex(
        (s, k) => parameterKey(s.name) === want || parameterKey(cells[k] as string) === want,
      );
      if (ts < 0) {
        fatal(`no column "${o.timestampColumn}" for the timestamps (columns: ${cells.join(', ')})`);
        return;
      }
    } else {
      ts = split.findIndex((s) => looksLikeTimestampColumn(s.name));
      if (ts < 0) {
        fatal(
          `no timestamp column (a name with time, waktu, tanggal, timestamp or date; or set timestampColumn); columns: ${cells.join(', ')}`,
        );
        return;
      }
    }
    this.tsField = ts;
    this.tsHeader = cells[ts] as string;
    // A zone in the timestamp header: `Waktu (WIB)`.
    const tsUnit = split[ts]?.unit;
    const headerZone = tsUnit === undefined ? undefined : parseTimeZone(tsUnit);
    if (headerZone !== undefined) {
      if (this.zoneSource === 'option' && headerZone !== this.zone) {
        this.report(
          R_UNIT,
          line,
          ts + 1,
          cells[ts],
          `the header says the times are ${describeOffset(headerZone)}, the options say ${describeOffset(this.zone)}`,
        );
      } else if (this.zoneSource === undefined) {
        this.zone = headerZone;
        this.zoneSource = 'header';
      }
    }
    // Parameter columns.
    const wanted = o.parameters?.map((name) => parameterKey(name));
    const seen = new Map<string, number>();
    const params: MonitoringParameter[] = [];
    const ignored: { header: string; column: number }[] = [];
    const units = keyed(o.units ?? {});
    const bounds = keyed(o.bounds ?? {});
    const usedUnits = new Set<string>();
    const usedBounds = new Set<string>();
    for (let k = 0; k < cells.length; k++) {
      if (k === ts) continue;
      const { name, unit } = split[k] ?? { name: '', unit: undefined };
      const key = parameterKey(name);
      if (name === '' || (wanted !== undefined && !wanted.includes(key))) {
        ignored.push({ header: cells[k] as string, column: k + 1 });
        continue;
      }
      const before = seen.get(key);
      if (before !== undefined) {
        fatal(
          `column ${k + 1} "${cells[k]}" repeats column ${before + 1} "${cells[before]}"`,
          k + 1,
        );
        return;
      }
      seen.set(key, k);
      let finalUnit = unit;
      let unitSource: MonitoringParameter['unitSource'] = unit === undefined ? undefined : 'header';
      const declared = units.get(key);
      if (declared !== undefined) {
        usedUnits.add(key);
        if (unit === undefined) {
          finalUnit = declared.value;
          unitSource = 'option';
        } else if (normaliseUnit(unit) !== normaliseUnit(declared.value)) {
          this.report(
            R_UNIT,
            line,
            k + 1,
            cells[k],
            `the header gives ${name} in ${unit}, the declared unit is ${declared.value}`,
          );
        }
      }
      const given = bounds.get(key);
      if (given !== undefined) usedBounds.add(key);
      const d = defaultBounds(name);
      const min = given === undefined ? d.min : (given.value.min ?? -Infinity);
      const max = given === undefined ? d.max : (given.value.max ?? Infinity);
      params.push({
        name,
        header: cells[k] as string,
        column: k + 1,
        unit: finalUnit,
        unitSource,
        min: Number.isFinite(min) ? min : undefined,
        max: Number.isFinite(max) ? max : undefined,
      });
    }
    if (wanted !== undefined) {
      for (const name of o.parameters ?? []) {
        if (!seen.has(parameterKey(name))) {
          fatal(`no column for the parameter "${name}" (columns: ${cells.join(', ')})`);
          return;
        }
      }
    }
    if (params.length === 0) {
      fatal(`no parameter columns besides the timestamp "${cells[ts]}"`);
      return;
    }
    for (const [key, { name }] of units) {
      if (!usedUnits.has(key) && seen.has(key) === false) {
        fatal(`units: no column for the parameter "${name}"`);
        return;
      }
    }
    for (const [key, { name }] of bounds) {
      if (!usedBounds.has(key) && seen.has(key) === false) {
        fatal(`bounds: no column for the parameter "${name}"`);
        return;
      }
    }
    this.nColumns = cells.length;
    this.nParams = params.length;
    this.paramFields = Int32Array.from(params, (q) => q.column - 1);
    this.columnRoles = new Int32Array(cells.length).fill(ROLE_IGNORED);
    this.columnRoles[ts] = ROLE_TIME;
    params.forEach((q, k) => (this.columnRoles[q.column - 1] = k));
    this.paramHeaders = params.map((q) => q.header);
    this.mins = Float64Array.from(params, (q) => q.min ?? -Infinity);
    this.maxs = Float64Array.from(params, (q) => q.max ?? Infinity);
    this.headerInfo = {
      line,
      delimiter: this.delim === COMMA ? ',' : this.delim === TAB ? '\t' : ';',
      delimiterSource: o.delimiter === undefined ? 'detected' : 'option',
      timestamp: { header: cells[ts] as string, column: ts + 1 },
      parameters: params,
      ignored,
      numberFormat: 'en',
      numberFormatSource: 'default',
      numberFormatReason: '',
      timeZone: Number.isNaN(this.zone) ? undefined : this.zone,
      timeZoneSource: this.zoneSource,
      expectedIntervalMs: undefined,
      expectedIntervalSource: undefined,
      gapFactor: this.gapFactor,
    };
    this.phase = PHASE_PRESCAN;
    if (this.options.resume !== undefined) this.line = this.options.resume.line;
  }

  private columnHeader(field: number): string | undefined {
    if (this.nColumns === 0) return undefined;
    if (field === this.tsField) return this.tsHeader;
    for (let k = 0; k < this.nParams; k++) {
      if (this.paramFields[k] === field) return this.paramHeaders[k];
    }
    return undefined;
  }

  // --- the first rows: notation and interval ----------------------------------------------

  private prescan(buf: Uint8Array, p: number, end: number, final: boolean): void {
    const header = this.headerInfo as MonitoringHeader;
    const windowEnd = Math.min(end, p + PRESCAN_BYTES);
    const eof = final && end <= p + PRESCAN_BYTES;
    let id = 0;
    let en = 0;
    const deltas = new Map<number, number>();
    let nDeltas = 0;
    let prev = NaN;
    let rows = 0;
    while (p < windowEnd && rows < PRESCAN_ROWS) {
      const stop = windowEnd - p > this.maxRecord ? p + this.maxRecord : windowEnd;
      const next = this.tokenize(buf, p, stop, eof && stop === windowEnd);
      if (next < 0) break;
      p = next;
      if (this.nFields !== this.nColumns) continue;
      rows++;
      for (let k = 0; k < this.nParams; k++) {
        const f = this.paramFields[k] as number;
        if (this.fKind[f] === QUOTED_ESCAPED || this.fKind[f] === QUOTED_JUNK) continue;
        const notation = notationOfBytes(buf, this.fStart[f] as number, this.fEnd[f] as number);
        if (notation === 'id') id++;
        else if (notation === 'en') en++;
      }
      const f = this.tsField;
      const t =
        this.fKind[f] === PLAIN || this.fKind[f] === QUOTED
          ? parseTimestampBytes(buf, this.fStart[f] as number, this.fEnd[f] as number, this.zone)
          : NaN;
      if (t === t) {
        if (prev === prev && t > prev) {
          deltas.set(t - prev, (deltas.get(t - prev) ?? 0) + 1);
          nDeltas++;
        }
        prev = t;
      }
    }
    // Notation.
    const o = this.options;
    let format: NumberFormat;
    let source: MonitoringHeader['numberFormatSource'];
    let reason: string;
    const evidence = `${id} cells with a decimal comma or dot groups, ${en} with a decimal point or comma groups, in the first ${rows} rows`;
    if (o.numberFormat !== undefined) {
      format = o.numberFormat;
      source = 'option';
      reason = `declared (${evidence})`;
    } else if (id !== en) {
      format = id > en ? 'id' : 'en';
      source = 'detected';
      reason = `detected: ${evidence}`;
    } else {
      format = this.delim === COMMA ? 'en' : 'id';
      source = 'default';
      reason = `${id === 0 ? 'no decimals to tell by' : 'as many cells of each notation'} (${evidence}); ${
        format === 'id'
          ? 'Indonesian, as ";" and tab files from Excel in Indonesian are'
          : 'English, as "," files are'
      }`;
    }
    this.decimal = decimalMarkOf(format);
    // Interval.
    let interval: number | undefined;
    let intervalSource: MonitoringHeader['expectedIntervalSource'];
    if (o.expectedIntervalMs === false) {
      interval = undefined;
    } else if (o.expectedIntervalMs !== undefined) {
      interval = o.expectedIntervalMs;
      intervalSource = 'option';
    } else {
      let best = 0;
      let bestCount = 0;
      for (const [delta, count] of deltas) {
        if (count > bestCount || (count === bestCount && delta < best)) {
          best = delta;
          bestCount = count;
        }
      }
      if (bestCount >= 2 && bestCount * 2 >= nDeltas) {
        interval = best;
        intervalSource = 'detected';
      }
    }
    this.gapMs = interval === undefined ? 0 : interval * this.gapFactor;
    this.headerInfo = {
      ...header,
      numberFormat: format,
      numberFormatSource: source,
      numberFormatReason: reason,
      expectedIntervalMs: interval,
      expectedIntervalSource: intervalSource,
    };
  }

  private announce(): void {
    if (this.headerInfo !== undefined) this.onHeader?.(this.headerInfo);
  }

  // --- one data record -----------------------------------------------------------------

  private record(buf: Uint8Array, line: number): void {
    const fStart = this.fStart;
    const fEnd = this.fEnd;
    const fKind = this.fKind;
    const n = this.nFields;
    if (fEnd[0] === fStart[0] && this.isBlankRecord()) {
      this.blank++;
      return;
    }
    if (n !== this.nColumns) {
      this.skipped++;
      if (this.note(R_MALFORMED)) {
        this.keep(
          R_MALFORMED,
          line,
          0,
          undefined,
          `the line has ${n} field${n === 1 ? '' : 's'}, the header has ${this.nColumns}`,
        );
      }
      return;
    }
    // Timestamp.
    const tf = this.tsField;
    const tKind = fKind[tf] as number;
    const t =
      tKind <= QUOTED
        ? parseTimestampBytes(buf, fStart[tf] as number, fEnd[tf] as number, this.zone)
        : NaN;
    if (t !== t) {
      this.skipped++;
      if (this.note(R_TIMESTAMP)) {
        const text = this.fieldText(buf, tf);
        this.keep(
          R_TIMESTAMP,
          line,
          tf + 1,
          this.tsHeader,
          tKind > QUOTED
            ? `${JSON.stringify(text)} is not a timestamp`
            : explainTimestampFailure(text),
        );
      }
      return;
    }
    // Values (bounds are checked in finishRow).
    if (!this.batchOpen) this.newBatch();
    const row = this.batchRow;
    let flags = 0;
    const decimal = this.decimal;
    const fields = this.paramFields;
    const values = this.bValues;
    for (let k = 0; k < this.nParams; k++) {
      const f = fields[k] as number;
      const kind = fKind[f] as number;
      let v =
        kind <= QUOTED
          ? parseNumberBytes(buf, fStart[f] as number, fEnd[f] as number, decimal)
          : NaN;
      if (v !== v) {
        const limit = kind <= QUOTED ? this.detectionLimit(buf, f) : NaN;
        if (limit === limit || this.notDetected(buf, f, kind)) {
          v = limit;
          flags |= this.belowDetection(buf, line, k, f, limit);
        } else {
          flags |= this.valueIssue(buf, line, k, f, kind);
        }
      }
      (values[k] as Float64Array)[row] = v;
    }
    this.finishRow(line, t, flags);
  }

  /**
   * The checks of a row whose values are in the batch at batchRow: time order and gaps, then
   * physical bounds; then the row is committed.
   */
  private finishRow(line: number, t: number, flags: number): void {
    const row = this.batchRow;
    if (this.hasLast) {
      const last = this.lastTime;
      if (t === last) {
        flags |= this.timeIssue(R_DUPLICATE, line, t);
      } else if (t < last) {
        flags |= this.timeIssue(R_ORDER, line, t);
      } else if (this.gapMs > 0 && t - last > this.gapMs) {
        flags |= this.timeIssue(R_GAP, line, t);
      }
      if (t > last) {
        this.lastTime = t;
        this.lastLine = line;
      }
    } else {
      this.hasLast = true;
      this.lastTime = t;
      this.lastLine = line;
    }
    if (t < this.firstTime) this.firstTime = t;
    const mins = this.mins;
    const maxs = this.maxs;
    const values = this.bValues;
    for (let k = 0; k < this.nParams; k++) {
      const column = values[k] as Float64Array;
      const v = column[row] as number;
      if (v < (mins[k] as number) || v > (maxs[k] as number)) {
        flags |= this.impossible(line, k, this.paramFields[k] as number, v);
        if (this.policy['impossible-value'] === 'flag') column[row] = NaN;
      }
    }
    this.rows++;
    if (this.rejected) return; // nothing more is emitted once the file is refused
    this.bTimes[row] = t;
    this.bLines[row] = line;
    this.bFlags[row] = flags;
    this.batchRow = row + 1;
    if (this.batchRow === this.batchRows) this.flush();
  }

  /**
   * The fast path: reads plain records (no quotes, numbers as `-?d+[.,]d*`, ISO timestamps
   * or any other timestamp without a delimiter) in one pass over the bytes, with the same
   * results as tokenize + record. Returns where it stopped: at the end, or at the start of a
   * record it leaves to the general path (incomplete, quoted, blank, or with a bad cell).
   */
  private fastRecords(buf: Uint8Array, p: number, end: number): number {
    if (this.rejected) return p; // the general path counts what is left
    const delim = this.delim;
    const nColumns = this.nColumns;
    const lastColumn = nColumns - 1;
    const roles = this.columnRoles;
    const decimal = this.decimal;
    const zone = this.zone;
    const mins = this.mins;
    const maxs = this.maxs;
    const gap = this.gapMs;
    const limit = this.batchRows;
    const maxRecord = this.maxRecord;
    if (!this.batchOpen) this.newBatch();
    let lines = this.bLines;
    let times = this.bTimes;
    let flags = this.bFlags;
    // All values of the batch in one array, parameter k at k × batchRows (one store per cell).
    let all = this.bAll;
    let row = this.batchRow;
    let line = this.line;
    let last = this.lastTime;
    let lastLine = this.lastLine;
    let hasLast = this.hasLast;
    let added = 0;
    records: while (p < end) {
      let i = p;
      let t = NaN;
      let odd = false;
      for (let c = 0; c < nColumns; c++) {
        const role = roles[c] as number;
        if (role >= 0) {
          const v = parseSimpleNumber(buf, i, end, decimal, delim);
          if (v !== v) break records;
          all[role * limit + row] = v;
          if (v < (mins[role] as number) || v > (maxs[role] as number)) odd = true;
          i = cursor.end;
        } else if (role === ROLE_TIME) {
          t = parseIsoTimestamp(buf, i, end, zone);
          if (t === t) {
            i = isoCursor.end;
          } else {
            let j = i;
            let b = 0;
            while (j < end && (b = buf[j] as number) !== delim && b !== LF && b !== CR) {
              if (b === QUOTE) break records;
              j++;
            }
            if (j >= end) break records;
            t = parseTimestampBytes(buf, i, j, zone);
            if (t !== t) break records;
            i = j;
          }
        } else {
          let b = 0;
          while (i < end && (b = buf[i] as number) !== delim && b !== LF) {
            if (b === QUOTE) break records;
            i++;
          }
          if (i > p && buf[i - 1] === CR && b === LF) i--;
        }
        if (i >= end) break records;
        const b = buf[i] as number;
        if (c < lastColumn) {
          if (b !== delim) break records;
          i++;
        } else {
          if (b === CR) {
            i++;
            if (i >= end) break records;
          }
          if (buf[i] !== LF) break records;
          i++;
        }
      }
      if (i - p > maxRecord) break records; // too long: the general path says so
      p = i;
      if (odd || !hasLast || !(t > last) || (gap > 0 && t - last > gap)) {
        // An issue or the first row: the general checks, with the state handed over and back.
        this.rows += added;
        added = 0;
        this.line = line + 1;
        this.lastTime = last;
        this.lastLine = lastLine;
        this.batchRow = row;
        this.finishRow(line, t, 0);
        line = this.line;
        last = this.lastTime;
        lastLine = this.lastLine;
        hasLast = this.hasLast;
        if (this.rejected) return p;
        if (!this.batchOpen) this.newBatch();
        lines = this.bLines;
        times = this.bTimes;
        flags = this.bFlags;
        all = this.bAll;
        row = this.batchRow;
        continue;
      }
      times[row] = t;
      lines[row] = line;
      flags[row] = 0;
      last = t;
      lastLine = line;
      line++;
      added++;
      row++;
      if (row === limit) {
        this.batchRow = row;
        this.flush();
        this.newBatch();
        lines = this.bLines;
        times = this.bTimes;
        flags = this.bFlags;
        all = this.bAll;
        row = 0;
      }
    }
    this.rows += added;
    this.line = line;
    this.lastTime = last;
    this.lastLine = lastLine;
    this.batchRow = row;
    return p;
  }

  private timeIssue(rule: number, line: number, t: number): number {
    if (this.note(rule)) {
      const zone = isoCursor.offset; // the offset of this row's timestamp
      const at = formatInstant(t, zone);
      const last = formatInstant(this.lastTime, zone);
      const message =
        rule === R_DUPLICATE
          ? `the time ${at} repeats line ${this.lastLine}`
          : rule === R_ORDER
            ? `the time ${at} is before ${last} on line ${this.lastLine}`
            : `no reading for ${formatDuration(t - this.lastTime)} after ${last} on line ${this.lastLine} (expected every ${formatDuration(this.headerInfo?.expectedIntervalMs ?? 0)})`;
      this.keep(rule, line, this.tsField + 1, this.tsHeader, message);
    }
    return 1 << rule;
  }

  /** The limit of a `< 0,5` / `≤ 0,5` cell (field f), or NaN. */
  private detectionLimit(buf: Uint8Array, f: number): number {
    const end = this.fEnd[f] as number;
    let i = this.fStart[f] as number;
    while (i < end && buf[i] === SPACE) i++;
    if (i < end && buf[i] === LESS_THAN) i += 1;
    else if (i + 2 < end && buf[i] === 0xe2 && buf[i + 1] === 0x89 && buf[i + 2] === 0xa4) {
      i += 3; // ≤
    } else return NaN;
    if (i >= end) return NaN;
    const v = parseNumberBytes(buf, i, end, this.decimal);
    return v >= 0 && v < Infinity ? v : NaN;
  }

  /** Whether field f says "not detected" without a limit. */
  private notDetected(buf: Uint8Array, f: number, kind: number): boolean {
    if (kind > QUOTED) return false;
    const length = (this.fEnd[f] as number) - (this.fStart[f] as number);
    if (length < 2 || length > 24) return false;
    return NOT_DETECTED_WORDS.has(this.fieldText(buf, f).trim().toLowerCase());
  }

  private belowDetection(
    buf: Uint8Array,
    line: number,
    k: number,
    f: number,
    limit: number,
  ): number {
    if (this.note(R_BELOW)) {
      const name = this.paramHeaders[k] as string;
      const text = JSON.stringify(this.fieldText(buf, f).trim());
      this.keep(
        R_BELOW,
        line,
        f + 1,
        name,
        limit === limit
          ? `${name}: ${text} is below the detection limit: read as ${limit}, the limit (an upper bound)`
          : `${name}: ${text} is not detected, without a detection limit: read as missing`,
      );
    }
    return 1 << R_BELOW;
  }

  private valueIssue(buf: Uint8Array, line: number, k: number, f: number, kind: number): number {
    let rule = R_MISSING;
    let text = '';
    if (kind > QUOTED || numberFailure.code !== NUMBER_EMPTY) {
      text = this.fieldText(buf, f);
      if (!isMissingText(text)) rule = R_NON_NUMERIC;
    }
    if (this.note(rule)) {
      const name = this.paramHeaders[k] as string;
      const format = this.headerInfo?.numberFormat === 'id' ? 'Indonesian' : 'English';
      this.keep(
        rule,
        line,
        f + 1,
        name,
        rule === R_MISSING
          ? text.trim() === ''
            ? `${name}: no value`
            : `${name}: no value (${JSON.stringify(text.trim())})`
          : kind === QUOTED_JUNK
            ? `${name}: ${JSON.stringify(text)} has text after the closing quote`
            : `${name}: ${JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text)} is not a number (${format} notation)`,
      );
    }
    return 1 << rule;
  }

  private impossible(line: number, k: number, f: number, v: number): number {
    if (this.note(R_IMPOSSIBLE)) {
      const name = this.paramHeaders[k] as string;
      const min = this.mins[k] as number;
      const max = this.maxs[k] as number;
      const range =
        max === Infinity
          ? `at least ${min}`
          : min === -Infinity
            ? `at most ${max}`
            : `${min} to ${max}`;
      this.keep(
        R_IMPOSSIBLE,
        line,
        f + 1,
        name,
        `${name}: ${v} is impossible (${range})${this.policy['impossible-value'] === 'flag' ? '; set missing' : ''}`,
      );
    }
    return 1 << R_IMPOSSIBLE;
  }

  private newBatch(): void {
    const size = this.batchRows;
    if (this.reuse && this.bTimes.length === size) {
      this.batchRow = 0;
      this.batchOpen = true;
      return;
    }
    this.bLines = new Float64Array(size);
    this.bTimes = new Float64Array(size);
    this.bFlags = new Uint16Array(size);
    this.bAll = new Float64Array(size * this.nParams);
    this.bValues = [];
    for (let k = 0; k < this.nParams; k++) {
      this.bValues.push(this.bAll.subarray(k * size, (k + 1) * size));
    }
    this.batchRow = 0;
    this.batchOpen = true;
  }

  private flush(): void {
    const n = this.batchRow;
    if (n === 0 || !this.batchOpen || this.rejected) {
      this.batchRow = 0;
      return;
    }
    const batch: MonitoringBatch = {
      length: n,
      lines: this.bLines.subarray(0, n),
      times: this.bTimes.subarray(0, n),
      flags: this.bFlags.subarray(0, n),
      values: this.bValues.map((v) => v.subarray(0, n)),
    };
    this.batchOpen = false;
    this.batchRow = 0;
    this.emitted += n;
    this.onBatch?.(batch);
  }

  // --- issues ----------------------------------------------------------------------------

  /** Counts an issue of a rule; true when its details are wanted (kept or passed on). */
  private note(rule: number): boolean {
    const count = (this.counts[rule] ?? 0) + 1;
    this.counts[rule] = count;
    this.totalIssues++;
    const rejects = ((this.rejectMask >> rule) & 1) === 1;
    if (rejects && !this.rejected) {
      this.rejected = true;
      this.batchRow = 0; // the batch being filled is never emitted
    }
    if (count > this.maxIssues) this.truncated = true;
    return (
      count <= this.maxIssues ||
      this.onIssue !== undefined ||
      (rejects && this.firstRejection === undefined)
    );
  }

  private keep(
    rule: number,
    line: number,
    column: number,
    field: string | undefined,
    message: string,
  ): void {
    const name = MONITORING_RULES[rule] as MonitoringRule;
    const action = this.policy[name];
    const issue: MonitoringIssue =
      column > 0
        ? { line, column, ...(field === undefined ? {} : { field }), rule: name, action, message }
        : { line, rule: name, action, message };
    if ((this.counts[rule] as number) <= this.maxIssues) this.issues.push(issue);
    if (action === 'reject' && this.firstRejection === undefined) this.firstRejection = issue;
    this.onIssue?.(issue);
  }

  private report(
    rule: number,
    line: number,
    column: number,
    field: string | undefined,
    message: string,
  ): void {
    if (this.note(rule)) this.keep(rule, line, column, field, message);
  }
}

function keyed<T>(record: Readonly<Record<string, T>>): Map<string, { name: string; value: T }> {
  const out = new Map<string, { name: string; value: T }>();
  for (const [name, value] of Object.entries(record)) out.set(parameterKey(name), { name, value });
  return out;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name}: must be a whole number ≥ 1`);
  return value;
}

function wholeNumber(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name}: must be a whole number ≥ 0`);
  return value;
}
