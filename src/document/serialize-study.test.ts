import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../engine/study/study-input.js';
import { studyArbitrary } from '../../test/support/study-arbitrary.js';
import { parseNumberText } from './number-text.js';
import { parseStudyText } from './parse-study.js';
import {
  exactPercent,
  formatNumberText,
  fractionText,
  ratioText,
  serializeStudy,
  type StudyFileFormat,
} from './serialize-study.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));

function parse(text: string): StudyInput {
  const result = parseStudyText(text);
  if (!result.ok) {
    throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n') + '\n' + text);
  }
  return result.study;
}

function roundTrip(study: StudyInput, format: StudyFileFormat): StudyInput {
  return parse(serializeStudy(study, format));
}

describe('serializeStudy', () => {
  it.each(examples)('round-trips examples/%s in YAML and JSON', (file) => {
    const study = parse(readFileSync(new URL(file, examplesDir), 'utf8'));
    expect(roundTrip(study, 'yaml')).toEqual(study);
    expect(roundTrip(study, 'json')).toEqual(study);
  });

  it('round-trips generated studies in YAML and JSON (property)', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        expect(roundTrip(study, 'yaml')).toEqual(study);
        expect(roundTrip(study, 'json')).toEqual(study);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('writes readable YAML: blocks for sections, short rows on one line', () => {
    const study = parse(readFileSync(new URL('cv-abc.yaml', examplesDir), 'utf8'));
    const yaml = serializeStudy(study, 'yaml');
    expect(yaml).toMatch(/^lestari: 1\nlanguage: id\nnumberFormat: id\n\nstudy:\n/);
    expect(yaml).toContain('    - { id: bod, name: BOD, unit: mg/L, measured: 17.5, weight: 4.1 }');
    expect(yaml).toContain('removal: { bod: 80–90 %, cod: 80–90 %, tss: 70 %, oil-grease: 0.98 }');
    expect(yaml).toContain('\n\noptions:\n  - id: alt-1\n');
    expect(serializeStudy(study, 'json')).toMatch(/^\{\n {2}"lestari": 1,\n/);
  });

  it('writes ranges, bounds and published text in the declared number format', () => {
    const base = { lestari: 1, language: 'id', study: { title: 'T', organisation: { name: 'O' } } };
    const study = parse(
      JSON.stringify({
        ...base,
        numberFormat: 'id',
        effluent: {
          parameters: [
            { id: 'bod', name: 'BOD', measured: '< 0,0072', limit: { range: '1.500–2.500,5' } },
          ],
        },
        published: [
          { result: 'epi.total', value: '1,30' },
          { result: 'options.alt-1.economics.npv', value: 'Rp 1,2 milyar' },
          { result: 'x', value: 1.234 },
        ],
      }),
    );
    const yaml = serializeStudy(study, 'yaml');
    expect(yaml).toContain('measured: "< 0,0072", limit: { range: "1.500–2.500,5" }');
    expect(yaml).toContain('{ result: epi.total, value: "1,30" }');
    expect(yaml).toContain('value: "Rp 1,2 milyar"');
    expect(yaml).toContain('{ result: x, value: 1.234 }');
    expect(roundTrip(study, 'yaml')).toEqual(study);
    expect(study.published?.[2]).toMatchObject({ value: 1.234, decimals: 3 });
  });

  it('writes a lone unnamed cost amount back as an amount', () => {
    const study = parse(
      'lestari: 1\nstudy: { title: T, organisation: { name: O } }\noptions:\n' +
        '  - { id: a, name: A, economics: { investment: 5000, life: 5, interestRate: 0.1 } }\n',
    );
    expect(serializeStudy(study, 'yaml')).toContain('investment: 5000');
    expect(roundTrip(study, 'json')).toEqual(study);
  });

  it('refuses numbers that a study file cannot hold', () => {
    const study = parse('lestari: 1\nstudy: { title: T, organisation: { name: O, employees: 3 } }');
    const bad = {
      ...study,
      study: { ...study.study, organisation: { name: 'O', employees: Number.NaN } },
    };
    expect(() => serializeStudy(bad, 'yaml')).toThrow(/study.organisation.employees: NaN/);
  });
});

describe('formatNumberText', () => {
  it('writes each number format', () => {
    expect(formatNumberText(1234567.891, 'id')).toBe('1.234.567,891');
    expect(formatNumberText(1234567.891, 'en')).toBe('1,234,567.891');
    expect(formatNumberText(1.234, undefined)).toBe('1.2340');
    expect(formatNumberText(1234.5, undefined)).toBe('1234.5');
    expect(formatNumberText(-1e-7, 'en')).toBe('-0.0000001');
    expect(formatNumberText(1e21, 'en')).toBe('1,000,000,000,000,000,000,000');
  });

  it('reads back to the same number in every format (property)', () => {
    const formats = [undefined, 'id', 'en'] as const;
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...formats),
        (x, format) => {
          const result = parseNumberText(formatNumberText(x, format), format);
          expect(result.ok && result.parsed.value).toEqual({ kind: 'number', value: x || 0 });
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('fractionText', () => {
  it('writes fraction ranges as percentages when exact, else as fractions', () => {
    expect(fractionText({ low: 0.8, high: 0.9 }, 'id')).toBe('80–90 %');
    expect(fractionText({ low: 0.57, high: 0.9 }, 'en')).toBe('0.57–0.9');
    expect(fractionText({ low: 0.57, high: 0.9 }, 'id')).toBe('0,57–0,9');
    expect(fractionText({ low: 0.8, high: 1 }, 'en')).toBe('80–100 %');
    expect(fractionText(70 * 0.01, 'id')).toBe('70 %');
    expect(fractionText(0.34, 'id')).toBe(0.34);
    expect(exactPercent(124.3 / 100, 'ratio')).toBe(124.3);
    expect(ratioText(1.243, 'id')).toBe(1.243);
    expect(ratioText(124.3 / 100, 'id')).toBe('124,3 %');
  });
});
