/**
 * Writes a study as an Excel workbook (.xlsx) a person can fill in by hand: one sheet per part
 * of the study in GP step order, headers in Indonesian or English, input cells unlocked and
 * the sheets protected without a password (a guard against slips, not security), lists for
 * enumerations. With `results`, a read-only results sheet lists every computed value by path.
 * A hidden `_lestari` sheet holds the workbook version and the empty lists and groups the study
 * had, so reading the workbook back gives the same study.
 */
import ExcelJS from 'exceljs';
import type { StudyInput } from '../../engine/study/study-input.js';
import type { StudyFileInput } from '../schema.js';
import { studyFileData } from '../serialize-study.js';
import { amountFormat, enumWords, fractionFormat, type Path } from './cells.js';
import {
  COLUMN_LABELS,
  type EnumKey,
  META_SHEET,
  SHEET_LABELS,
  type WorkbookLanguage,
} from './labels.js';
import { type ColumnKind, INPUT_SHEETS, type TableOut } from './sheets.js';

/** Version of the workbook layout, stored in the `_lestari` sheet. */
export const WORKBOOK_VERSION = 1;
export const WORKBOOK_FORMAT = 'lestari-study-workbook';

export interface ExportWorkbookOptions {
  /** Language of sheet names, headers and enumeration words. */
  readonly language: WorkbookLanguage;
  /** Computed results (any JSON-like object), listed path by path on a read-only sheet. */
  readonly results?: unknown;
}

/** Rows below the data that keep validation lists, for rows a person adds. */
const EXTRA_ROWS = 500;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE2EFDA' },
};

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

const READ_ONLY: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  autoFilter: true,
};

