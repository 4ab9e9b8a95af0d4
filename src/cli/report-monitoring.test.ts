import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example } from '../../test/support/cli.js';
import { sampleMonitoringCsv } from '../document/monitoring/sample-data.js';
import { parseStudyText } from '../document/parse-study.js';
import { resolveStudy } from '../document/resolve-study.js';

const dir = mkdtempSync(join(tmpdir(), 'lestari-report-monitoring-'));

function cvAbcParameters() {
  const parsed = parseStudyText(readFileSync(example('cv-abc'), 'utf8'));
  if (!parsed.ok) throw new Error('cv-abc does not parse');
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error('cv-abc does not resolve');
  return resolved.study.effluent?.parameters ?? [];
}

describe('lestari report --monitoring', () => {
  it('adds a monitoring section per readings file, with before/after at --implemented', async () => {
    const readings = join(dir, 'outlet-ipal.csv');
    writeFileSync(
      readings,
      sampleMonitoringCsv(cvAbcParameters(), { language: 'id', year: 2026, month: 3, days: 28 }),
    );
    const output = join(dir, 'report.html');
    const r = await cli(
      'report',
      example('cv-abc'),
      '-o',
      output,
      '--lang',
      'en',
      '--monitoring',
      readings,
      '--implemented',
      '2026-03-16',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(output, 'utf8');
    expect(html).toContain('Monitoring data: outlet-ipal.csv');
    // The sample's concentrations fall 15 % from day 15 (16 March): the before/after table.
    expect(html).toContain('Daily means before 16 March 2026');
  });

  it('refuses a date that does not exist and a readings file it cannot read', async () => {
    const bad = await cli(
      'report',
      example('cv-abc'),
      '-o',
      join(dir, 'x.html'),
      '--implemented',
      '2026-02-30',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--implemented 2026-02-30: must be a date YYYY-MM-DD');
    const missing = await cli(
      'report',
      example('cv-abc'),
      '-o',
      join(dir, 'y.html'),
      '--monitoring',
      join(dir, 'none.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.csv: no such file');
  });
});
