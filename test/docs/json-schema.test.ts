import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaFile, studyJsonSchema } from '../../scripts/json-schema.js';

const root = join(import.meta.dirname, '..', '..');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

describe('the study file JSON Schema', () => {
  it('is in step with the zod schema (run npm run schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(studyJsonSchema());
  });

  it('accepts every example and template', () => {
    for (const name of ['cv-abc', 'adi-bungsu', 'ecco-tannery', 'template.id', 'template.en']) {
      const data: unknown = parse(readFileSync(join(root, 'examples', `${name}.yaml`), 'utf8'));
      expect(validate(data) ? [] : validate.errors, name).toEqual([]);
    }
  });

  it('rejects an unknown field and a wrong version', () => {
    const base = { lestari: 1, study: { title: 'x', organisation: { name: 'y' } } };
    expect(validate({ ...base, colour: 'green' })).toBe(false);
    expect(validate({ ...base, lestari: 2 })).toBe(false);
    expect(validate(base)).toBe(true);
  });
});