export async function exportStudyWorkbook(
  study: StudyInput,
  options: ExportWorkbookOptions,
): Promise<Uint8Array> {
  const { language } = options;
  const data = studyFileData(study) as StudyFileInput;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lestari';
  for (const sheet of INPUT_SHEETS) {
    await writeTable(
      workbook,
      SHEET_LABELS[sheet.key][language],
      sheet.write(data, language),
      language,
    );
  }
  if (options.results !== undefined) {
    const labels = COLUMN_LABELS.results;
    const table: TableOut = {
      columns: [
        { key: 'path', label: labels.path, kind: 'text', width: 50, locked: true },
        { key: 'value', label: labels.value, kind: 'printed', width: 24, locked: true },
      ],
      rows: flattenResults(options.results).map((r) => ({
        cells: { path: r.path, value: r.value ?? undefined },
      })),
      readOnly: true,
    };
    await writeTable(workbook, SHEET_LABELS.results[language], table, language);
  }
  await writeMeta(workbook, data, language);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

async function writeTable(
  workbook: ExcelJS.Workbook,
  name: string,
  table: TableOut,
  language: WorkbookLanguage,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const spare = table.spareColumns ?? 0;
  // Column styles first: cells created later inherit them (unlocked input columns).
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (!c.locked && table.readOnly !== true) column.protection = { locked: false };
  });
  for (let j = 1; j <= spare; j++) {
    const column = sheet.getColumn(table.columns.length + j);
    column.width = 14;
    column.protection = { locked: false };
  }
  const header = sheet.getRow(1);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label[language];
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.protection = { locked: true };
  });
  for (let j = 1; j <= spare; j++) {
    const cell = header.getCell(table.columns.length + j);
    cell.font = { bold: true };
    cell.protection = { locked: false };
  }

  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  table.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 2);
    table.columns.forEach((c, i) => {
      const own = row.kinds?.[c.key];
      const kind = own?.kind ?? c.kind;
      const enumKey = own?.enumKey ?? c.enumKey;
      const cell = excelRow.getCell(i + 1);
      if (own !== undefined && enumKey !== undefined) {
        validations.add(cell.address, listValidation(enumKey, language));
      }
      const value = row.cells[c.key];
      if (value === undefined) return;
      cell.value = value;
      if (typeof value === 'number') {
        const format = numberFormat(kind, value);
        if (format !== undefined) cell.numFmt = format;
      } else if (c.locked) {
        cell.font = { color: { argb: 'FF595959' } };
      }
    });
  });
  const lastRow = table.rows.length + 1 + EXTRA_ROWS;
  table.columns.forEach((c, i) => {
    if (c.kind !== 'enum' || c.enumKey === undefined) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${lastRow}`, listValidation(c.enumKey, language));
  });
  await sheet.protect('', table.readOnly === true ? READ_ONLY : PROTECTION);
}

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function listValidation(enumKey: EnumKey, language: WorkbookLanguage): ExcelJS.DataValidation {
  const words = enumWords(enumKey, language);
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${words.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: language === 'id' ? 'Pilihan' : 'Choice',
    error: words.join(', '),
  };
}

function numberFormat(kind: ColumnKind, value: number): string | undefined {
  if (kind === 'amount') return amountFormat(value);
  if (kind === 'fraction') return fractionFormat(value);
  return undefined;
}

async function writeMeta(
  workbook: ExcelJS.Workbook,
  data: StudyFileInput,
  language: WorkbookLanguage,
): Promise<void> {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 60;
  sheet.addRow(['format', WORKBOOK_FORMAT]);
  sheet.addRow(['version', WORKBOOK_VERSION]);
  sheet.addRow(['lestari', data.lestari]);
  sheet.addRow(['language', language]);
  for (const empty of emptyPaths(data)) {
    sheet.addRow([
      empty.kind === 'list' ? 'empty-list' : 'empty-group',
      JSON.stringify(empty.path),
    ]);
  }
  await sheet.protect('', { selectLockedCells: true });
}

/**
 * The empty lists (`team: []`) and empty groups (`effects: {}`) of the study file: a workbook
 * has no rows to show them, so the `_lestari` sheet keeps them.
 */
export function emptyPaths(data: unknown): { path: Path; kind: 'list' | 'group' }[] {
  const out: { path: Path; kind: 'list' | 'group' }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      if (node.length === 0 && path.length > 0) out.push({ path, kind: 'list' });
      node.forEach((v, i) => walk(v, [...path, i]));
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      if (keys.length === 0 && path.length > 0) out.push({ path, kind: 'group' });
      for (const k of keys) walk((node as Record<string, unknown>)[k], [...path, k]);
    }
  };
  walk(data, []);
  return out;
}

export interface ResultRow {
  readonly path: string;
  readonly value: string | number | boolean | null;
}

/**
 * Flattens a nested results object into `path → value` rows: `epi.total`,
 * `options.alt-1.economics.bcr`, `productivity.periods[0].total`. Empty lists and groups are
 * listed as `[]` and `{}`; values that are not JSON (NaN, dates …) as text.
 */
export function flattenResults(results: unknown): ResultRow[] {
  const rows: ResultRow[] = [];
  const seen = new WeakSet<object>();
  const walk = (node: unknown, path: string) => {
    if (node === null || node === undefined) {
      rows.push({ path, value: null });
    } else if (typeof node === 'number') {
      rows.push({ path, value: Number.isFinite(node) ? node : String(node) });
    } else if (typeof node === 'string' || typeof node === 'boolean') {
      rows.push({ path, value: node });
    } else if (node instanceof Date) {
      rows.push({ path, value: node.toISOString() });
    } else if (typeof node === 'object') {
      if (seen.has(node)) {
        rows.push({ path, value: '[circular]' });
        return;
      }
      seen.add(node);
      if (Array.isArray(node)) {
        if (node.length === 0) rows.push({ path, value: '[]' });
        node.forEach((v, i) => walk(v, `${path}[${i}]`));
      } else {
        const keys = Object.keys(node);
        if (keys.length === 0) rows.push({ path, value: '{}' });
        for (const k of keys)
          walk((node as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`);
      }
      seen.delete(node);
    } else {
      rows.push({ path, value: String(node) });
    }
  };
  walk(results, '');
  return rows;
}
