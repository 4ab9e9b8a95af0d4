import { describe, expect, it } from 'vitest';
import {
  concatBatches,
  createMonitoringCsvReader,
  DEFAULT_MONITORING_POLICY,
  MONITORING_RULES,
  readMonitoringCsv,
  RULE_BIT,
  type MonitoringBatch,
  type MonitoringCsvOptions,
  type MonitoringHeader,
  type MonitoringIssue,
  type MonitoringRule,
} from './csv-reader.js';

const ALL_FLAG = Object.fromEntries(
  MONITORING_RULES.filter((r) => r !== 'header').map((r) => [r, 'flag']),
) as MonitoringCsvOptions['policy'];

const SPARING = 'timestamp,pH,COD (mg/L),TSS (mg/L),NH3-N (mg/L),flow (m3/h)';

/** A SPARING line at 2-minute slot k of 2024-03-01 WIB. */
function sparingLine(k: number, values = '7.20,85.4,30.1,3.42,125.6'): string {
  const minutes = 8 * 60 + 2 * k;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `2024-03-01T${hh}:${mm}:00+07:00,${values}`;
}

function sparing(lines: readonly string[]): string {
  return [SPARING, ...lines].join('\n') + '\n';
}

function issues(summary: {
  issues: readonly MonitoringIssue[];
}): [number, MonitoringRule, number | undefined][] {
  return summary.issues.map((i) => [i.line, i.rule, i.column]);
}

function only(rule: MonitoringRule, text: string, options: MonitoringCsvOptions = {}) {
  const result = readMonitoringCsv(text, { policy: ALL_FLAG, ...options });
  const others = result.summary.issues.filter((i) => i.rule !== rule);
  expect(others).toEqual([]);
  return result;
}

const utc = (d: number, h: number, mi: number) => Date.UTC(2024, 2, d, h, mi);

