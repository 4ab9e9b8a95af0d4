import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monitoringCsvChunks, type MonitoringDataPlan } from '../../bench/monitoring-data.js';
import { cli } from '../../test/support/cli.js';
import { run } from './main.js';
import type { MonitorIo } from './monitor.js';

const dir = mkdtempSync(join(tmpdir(), 'lestari-monitor-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const study = file(
  'study.yaml',
  `lestari: 1
language: id
study:
  title: Uji pemantauan
  organisation: { name: PT Uji }
effluent:
  parameters:
    - { id: cod, name: COD, unit: mg/L, measured: 80, limit: { max: 100 } }
    - { id: ph, name: pH, measured: 7, limit: { range: "6–9" } }
`,
);

/**
 * Hourly readings in WIB across a month's end. By hand:
 * COD present 80, 120, 130, 90, 110 (one missing): mean 530/5 = 106, min 80, max 130,
 * exceedances (> 100) 3 of 5 = 60 %; the longest run is 120, 130 (31 Jan 23:00 – 1 Feb 00:00).
 * Daily means: 31 Jan (80+120)/2 = 100 (complies, equal to the limit), 1 Feb 330/3 = 110 → 1/2
 * days; no day has every reading ≤ 100 → 0/2. Loads (COD × flow × 0.001 kg/h): 0.8, 1.2 on
 * 31 Jan (mean 1.0 × 24 h = 24 kg), 2.6, 1.8, 2.2 on 1 Feb (2.2 × 24 = 52.8 kg): total
 * 76.8 kg, mean rate 8.6/5 = 1.72 kg/h. Completeness: 5 of the 48 hours of the two local days.
 * pH 7, 7, 5.5, 7, 7, 7: mean 40.5/6 = 6.75, one reading below 6 (16.67 %).
 */
const HOURLY = `Waktu (WIB),COD (mg/L),pH,Debit (m3/jam)
2024-01-31 22:00,80,7,10
2024-01-31 23:00,120,7,10
2024-02-01 00:00,130,5.5,20
2024-02-01 01:00,90,7,20
2024-02-01 02:00,110,7,20
2024-02-01 03:00,,7,20
`;
const hourly = file('hourly.csv', HOURLY);

describe('lestari monitor summary', () => {
  it('prints the figures checked by hand, in Indonesian, and exits 1 on exceedances', async () => {
    const r = await cli('monitor', 'summary', hourly, '--study', study);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).not.toMatch(/NaN|Infinity/);
    expect(out).toContain('6 baris data (6 dipakai), 2024-01-31 22:00 – 2024-02-01 03:00 WIB');
    expect(out).toContain('interval 60 min');
    expect(out).toContain('COD (mg/L) → COD (cod); pH → pH (ph); Debit (m3/jam) → flow');
    // Parameter, limit, readings, missing, completeness, mean, min, max, exceedances, %.
    expect(out).toMatch(/COD \(mg\/L\) +≤ 100 mg\/L +5 +1 +10,4 % +106 +80 +130 +3 +60,00 %/);
    expect(out).toMatch(/pH +6–9 +6 +0 +12,5 % +6,75 +5,5 +7 +1 +16,67 %/);
    expect(out).toContain(
      'Pelampauan beruntun terpanjang: 2 pembacaan, 2024-01-31 23:00 – 2024-02-01 00:00, terburuk 130',
    );
    expect(out).toContain('Hari dengan rata-rata harian memenuhi: 1/2 hari');
    expect(out).toContain('Hari dengan semua pembacaan memenuhi: 0/2 hari');
    expect(out).toContain('Beban: rata-rata 1,72 kg/jam, jumlah 76,8 kg');
    // Months: readings, missing, completeness (of the covered day: 2/24, 3/24), mean, min, max,
    // exceedances, days, load.
    expect(out).toMatch(/2024-01 +2 +0 +8,3 % +100 +80 +120 +1 +1\/1 hari +24\n/);
    expect(out).toMatch(/2024-02 +3 +1 +12,5 % +110 +90 +130 +2 +0\/1 hari +52,8\n/);
    expect(out).toMatch(/missing-value +1 +tandai +.*hourly\.csv:7/);
  });

  it('prints the same in English with decimal points', async () => {
    const r = await cli('monitor', 'summary', hourly, '--study', study, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/pH +6–9 +6 +0 +12\.5% +6\.75 +5\.5 +7 +1 +16\.67%/);
    expect(r.stdout).toContain('Load: mean 1.72 kg/h, total 76.8 kg');
    expect(r.stdout).toContain('Days whose daily mean complies: 1/2 days');
    expect(r.stdout).toContain(
      'Longest run of exceedances: 2 readings, 2024-01-31 23:00 – 2024-02-01 00:00, worst 130',
    );
    expect(r.stdout).toMatch(/missing-value +1 +flag/);
  });

  it('gives the results as JSON at full precision', async () => {
    const r = await cli('monitor', 'summary', hourly, '--study', study, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      lestari: 1,
      file: hourly,
      study,
      unmatchedColumns: [],
      unmatchedParameters: [],
      reader: { ok: true, rows: 6, used: 6, droppedRows: 0, counts: { 'missing-value': 1 } },
    });
    expect(doc.columns.map((c: { id: string; column: number }) => [c.id, c.column])).toEqual([
      ['cod', 0],
      ['ph', 1],
      ['flow', 2],
    ]);
    const m = doc.monitoring;
    expect(m.utcOffsetMinutes).toBe(420);
    expect(m.expectedIntervalSeconds).toBe(3600);
    const cod = m.parameters[0];
    expect(cod.id).toBe('cod');
    expect(cod.summary).toMatchObject({
      readings: 6,
      count: 5,
      missing: 1,
      mean: 106,
      min: 80,
      max: 130,
      exceedances: 3,
      exceedancePercent: 60,
      longestRun: { readings: 2, worst: 130 },
      completeness: { present: 5, expected: 48 },
    });
    expect(cod.summary.load.meanRate).toBeCloseTo(1.72, 12);
    expect(cod.summary.load.amount).toBeCloseTo(76.8, 10);
    expect(cod.daily.map((d: { key: string; mean: number }) => [d.key, d.mean])).toEqual([
      ['2024-01-31', 100],
      ['2024-02-01', 110],
    ]);
    expect(m.parameters[1].summary.mean).toBeCloseTo(6.75, 12);
  });

  it('exits 0 when every reading complies', async () => {
    const clean = file(
      'clean.csv',
      'Waktu (WIB),COD (mg/L),pH\n2024-01-31 22:00,80,7\n2024-01-31 23:00,100,7\n2024-02-01 00:00,60,8\n',
    );
    const r = await cli('monitor', 'summary', clean, '--study', study);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Masalah data: tidak ada');
    expect(r.stdout).not.toContain('Beban'); // no flow column
  });

  it('refuses a file a rule rejects: every issue as FILE:LINE, exit 2, nothing reported', async () => {
    const back = file(
      'back.csv',
      'Waktu (WIB),COD (mg/L),pH\n2024-01-31 22:00,80,7\n2024-01-31 23:00,100,7\n2024-01-31 21:00,60,8\n2024-02-01 00:00,60,8\n',
    );
    const r = await cli('monitor', 'summary', back, '--study', study);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('berkas ditolak (1 masalah dengan aturan "tolak")');
    expect(r.stderr).toContain(`${back}:4:1 out-of-order:`);
    // Flagged instead, the row is read and left out of the statistics (not after the previous).
    const flagged = await cli(
      'monitor',
      'summary',
      back,
      '--study',
      study,
      '--policy',
      'out-of-order=flag',
      '--json',
    );
    expect(flagged.code).toBe(0);
    const doc = JSON.parse(flagged.stdout);
    expect(doc.reader).toMatchObject({ rows: 4, used: 3, droppedRows: 1 });
    expect(doc.monitoring.parameters[0].summary.mean).toBe(80); // (80 + 100 + 60) / 3
    // A rule made to reject.
    const strict = await cli(
      'monitor',
      'summary',
      hourly,
      '--study',
      study,
      '--policy',
      'missing-value=reject',
      '--lang',
      'en',
    );
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('file refused (1 issues under a "reject" rule)');
    expect(strict.stderr).toMatch(
      new RegExp(`${hourly.replace(/[.\\/]/g, '\\$&')}:7:2 missing-value`),
    );
  });

  it('refuses a unit that differs from the study’s, at the study’s line', async () => {
    const grams = file(
      'grams.csv',
      'Waktu (WIB),COD (g/L)\n2024-01-31 22:00,0.08\n2024-01-31 23:00,0.1\n',
    );
    const r = await cli('monitor', 'summary', grams, '--study', study);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `study\\.yaml:8:\\d+ effluent\\.parameters\\[0\\]\\.unit: column "COD \\(g/L\\)" is in g/L`,
      ),
    );
  });

  it('refuses bad usage with exit 2', async () => {
    const bad = async (...args: string[]) => (await cli('monitor', 'summary', ...args)).code;
    expect(await bad(hourly, '--study', study, '--policy', 'gap=ignore')).toBe(2);
    expect(await bad(hourly, '--study', study, '--zone', 'Mars')).toBe(2);
    expect(await bad(hourly, '--study', study, '--interval', '-5')).toBe(2);
    expect(await bad(join(dir, 'none.csv'), '--study', study)).toBe(2);
    expect(await bad(hourly)).toBe(2);
    const none = await cli('monitor', 'summary', join(dir, 'none.csv'), '--study', study);
    expect(none.stderr).toContain('none.csv: no such file');
  });

  it('takes the zone and the interval from the options', async () => {
    const utc = file(
      'utc.csv',
      'timestamp,COD\n2024-01-31T16:00:00Z,80\n2024-01-31T17:00:00Z,120\n2024-01-31T18:00:00Z,90\n',
    );
    const r = await cli(
      'monitor',
      'summary',
      utc,
      '--study',
      study,
      '--zone',
      'WITA',
      '--interval',
      '1800',
      '--json',
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.monitoring.utcOffsetMinutes).toBe(480);
    expect(doc.monitoring.expectedIntervalSeconds).toBe(1800);
    // 16:00Z is 2024-02-01 00:00 WITA: all three readings fall on 1 February.
    expect(doc.monitoring.parameters[0].daily.map((d: { key: string }) => d.key)).toEqual([
      '2024-02-01',
    ]);
    expect(doc.notes).toEqual([]);
  });

  it('reads a file spanning more than 3660 days (MAX_MONITORING_DAYS) into one summary', async () => {
    // Monthly lab results, 2014 to 2026 (4 383 days): COD 120 in 2014, 90 in 2020, 130 in 2026.
    const lab = file(
      'lab-12-years.csv',
      'Tanggal (WIB);COD (mg/L);pH\n2014-01-15 09:00;120;7\n2020-06-15 09:00;90;7\n2026-01-15 09:00;130;7\n',
    );
    const r = await cli('monitor', 'summary', lab, '--study', study, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const cod = JSON.parse(r.stdout).monitoring.parameters[0];
    expect(cod.summary).toMatchObject({ count: 3, exceedances: 2, mean: 340 / 3, max: 130 });
    expect(cod.daily).toHaveLength(4384);
    expect(cod.monthly.map((m: { key: string }) => m.key).slice(0, 2)).toEqual([
      '2014-01',
      '2014-02',
    ]);
    expect(cod.monthly).toHaveLength(12 * 12 + 1);
  });

  it('reads "< 2" below the detection limit as the limit, and lists those cells by line', async () => {
    const lab = file(
      'lab-detection.csv',
      'Tanggal (WIB);COD (mg/L);pH\n2024-01-15 09:00;< 2;7\n2024-02-15 09:00;120;7\n2024-03-15 09:00;ttd;7\n',
    );
    const r = await cli('monitor', 'summary', lab, '--study', study, '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    // COD: 2 (the limit, an upper bound) and 120; "ttd" has no limit and is missing.
    expect(doc.monitoring.parameters[0].summary).toMatchObject({
      count: 2,
      missing: 1,
      min: 2,
      mean: 61,
      exceedances: 1,
    });
    const text = await cli('monitor', 'summary', lab, '--study', study, '--lang', 'en');
    expect(text.stdout).toMatch(
      /below-detection +2 +flag.*lab-detection\.csv:2.*lab-detection\.csv:4/,
    );
  });

  it('draws a progress bar on stderr when it is a terminal', async () => {
    let stderr = '';
    const code = await run(['monitor', 'summary', hourly, '--study', study], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      stderrIsTTY: true,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/\r\[#+\] 100% +0\.0\/0\.0 MB +6 rows +\d+ rows\/s\n$/);
  });
});

describe('lestari monitor summary with a load limit (beban pencemaran maksimum)', () => {
  const loadStudy = file(
    'study-load.yaml',
    `lestari: 1
language: id
numberFormat: id
study:
  title: Uji beban
  organisation: { name: PT Uji }
effluent:
  parameters:
    - id: cod
      name: COD
      unit: mg/L
      measured: 80
      limit: { max: 100 }
      loadLimit:
        perDay: "30,5"
        perHour: "2,1"
        citation: Izin IPLC
    - { id: ph, name: pH, measured: 7, limit: { range: "6–9" } }
`,
  );
  // From HOURLY: each COD reading's rate (mg/L × m³/h × 0.001 kg/h), by local day; a day's
  // amount is its mean rate × 24 h.
  const perDay = 30.5;
  const perHour = 2.1;
  const rates = new Map<string, number[]>();
  for (const line of HOURLY.trim().split('\n').slice(1)) {
    const [time = '', cod = '', , flow = ''] = line.split(',');
    if (cod === '') continue;
    const day = time.slice(0, 10);
    rates.set(day, [...(rates.get(day) ?? []), Number(cod) * Number(flow) * 0.001]);
  }
  const amounts = [...rates.values()].map((r) => (r.reduce((a, b) => a + b, 0) / r.length) * 24);
  const daysOver = amounts.filter((a) => a > perDay).length;
  const readingsOver = [...rates.values()].flat().filter((r) => r > perHour).length;

  it('counts the days over the daily load limit and the readings over the hourly one', async () => {
    // 31 Jan: (0.8 + 1.2)/2 × 24 = 24 kg; 1 Feb: 2.2 × 24 = 52.8 kg > 30.5; 2.6 and 2.2 > 2.1 kg/h.
    expect([amounts.length, daysOver, readingsOver]).toEqual([2, 1, 2]);
    const r = await cli('monitor', 'summary', hourly, '--study', loadStudy, '--json');
    expect(r.stderr).toBe('');
    const cod = JSON.parse(r.stdout).monitoring.parameters[0];
    expect(cod.loadLimit).toEqual({ perHour, perDay });
    expect(cod.summary.load.daysOverLimit).toBe(daysOver);
    expect(cod.summary.load.rateExceedances).toBe(readingsOver);
    expect(cod.daily.map((d: { load: { amount: number } }) => d.load.amount)).toEqual(
      amounts.map((a) => expect.closeTo(a, 10)),
    );
  });

  it('prints the load limit with the days and readings over it, id and en', async () => {
    const id = await cli('monitor', 'summary', hourly, '--study', loadStudy);
    expect(id.stdout).toContain(
      `Beban maksimum: 30,5 kg/hari: ${daysOver}/2 hari melampaui; 2,1 kg/jam: ${readingsOver} pembacaan melampaui`,
    );
    const en = await cli('monitor', 'summary', hourly, '--study', loadStudy, '--lang', 'en');
    expect(en.stdout).toContain(
      `Load limit: 30.5 kg/day: ${daysOver}/2 days over; 2.1 kg/h: ${readingsOver} readings over`,
    );
  });

  it('notes a load limit it cannot check when the file has no flow column', async () => {
    const noFlow = file(
      'no-flow.csv',
      'Waktu (WIB),COD (mg/L),pH\n2024-01-31 22:00,80,7\n2024-01-31 23:00,100,7\n',
    );
    const r = await cli('monitor', 'summary', noFlow, '--study', loadStudy, '--lang', 'en');
    expect(r.stdout).toContain(
      'cod has a load limit but its load is not computed (no flow column, or its unit is not mg/L): the load limit is not checked',
    );
    expect(r.stdout).not.toContain('Load limit');
  });
});

describe('lestari monitor alerts', () => {
  it('lists the runs of at least N exceedances, with local times', async () => {
    const r = await cli('monitor', 'alerts', hourly, '--study', study, '--run', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /≥ 2 pelampauan beruntun +COD +2024-01-31 23:00 +2024-02-01 00:00 +130 +2\n1 peringatan/,
    );
  });

  it('lists every exceedance episode by default, as JSON too', async () => {
    const r = await cli('monitor', 'alerts', hourly, '--study', study, '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.alerts).toEqual([{ kind: 'exceedance' }]);
    expect(
      doc.events.map((e: { parameter: string; start: string; end: string; value: number }) => [
        e.parameter,
        e.start,
        e.end,
        e.value,
      ]),
    ).toEqual([
      ['cod', '2024-01-31T23:00:00+07:00', '2024-02-01T00:00:00+07:00', 130],
      ['ph', '2024-02-01T00:00:00+07:00', '2024-02-01T00:00:00+07:00', 5.5],
      ['cod', '2024-02-01T02:00:00+07:00', '2024-02-01T02:00:00+07:00', 110],
    ]);
  });

  it('lists days of low completeness and exits 0 without events', async () => {
    const r = await cli(
      'monitor',
      'alerts',
      hourly,
      '--study',
      study,
      '--completeness',
      '0,1',
      '--lang',
      'en',
    );
    // 31 Jan has 2 of 24 readings (8.3 %) for every parameter; 1 Feb has 4 (16.7 %) but COD 3 (12.5 %).
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /daily completeness < 10% +COD +2024-01-31 00:00 +2024-02-01 00:00 +8\.3% +2/,
    );
    expect(r.stdout).toContain('3 alerts'); // COD, pH and flow on 31 January
    const none = await cli('monitor', 'alerts', hourly, '--study', study, '--completeness', '0.05');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Tidak ada peringatan.');
  });

  it('refuses --run 0 and --completeness above 1', async () => {
    expect((await cli('monitor', 'alerts', hourly, '--study', study, '--run', '0')).code).toBe(2);
    expect(
      (await cli('monitor', 'alerts', hourly, '--study', study, '--completeness', '1.5')).code,
    ).toBe(2);
  });
});

describe('lestari monitor on a generated SPARING file', () => {
  const chunks: string[] = [];
  const generator = monitoringCsvChunks({ rows: 5000, seed: 7 });
  let plan: MonitoringDataPlan;
  for (;;) {
    const step = generator.next();
    if (step.done === true) {
      plan = step.value;
      break;
    }
    chunks.push(step.value);
  }
  const text = chunks.join('');
  const sparing = file('sparing.csv', text);
  const sparingStudy = file(
    'sparing.yaml',
    `lestari: 1
language: en
study: { title: SPARING, organisation: { name: PT Uji } }
effluent:
  parameters:
    - { id: cod, name: COD, unit: mg/L, measured: 80, limit: { max: 100 } }
    - { id: nh3n, name: NH3-N, unit: mg/L, measured: 3 }
`,
  );

  it('refuses it by default at the planted lines of rejecting rules', async () => {
    const r = await cli('monitor', 'summary', sparing, '--study', sparingStudy);
    expect(r.code).toBe(2);
    const planted = plan.issues.filter(
      (i) => i.rule === 'invalid-timestamp' || i.rule === 'out-of-order',
    );
    expect(planted.length).toBeGreaterThan(0);
    for (const i of planted) expect(r.stderr).toContain(`${sparing}:${i.line}:`);
  });

  it('counts the COD exceedances of the file when those rules only flag', async () => {
    const r = await cli(
      'monitor',
      'summary',
      sparing,
      '--study',
      sparingStudy,
      '--policy',
      'invalid-timestamp=flag',
      'out-of-order=flag',
      '--json',
    );
    expect(r.code).toBe(1);
    // Independently: COD values above 100 on the lines the reader keeps in time order.
    const lines = text.split('\n');
    const skipped = new Set(
      plan.issues
        .filter((i) =>
          ['malformed-line', 'invalid-timestamp', 'out-of-order', 'duplicate-timestamp'].includes(
            i.rule,
          ),
        )
        .map((i) => i.line),
    );
    let expected = 0;
    lines.forEach((line, k) => {
      if (k === 0 || skipped.has(k + 1) || line === '') return;
      const cod = Number(line.split(',')[2]);
      if (cod > 100) expected += 1;
    });
    const doc = JSON.parse(r.stdout);
    expect(expected).toBeGreaterThan(0);
    expect(doc.monitoring.parameters[0].summary.exceedances).toBe(expected);
    expect(doc.unmatchedColumns).toEqual(['pH', 'TSS (mg/L)']);
    expect(doc.columns.map((c: { id: string }) => c.id)).toEqual(['cod', 'nh3n', 'flow']);
  });

  // The worker of the two-core reading runs from dist/ (npm test builds first).
  const twoCores = async (argv: string[], parallelMinBytes: number, stderrIsTTY = false) => {
    let stdout = '';
    let stderr = '';
    const io: Parameters<typeof run>[1] & MonitorIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stderrIsTTY,
      parallelMinBytes,
    };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  };

  it('prints the same summary, text and JSON, when it reads the file on two cores', async () => {
    const flags = ['--policy', 'invalid-timestamp=flag', 'out-of-order=flag'];
    for (const extra of [[], ['--json'], ['--lang', 'id']]) {
      const argv = ['monitor', 'summary', sparing, '--study', sparingStudy, ...flags, ...extra];
      const one = await twoCores(argv, Number.MAX_SAFE_INTEGER);
      const two = await twoCores(argv, 0);
      expect(two.code).toBe(1);
      expect(two.stderr).toBe('');
      expect(two.stdout).toBe(one.stdout);
    }
    // A refused file: the same FILE:LINE list either way.
    const refused = ['monitor', 'summary', sparing, '--study', sparingStudy];
    const one = await twoCores(refused, Number.MAX_SAFE_INTEGER);
    const two = await twoCores(refused, 0);
    expect([two.code, two.stderr]).toEqual([2, one.stderr]);
  });

  it('feeds the progress bar from both ranges up to every row of the file', async () => {
    const argv = ['monitor', 'summary', sparing, '--study', sparingStudy];
    const r = await twoCores(
      [...argv, '--policy', 'invalid-timestamp=flag', 'out-of-order=flag'],
      0,
      true,
    );
    const rows =
      text.split('\n').length -
      2 -
      plan.issues.filter((i) => ['malformed-line', 'invalid-timestamp'].includes(i.rule)).length;
    expect(r.stderr).toMatch(
      new RegExp(`\\r\\[#+\\] 100% +[\\d.]+/[\\d.]+ MB +${rows} rows +\\d+ rows/s\\n$`),
    );
  });
});
