/** Loads, resolves and evaluates the example studies for the report tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { evaluateStudy, type StudyEvaluation } from '../../src/engine/study/evaluate-study.js';
import type { StudyInput } from '../../src/engine/study/study-input.js';

export const EXAMPLES = ['cv-abc', 'adi-bungsu', 'ecco-tannery'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export interface LoadedExample {
  readonly study: StudyInput;
  readonly evaluation: StudyEvaluation;
}

export function loadStudyText(text: string): StudyInput {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(`parse: ${JSON.stringify(parsed.errors)}`);
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error(`resolve: ${JSON.stringify(resolved.problems)}`);
  return resolved.study;
}

export function loadExample(name: ExampleName): LoadedExample {
  const url = new URL(`../../examples/${name}.yaml`, import.meta.url);
  const study = loadStudyText(readFileSync(fileURLToPath(url), 'utf8'));
  return { study, evaluation: evaluateStudy(study) };
}

const cvAbcFile = (): string =>
  readFileSync(fileURLToPath(new URL('../../examples/cv-abc.yaml', import.meta.url)), 'utf8');

/**
 * Splits a study file at its top-level `uncertainty:` block (with the comment lines just above
 * it), which the file keeps last: the text before it, and the block.
 */
function splitUncertainty(text: string): { before: string; block: string } {
  const lines = text.split('\n');
  let start = lines.findIndex((l) => l.startsWith('uncertainty:'));
  if (start < 0) return { before: text, block: '' };
  while (start > 0 && lines[start - 1]?.startsWith('#') === true) start--;
  return {
    before: `${lines.slice(0, start).join('\n').trimEnd()}\n`,
    block: `\n${lines.slice(start).join('\n')}`,
  };
}

/**
 * cv-abc's own `uncertainty` block (benefits ±20 %, the DAF's electricity triangular, the
 * interest rate normal; 2000 iterations, seed 1), as the study file writes it.
 */
export const CV_ABC_UNCERTAINTY = ((): string => {
  const { block } = splitUncertainty(cvAbcFile());
  if (block === '') throw new Error('examples/cv-abc.yaml has lost its uncertainty block');
  return block;
})();

/** cv-abc's text without its uncertainty block. */
export function cvAbcTextWithout(): string {
  return splitUncertainty(cvAbcFile()).before;
}

/** cv-abc's text with CV_ABC_UNCERTAINTY (its own block), or another block in its place. */
export function cvAbcTextWith(block = CV_ABC_UNCERTAINTY): string {
  return `${cvAbcTextWithout()}${block}`;
}
