/**
 * Pasting a block of cells copied from Excel, LibreOffice or Google Sheets: tab-separated
 * cells, one line per row, a cell with a tab, newline or quote wrapped in double quotes.
 */

/** Clipboard text → rows of cells. A trailing newline (spreadsheets add one) adds no row. */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let cellStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      i += 1;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      cellStart = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    cellStart = false;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is a block of cells rather than text for one cell. */
export function isCellBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

export type CellWrite<Row> =
  { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly message: string };

export interface PasteColumn<Row> {
  readonly header: string;
  readonly readOnly?: boolean;
  write(row: Row, text: string): CellWrite<Row>;
}

export interface PasteProblem {
  /** 0-based row and column in the table. */
  readonly row: number;
  readonly column: number;
  readonly header: string;
  readonly message: string;
}

/**
 * Writes a pasted block into `rows` from (row, column) on, adding rows as needed. Cells that
 * do not read keep their old value and are reported; columns past the last are ignored and
 * counted, so nothing is dropped without a word.
 */
export function applyPaste<Row>(
  rows: readonly Row[],
  columns: readonly PasteColumn<Row>[],
  block: readonly (readonly string[])[],
  at: { readonly row: number; readonly column: number },
  newRow: () => Row,
): { rows: Row[]; problems: PasteProblem[]; ignoredCells: number } {
  const out = [...rows];
  const problems: PasteProblem[] = [];
  let ignoredCells = 0;
  block.forEach((cells, r) => {
    const rowIndex = at.row + r;
    let row = out[rowIndex] ?? newRow();
    cells.forEach((text, c) => {
      const columnIndex = at.column + c;
      const column = columns[columnIndex];
      if (column === undefined || column.readOnly) {
        if (text.trim() !== '') ignoredCells += 1;
        return;
      }
      const written = column.write(row, text.trim());
      if (written.ok) row = written.row;
      else
        problems.push({
          row: rowIndex,
          column: columnIndex,
          header: column.header,
          message: written.message,
        });
    });
    out[rowIndex] = row;
  });
  return { rows: out, problems, ignoredCells };
}