describe('createMonitoringCsvReader: reading', () => {
  it('reads a SPARING file into columns, with the header and the decisions stated', () => {
    const { summary, rows } = readMonitoringCsv(
      sparing([sparingLine(0), sparingLine(1, '7.31,90,31,3.5,130')]),
    );
    expect(summary.ok).toBe(true);
    expect(summary.issues).toEqual([]);
    expect(summary.rows).toBe(2);
    expect(summary.lines).toBe(3);
    expect(summary.firstTime).toBe(utc(1, 1, 0));
    expect(summary.lastTime).toBe(utc(1, 1, 2));
    const header = summary.header as MonitoringHeader;
    expect(header.delimiter).toBe(',');
    expect(header.delimiterSource).toBe('detected');
    expect(header.timestamp).toEqual({ header: 'timestamp', column: 1 });
    expect(header.parameters.map((p) => [p.name, p.unit, p.column, p.min, p.max])).toEqual([
      ['pH', undefined, 2, 0, 14],
      ['COD', 'mg/L', 3, 0, undefined],
      ['TSS', 'mg/L', 4, 0, undefined],
      ['NH3-N', 'mg/L', 5, 0, undefined],
      ['flow', 'm3/h', 6, 0, undefined],
    ]);
    expect(header.numberFormat).toBe('en');
    expect(header.numberFormatSource).toBe('detected');
    expect(header.numberFormatReason).toMatch(/decimal point/);
    expect(Array.from(rows.lines)).toEqual([2, 3]);
    expect(Array.from(rows.times)).toEqual([utc(1, 1, 0), utc(1, 1, 2)]);
    expect(Array.from(rows.flags)).toEqual([0, 0]);
    expect(rows.values.map((v) => Array.from(v))).toEqual([
      [7.2, 7.31],
      [85.4, 90],
      [30.1, 31],
      [3.42, 3.5],
      [125.6, 130],
    ]);
  });

  it('reads what Indonesian Excel writes: BOM, ";", decimal commas, dd/mm/yyyy, CRLF, the zone in the header', () => {
    const text =
      '\uFEFFTanggal (WITA);pH;COD (mg/L);Debit (m³/jam)\r\n' +
      '01/03/2024 08:00;7,2;85,4;1.234,5\r\n' +
      '01/03/2024 08:02;7,25;90;1.200\r\n';
    const { summary, rows } = readMonitoringCsv(text);
    expect(summary.issues).toEqual([]);
    expect(summary.header?.delimiter).toBe(';');
    expect(summary.header?.numberFormat).toBe('id');
    expect(summary.header?.timeZone).toBe(480);
    expect(summary.header?.timeZoneSource).toBe('header');
    expect(summary.header?.parameters[2]?.unit).toBe('m³/jam');
    expect(Array.from(rows.times)).toEqual([utc(1, 0, 0), utc(1, 0, 2)]);
    expect(rows.values.map((v) => Array.from(v))).toEqual([
      [7.2, 7.25],
      [85.4, 90],
      [1234.5, 1200],
    ]);
  });

  it('reads tab-separated files and quoted fields (RFC 4180)', () => {
    const text =
      'waktu\t"COD [mg/L]"\t"catatan ""x"""\n2024-03-01 08:00\t"12,5"\t"a\tb"\n2024-03-01 08:02\t13\tok\n';
    const { summary, rows } = readMonitoringCsv(text, { timeZone: 'WIB', parameters: ['COD'] });
    expect(summary.issues).toEqual([]);
    expect(summary.header?.delimiter).toBe('\t');
    expect(summary.header?.ignored).toEqual([{ header: 'catatan "x"', column: 3 }]);
    expect(summary.header?.parameters[0]?.unit).toBe('mg/L');
    expect(Array.from(rows.values[0] ?? [])).toEqual([12.5, 13]);
  });

  it('counts physical lines through line breaks inside quotes', () => {
    const text = 'time,COD,note\n2024-03-01T08:00Z,1,"two\nlines"\n2024-03-01T08:02Z,x,\n';
    const { summary, rows } = readMonitoringCsv(text, { parameters: ['COD'] });
    expect(Array.from(rows.lines)).toEqual([2, 4]);
    expect(issues(summary)).toEqual([[4, 'non-numeric', 2]]);
    expect(summary.lines).toBe(4);
  });

  it('takes the number notation declared, or by the delimiter when the data cannot tell', () => {
    const ints = 'waktu;COD\n2024-03-01T08:00Z;1.234\n2024-03-01T08:02Z;12\n';
    const detected = readMonitoringCsv(ints);
    expect(detected.summary.header?.numberFormat).toBe('id');
    expect(detected.summary.header?.numberFormatSource).toBe('default');
    expect(detected.summary.header?.numberFormatReason).toMatch(/no decimals to tell by/);
    expect(detected.rows.values[0]?.[0]).toBe(1234);
    const declared = readMonitoringCsv(ints, { numberFormat: 'en' });
    expect(declared.summary.header?.numberFormatSource).toBe('option');
    expect(declared.rows.values[0]?.[0]).toBe(1.234);
    const comma = readMonitoringCsv('time,COD\n2024-03-01T08:00Z,"1.234"\n');
    expect(comma.summary.header?.numberFormat).toBe('en');
    expect(comma.rows.values[0]?.[0]).toBe(1.234);
  });

  it('reads timestamps in WIB, WITA, WIT or an offset, declared in the options', () => {
    const text = 'time,COD\n2024-03-01 08:00,1\n';
    const at = (timeZone: string | number) => readMonitoringCsv(text, { timeZone }).rows.times[0];
    expect(at('WIB')).toBe(utc(1, 1, 0));
    expect(at('WITA')).toBe(utc(1, 0, 0));
    expect(at('WIT')).toBe(utc(0, 23, 0));
    expect(at('+05:30')).toBe(utc(1, 2, 30));
    expect(at(0)).toBe(utc(1, 8, 0));
  });

  it('finds the timestamp column by name, or the one named in the options', () => {
    const text = 'site,Waktu Sampling,pH\nA,2024-03-01T08:00Z,7\n';
    const { summary, rows } = readMonitoringCsv(text, { parameters: ['pH'] });
    expect(summary.header?.timestamp).toEqual({ header: 'Waktu Sampling', column: 2 });
    expect(summary.header?.ignored).toEqual([{ header: 'site', column: 1 }]);
    expect(rows.values[0]?.[0]).toBe(7);
    const named = readMonitoringCsv('t,pH\n2024-03-01T08:00Z,7\n', { timestampColumn: 'T' });
    expect(named.summary.ok).toBe(true);
    expect(named.rows.length).toBe(1);
  });

  it('skips blank lines and Excel rows of empty cells, and counts them', () => {
    const text =
      '\n' + SPARING + '\r\n\r\n' + sparingLine(0) + '\r\n,,,,,\r\n' + sparingLine(1) + '\n\n';
    const { summary, rows } = readMonitoringCsv(text);
    expect(summary.issues).toEqual([]);
    expect(summary.header?.line).toBe(2);
    expect(summary.blankLines).toBe(4);
    expect(Array.from(rows.lines)).toEqual([4, 6]);
  });

  it('reads a last line without a line break', () => {
    const { rows } = readMonitoringCsv(SPARING + '\n' + sparingLine(0));
    expect(rows.length).toBe(1);
  });

  it('emits batches of batchRows, and progress at any time', () => {
    const lines = Array.from({ length: 10 }, (_, k) => sparingLine(k));
    const batches: MonitoringBatch[] = [];
    const reader = createMonitoringCsvReader({ batchRows: 4, onBatch: (b) => batches.push(b) });
    expect(reader.progress()).toEqual({ bytes: 0, lines: 0, rows: 0, issueCount: 0, buffered: 0 });
    const text = sparing(lines);
    reader.push(text.slice(0, 200));
    expect(reader.progress().bytes).toBe(200);
    reader.push(text.slice(200));
    const summary = reader.end();
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(summary.emittedRows).toBe(10);
    expect(reader.progress()).toEqual({
      bytes: text.length,
      lines: 11,
      rows: 10,
      issueCount: 0,
      buffered: 0,
    });
  });

  it('calls onHeader once, before the first batch', () => {
    const events: string[] = [];
    const reader = createMonitoringCsvReader({
      onHeader: (h) => events.push(`header ${h.numberFormat}`),
      onBatch: (b) => events.push(`batch ${b.length}`),
    });
    reader.push(sparing([sparingLine(0)]));
    reader.end();
    expect(events).toEqual(['header en', 'batch 1']);
    expect(reader.header?.parameters.length).toBe(5);
  });
});

