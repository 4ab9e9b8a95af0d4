/**
 * The results shown while the user types: the same document checks and engine the server
 * and the CLI run, in the browser. Nothing here throws: every problem is data at its path.
 */
import { parseStudyText } from '../../document/parse-study.js';
import { resolveStudy } from '../../document/resolve-study.js';
import { studyFileData } from '../../document/serialize-study.js';
import { evaluateStudy, type StudyEvaluation } from '../../engine/study/evaluate-study.js';
import type { StudyInput } from '../../engine/study/study-input.js';

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface LiveResult {
  /** Undefined only when the study cannot be resolved at all. */
  readonly evaluation: StudyEvaluation | undefined;
  /** Reference problems (unknown ids, standard sets) and every engine error, by field path. */
  readonly problems: readonly FieldProblem[];
  /** The study with its named standard set's limits filled in, when it resolves. */
  readonly resolved: StudyInput | undefined;
}

export function evaluateLive(input: StudyInput): LiveResult {
  const resolved = resolveStudy(input);
  // A bad reference (an unknown problem id, say) must not blank every result: compute what can
  // be computed on the study with its standard filled in, and list both kinds of problem.
  const evaluation = safeEvaluate(resolved.study);
  const problems = [...(resolved.ok ? [] : resolved.problems), ...(evaluation?.errors ?? [])];
  return { evaluation, problems, resolved: resolved.ok ? resolved.study : undefined };
}

function safeEvaluate(study: StudyInput): StudyEvaluation | undefined {
  try {
    return evaluateStudy(study);
  } catch {
    return undefined;
  }
}

/** The study file's JSON form of a document from the API, read back as the engine's input. */
export function studyFromDocument(
  document: Record<string, unknown>,
): { ok: true; study: StudyInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = parseStudyText(JSON.stringify(document));
  if (!parsed.ok)
    return { ok: false, problems: parsed.errors.map(({ path, message }) => ({ path, message })) };
  return { ok: true, study: parsed.study };
}

/** The document the API stores: the study file's JSON form of the engine's input. */
export function documentFromStudy(study: StudyInput): Record<string, unknown> {
  return studyFileData(study);
}

/** Problems whose path is `prefix` or lies under it. */
export function problemsUnder(problems: readonly FieldProblem[], prefix: string): FieldProblem[] {
  return problems.filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  );
}
