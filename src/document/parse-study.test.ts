import { describe, expect, it } from 'vitest';
import {
  checkStudyBytes,
  formatStudyFileError,
  MAX_STUDY_FILE_BYTES,
  parseStudyText,
  type StudyFileError,
} from './parse-study.js';

const minimal = `lestari: 1
numberFormat: id
study:
  title: Uji
  organisation:
    name: CV. Uji
`;

function errorsOf(text: string): string[] {
  const result = parseStudyText(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e: StudyFileError) => formatStudyFileError('s.yaml', e));
}

describe('parseStudyText', () => {
  it('reads a minimal study with defaults', () => {
    const result = parseStudyText(minimal);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.study.language).toBe('id');
      expect(result.study.study.organisation.name).toBe('CV. Uji');
    }
  });

  it('reads JSON with the same schema', () => {
    const result = parseStudyText(
      JSON.stringify({ lestari: 1, study: { title: 'x', organisation: { name: 'y' } } }),
    );
    expect(result.ok).toBe(true);
  });

  it('reports every error at once, each at its line and column, in file order', () => {
    const text = `${minimal}    sectr: kayu
effluent:
  parameters:
    - id: bod
      name: BOD
      measured: abc
      weigth: 4,1
options:
  - id: alt-1
    name: A
    economics: { investment: Rp 1.000.000, life: 5, interestRate: 10 }
`;
    expect(errorsOf(text)).toEqual([
      's.yaml:7:5 study.organisation.sectr: unknown field "sectr" (did you mean "sector"?)',
      's.yaml:12:17 effluent.parameters[0].measured: "abc" is not a number, range or bound',
      's.yaml:13:7 effluent.parameters[0].weigth: unknown field "weigth" (did you mean "weight"?)',
      's.yaml:17:67 options[0].economics.interestRate: must be a fraction 0–1 or written with % (did you mean 10 %?)',
    ]);
  });

  it('says which required field is missing, at its parent', () => {
    expect(errorsOf('lestari: 1\nstudy:\n  organisation: { name: x }\n')).toEqual([
      's.yaml:3:3 study.title: is required',
    ]);
  });

  it('refuses a wrong version and a file that is not a mapping', () => {
    expect(errorsOf('lestari: 2\nstudy: { title: x, organisation: { name: y } }\n')).toEqual([
      's.yaml:1:10 lestari: must be 1 (the study file version)',
    ]);
    expect(errorsOf('- just\n- a list\n')).toEqual([
      's.yaml:1:1: must be a mapping of fields (lestari: 1, study: …)',
    ]);
  });

  it('explains a decimal comma that YAML flow style split into a new entry', () => {
    const text = `${minimal}effluent:\n  parameters:\n    - { id: bod, name: BOD, measured: 17, weight: 4,1 }\nproductivity:\n  basis: value\n  periods:\n    - { label: Jan, inputs: { total: 23.781,28 } }\n`;
    expect(errorsOf(text)).toEqual([
      's.yaml:9:53 effluent.parameters[0].1: unknown field "1": a decimal comma inside { … } starts a new entry; quote the number ("4,1") or put the field on its own line',
      's.yaml:13:45 productivity.periods[0].inputs.28: unexpected entry "28": a decimal comma inside { … } starts a new entry; quote the number ("4,1") or put the field on its own line',
    ]);
  });

  it('reports YAML syntax errors with their place', () => {
    const [error] = errorsOf('lestari: 1\nstudy: [\n');
    expect(error).toMatch(/^s\.yaml:3:1: /);
  });

  it('refuses duplicate keys', () => {
    expect(errorsOf(`${minimal}lestari: 1\n`)[0]).toMatch(/^s\.yaml:7:1: Map keys must be unique/);
  });
});

describe('checkStudyBytes', () => {
  it('accepts UTF-8 text', () => {
    expect(checkStudyBytes(new TextEncoder().encode(minimal))).toBeUndefined();
  });

  it('refuses a binary file', () => {
    expect(checkStudyBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))?.message).toBe(
      'is a binary file, not a YAML or JSON study file',
    );
  });

  it('refuses text that is not UTF-8', () => {
    expect(checkStudyBytes(new Uint8Array([0x61, 0xff, 0x62]))?.message).toMatch(/not UTF-8/);
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_STUDY_FILE_BYTES + 1).fill(0x20);
    expect(checkStudyBytes(big)?.message).toMatch(/a study file may be at most 10 MB/);
  });
});