describe('createMonitoringCsvReader: every rule with its line', () => {
  it('header: no timestamp column, a repeated column, one column, an empty file, UTF-16', () => {
    const cases: [string, RegExp][] = [
      ['pH,COD\n7,1\n', /no timestamp column/],
      ['time,COD,cod\n', /repeats column 2/],
      ['time\n2024-03-01T08:00Z\n', /one column/],
      ['', /the file is empty/],
      ['\n\n', /the file is empty/],
    ];
    for (const [text, message] of cases) {
      const { summary } = readMonitoringCsv(text);
      expect(summary.ok, text).toBe(false);
      expect(summary.issues[0]?.rule).toBe('header');
      expect(summary.issues[0]?.message).toMatch(message);
      expect(summary.issues[0]?.line).toBeGreaterThanOrEqual(1);
    }
    const utf16 = readMonitoringCsv(new Uint8Array([0xff, 0xfe, 0x74, 0x00]));
    expect(utf16.summary.issues[0]?.message).toMatch(/UTF-16/);
    expect(
      readMonitoringCsv('t,COD\n', { timestampColumn: 'waktu' }).summary.issues[0]?.message,
    ).toMatch(/no column "waktu"/);
    expect(
      readMonitoringCsv(SPARING + '\n', { parameters: ['BOD'] }).summary.issues[0]?.message,
    ).toMatch(/"BOD"/);
    expect(
      readMonitoringCsv(SPARING + '\n', { units: { BOD: 'mg/L' } }).summary.issues[0]?.message,
    ).toMatch(/units: no column for the parameter "BOD"/);
  });

  it('malformed-line: a wrong field count, at its line; the row is skipped', () => {
    const { summary, rows } = only(
      'malformed-line',
      sparing([sparingLine(0), '2024-03-01T08:02:00+07:00,7.2,85', sparingLine(2)]),
    );
    expect(issues(summary)).toEqual([[3, 'malformed-line', undefined]]);
    expect(summary.issues[0]?.message).toBe('the line has 3 fields, the header has 6');
    expect(summary.skippedRows).toBe(1);
    expect(Array.from(rows.lines)).toEqual([2, 4]);
  });

  it('malformed-line: a line longer than maxRecordBytes, and reading goes on after it', () => {
    const long = sparingLine(1) + ',' + 'x'.repeat(300);
    const { summary, rows } = only(
      'malformed-line',
      sparing([sparingLine(0), long, sparingLine(2)]),
      { maxRecordBytes: 200 },
    );
    expect(issues(summary)).toEqual([[3, 'malformed-line', undefined]]);
    expect(summary.issues[0]?.message).toMatch(/longer than 200 bytes/);
    expect(Array.from(rows.lines)).toEqual([2, 4]);
  });

  it('unclosed-quote: at the line and column of the quote; refused by default', () => {
    const text = sparing([
      sparingLine(0),
      '2024-03-01T08:02:00+07:00,"7.2,85.4,30.1,3.42,125.6',
      sparingLine(2),
    ]);
    const refused = readMonitoringCsv(text);
    expect(refused.summary.ok).toBe(false);
    expect(issues(refused.summary)).toEqual([[3, 'unclosed-quote', 2]]);
    expect(refused.summary.issues[0]?.message).toMatch(/not closed before the end of the file/);
    expect(refused.summary.firstRejection?.line).toBe(3);
    const flagged = only('unclosed-quote', text);
    expect(Array.from(flagged.rows.lines)).toEqual([2, 4]); // reading resumes on the next line
    const bounded = only(
      'unclosed-quote',
      text +
        sparing(Array.from({ length: 20 }, (_, k) => sparingLine(k + 3))).slice(SPARING.length + 1),
      { maxRecordBytes: 300 },
    );
    expect(bounded.summary.issues[0]?.message).toMatch(/within 300 bytes/);
    expect(bounded.rows.lines[1]).toBe(4);
  });

  it('invalid-timestamp: impossible dates with the reason; refused by default', () => {
    const text = sparing([
      sparingLine(0),
      '2024-04-31T08:02:00+07:00,7.2,85.4,30.1,3.42,125.6',
      sparingLine(2),
    ]);
    const refused = readMonitoringCsv(text);
    expect(refused.summary.ok).toBe(false);
    expect(issues(refused.summary)).toEqual([[3, 'invalid-timestamp', 1]]);
    expect(refused.summary.issues[0]?.message).toMatch(/April 2024 has 30 days, not 31/);
    expect(refused.summary.issues[0]?.field).toBe('timestamp');
    const flagged = only('invalid-timestamp', text);
    expect(Array.from(flagged.rows.lines)).toEqual([2, 4]);
    const local = readMonitoringCsv('time,COD\n2024-03-01 08:00,1\n');
    expect(local.summary.issues[0]?.message).toMatch(/no time zone is declared/);
    const us = readMonitoringCsv('time;COD\n03/13/2024 08:00;1\n', { timeZone: 'WIB' });
    expect(us.summary.issues[0]?.message).toMatch(/no month 13/);
  });

  it('missing-value and non-numeric: the cell is NaN, the row kept and flagged', () => {
    const text = sparing([
      sparingLine(0, '7.2,,30.1,NA,125.6'),
      sparingLine(1, '7.2,ERR,30.1,3.4,"1,5"'),
      sparingLine(2),
    ]);
    const { summary, rows } = readMonitoringCsv(text);
    expect(summary.ok).toBe(true);
    expect(issues(summary)).toEqual([
      [2, 'missing-value', 3],
      [2, 'missing-value', 5],
      [3, 'non-numeric', 3],
    ]);
    expect(rows.values[4]?.[1]).toBe(1.5); // "1,5": one comma, not before three digits
    expect(summary.issues[2]?.message).toBe('COD (mg/L): "ERR" is not a number (English notation)');
    expect(summary.issues[2]?.field).toBe('COD (mg/L)');
    expect(rows.length).toBe(3);
    expect(rows.values[1]?.[0]).toBeNaN();
    expect(rows.values[3]?.[0]).toBeNaN();
    expect(rows.values[1]?.[1]).toBeNaN();
    expect(rows.flags[0]).toBe(RULE_BIT['missing-value']);
    expect(rows.flags[1]).toBe(RULE_BIT['non-numeric']);
    expect(rows.flags[2]).toBe(0);
  });

  it('duplicate-timestamp and out-of-order: against the latest time so far', () => {
    const text = sparing([
      sparingLine(0),
      sparingLine(1),
      sparingLine(1),
      sparingLine(3),
      sparingLine(2),
      sparingLine(4),
    ]);
    const { summary, rows } = readMonitoringCsv(text, { policy: { 'out-of-order': 'flag' } });
    expect(issues(summary)).toEqual([
      [4, 'duplicate-timestamp', 1],
      [6, 'out-of-order', 1],
    ]);
    expect(summary.issues[0]?.message).toBe('the time 2024-03-01 08:02 +07:00 repeats line 3');
    expect(summary.issues[1]?.message).toBe(
      'the time 2024-03-01 08:04 +07:00 is before 2024-03-01 08:06 +07:00 on line 5',
    );
    expect(Array.from(rows.flags)).toEqual([
      0,
      0,
      RULE_BIT['duplicate-timestamp'],
      0,
      RULE_BIT['out-of-order'],
      0,
    ]);
    expect(readMonitoringCsv(text).summary.ok).toBe(false); // out of order is refused by default
  });

  it('gap: longer than gapFactor × the interval, detected or declared', () => {
    const text = sparing([
      sparingLine(0),
      sparingLine(1),
      sparingLine(2),
      sparingLine(5),
      sparingLine(6),
      sparingLine(30),
    ]);
    const { summary, rows } = readMonitoringCsv(text);
    expect(summary.header?.expectedIntervalMs).toBe(120000);
    expect(summary.header?.expectedIntervalSource).toBe('detected');
    expect(issues(summary)).toEqual([[7, 'gap', 1]]); // 6 minutes is not more than 3 × 2
    expect(summary.issues[0]?.message).toBe(
      'no reading for 48 min after 2024-03-01 08:12 +07:00 on line 6 (expected every 2 min)',
    );
    expect(rows.flags[5]).toBe(RULE_BIT.gap);
    expect(issues(readMonitoringCsv(text, { gapFactor: 1.4 }).summary)).toEqual([
      [5, 'gap', 1],
      [7, 'gap', 1],
    ]);
    expect(readMonitoringCsv(text, { expectedIntervalMs: 3600000 }).summary.issues).toEqual([]);
    expect(readMonitoringCsv(text, { expectedIntervalMs: false }).summary.issues).toEqual([]);
    const irregular = readMonitoringCsv(
      'time,COD\n2024-01-05T00:00Z,1\n2024-02-01T00:00Z,1\n2024-03-11T00:00Z,1\n',
    );
    expect(irregular.summary.header?.expectedIntervalMs).toBeUndefined();
  });

  it('impossible-value: outside physical bounds, set missing when flagged; bounds configurable', () => {
    const text = sparing([
      sparingLine(0, '14.5,85.4,30.1,3.42,-2'),
      sparingLine(1, '-0.1,0,0,0,0'),
    ]);
    const { summary, rows } = readMonitoringCsv(text);
    expect(issues(summary)).toEqual([
      [2, 'impossible-value', 2],
      [2, 'impossible-value', 6],
      [3, 'impossible-value', 2],
    ]);
    expect(summary.issues[0]?.message).toBe('pH: 14.5 is impossible (0 to 14); set missing');
    expect(summary.issues[1]?.message).toBe(
      'flow (m3/h): -2 is impossible (at least 0); set missing',
    );
    expect(rows.values[0]?.[0]).toBeNaN();
    expect(rows.values[4]?.[0]).toBeNaN();
    expect(rows.values[1]?.[0]).toBe(85.4);
    const bounded = readMonitoringCsv(text, {
      bounds: { COD: { max: 50 }, ph: { min: -1, max: 15 }, flow: {} },
    });
    expect(issues(bounded.summary)).toEqual([[2, 'impossible-value', 3]]);
    expect(bounded.summary.header?.parameters[1]?.max).toBe(50);
    const refused = readMonitoringCsv(text, { policy: { 'impossible-value': 'reject' } });
    expect(refused.summary.ok).toBe(false);
    expect(readMonitoringCsv('time,suhu (°C)\n2024-03-01T08:00Z,-5\n').summary.issues).toEqual([]);
  });

  it('unit-mismatch: header unit against the declared one, refused by default', () => {
    const text = sparing([sparingLine(0)]);
    const same = readMonitoringCsv(text, {
      units: { cod: 'mg/l', FLOW: 'm³/jam', 'nh3 n': 'mg/L' },
    });
    expect(same.summary.issues).toEqual([]);
    const wrong = readMonitoringCsv(text, { units: { COD: 'g/L' } });
    expect(wrong.summary.ok).toBe(false);
    expect(issues(wrong.summary)).toEqual([[1, 'unit-mismatch', 3]]);
    expect(wrong.summary.issues[0]?.message).toBe(
      'the header gives COD in mg/L, the declared unit is g/L',
    );
    expect(wrong.summary.emittedRows).toBe(0);
    const flagged = readMonitoringCsv(text, {
      units: { COD: 'g/L' },
      policy: { 'unit-mismatch': 'flag' },
    });
    expect(flagged.summary.header?.parameters[1]?.unit).toBe('mg/L');
    expect(flagged.rows.length).toBe(1);
    const fromOptions = readMonitoringCsv(text, { units: { pH: '-' } });
    expect(fromOptions.summary.header?.parameters[0]?.unit).toBe('-');
    expect(fromOptions.summary.header?.parameters[0]?.unitSource).toBe('option');
    const zones = readMonitoringCsv('Waktu (WITA),COD\n2024-03-01 08:00,1\n', { timeZone: 'WIB' });
    expect(issues(zones.summary)).toEqual([[1, 'unit-mismatch', 1]]);
    expect(zones.summary.issues[0]?.message).toMatch(/WITA \(\+08:00\).*WIB \(\+07:00\)/);
  });
});

