/**
 * Properties of the streaming reader: any split of the input (bytes or text, inside a UTF-8
 * character, a quoted field or a CRLF) gives the same rows, batches, issues and summary; the
 * fast path and the general path agree; and no input makes it throw, with every issue placed
 * on a line of the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMonitoringCsvReader,
  MONITORING_RULES,
  type MonitoringBatch,
  type MonitoringCsvOptions,
  type MonitoringSummary,
} from './csv-reader.js';

const encoder = new TextEncoder();

interface Outcome {
  summary: MonitoringSummary;
  batches: {
    length: number;
    lines: number[];
    times: number[];
    flags: number[];
    values: number[][];
  }[];
  headers: number;
}

function plain(batch: MonitoringBatch): Outcome['batches'][number] {
  return {
    length: batch.length,
    lines: Array.from(batch.lines),
    times: Array.from(batch.times),
    flags: Array.from(batch.flags),
    values: batch.values.map((v) => Array.from(v)),
  };
}

function readChunks(
  chunks: readonly (Uint8Array | string)[],
  options: MonitoringCsvOptions,
): Outcome {
  const batches: Outcome['batches'] = [];
  let headers = 0;
  const reader = createMonitoringCsvReader({
    ...options,
    onBatch: (b) => batches.push(plain(b)),
    onHeader: () => headers++,
  });
  for (const chunk of chunks) reader.push(chunk);
  return { summary: reader.end(), batches, headers };
}

function cut<T extends Uint8Array | string>(whole: T, at: readonly number[]): T[] {
  const points = [...new Set(at.map((p) => Math.min(p, whole.length)))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const p of [...points, whole.length]) {
    out.push(whole.slice(from, p) as T);
    from = p;
  }
  return out;
}

// --- a generator of monitoring files, good and bad ------------------------------------

const delimiter = fc.constantFrom(',', ';', '\t');
const names = fc.uniqueArray(
  fc.constantFrom(
    'pH',
    'COD (mg/L)',
    'TSS [mg/L]',
    'NH3-N (mg/L)',
    'Debit (m³/jam)',
    'suhu (°C)',
    'DHL (µS/cm)',
    '"Q ""in"""',
    'catatan',
  ),
  { minLength: 1, maxLength: 4, selector: (n) => n.replace(/[^a-z0-9]/gi, '').toLowerCase() },
);
const timestampName = fc.constantFrom('timestamp', 'Waktu (WIB)', 'Tanggal', '"date, time"');

const cell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .double({ min: -10, max: 2000, noNaN: true })
      .map((v) => String(Math.round(v * 100) / 100)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('7,25', '1.234,5', '1.234', '0,5', '12', '1,234.5', '-0', '2e3'),
  },
  { weight: 2, arbitrary: fc.constantFrom('', 'NA', '-', 'ERR', '#VALUE!', ' 7 ', '7.', '1,2,3') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"7,2"',
      '"12"',
      '""',
      '"a""b"',
      '"x\ny"',
      '"8"z',
      '"é"',
      '"日本"',
      '"😀"',
      'é',
      '😀',
    ),
  },
);

function timestampText(k: number, variant: number): string {
  const minutes = 480 + 2 * k;
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  switch (variant) {
    case 0:
      return `2024-03-01T${hh}:${mm}:00+07:00`;
    case 1:
      return `01/03/2024 ${hh}:${mm}`;
    case 2:
      return `2024-03-01 ${hh}:${mm}`;
    case 3:
      return `2024-04-31T${hh}:${mm}:00Z`;
    case 4:
      return `"2024-03-01T${hh}:${mm}Z"`;
    default:
      return 'kemarin';
  }
}

const file = fc
  .record({
    bom: fc.boolean(),
    delimiter,
    timestampName,
    names,
    crlf: fc.constantFrom(0, 0.5, 1),
    rows: fc.array(
      fc.record({
        step: fc.constantFrom(1, 1, 1, 1, 0, -1, 5, 40),
        variant: fc.constantFrom(0, 0, 0, 0, 1, 2, 3, 4, 5),
        cells: fc.array(cell, { minLength: 0, maxLength: 6 }),
        shape: fc.oneof(
          { weight: 20, arbitrary: fc.constant('ok') },
          { weight: 1, arbitrary: fc.constantFrom('short', 'long', 'blank', 'open-quote') },
        ),
        crlf: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 30 },
    ),
    trailingNewline: fc.boolean(),
  })
  .map((f) => {
    const lines = [[f.timestampName, ...f.names].join(f.delimiter)];
    let k = 0;
    for (const row of f.rows) {
      k += row.step;
      // A cell holding the delimiter is quoted, as a spreadsheet would (most of the time).
      const values = f.names.map((_, i) => {
        const c = row.cells[i] ?? String(i);
        return c.includes(f.delimiter) && !c.startsWith('"') && row.crlf > 0.1 ? `"${c}"` : c;
      });
      const fields = [timestampText(Math.max(0, k), row.variant), ...values];
      if (row.shape === 'short') fields.pop();
      if (row.shape === 'long') fields.push('1');
      let line = row.shape === 'blank' ? '' : fields.join(f.delimiter);
      if (row.shape === 'open-quote') line = line + f.delimiter + '"open';
      lines.push(line);
    }
    const breaks = lines.map((_, i) => ((f.rows[i - 1]?.crlf ?? 0.5) < f.crlf ? '\r\n' : '\n'));
    let text =
      (f.bom ? '\uFEFF' : '') +
      lines
        .map((l, i) => l + (i < lines.length - 1 || f.trailingNewline ? breaks[i] : ''))
        .join('');
    if (text === '') text = '\n';
    return text;
  });

const options = fc.record(
  {
    timeZone: fc.constantFrom('WIB', 'WITA', '+00:00'),
    batchRows: fc.integer({ min: 1, max: 5 }),
    maxRecordBytes: fc.integer({ min: 16, max: 200 }),
    maxIssuesPerRule: fc.integer({ min: 0, max: 3 }),
    policy: fc.constantFrom<MonitoringCsvOptions['policy']>(
      {},
      Object.fromEntries(MONITORING_RULES.slice(1).map((r) => [r, 'flag'])),
    ),
    stopOnReject: fc.boolean(),
    numberFormat: fc.constantFrom('id' as const, 'en' as const),
  },
  { requiredKeys: [] },
);

const cuts = fc.array(fc.nat({ max: 4000 }), { maxLength: 12 });

describe('createMonitoringCsvReader properties', () => {
  it('gives the same rows, issues and summary for any split of the bytes or the text, by either path', () => {
    fc.assert(
      fc.property(file, options, cuts, cuts, (text, opts, byteCuts, textCuts) => {
        const bytes = encoder.encode(text);
        const whole = readChunks([bytes], opts);
        expect(whole.headers).toBeLessThanOrEqual(1);
        expect(readChunks(cut(bytes, byteCuts), opts)).toEqual(whole);
        expect(readChunks(cut(text, textCuts), opts)).toEqual(whole);
        expect(readChunks([bytes], { ...opts, fastPath: false })).toEqual(whole);
        // One byte at a time: every record crosses a chunk boundary.
        const single = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
        expect(readChunks(single, opts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for any split of a file larger than the first-rows window', () => {
    // About 150 kB: the notation and the interval are decided at 64 KiB, mid-stream.
    const lines = ['timestamp;pH;COD (mg/L);Debit (m3/jam)'];
    for (let k = 0; k < 4000; k++) {
      const minutes = 2 * k + (k > 2500 ? 60 : 0);
      const day = 1 + Math.floor(minutes / 1440);
      const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      const time = `${String(day).padStart(2, '0')}/03/2024 ${hh}:${mm}`;
      const v =
        k % 997 === 0 ? 'ERR' : k % 1231 === 0 ? '' : `${7 + (k % 13) / 10}`.replace('.', ',');
      lines.push(`${time};${v};${(k % 200) + 0.5};"1.${String(k % 1000).padStart(3, '0')},5"`);
      if (k === 3000) lines.push(`${time};7;1;1`); // a duplicate
      if (k === 3500) lines.push('31/04/2024 08:00;7;1;1');
    }
    const bytes = encoder.encode(lines.join('\r\n') + '\r\n');
    expect(bytes.length).toBeGreaterThan(140_000);
    const opts: MonitoringCsvOptions = {
      timeZone: 'WIB',
      batchRows: 1000,
      policy: { 'invalid-timestamp': 'flag' },
    };
    const whole = readChunks([bytes], opts);
    expect(whole.summary.header?.numberFormat).toBe('id');
    expect(whole.summary.header?.expectedIntervalMs).toBe(120000);
    expect(whole.summary.counts).toMatchObject({
      'non-numeric': 5,
      'missing-value': 3,
      gap: 1,
      'duplicate-timestamp': 1,
      'invalid-timestamp': 1,
    });
    expect(whole.summary.rows).toBe(4001);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: bytes.length }), { maxLength: 40 }),
        fc.nat({ max: 7 }),
        (at, tiny) => {
          expect(readChunks(cut(bytes, at), opts)).toEqual(whole);
          // Many small chunks, of 1 to 8 bytes.
          const small: Uint8Array[] = [];
          for (let i = 0; i < bytes.length; i += tiny + 1)
            small.push(bytes.subarray(i, i + tiny + 1));
          expect(readChunks(small, opts)).toEqual(whole);
        },
      ),
      { numRuns: 8 },
    );
    expect(readChunks([bytes], { ...opts, fastPath: false })).toEqual(whole);
  });

  it('never throws on any bytes, and places every issue and refusal on a line of the file', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789,;\t"\r\n-:.TZ+ /eéa'.split('').map((c) => encoder.encode(c)),
      encoder.encode('\uFEFF'),
      encoder.encode('2024-03-01T08:00:00+07:00'),
      encoder.encode('time,COD\n'),
      new Uint8Array([0xff]),
      new Uint8Array([0xe2, 0x82]), // a cut UTF-8 sequence
    );
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.array(alphabet, { maxLength: 120 }).map((parts) => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return out;
      }),
      file.map((t) => encoder.encode(t)),
    );
    fc.assert(
      fc.property(junk, options, cuts, (bytes, opts, at) => {
        const { summary, batches } = readChunks(cut(bytes, at), opts);
        const lastLine = summary.lines + 1;
        for (const issue of summary.issues) {
          expect(MONITORING_RULES).toContain(issue.rule);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lastLine);
          expect(issue.message).not.toBe('');
        }
        if (!summary.ok) {
          expect(summary.firstRejection).toBeDefined();
          expect(summary.firstRejection?.line).toBeGreaterThanOrEqual(1);
          expect(summary.firstRejection?.action).toBe('reject');
        } else {
          expect(summary.emittedRows).toBe(summary.rows);
        }
        expect(summary.bytes).toBe(bytes.length);
        expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(summary.issueCount);
        let previous = 0;
        for (const b of batches) {
          for (let i = 0; i < b.length; i++) {
            const line = b.lines[i] as number;
            expect(line).toBeGreaterThan(previous);
            previous = line;
            expect(Number.isFinite(b.times[i])).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
