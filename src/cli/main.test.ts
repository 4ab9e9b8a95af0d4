import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, example, repositoryRoot as root } from '../../test/support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lestari-cli-'));
});

async function studyFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

const header = `lestari: 1
numberFormat: id
study:
  title: Uji
  organisation:
    name: CV. Uji
`;

describe('lestari validate', () => {
  it('accepts the three examples and both templates', async () => {
    for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery', 'template.id', 'template.en']) {
      const result = await cli('validate', example(name));
      expect(result, name).toMatchObject({ code: 0, stderr: '' });
    }
  });
});

describe('lestari compute', () => {
  it('prints tables in the study’s language, with Indonesian number formats', async () => {
    const result = await cli('compute', example('cv-abc'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Total: 1,3315');
    expect(result.stdout).toMatch(/alt-2 .*3,125/);
    const english = await cli('compute', example('cv-abc'), '--lang', 'en');
    expect(english.stdout).toContain('Total: 1.3315');
  });

  it('gives every value at full precision with --json', async () => {
    const result = await cli('compute', example('ecco-tannery'), '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      results: {
        epi: { total: number };
        options: { id: string; economics: { annualWorth: number } }[];
        decision: { incrementalIrr: { percent: number } };
      };
      study: { effluent: { parameters: { limit: { citation: string } }[] } };
    };
    expect(json.results.epi.total).toBeCloseTo(29.2002405, 7);
    expect(json.results.options.map((o) => Math.round(o.economics.annualWorth))).toEqual([
      356864537, 1266758606,
    ]);
    expect(json.results.decision.incrementalIrr.percent).toBeCloseTo(180.434, 3);
    // Provenance: a limit taken from the standards library carries its citation.
    expect(json.study.effluent.parameters[0]?.limit.citation).toMatch(/ECCO/);
  });
});

describe('invalid files are refused with the place named and exit code 2', () => {
  const cases: [string, string, string, RegExp][] = [
    ['syntax error', 'syntax.yaml', 'lestari: 1\nstudy: [\n', /syntax\.yaml:3:1: /],
    [
      'wrong type',
      'wrong-type.yaml',
      `${header}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: [1], weight: 1 }\n`,
      /wrong-type\.yaml:9:39 effluent\.parameters\[0\]\.measured: must be a number, or text such as/,
    ],
    [
      'unknown field',
      'unknown-field.yaml',
      `${header}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: 1, weigth: 1 }\n`,
      /unknown-field\.yaml:9:42 effluent\.parameters\[0\]\.weigth: unknown field "weigth" \(did you mean "weight"\?\)/,
    ],
    [
      'zero standard',
      'zero-standard.yaml',
      `${header}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: 1, weight: 1, limit: { max: 0 } }\nepi: { method: deviation }\n`,
      /zero-standard\.yaml:9:60 effluent\.parameters\[0\]\.limit: must be > 0, got 0/,
    ],
    [
      'negative weight',
      'negative-weight.yaml',
      `${header}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: 1, weight: -1, limit: { max: 30 } }\nepi: { method: deviation }\n`,
      /negative-weight\.yaml:9:50 effluent\.parameters\[0\]\.weight: must be ≥ 0, got -1/,
    ],
    [
      'AHP matrix that is not reciprocal',
      'not-reciprocal.yaml',
      `${header}weights:\n  ahp:\n    - id: w\n      items: [a, b]\n      matrix:\n        - [1, 3]\n        - [3, 1]\n`,
      /not-reciprocal\.yaml:13:12 weights\.ahp\[0\]\.matrix\[1\]\[0\]: must be 1 \/ matrix\[0\]\[1\]/,
    ],
  ];
  for (const [name, fileName, text, expected] of cases) {
    it(`refuses a file with a ${name}`, async () => {
      const file = await studyFile(fileName, text);
      const result = await cli('compute', file);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
      expect(result.stderr).toMatch(expected);
    });
  }

  it('reports every error of a file at once', async () => {
    const file = await studyFile(
      'many.yaml',
      `${header}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: x, weigth: 1 }\n    - { id: cod, name: COD, measured: y }\n`,
    );
    const result = await cli('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('refuses a binary file', async () => {
    const file = join(dir, 'binary.yaml');
    await writeFile(file, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    const result = await cli('validate', file);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toBe(`${file}: is a binary file, not a YAML or JSON study file\n`);
  });

  it('refuses a 50 MB file without reading it', async () => {
    const file = join(dir, 'huge.yaml');
    await writeFile(file, '');
    await truncate(file, 50 * 1024 * 1024);
    const result = await cli('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${file}: file is 50.0 MB; a study file may be at most 10 MB\n`);
  });

  it('names a missing file', async () => {
    const result = await cli('validate', join(dir, 'nothing.yaml'));
    expect(result).toMatchObject({
      code: 2,
      stderr: `${join(dir, 'nothing.yaml')}: no such file\n`,
    });
  });

  it('writes nothing when the input is invalid', async () => {
    const bad = await studyFile('bad-export.yaml', 'lestari: 2\n');
    const output = join(dir, 'never.xlsx');
    const result = await cli('export', bad, '-o', output);
    expect(result.code).toBe(2);
    expect(existsSync(output)).toBe(false);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or a missing argument', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('compute')).code).toBe(2);
    expect((await cli('compute', example('cv-abc'), '--lang', 'fr')).code).toBe(2);
  });

  it('exits 0 for help and version', async () => {
    expect((await cli('--help')).code).toBe(0);
    expect((await cli('--version')).stdout.trim()).toBe('0.1.0');
  });
});

describe('lestari export and import', () => {
  it('round-trips every example through an Excel workbook to the same results', async () => {
    for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery']) {
      const workbook = join(dir, `${name}.xlsx`);
      const back = join(dir, `${name}.back.yaml`);
      expect((await cli('export', example(name), '-o', workbook, '--lang', 'en')).code).toBe(0);
      expect((await cli('import', workbook, '-o', back)).code).toBe(0);
      const original = JSON.parse((await cli('compute', example(name), '--json')).stdout) as {
        study: unknown;
        results: unknown;
      };
      const again = JSON.parse((await cli('compute', back, '--json')).stdout) as {
        study: unknown;
        results: unknown;
      };
      expect(again.study).toEqual(original.study);
      expect(again.results).toEqual(original.results);
    }
  });
});

describe('lestari init', () => {
  it('writes a template that validates, in either language', async () => {
    for (const lang of ['id', 'en']) {
      const file = join(dir, `new-${lang}.yaml`);
      expect((await cli('init', '--lang', lang, '-o', file)).code).toBe(0);
      expect(await readFile(file, 'utf8')).toContain('lestari: 1');
      expect((await cli('validate', file)).code).toBe(0);
    }
  });
});

describe('the installed command', () => {
  it('runs from bin/lestari.js with the built code and exits 2 on an invalid file', async () => {
    // `npm test` builds dist/ (tsc -b) before the tests run.
    expect(existsSync(join(root, 'dist', 'cli', 'main.js'))).toBe(true);
    const bin = join(root, 'bin', 'lestari.js');
    const version = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(version.stdout.trim()).toBe('0.1.0');
    const failed = await promisify(execFile)(process.execPath, [
      bin,
      'validate',
      join(dir, 'nothing.yaml'),
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    // Two Node start-ups: a loaded 2-core CI machine needs more than vitest's default 5 s.
  }, 30_000);
});

describe('lestari audit', () => {
  it('reports the papers’ errata and exits 1', async () => {
    const expected = {
      'cv-abc': [31, 22, 9],
      'adi-bungsu': [23, 20, 3],
      'ecco-tannery': [24, 23, 1],
    };
    for (const [name, [published, match, discrepancy]] of Object.entries(expected)) {
      const result = await cli('audit', example(name), '--lang', 'en');
      expect(result.code, name).toBe(1);
      expect(result.stdout).toContain(
        `${published} published values: ${match} match, ${discrepancy} discrepancies`,
      );
    }
    const indonesian = await cli('audit', example('adi-bungsu'));
    expect(indonesian.stdout).toContain('23 nilai tercetak: 20 cocok, 3 selisih');
    expect(indonesian.stdout).toContain('salah hitung');
  });

  it('gives the whole audit as JSON', async () => {
    const result = await cli('audit', example('ecco-tannery'), '--json');
    const audit = JSON.parse(result.stdout) as {
      counts: { discrepancy: number };
      entries: { path: string; status: string; cause?: { kind: string } }[];
    };
    expect(audit.counts.discrepancy).toBe(1);
    expect(audit.entries.find((e) => e.status === 'discrepancy')).toMatchObject({
      path: 'options[alt-2].effects.productivity.change.changePoints',
      cause: { kind: 'not-derivable' },
    });
  });

  it('exits 0 when there is nothing published or everything matches', async () => {
    const result = await cli('audit', example('template.en'));
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('0 published values');
  });

  it('refuses a published value whose result does not exist, at its line', async () => {
    const file = await studyFile(
      'bad-published.yaml',
      `${header}published:\n  - { result: epi.totl, value: 1 }\n`,
    );
    const result = await cli('audit', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad-published\.yaml:8:15 published\[0\]\.result: /);
  });
});

describe('lestari report', () => {
  it('writes an HTML report in either language for every example', async () => {
    for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery']) {
      for (const lang of ['id', 'en']) {
        const output = join(dir, `${name}.${lang}.html`);
        const result = await cli(
          'report',
          example(name),
          '-o',
          output,
          '--lang',
          lang,
          '--date',
          '2026-11-23',
        );
        expect(result.code).toBe(0);
        const page = await readFile(output, 'utf8');
        expect(page).toContain(`<html lang="${lang}"`);
        expect(page).toContain(lang === 'id' ? 'Tabel 1.' : 'Table 1.');
      }
    }
  });

  it('writes a PDF through Chromium', async () => {
    const output = join(dir, 'ecco.pdf');
    const result = await cli(
      'report',
      example('ecco-tannery'),
      '-o',
      output,
      '--date',
      '2026-11-23',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const pdf = await readFile(output);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('refuses an output that is neither .html nor .pdf', async () => {
    const result = await cli('report', example('cv-abc'), '-o', join(dir, 'report.docx'));
    expect(result.code).toBe(2);
  });
});

describe('lestari demo', () => {
  it('computes and audits the three published studies', async () => {
    const result = await cli('demo', '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Total: 1.3315');
    expect(result.stdout).toContain('Total: 2.6665 (red)');
    expect(result.stdout).toContain('ΔIRR 180.4%');
    expect(result.stdout).toContain('31 published values: 22 match, 9 discrepancies');
  });
});
