import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  MIN_MONITORING_ROWS,
  MONITORING_HEADER,
  monitoringCsvChunks,
  writeMonitoringCsv,
  type MonitoringDataOptions,
  type MonitoringDataPlan,
} from '../../bench/monitoring-data.js';
import {
  createMonitoringCsvReader,
  MONITORING_RULES,
  type MonitoringBatch,
  type MonitoringCsvOptions,
} from '../../src/document/monitoring/index.js';

function generate(options: MonitoringDataOptions): { bytes: Buffer; plan: MonitoringDataPlan } {
  const chunks = monitoringCsvChunks(options);
  const parts: string[] = [];
  for (;;) {
    const step = chunks.next();
    if (step.done === true)
      return { bytes: Buffer.from(parts.join(''), 'latin1'), plan: step.value };
    parts.push(step.value);
  }
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const ALL_FLAG = Object.fromEntries(
  MONITORING_RULES.filter((r) => r !== 'header').map((r) => [r, 'flag']),
) as MonitoringCsvOptions['policy'];

describe('bench/monitoring-data', () => {
  const { bytes, plan } = generate({ rows: 20_000, seed: 7, chunkChars: 4096 });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    expect(plan.rows).toBe(20_000);
    expect(plan.bytes).toBe(bytes.length);
    expect(bytes.subarray(0, MONITORING_HEADER.length + 1).toString()).toBe(
      MONITORING_HEADER + '\n',
    );
    expect(bytes.toString('latin1').split('\n').length - 1).toBe(plan.lines);
    const again = generate({ rows: 20_000, seed: 7, chunkChars: 100_000 });
    expect(sha(again.bytes)).toBe(sha(bytes));
    expect(again.plan).toEqual(plan);
    expect(sha(generate({ rows: 20_000, seed: 8 }).bytes)).not.toBe(sha(bytes));
  });

  it('plants at least one of each kind of fault, and hour-long exceedances', () => {
    const rules = new Set(plan.issues.map((i) => i.rule));
    expect([...rules].sort()).toEqual(
      [
        'duplicate-timestamp',
        'gap',
        'impossible-value',
        'invalid-timestamp',
        'malformed-line',
        'missing-value',
        'non-numeric',
        'out-of-order',
      ].sort(),
    );
    expect(plan.exceedances.length).toBeGreaterThanOrEqual(1);
    expect(() => generate({ rows: MIN_MONITORING_ROWS - 1 })).toThrow(RangeError);
  });

  it('is read back by the streaming reader with exactly the planted issues, in any chunks', () => {
    for (const size of [bytes.length, 65_536, 4_099, 97]) {
      const batches: MonitoringBatch[] = [];
      const reader = createMonitoringCsvReader({
        policy: ALL_FLAG,
        maxIssuesPerRule: 1000,
        onBatch: (b) => batches.push(b),
      });
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      const summary = reader.end();
      const found = summary.issues.map((i) => ({
        line: i.line,
        rule: i.rule,
        ...(i.column === undefined ? {} : { column: i.column }),
      }));
      expect(found).toEqual(plan.issues);
      expect(summary.header?.expectedIntervalMs).toBe(120_000);
      expect(summary.header?.numberFormat).toBe('en');
      const skipped = plan.issues.filter(
        (i) => i.rule === 'malformed-line' || i.rule === 'invalid-timestamp',
      ).length;
      expect(summary.rows).toBe(plan.rows - skipped);
      expect(summary.firstTime).toBe(plan.firstTime);
      expect(summary.lastTime).toBe(plan.lastTime);
      // The exceedances: COD above 100 mg/L on exactly their lines.
      const high = new Set<number>();
      for (const b of batches) {
        for (let r = 0; r < b.length; r++)
          if ((b.values[1]?.[r] ?? 0) > 100) high.add(b.lines[r] as number);
      }
      const planted = new Set<number>();
      for (const e of plan.exceedances)
        for (let l = e.firstLine; l <= e.lastLine; l++) planted.add(l);
      expect(high).toEqual(planted);
    }
  });

  it('refuses the file under the default policy, at the first planted refusal', () => {
    const reader = createMonitoringCsvReader();
    reader.push(bytes);
    const summary = reader.end();
    expect(summary.ok).toBe(false);
    const first = plan.issues.find(
      (i) => i.rule === 'invalid-timestamp' || i.rule === 'out-of-order',
    );
    expect(summary.firstRejection?.line).toBe(first?.line);
  });

  it('writes to a stream in chunks, the same bytes', async () => {
    const chunks: Buffer[] = [];
    let writes = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        writes++;
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const written = await writeMonitoringCsv(out, { rows: 20_000, seed: 7, chunkChars: 4096 });
    expect(written).toEqual(plan);
    expect(writes).toBeGreaterThan(100);
    expect(sha(Buffer.concat(chunks))).toBe(sha(bytes));
  });

  it('has a command line: tsx bench/monitoring-data.ts OUT.csv --rows N --seed S', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lestari-monitoring-'));
    try {
      const out = join(dir, 'sparing.csv');
      const planPath = join(dir, 'plan.json');
      const printed = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'bench/monitoring-data.ts',
          out,
          '--rows',
          '2000',
          '--seed',
          '7',
          '--plan',
          planPath,
        ],
        { encoding: 'utf8' },
      );
      expect(printed).toMatch(/2000 rows/);
      const fromCli = readFileSync(out);
      expect(sha(fromCli)).toBe(sha(generate({ rows: 2000, seed: 7 }).bytes));
      expect(JSON.parse(readFileSync(planPath, 'utf8'))).toEqual(
        generate({ rows: 2000, seed: 7 }).plan,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
