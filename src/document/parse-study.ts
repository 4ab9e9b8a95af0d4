/**
 * Reads a study file (YAML or JSON; JSON is read by the same YAML 1.2 parser so both get
 * line and column positions) into a StudyInput, or into every error at once, each with its
 * place: `FILE:LINE:COL path.to.field: message`. Nothing here touches the file system.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { StudyInput } from '../engine/study/study-input.js';
import { FLOW_COMMA_HINT, type StudyFile, studyFileSchema } from './schema.js';
import type { NumberFormat } from './number-text.js';

/** The largest study file Lestari reads (bytes); a study of 10 MB is already enormous. */
export const MAX_STUDY_FILE_BYTES = 10 * 1024 * 1024;

export interface StudyFileError {
  /** Field path such as `options[2].economics.life`; '' for the whole file. */
  readonly path: string;
  readonly message: string;
  /** 1-based; 0 when the place is unknown. */
  readonly line: number;
  readonly column: number;
}

export type ParseStudyResult =
  | { readonly ok: true; readonly study: StudyInput & StudyFile }
  | { readonly ok: false; readonly errors: readonly StudyFileError[] };

/** Formats one error the way compilers do, for terminals and editors. */
export function formatStudyFileError(fileName: string, error: StudyFileError): string {
  const place = error.line > 0 ? `${fileName}:${error.line}:${error.column}` : fileName;
  return error.path === ''
    ? `${place}: ${error.message}`
    : `${place} ${error.path}: ${error.message}`;
}

/** `['options', 2, 'life']` → `options[2].life`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Parses `[a][0].b` style paths back into segments (for errors coming from the engine). */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** Checks that bytes are a text file Lestari should read at all. */
export function checkStudyBytes(bytes: Uint8Array): StudyFileError | undefined {
  if (bytes.byteLength > MAX_STUDY_FILE_BYTES) {
    return whole(
      `file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a study file may be at most ${MAX_STUDY_FILE_BYTES / 1024 / 1024} MB`,
    );
  }
  if (bytes.includes(0)) return whole('is a binary file, not a YAML or JSON study file');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return whole('is not UTF-8 text; save the study file as UTF-8');
  }
  return undefined;
}

/** Parses study text. `bytes` checks (size, binary) are the caller's via checkStudyBytes. */
export function parseStudyText(text: string): ParseStudyResult {
  if (text.length > MAX_STUDY_FILE_BYTES) {
    return { ok: false, errors: [whole(`text is longer than ${MAX_STUDY_FILE_BYTES} characters`)] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          path: '',
          message: e.message.split('\n')[0] ?? e.message,
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      errors: [
        { ...whole('must be a mapping of fields (lestari: 1, study: …)'), line: 1, column: 1 },
      ],
    };
  }
  const declared = (data as { numberFormat?: unknown }).numberFormat;
  const format: NumberFormat | undefined =
    declared === 'id' || declared === 'en' ? declared : undefined;
  const result = studyFileSchema(format).safeParse(data);
  if (result.success) return { ok: true, study: result.data };

  const errors: StudyFileError[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    if (keys !== undefined) {
      const messages = issue.message.split('\n');
      keys.forEach((key, i) => {
        const path = [...issue.path, key];
        errors.push(placed(doc, lineCounter, path, messages[i] ?? `unknown field "${key}"`, true));
      });
      continue;
    }
    const last = issue.path[issue.path.length - 1];
    const message =
      typeof last === 'string' && /^\d+( ?%)?$/.test(last)
        ? `unexpected entry "${last}": ${FLOW_COMMA_HINT}`
        : /received undefined/.test(issue.message)
          ? 'is required'
          : issue.message;
    errors.push(placed(doc, lineCounter, issue.path, message, false));
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Places an error at a field of the parsed text (engine errors from evaluateStudy use this). */
export function locateInText(text: string, path: string, message: string): StudyFileError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter });
  return placed(doc, lineCounter, parsePath(path), message, false);
}

function placed(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  message: string,
  atKey: boolean,
): StudyFileError {
  const offset = offsetOf(doc.contents as Node | null, path, atKey);
  const pos = offset === undefined ? { line: 0, col: 0 } : lineCounter.linePos(offset);
  return { path: formatPath(path), message, line: pos.line, column: pos.col };
}

/** Offset of the node at `path`, or of its deepest existing ancestor. */
function offsetOf(
  root: Node | null,
  path: readonly PropertyKey[],
  atKey: boolean,
): number | undefined {
  let node: Node | null = root;
  let offset = node?.range?.[0];
  for (let i = 0; i < path.length && node !== null; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(part),
      );
      if (pair === undefined) return offset;
      const key = pair.key as Node | null;
      if (last && atKey && key?.range) return key.range[0];
      node = (pair.value as Node | null) ?? key;
      offset = node?.range?.[0] ?? key?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (item === undefined) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function whole(message: string): StudyFileError {
  return { path: '', message, line: 0, column: 0 };
}
