/**
 * Monitoring data kept in Excel (lab results by month, a logger's export saved as .xlsx) as the
 * CSV text the monitoring reader takes, so a workbook gets exactly the checks of a CSV: the
 * first worksheet with data (or the one named), its first non-empty row the header. Dates are
 * written as the wall-clock time shown in Excel (Excel keeps no zone: the header's or the
 * caller's zone applies); numbers in full precision with a dot; text as typed ("< 0,5" stays).
 */
import ExcelJS from 'exceljs';
import { MAX_WORKBOOK_BYTES } from './import-workbook.js';

export type MonitoringWorkbookResult =
  | {
      readonly ok: true;
      readonly csv: string;
      readonly sheet: string;
      /** Data rows written (the header excluded). */
      readonly rows: number;
    }
  | { readonly ok: false; readonly message: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel's serial dates come back as UTC instants of the wall-clock time shown. */
function dateText(date: Date): string {
  const seconds = date.getUTCSeconds();
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` +
    (seconds === 0 ? '' : `:${pad(seconds)}`)
  );
}

/** The cell as the CSV reader should see it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if ('result' in value) {
    // A formula: its cached result (an error result reads as an empty cell).
    const result = value.result;
    return result === undefined || (typeof result === 'object' && 'error' in result)
      ? ''
      : cellText(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The workbook's monitoring sheet as CSV (comma-delimited, numbers with a dot).
 * @param sheetName the worksheet to read; default the first with data
 */
export async function monitoringCsvFromWorkbook(
  bytes: Uint8Array,
  sheetName?: string,
): Promise<MonitoringWorkbookResult> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    return {
      ok: false,
      message: `the workbook is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; save the sheet as CSV`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: `not an Excel workbook (.xlsx): ${(error as Error).message}` };
  }
  const sheets = workbook.worksheets;
  const sheet =
    sheetName === undefined
      ? sheets.find((s) => s.actualRowCount > 0)
      : sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (sheet === undefined) {
    return {
      ok: false,
      message:
        sheetName === undefined
          ? 'the workbook has no data'
          : `no worksheet "${sheetName}" (sheets: ${sheets.map((s) => s.name).join(', ')})`,
    };
  }
  const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(csvField(cellText(row.getCell(c).value)));
    lines.push(cells.join(','));
  });
  // Every row kept, blank ones too: the reader's line numbers are then the sheet's row numbers.
  const data = lines.filter((l) => !/^,*$/.test(l)).length;
  if (data === 0) return { ok: false, message: `worksheet "${sheet.name}" is empty` };
  return { ok: true, csv: `${lines.join('\n')}\n`, sheet: sheet.name, rows: data - 1 };
}
