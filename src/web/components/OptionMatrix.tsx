/**
 * A spreadsheet-like options × criteria matrix whose cells live in each option's record
 * (`options[k].sieve.cost`, `options[k].scores.risk`, `options[k].effects.removal.bod`):
 * typed in place in the UI language, a block pasted from Excel fills cells from the focused
 * one, arrow keys and Enter move between cells, and each cell shows the engine's error for
 * its field. EditableTable binds to one array; these rows are a chosen subset of the options.
 */
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCellBlock, parseClipboardTable } from './grid-paste.js';
import { useLanguage } from '../i18n/index.js';
import { useStudy } from '../study/editor.js';
import { problemsUnder } from '../study/live.js';
import { getAt, pathKey, type Path } from '../study/paths.js';
import { writeOptionCell, type CellCodec } from './option-matrix.js';
import { PasteNotice, pasteReportText } from './paste-report.js';

export interface MatrixColumn {
  /** The key in the option's record. */
  readonly key: string;
  readonly header: string;
  readonly sub?: ReactNode;
  readonly cell: CellCodec;
}

export interface MatrixRow {
  /** Position in the study's options. */
  readonly index: number;
  readonly label: string;
}

/** A read-only column after the editable ones (a live result per option). */
export interface MatrixResult {
  readonly header: string;
  readonly numeric?: boolean;
  render(row: MatrixRow): ReactNode;
}

const ROW_HEADER = {
  whiteSpace: 'normal',
  minWidth: '10em',
  maxWidth: '22em',
  verticalAlign: 'middle',
} as const;

