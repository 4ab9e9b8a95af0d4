/**
 * A spreadsheet-like table bound to an array in the study: every cell is typed in place,
 * a block pasted from Excel fills cells from the focused one (adding rows), the arrow keys
 * and Enter move between cells, and each cell shows the engine's error for its field.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.js';
import { useStudy } from '../study/editor.js';
import { getAt, pathKey, setAt, type Path } from '../study/paths.js';
import type { GridColumn } from './columns.js';
import { PasteNotice, pasteReportText } from './paste-report.js';
import { applyPaste, isCellBlock, parseClipboardTable, type PasteProblem } from './grid-paste.js';

export interface EditableTableProps<Row> {
  /** Where the array lives in the study. */
  readonly path: Path;
  readonly columns: readonly GridColumn<Row>[];
  readonly newRow: () => Row;
  /** Names the table for screen readers and in messages. */
  readonly caption: string;
  /** Rows cannot be added or removed (a fixed matrix, say). */
  readonly fixedRows?: boolean;
  /** Header of each row (e.g. the item name of a matrix row). */
  readonly rowHeader?: (row: Row, index: number) => string;
  /** Removes the array from the study when the last row goes (for optional sections). */
  readonly removeWhenEmpty?: boolean;
}

/** A column's cell renderer called as a function (see the table body). */
function renderCell<Context>(cell: unknown, context: Context): ReactNode {
  return typeof cell === 'function' ? (cell as (c: Context) => ReactNode)(context) : null;
}

/** One empty list for every absent array: a new [] per render would make the table re-render forever. */
const NO_ROWS: never[] = [];

