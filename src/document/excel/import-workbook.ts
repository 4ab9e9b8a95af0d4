/**
 * Reads a study workbook (exported by Lestari and filled in by hand, in either language) back
 * into a StudyInput through the same schema as the study file, or into every error with its
 * sheet, cell and field path: `Opsi!D4 options[2].economics.life: "abc" is not a number …`.
 */
import ExcelJS from 'exceljs';
import type { StudyInput } from '../../engine/study/study-input.js';
import type { NumberFormat } from '../number-text.js';
import { formatPath } from '../parse-study.js';
import { studyFileSchema } from '../schema.js';
import {
  asText,
  type CellInput,
  getPath,
  type Path,
  RawStudy,
  readCellValue,
  setPath,
  type WorkbookError,
} from './cells.js';
import { META_SHEET, normaliseLabel, SHEET_LABELS } from './labels.js';
import {
  columnForHeader,
  INPUT_SHEETS,
  type RowIn,
  type SheetDef,
  type TableIn,
} from './sheets.js';

/** The largest workbook Lestari reads (bytes). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

export type ImportWorkbookResult =
  | { readonly ok: true; readonly study: StudyInput }
  | { readonly ok: false; readonly errors: readonly WorkbookError[] };

export async function importStudyWorkbook(bytes: Uint8Array): Promise<ImportWorkbookResult> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    return fail(`workbook is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy as an ArrayBuffer: what the exceljs typings ask for, and JSZip reads.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (error) {
    return fail(`is not an Excel workbook (.xlsx): ${(error as Error).message}`);
  }

  const raw = new RawStudy();
  const sheetOrder: string[] = [];
  for (const def of INPUT_SHEETS) {
    const sheet = findSheet(workbook, def);
    if (sheet === undefined) continue;
    sheetOrder.push(sheet.name);
    def.read(readTable(sheet, def), raw);
  }
  const meta = readMeta(workbook);
  raw.put(['lestari'], meta.lestari ?? 1, META_SHEET, 'B3');
  for (const empty of meta.empty) restoreEmpty(raw.data, empty.path, empty.kind);
  for (const [section, list] of [
    ['massBalance', 'processes'],
    ['productivity', 'periods'],
    ['effluent', 'parameters'],
  ] as const) {
    const value = raw.data[section];
    if (typeof value === 'object' && value !== null && !(list in value))
      (value as Record<string, unknown>)[list] = [];
  }

  const errors: WorkbookError[] = [...raw.errors];
  const declared = raw.data.numberFormat;
  const format: NumberFormat | undefined =
    declared === 'id' || declared === 'en' ? declared : undefined;
  const result = studyFileSchema(format).safeParse(raw.data);
  if (result.success && errors.length === 0) return { ok: true, study: result.data };
  if (!result.success) {
    // A cell already reported (an unknown enumeration word, a bad number of a distribution) is
    // not reported again by the schema (as missing, or as the distribution's generic message).
    const reported = new Set([...errors.map((e) => e.path), ...raw.covered]);
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (reported.has(formatPath(path))) continue;
      const place = raw.locate(path) ?? { sheet: sheetOrder[0] ?? '', cell: '' };
      const message = /received undefined/.test(issue.message) ? 'is required' : issue.message;
      errors.push({ ...place, path: formatPath(path), message });
    }
  }
  return { ok: false, errors: sortErrors(errors, sheetOrder) };
}

function fail(message: string): ImportWorkbookResult {
  return { ok: false, errors: [{ sheet: '', cell: '', path: '', message }] };
}

function findSheet(workbook: ExcelJS.Workbook, def: SheetDef): ExcelJS.Worksheet | undefined {
  const label = SHEET_LABELS[def.key];
  const names = [label.id, label.en].map(normaliseLabel);
  return workbook.worksheets.find((ws) => names.includes(normaliseLabel(ws.name)));
}

function readTable(sheet: ExcelJS.Worksheet, def: SheetDef): TableIn {
  const columns = new Map<string, number>();
  const dynamic: { header: string; col: number }[] = [];
  const header = sheet.getRow(1);
  for (let c = 1; c <= sheet.columnCount; c++) {
    const text = asText(readCellValue(header.getCell(c).value));
    if (text === undefined || text.trim() === '') continue;
    const column = columnForHeader(def.columns, text);
    if (column !== undefined && !columns.has(column.key)) columns.set(column.key, c);
    else if (def.dynamic === true) dynamic.push({ header: text.trim(), col: c });
  }
  const rows: RowIn[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const valueAt = (c: number): CellInput => readCellValue(row.getCell(c).value);
    const addressAt = (c: number) => row.getCell(c).address;
    rows.push({
      number: r,
      value: (key) => {
        const c = columns.get(key);
        return c === undefined ? undefined : valueAt(c);
      },
      cell: (key) => {
        const c = columns.get(key);
        return c === undefined ? '' : addressAt(c);
      },
      dynamic: dynamic.map((d) => ({
        header: d.header,
        value: valueAt(d.col),
        cell: addressAt(d.col),
      })),
    });
  }
  return { sheet: sheet.name, rows };
}

interface Meta {
  lestari: unknown;
  empty: { path: Path; kind: 'list' | 'group' }[];
}

function readMeta(workbook: ExcelJS.Workbook): Meta {
  const meta: Meta = { lestari: undefined, empty: [] };
  const sheet = workbook.getWorksheet(META_SHEET);
  if (sheet === undefined) return meta;
  sheet.eachRow((row) => {
    const key = asText(readCellValue(row.getCell(1).value));
    const value = readCellValue(row.getCell(2).value);
    if (key === 'lestari') meta.lestari = value;
    if (key === 'empty-list' || key === 'empty-group') {
      try {
        const path: unknown = JSON.parse(String(value));
        if (
          Array.isArray(path) &&
          path.every((p) => typeof p === 'string' || typeof p === 'number')
        )
          meta.empty.push({ path, kind: key === 'empty-list' ? 'list' : 'group' });
      } catch {
        // A damaged hint only loses an empty list; the study itself is in the other sheets.
      }
    }
  });
  return meta;
}

/**
 * Puts back an empty list or group the study had, unless the sheets now give it content or
 * the item it belongs to is gone (list items are never created here).
 */
function restoreEmpty(data: Record<string, unknown>, path: Path, kind: 'list' | 'group'): void {
  if (path.length === 0 || typeof path[0] === 'number' || getPath(data, path) !== undefined) return;
  for (let i = 1; i < path.length; i++) {
    const part = path[i];
    if (typeof part !== 'number') continue;
    const parent = getPath(data, path.slice(0, i));
    if (!Array.isArray(parent)) return;
    // An item is never made up, except an empty last one of a list (a trailing empty row).
    if (i < path.length - 1 ? parent[part] === undefined : parent.length !== part) return;
  }
  setPath(data, path, kind === 'list' ? [] : {});
}

function sortErrors(
  errors: readonly WorkbookError[],
  sheetOrder: readonly string[],
): WorkbookError[] {
  const position = (e: WorkbookError) => {
    const m = /^([A-Z]+)(\d+)$/.exec(e.cell);
    const colNumber =
      m?.[1] === undefined ? 0 : [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { sheet: sheetOrder.indexOf(e.sheet), row: Number(m?.[2] ?? 0), col: colNumber };
  };
  return [...errors].sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    return pa.sheet - pb.sheet || pa.row - pb.row || pa.col - pb.col;
  });
}
