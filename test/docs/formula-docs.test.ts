import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFormulas, chapterFiles, formulasMarkdown } from '../../scripts/formulas.js';

const formulas = allFormulas();

describe('engine documentation', () => {
  it('finds the exported functions of the methodology chapters', () => {
    expect(chapterFiles().length).toBeGreaterThan(0);
    expect(formulas.length).toBeGreaterThan(0);
  });

  it('names an equation, a source and an example for every exported engine function', () => {
    const missing = formulas
      .filter((f) => !f.equation || !f.source || !f.hasExample || !f.summary)
      .map(
        (f) =>
          `${f.file} ${f.name}: ${[
            !f.summary && 'summary',
            !f.equation && '@equation',
            !f.source && '@source',
            !f.hasExample && '@example',
          ]
            .filter(Boolean)
            .join(', ')}`,
      );
    expect(missing).toEqual([]);
  });

  it('keeps docs/FORMULAS.md in step with the code (run npm run docs:formulas)', () => {
    const onDisk = readFileSync(
      join(import.meta.dirname, '..', '..', 'docs', 'FORMULAS.md'),
      'utf8',
    );
    expect(onDisk).toBe(formulasMarkdown(formulas));
  });
});