export function OptionMatrix(props: {
  readonly caption: string;
  readonly rowsHeader: string;
  readonly rows: readonly MatrixRow[];
  readonly columns: readonly MatrixColumn[];
  /** Where the cells live inside an option, e.g. ['sieve'] or ['effects', 'removal']. */
  readonly recordPath: Path;
  readonly results?: readonly MatrixResult[];
}) {
  const { input, update, canEdit, problems } = useStudy();
  const language = useLanguage();
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const [drafts, setDrafts] = useState<Record<string, { text: string; error: string }>>({});
  const [pasteReport, setPasteReport] = useState<string | undefined>(undefined);
  const options = input.options ?? [];
  const { rows, columns, recordPath } = props;

  const cellKey = (r: number, c: number) => `${r}:${c}`;
  const pathOf = (row: MatrixRow, column: MatrixColumn) =>
    pathKey(['options', row.index, ...recordPath, column.key]);
  const problemAt = (row: MatrixRow, column: MatrixColumn) =>
    problems.find((p) => p.path === pathOf(row, column))?.message;

  const onCellChange = (r: number, c: number, text: string) => {
    const row = rows[r];
    const column = columns[c];
    if (row === undefined || column === undefined) return;
    const written = column.cell.write(text.trim(), language);
    if (written.ok) {
      setDrafts((d) => ({ ...d, [cellKey(r, c)]: { text, error: '' } }));
      update((study) => writeOptionCell(study, row.index, recordPath, column.key, written.value));
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
    const isSelect = target instanceof HTMLSelectElement;
    const atStart = !(target instanceof HTMLInputElement) || target.selectionStart === 0;
    const atEnd =
      !(target instanceof HTMLInputElement) || target.selectionEnd === target.value.length;
    if (event.key === 'Enter' || (event.key === 'ArrowDown' && !isSelect)) {
      event.preventDefault();
      focusCell(r + 1, c);
    } else if (event.key === 'ArrowUp' && !isSelect) {
      event.preventDefault();
      focusCell(r - 1, c);
    } else if (event.key === 'ArrowLeft' && atStart) {
      focusCell(r, c - 1);
    } else if (event.key === 'ArrowRight' && atEnd) {
      focusCell(r, c + 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>, r0: number, c0: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isCellBlock(text) || !canEdit) return;
    event.preventDefault();
    const block = parseClipboardTable(text);
    const writes: { index: number; key: string; value: unknown }[] = [];
    const failed: string[] = [];
    let ignored = 0;
    block.forEach((cells, dr) => {
      const row = rows[r0 + dr];
      cells.forEach((cellText, dc) => {
        const column = columns[c0 + dc];
        if (row === undefined || column === undefined) {
          if (cellText.trim() !== '') ignored += 1;
          return;
        }
        const written = column.cell.write(cellText.trim(), language);
        if (written.ok) writes.push({ index: row.index, key: column.key, value: written.value });
        else failed.push(`${column.header} ${row.label}: ${written.message}`);
      });
    });
    update((study) =>
      writes.reduce((s, w) => writeOptionCell(s, w.index, recordPath, w.key, w.value), study),
    );
    setDrafts({});
    setPasteReport(pasteReportText(t, writes.length, failed, ignored));
  };

  // Problems inside a row's record that no cell shows (a whole record refused, say).
  const cellPaths = new Set(rows.flatMap((row) => columns.map((column) => pathOf(row, column))));
  const otherProblems = rows.flatMap((row) =>
    problemsUnder(problems, pathKey(['options', row.index, ...recordPath]))
      .filter((p) => !cellPaths.has(p.path))
      .map((p) => ({ key: `${p.path}:${p.message}`, text: `${row.label}: ${p.message}` })),
  );

  return (
    <div className="grid-wrap">
      <table className="grid" ref={tableRef} aria-label={props.caption}>
        <thead>
          <tr>
            <th scope="col">{props.rowsHeader}</th>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.cell.align === 'right' ? 'num' : undefined}
              >
                {column.header}
                {column.sub !== undefined && <div className="sub">{column.sub}</div>}
              </th>
            ))}
            {props.results?.map((result) => (
              <th key={result.header} scope="col" className={result.numeric ? 'num' : undefined}>
                {result.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.index}>
              {/* Option names are long: they wrap, so the values and results stay in view. */}
              <th scope="row" style={ROW_HEADER}>
                {row.label}
              </th>
              {columns.map((column, c) => {
                const draft = drafts[cellKey(r, c)];
                const error = draft?.error || problemAt(row, column);
                const value = getAt(options[row.index], [...recordPath, column.key]);
                const shown = column.cell.read(value, language);
                const common = {
                  'data-cell': `${r}:${c}`,
                  'aria-label': `${column.header}, ${row.label}`,
                  'aria-invalid': error ? true : undefined,
                  title: error || undefined,
                  disabled: !canEdit,
                  onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, r, c),
                  onPaste: (e: ClipboardEvent<HTMLElement>) => onPaste(e, r, c),
                };
                return (
                  <td key={column.key} className={error ? 'invalid' : undefined}>
                    {column.cell.choices !== undefined ? (
                      <select
                        {...common}
                        value={shown}
                        onChange={(e) => onCellChange(r, c, e.target.value)}
                      >
                        <option value="">—</option>
                        {column.cell.choices.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...common}
                        type="text"
                        className={column.cell.align === 'right' ? 'num' : undefined}
                        inputMode={column.cell.align === 'right' ? 'decimal' : undefined}
                        value={draft?.text ?? shown}
                        onChange={(e) => onCellChange(r, c, e.target.value)}
                        onBlur={() =>
                          setDrafts(({ [cellKey(r, c)]: d, ...rest }) =>
                            d !== undefined && d.error !== ''
                              ? { ...rest, [cellKey(r, c)]: d }
                              : rest,
                          )
                        }
                      />
                    )}
                  </td>
                );
              })}
              {props.results?.map((result) => (
                <td
                  key={result.header}
                  className={result.numeric ? 'num' : undefined}
                  style={{ padding: '5px 8px' }}
                >
                  {result.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {otherProblems.map((p) => (
        <div key={p.key} className="field-error" role="alert">
          {p.text}
        </div>
      ))}
      <PasteNotice text={pasteReport} onDismiss={() => setPasteReport(undefined)} />
    </div>
  );
}
