/**
 * Reads a study file from disk and evaluates it, or returns every error with its place
 * (`FILE:LINE:COL path: message`). The size is checked before reading, so a 50 MB file is
 * refused without loading it.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  checkStudyBytes,
  formatStudyFileError,
  locateInText,
  MAX_STUDY_FILE_BYTES,
  parseStudyText,
  type StudyFileError,
} from '../document/parse-study.js';
import { resolveStudy } from '../document/resolve-study.js';
import { evaluateStudy, type StudyEvaluation } from '../engine/study/evaluate-study.js';
import type { StudyInput } from '../engine/study/study-input.js';

export type LoadedStudy =
  | {
      readonly ok: true;
      readonly study: StudyInput;
      readonly evaluation: StudyEvaluation;
      readonly text: string;
    }
  | { readonly ok: false; readonly messages: readonly string[] };

export async function loadStudy(file: string): Promise<LoadedStudy> {
  const fail = (errors: readonly StudyFileError[]): LoadedStudy => ({
    ok: false,
    messages: errors.map((e) => formatStudyFileError(file, e)),
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, messages: [`${file}: is not a file`] };
    // Checked before reading, so an oversized file is never loaded.
    if (info.size > MAX_STUDY_FILE_BYTES) {
      return {
        ok: false,
        messages: [
          `${file}: file is ${(info.size / 1024 / 1024).toFixed(1)} MB; a study file may be at most ${MAX_STUDY_FILE_BYTES / 1024 / 1024} MB`,
        ],
      };
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      messages: [`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`],
    };
  }
  const refused = checkStudyBytes(bytes);
  if (refused !== undefined) return fail([refused]);
  const text = new TextDecoder().decode(bytes);
  const parsed = parseStudyText(text);
  if (!parsed.ok) return fail(parsed.errors);
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) {
    return fail(resolved.problems.map((p) => locateInText(text, p.path, p.message)));
  }
  const evaluation = evaluateStudy(resolved.study);
  if (evaluation.errors.length > 0) {
    return fail(evaluation.errors.map((e) => locateInText(text, e.path, e.message)));
  }
  return { ok: true, study: resolved.study, evaluation, text };
}