describe('createMonitoringCsvReader: below the detection limit', () => {
  const LAB = 'Tanggal;COD (mg/L);NH3-N (mg/L)\n';

  it('reads "< 0,5", "<0.5" and "≤ 2" as the limit (an upper bound), flagged and counted with lines', () => {
    const { summary, rows } = only(
      'below-detection',
      `${LAB}2024-01-05T09:00+07:00;< 0,5;1,2\n2024-02-05T09:00+07:00;12;<0,25\n2024-03-05T09:00+07:00;"≤ 2";0,4\n`,
    );
    expect(summary.ok).toBe(true);
    expect(summary.counts['below-detection']).toBe(3);
    expect(issues(summary)).toEqual([
      [2, 'below-detection', 2],
      [3, 'below-detection', 3],
      [4, 'below-detection', 2],
    ]);
    expect(summary.issues[0]?.message).toBe(
      'COD (mg/L): "< 0,5" is below the detection limit: read as 0.5, the limit (an upper bound)',
    );
    expect(rows.values.map((v) => Array.from(v))).toEqual([
      [0.5, 12, 2],
      [1.2, 0.25, 0.4],
    ]);
    const bit = RULE_BIT['below-detection'];
    expect(Array.from(rows.flags)).toEqual([bit, bit, bit]);
    const en = only('below-detection', 'time,COD\n2024-01-05T09:00+07:00,<0.5\n');
    expect(Array.from(en.rows.values[0] ?? [])).toEqual([0.5]);
  });

  it('reads "ttd" (tidak terdeteksi) without a limit as missing, under the same rule', () => {
    const { summary, rows } = only(
      'below-detection',
      `${LAB}2024-01-05T09:00+07:00;ttd;TIDAK TERDETEKSI\n2024-02-05T09:00+07:00;ND;1\n`,
    );
    expect(summary.counts['below-detection']).toBe(3);
    expect(summary.issues[0]?.message).toBe(
      'COD (mg/L): "ttd" is not detected, without a detection limit: read as missing',
    );
    expect(rows.values.map((v) => Array.from(v))).toEqual([
      [Number.NaN, Number.NaN],
      [Number.NaN, 1],
    ]);
  });

  it('keeps "<x" and a negative limit as non-numeric, and refuses the file when the rule rejects', () => {
    const text = `${LAB}2024-01-05T09:00+07:00;<x;< -1\n`;
    const { summary } = only('non-numeric', text);
    expect(summary.counts['non-numeric']).toBe(2);
    const refused = readMonitoringCsv(`${LAB}2024-01-05T09:00+07:00;< 0,5;1\n`, {
      policy: { 'below-detection': 'reject' },
    });
    expect(refused.summary.ok).toBe(false);
    expect(refused.summary.firstRejection?.line).toBe(2);
  });
});

