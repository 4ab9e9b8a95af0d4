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

/** An `uncertainty` block for cv-abc (benefits ±20 %, a cost, the interest rate), as a study file writes it. */
export const CV_ABC_UNCERTAINTY = `
uncertainty:
  iterations: 2000
  seed: 1
  inputs:
    - path: options[alt-1].economics.annualBenefits[0].amount
      distribution: { plusMinus: 20 % }
    - path: options[alt-2].economics.annualBenefits[0].amount
      distribution: { plusMinus: 20 % }
    - path: options[alt-2].economics.annualCosts[1].amount
      distribution: { triangular: [Rp 7.500.000, Rp 8.614.080, Rp 11.000.000] }
    - path: options[alt-2].economics.interestRate
      distribution: { normal: { mean: 10 %, sd: 1 % } }
`;

/** cv-abc's text with CV_ABC_UNCERTAINTY (or another block) appended. */
export function cvAbcTextWith(block = CV_ABC_UNCERTAINTY): string {
  const url = new URL('../../examples/cv-abc.yaml', import.meta.url);
  return `${readFileSync(fileURLToPath(url), 'utf8')}${block}`;
}
