/**
 * Cell values in and out of the study workbook, and the raw study-file object the importer
 * builds with the place (sheet and cell) of every field, so schema errors point at cells.
 */
import type { CellValue } from 'exceljs';
import { formatPath } from '../parse-study.js';
import {
  ENUM_LABELS,
  type EnumKey,
  type Label,
  normaliseLabel,
  WORD_LABELS,
  type WorkbookLanguage,
} from './labels.js';

/** What a cell holds once read: blank cells are undefined. */
export type CellInput = string | number | boolean | undefined;

/** A field path in the study file: `['options', 2, 'economics', 'life']`. */
export type Path = readonly (string | number)[];

export interface WorkbookError {
  readonly sheet: string;
  /** A1-style address; '' when the error has no cell (a missing sheet). */
  readonly cell: string;
  /** Field path such as `options[2].economics.life`. */
  readonly path: string;
  readonly message: string;
}

/** `Opsi!D4 options[2].economics.life: must be a fraction …`. */
export function formatWorkbookError(error: WorkbookError): string {
  const place = error.cell === '' ? error.sheet : `${error.sheet}!${error.cell}`;
  return error.path === ''
    ? `${place}: ${error.message}`
    : `${place} ${error.path}: ${error.message}`;
}

/** The value of a cell as a person sees it: formulas by their result, rich text as text. */
export function readCellValue(value: CellValue): CellInput {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) {
    const text = value.richText.map((r) => r.text).join('');
    return text === '' ? undefined : text;
  }
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return undefined;
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    return readCellValue(result as CellValue);
  }
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' && text !== '' ? text : undefined;
  }
  return undefined;
}

/** Text field: numbers and yes/no a spreadsheet made of what was typed become text again. */
export function asText(value: CellInput): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** Number field: numbers as they are, text to the study-file parser (trimmed). */
export function asNumberInput(value: CellInput): string | number | boolean | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return value;
}

/** A list of ids typed in one cell: `alt-1, alt-2`. */
export function asIdList(value: CellInput): string[] | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  return text.split(/[\s,;]+/).filter((id) => id !== '');
}

/** The word for an enumeration code in the workbook's language. */
export function enumLabel(key: EnumKey, code: string, language: WorkbookLanguage): string {
  const labels = ENUM_LABELS[key] as Record<string, Label>;
  return labels[code]?.[language] ?? code;
}

/** The words of an enumeration, for a validation list. */
export function enumWords(key: EnumKey, language: WorkbookLanguage): string[] {
  return Object.values(ENUM_LABELS[key] as Record<string, Label>).map((l) => l[language]);
}

/** Reads an enumeration word of either language, or the study file's code. */
export function enumCode(
  key: EnumKey,
  value: CellInput,
): { ok: true; code: string | undefined } | { ok: false; message: string } {
  const text = asText(value)?.trim();
  if (text === undefined || text === '') return { ok: true, code: undefined };
  const labels = ENUM_LABELS[key] as Record<string, Label>;
  const wanted = normaliseLabel(text);
  for (const [code, label] of Object.entries(labels)) {
    if ([code, label.id, label.en].some((w) => normaliseLabel(w) === wanted)) {
      return { ok: true, code };
    }
  }
  const words = Object.entries(labels).map(([code, l]) =>
    l.id === l.en ? l.id : `${l.id} / ${l.en}${code !== l.en ? ` (${code})` : ''}`,
  );
  return { ok: false, message: `"${text}" is not one of: ${words.join(', ')}` };
}

/** yes/no in the workbook's language. */
export function yesNoWord(value: boolean, language: WorkbookLanguage): string {
  return (value ? WORD_LABELS.yes : WORD_LABELS.no)[language];
}

/** Display format for a money amount (the value is exact either way). */
export function amountFormat(x: number): string | undefined {
  if (Number.isInteger(x) && Math.abs(x) >= 1000 && Math.abs(x) < 1e15) return '#,##0';
  return undefined;
}

/** Display format for a fraction: as a percentage when that shows it exactly. */
export function fractionFormat(x: number): string | undefined {
  const [, decimals = ''] = String(x).split('.');
  if (/e/i.test(String(x)) || decimals.length > 4) return undefined;
  const places = Math.max(0, decimals.length - 2);
  return places === 0 ? '0%' : `0.${'0'.repeat(places)}%`;
}

/** The raw study-file object being read, and where each of its fields came from. */
export class RawStudy {
  readonly data: Record<string, unknown> = {};
  readonly errors: WorkbookError[] = [];
  /** Field paths whose schema issues a cell error already explains (see `cover`). */
  readonly covered = new Set<string>();
  private readonly places = new Map<string, { sheet: string; cell: string }>();

  /** Records that `path` is read from `sheet!cell` (also for blank cells: "is required"). */
  place(path: Path, sheet: string, cell: string): void {
    const key = formatPath(path);
    if (!this.places.has(key)) this.places.set(key, { sheet, cell });
  }

  /** Sets `path` to `value` unless it is undefined, and records the cell. */
  put(path: Path, value: unknown, sheet: string, cell: string): void {
    this.place(path, sheet, cell);
    if (value !== undefined) setPath(this.data, path, value);
  }

  get(path: Path): unknown {
    return getPath(this.data, path);
  }

  /** The cell of `path`, or of its nearest ancestor that has one. */
  locate(path: Path): { sheet: string; cell: string } | undefined {
    for (let n = path.length; n >= 0; n--) {
      const place = this.places.get(formatPath(path.slice(0, n)));
      if (place !== undefined) return place;
    }
    return undefined;
  }

  error(sheet: string, cell: string, path: Path, message: string): void {
    this.errors.push({ sheet, cell, path: formatPath(path), message });
  }

  /**
   * Marks the schema's issue at `path` as already explained by a cell error: a union such as
   * `uniform: { low, high }` reports one generic message for the whole object, while the
   * reader has named the bad cell itself.
   */
  cover(path: Path): void {
    this.covered.add(formatPath(path));
  }
}

export function getPath(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Sets a value, creating objects (or arrays, before a numeric segment) on the way. */
export function setPath(root: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = path[i + 1];
    if (typeof node[part] !== 'object' || node[part] === null) {
      node[part] = typeof next === 'number' ? [] : {};
    }
    node = node[part] as Record<string | number, unknown>;
  });
}