describe('createMonitoringCsvReader: resume', () => {
  const lines = Array.from({ length: 40 }, (_, k) =>
    // Planted: a gap after k = 11, a duplicate at k = 25, a bad value at k = 30.
    sparingLine(k < 12 ? k : k + 5, k === 30 ? '7.2,x,30,3,120' : undefined),
  );
  lines[25] = sparingLine(29);
  const text = sparing(lines);

  it("reads a file in two parts, the second resumed from the first part's state, as the whole", () => {
    const options: MonitoringCsvOptions = { policy: ALL_FLAG, expectedIntervalMs: 120_000 };
    const bytes = new TextEncoder().encode(text);
    const whole = createMonitoringCsvReader(options);
    whole.push(bytes);
    const all = readMonitoringCsv(bytes, options);
    expect(all.summary.counts.gap + all.summary.counts['duplicate-timestamp']).toBe(2);
    expect(all.summary.counts['non-numeric']).toBe(1);
    const end = whole.end();
    const headerEnd = bytes.indexOf(10) + 1;
    // Every cut at a line start after the first row.
    for (let cut = bytes.indexOf(10, headerEnd) + 1; cut > 0 && cut < bytes.length;) {
      const batches: MonitoringBatch[] = [];
      const first = createMonitoringCsvReader({ ...options, onBatch: (b) => batches.push(b) });
      first.push(bytes.subarray(0, cut));
      const firstSummary = first.end();
      const state = first.state();
      const second = createMonitoringCsvReader({
        ...options,
        resume: {
          line: state.line,
          ...(state.lastTime !== undefined && { lastTime: state.lastTime }),
          ...(state.lastLine !== undefined && { lastLine: state.lastLine }),
        },
        onBatch: (b) => batches.push(b),
      });
      second.push(bytes.subarray(0, headerEnd)); // the header record first
      second.push(bytes.subarray(cut));
      const secondSummary = second.end();
      expect(concatBatches(batches, 5)).toEqual(all.rows);
      expect([...firstSummary.issues, ...secondSummary.issues]).toEqual(all.summary.issues);
      expect(firstSummary.rows + secondSummary.rows).toBe(end.rows);
      expect(second.state()).toEqual(whole.state());
      cut = bytes.indexOf(10, cut) + 1;
    }
  });
});

