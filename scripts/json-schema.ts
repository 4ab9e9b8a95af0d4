/**
 * Writes the study file's JSON Schema (schema/lestari-study-1.schema.json) from the zod schema,
 * for editors (yaml-language-server: `# yaml-language-server: $schema=…`) and other tools.
 *
 *   npm run schema
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { studyFileSchema } from '../src/document/schema.js';

export const schemaFile = fileURLToPath(
  new URL('../schema/lestari-study-1.schema.json', import.meta.url),
);

export function studyJsonSchema(): string {
  // The input side: what a person may write (numbers or text), before parsing.
  const schema = z.toJSONSchema(studyFileSchema(undefined), {
    io: 'input',
    unrepresentable: 'any',
  });
  return `${JSON.stringify(
    {
      ...schema,
      $id: 'https://lestari.invalid/schema/lestari-study-1.schema.json',
      title: 'Lestari study file, version 1',
    },
    null,
    2,
  )}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, studyJsonSchema());
  console.log(`wrote ${join('schema', 'lestari-study-1.schema.json')}`);
}