export function EditableTable<Row>(props: EditableTableProps<Row>) {
  const { input, update, canEdit, problems } = useStudy();
  const language = useLanguage();
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const [drafts, setDrafts] = useState<Record<string, { text: string; error: string }>>({});
  const [pasteReport, setPasteReport] = useState<string | undefined>(undefined);
  const raw = getAt(input, props.path);
  const rows: Row[] = Array.isArray(raw) ? (raw as Row[]) : NO_ROWS;

  const writeRows = (next: readonly Row[]) =>
    update((study) =>
      setAt(study, props.path, next.length === 0 && props.removeWhenEmpty ? undefined : next),
    );

  const cellKey = (r: number, c: number) => `${r}:${c}`;
  const problemAt = (r: number, column: GridColumn<Row>) => {
    const key = pathKey([...props.path, r, ...column.path]);
    return problems.find((p) => p.path === key)?.message;
  };

  const onCellChange = (r: number, c: number, text: string) => {
    const column = props.columns[c];
    const row = rows[r];
    if (column === undefined || row === undefined) return;
    const written = column.write(row, text.trim(), language);
    if (written.ok) {
      setDrafts(({ [cellKey(r, c)]: _, ...rest }) => ({
        ...rest,
        [cellKey(r, c)]: { text, error: '' },
      }));
      writeRows(rows.map((x, i) => (i === r ? written.row : x)));
    } else {
      setDrafts((d) => ({ ...d, [cellKey(r, c)]: { text, error: written.message } }));
    }
  };

  const focusCell = (r: number, c: number) => {
    const cell = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`);
    cell?.focus();
    if (cell instanceof HTMLInputElement) cell.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, r: number, c: number) => {
    const target = event.currentTarget;
    const atStart = !(target instanceof HTMLInputElement) || target.selectionStart === 0;
    const atEnd =
      !(target instanceof HTMLInputElement) || target.selectionEnd === target.value.length;
    if (
      event.key === 'Enter' ||
      (event.key === 'ArrowDown' && !(target instanceof HTMLSelectElement))
    ) {
      event.preventDefault();
      if (r + 1 >= rows.length && event.key === 'Enter' && canEdit && !props.fixedRows) {
        writeRows([...rows, props.newRow()]);
        requestAnimationFrame(() => focusCell(r + 1, c));
      } else focusCell(r + 1, c);
    } else if (event.key === 'ArrowUp' && !(target instanceof HTMLSelectElement)) {
      event.preventDefault();
      focusCell(r - 1, c);
    } else if (event.key === 'ArrowLeft' && atStart) {
      focusCell(r, c - 1);
    } else if (event.key === 'ArrowRight' && atEnd) {
      focusCell(r, c + 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>, r: number, c: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isCellBlock(text) || !canEdit) return;
    event.preventDefault();
    const block = parseClipboardTable(text);
    const columns = props.columns.map((column) => ({
      header: column.header,
      ...(column.readOnly ? { readOnly: true } : {}),
      write: (row: Row, cell: string) => column.write(row, cell, language),
    }));
    const pasted = applyPaste(
      rows,
      columns,
      props.fixedRows ? block.slice(0, rows.length - r) : block,
      { row: r, column: c },
      props.newRow,
    );
    writeRows(pasted.rows);
    setDrafts({});
    setPasteReport(pasteMessage(pasted.problems, pasted.ignoredCells, block, t));
  };

  const columnDefs: ColumnDef<Row>[] = props.columns.map((column, c) => ({
    id: column.id,
    header: () => (
      <>
        {column.header}
        {column.sub !== undefined && <div className="sub">{column.sub}</div>}
      </>
    ),
    cell: ({ row }) => {
      const r = row.index;
      const draft = drafts[cellKey(r, c)];
      const error = draft?.error || problemAt(r, column);
      const common = {
        'data-cell': `${r}:${c}`,
        'aria-label': `${column.header} ${props.rowHeader?.(row.original, r) ?? r + 1}`,
        'aria-invalid': error ? true : undefined,
        title: error || undefined,
        disabled: !canEdit || column.readOnly,
        onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, r, c),
        onPaste: (e: ClipboardEvent<HTMLElement>) => onPaste(e, r, c),
      };
      if (column.options !== undefined) {
        return (
          <select
            {...common}
            value={column.read(row.original, language)}
            onChange={(e) => onCellChange(r, c, e.target.value)}
          >
            {!column.options.some((o) => o.value === column.read(row.original, language)) && (
              <option value="">—</option>
            )}
            {column.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      }
      return (
        <input
          {...common}
          type="text"
          className={column.align === 'right' ? 'num' : undefined}
          inputMode={column.align === 'right' ? 'decimal' : undefined}
          value={draft?.text ?? column.read(row.original, language)}
          onChange={(e) => onCellChange(r, c, e.target.value)}
          onBlur={() =>
            setDrafts(({ [cellKey(r, c)]: d, ...rest }) =>
              d !== undefined && d.error !== '' ? { ...rest, [cellKey(r, c)]: d } : rest,
            )
          }
        />
      );
    },
  }));

  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
  });
  const tableProblems = problems.filter((p) => p.path === pathKey(props.path));

  return (
    <div className="grid-wrap">
      <table className="grid" ref={tableRef} aria-label={props.caption}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {props.rowHeader !== undefined && <th scope="col" />}
              {group.headers.map((header, c) => (
                <th
                  key={header.id}
                  scope="col"
                  style={props.columns[c]?.width ? { width: props.columns[c]?.width } : undefined}
                  className={props.columns[c]?.align === 'right' ? 'num' : undefined}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
              {canEdit && !props.fixedRows && (
                <th scope="col" className="row-actions" aria-label={t('table.actions')} />
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const cells = row.getVisibleCells();
            return (
              <tr key={row.id}>
                {props.rowHeader !== undefined && (
                  <th scope="row">{props.rowHeader(row.original, row.index)}</th>
                )}
                {cells.map((cell, c) => {
                  const column = props.columns[c];
                  const invalid =
                    column !== undefined &&
                    (drafts[cellKey(row.index, c)]?.error || problemAt(row.index, column));
                  return (
                    <td key={cell.id} className={invalid ? 'invalid' : undefined}>
                      {/* Called, not rendered as a component: a new function per render would remount the input and lose the caret. */}
                      {renderCell(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
                {canEdit && !props.fixedRows && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('table.removeRow', {
                        row: props.rowHeader?.(row.original, row.index) ?? row.index + 1,
                      })}
                      title={t('table.removeRow', { row: row.index + 1 })}
                      onClick={() => {
                        setDrafts({});
                        writeRows(rows.filter((_, i) => i !== row.index));
                      }}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canEdit && !props.fixedRows && (
        <button
          type="button"
          className="add-row"
          onClick={() => writeRows([...rows, props.newRow()])}
        >
          + {t('table.addRow')}
        </button>
      )}
      {tableProblems.map((p) => (
        <div key={p.message} className="field-error" role="alert">
          {p.message}
        </div>
      ))}
      <PasteNotice text={pasteReport} onDismiss={() => setPasteReport(undefined)} />
    </div>
  );
}

function pasteMessage(
  problems: readonly PasteProblem[],
  ignored: number,
  block: readonly (readonly string[])[],
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const cells = block.reduce((n, row) => n + row.length, 0);
  const failures = problems.map((p) => `${p.header} ${p.row + 1}: ${p.message}`);
  return pasteReportText(t, cells - problems.length - ignored, failures, ignored);
}