describe('createMonitoringCsvReader: reused batch arrays', () => {
  it('hands on the same rows with reuseBatches, in arrays it then reuses', () => {
    const lines = Array.from({ length: 10 }, (_, k) =>
      sparingLine(k, k === 4 ? '7,,1,1,1' : undefined),
    );
    const text = sparing(lines);
    const copies: MonitoringBatch[] = [];
    const seen = new Set<ArrayBufferLike>();
    const reader = createMonitoringCsvReader({
      batchRows: 3,
      reuseBatches: true,
      onBatch: (b) => {
        seen.add(b.times.buffer);
        copies.push(concatBatches([b], 5));
      },
    });
    reader.push(text);
    reader.end();
    const plain: MonitoringBatch[] = [];
    const r2 = createMonitoringCsvReader({ batchRows: 3, onBatch: (b) => plain.push(b) });
    r2.push(text);
    r2.end();
    expect(copies).toEqual(plain.map((b) => concatBatches([b], 5)));
    expect(copies.length).toBe(4);
    expect(seen.size).toBe(1);
  });
});

describe('createMonitoringCsvReader: policy and bounded memory', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_MONITORING_POLICY).toEqual({
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
    });
  });

  it('emits nothing after a refusal, reads on to count every issue, or stops when asked', () => {
    const lines = Array.from({ length: 30 }, (_, k) => sparingLine(k));
    lines[10] = sparingLine(3);
    lines[20] = sparingLine(25, '7,x,1,1,1');
    const batches: MonitoringBatch[] = [];
    const reader = createMonitoringCsvReader({ batchRows: 4, onBatch: (b) => batches.push(b) });
    reader.push(sparing(lines));
    const summary = reader.end();
    expect(summary.ok).toBe(false);
    expect(summary.firstRejection?.rule).toBe('out-of-order');
    expect(summary.firstRejection?.line).toBe(12);
    expect(batches.every((b) => (b.lines[b.length - 1] as number) < 12)).toBe(true);
    expect(summary.emittedRows).toBe(8);
    expect(summary.counts['non-numeric']).toBe(1); // read on after the refusal
    expect(summary.rows).toBe(30);
    const stopped = readMonitoringCsv(sparing(lines), { stopOnReject: true });
    expect(stopped.summary.counts['non-numeric']).toBe(0);
    expect(stopped.summary.rows).toBe(11);
  });

  it('keeps the first maxIssuesPerRule issues of each rule, counts all, and passes all to onIssue', () => {
    const lines = Array.from({ length: 50 }, (_, k) => sparingLine(k, '7,,1,1,1'));
    lines.push('bad');
    const seen: MonitoringIssue[] = [];
    const { summary } = readMonitoringCsv(sparing(lines), {
      maxIssuesPerRule: 3,
      onIssue: (i) => seen.push(i),
    });
    expect(summary.counts['missing-value']).toBe(50);
    expect(summary.counts['malformed-line']).toBe(1);
    expect(summary.issueCount).toBe(51);
    expect(issues(summary)).toEqual([
      [2, 'missing-value', 3],
      [3, 'missing-value', 3],
      [4, 'missing-value', 3],
      [52, 'malformed-line', undefined],
    ]);
    expect(summary.issuesTruncated).toBe(true);
    expect(seen.length).toBe(51);
  });

  it('reports the first refusal in full even when no issue is kept', () => {
    const { summary } = readMonitoringCsv(sparing([sparingLine(1), sparingLine(0)]), {
      maxIssuesPerRule: 0,
    });
    expect(summary.issues).toEqual([]);
    expect(summary.firstRejection?.line).toBe(3);
  });

  it('refuses invalid options with a RangeError', () => {
    const bad: MonitoringCsvOptions[] = [
      { timeZone: 'Mars' },
      { timeZone: 15 * 60 },
      { delimiter: '|' as ',' },
      { numberFormat: 'de' as 'id' },
      { batchRows: 0 },
      { maxIssuesPerRule: -1 },
      { gapFactor: 0.5 },
      { expectedIntervalMs: -1 },
      { policy: { header: 'flag' } as MonitoringCsvOptions['policy'] },
      { policy: { gap: 'ignore' as 'flag' } },
    ];
    for (const options of bad)
      expect(() => createMonitoringCsvReader(options), JSON.stringify(options)).toThrow(RangeError);
  });

  it('holds a bounded number of bytes between chunks, whatever the file', () => {
    const maxRecordBytes = 4096;
    const bound = Math.max(maxRecordBytes, 65536) + 65536;
    const lines = Array.from({ length: 40_000 }, (_, k) => sparingLine(k % 300));
    lines[30_000] = sparingLine(1, '7,"8'); // a quote never closed: the rest is one long field
    const bytes = new TextEncoder().encode(sparing(lines));
    for (const size of [1_000_000, 70_000, 333]) {
      const reader = createMonitoringCsvReader({ maxRecordBytes, policy: ALL_FLAG });
      let most = 0;
      for (let i = 0; i < bytes.length; i += size) {
        reader.push(bytes.subarray(i, i + size));
        most = Math.max(most, reader.progress().buffered);
      }
      const summary = reader.end();
      expect(most).toBeLessThanOrEqual(bound);
      expect(summary.counts['unclosed-quote']).toBe(1);
      expect(summary.issues.find((i) => i.rule === 'unclosed-quote')?.line).toBe(30_002);
    }
  });

  it('reads text chunks split inside a surrogate pair, and bytes split inside a UTF-8 character', () => {
    const text = 'time,"note 😀é"\n2024-03-01T08:00Z,1\n';
    const whole = readMonitoringCsv(text, { parameters: ['note 😀é'] });
    expect(whole.summary.header?.parameters[0]?.name).toBe('note 😀é');
    const at = text.indexOf('😀') + 1; // between the two halves of the emoji
    const reader = createMonitoringCsvReader({ parameters: ['note 😀é'] });
    reader.push(text.slice(0, at));
    reader.push(text.slice(at));
    expect(reader.end()).toEqual(whole.summary);
    const bytes = new TextEncoder().encode(text);
    const mid = bytes.indexOf(0xc3) + 1; // inside é
    const byBytes = createMonitoringCsvReader({ parameters: ['note 😀é'] });
    byBytes.push(bytes.subarray(0, mid));
    byBytes.push(bytes.subarray(mid));
    expect(byBytes.end()).toEqual(whole.summary);
  });

  it('refuses push after end', () => {
    const reader = createMonitoringCsvReader();
    reader.end();
    expect(() => reader.push('x')).toThrow();
  });
});
