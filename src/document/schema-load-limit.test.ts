import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatStudyFileError, parseStudyText, type StudyFileError } from './parse-study.js';

const head = `lestari: 1
numberFormat: id
study:
  title: Uji
  organisation:
    name: CV. Uji
effluent:
  parameters:
    - id: bod
      name: BOD
      measured: 40
`;

function parse(loadLimitLines: string) {
  return parseStudyText(`${head}      loadLimit:\n${loadLimitLines}`);
}

function errorsOf(loadLimitLines: string): string[] {
  const result = parse(loadLimitLines);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e: StudyFileError) => formatStudyFileError('s.yaml', e));
}

describe('effluent parameter loadLimit in the study file', () => {
  it('reads kg/day and kg/h written in the file number format, with a citation', () => {
    const result = parse(
      `        perDay: "12,5"\n        perHour: 0,75\n        citation: Izin IPLC 2024\n`,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.study.effluent?.parameters[0]?.loadLimit).toEqual({
        perDay: 12.5,
        perHour: 0.75,
        citation: 'Izin IPLC 2024',
      });
    }
  });

  it('accepts a per-day limit alone', () => {
    const result = parse(`        perDay: 3\n`);
    expect(result.ok && result.study.effluent?.parameters[0]?.loadLimit).toEqual({ perDay: 3 });
  });

  it('refuses a load limit with neither perDay nor perHour', () => {
    expect(errorsOf(`        citation: Izin\n`)).toEqual([
      expect.stringMatching(
        /effluent\.parameters\[0\]\.loadLimit: give perDay \(kg\/day\), perHour \(kg\/h\) or both$/,
      ),
    ]);
  });

  it('refuses a zero or negative limit, naming the field', () => {
    const errors = errorsOf(`        perDay: 0\n        perHour: "-1,5"\n`);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/effluent\.parameters\[0\]\.loadLimit\.perDay: must be > 0$/);
    expect(errors[1]).toMatch(/effluent\.parameters\[0\]\.loadLimit\.perHour: must be > 0$/);
  });

  it('suggests the right name for a misspelt field', () => {
    expect(errorsOf(`        perday: 3\n`)).toContainEqual(
      expect.stringMatching(
        /loadLimit\.perday: unknown field "perday" \(did you mean "perDay"\?\)/,
      ),
    );
  });
});

describe('the templates’ commented loadLimit example', () => {
  it.each([
    ['id', { perDay: 12.5, perHour: 0.6, citation: 'Izin IPLC' }],
    ['en', { perDay: 12.5, perHour: 0.6, citation: 'IPLC permit' }],
  ] as const)(
    'parses as a load limit once uncommented in place of the COD line (%s)',
    (lang, expected) => {
      const text = readFileSync(
        new URL(`../../examples/template.${lang}.yaml`, import.meta.url),
        'utf8',
      );
      const lines = text.split('\n');
      const example = lines.findIndex(
        (l) => l.startsWith('    # - { id: cod') && l.includes('loadLimit'),
      );
      expect(example).toBeGreaterThan(0);
      expect(lines[example + 1]).toMatch(/^ {4}- \{ id: cod,/);
      lines.splice(example, 2, (lines[example] as string).replace('# ', ''));
      const result = parseStudyText(lines.join('\n'));
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
      expect(result.study.effluent?.parameters[0]?.loadLimit).toEqual(expected);
      expect(result.study.effluent?.parameters).toHaveLength(3);
    },
  );
});
