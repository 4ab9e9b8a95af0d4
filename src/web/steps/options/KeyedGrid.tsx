/**
 * A table over a record keyed by name (removal efficiency per parameter id, change per
 * productivity category): one row per key with read-only context, one typed column. A value
 * cleared removes the key. A block pasted from Excel fills the column downwards, or, with two
 * cells a line ("COD ⇥ 80 %"), goes to the row named in the first cell.
 */
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCellBlock, parseClipboardTable } from '../../components/grid-paste.js';
import { useStudy } from '../../study/editor.js';
import { getAt, type Path } from '../../study/paths.js';
import { DraftInput } from './DraftInput.js';
import { setPruned } from './model.js';

export interface KeyedGridRow {
  readonly key: string;
  /** The row's name in words, also matched by a pasted first cell. */
  readonly name: string;
  readonly before: readonly ReactNode[];
  readonly after: readonly ReactNode[];
  readonly messages: readonly string[];
}

export type KeyedWrite = { ok: true; value: unknown } | { ok: false; message: string };

export function KeyedGrid(props: {
  readonly caption: string;
  /** The record's path in the study. */
  readonly path: Path;
  /** Path steps never pruned when the record empties (the option itself). */
  readonly keep: number;
  readonly head: {
    readonly name: string;
    readonly before: readonly string[];
    readonly value: ReactNode;
    readonly after: readonly string[];
    /** How many of the last `after` columns are words (left-aligned), not numbers. */
    readonly textAfter?: number;
  };
  readonly rows: readonly KeyedGridRow[];
  readonly read: (value: unknown) => string;
  /** Text → value; '' is handled here (removes the key). */
  readonly write: (text: string) => KeyedWrite;
  readonly messages?: readonly string[];
}) {
  const { t } = useTranslation();
  const { input, edit, update, canEdit } = useStudy();
  const tableRef = useRef<HTMLTableElement>(null);
  const [report, setReport] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState<Readonly<Record<string, string | undefined>>>({});
  // Each cell's problem also in words under the table: a red cell alone is easy to miss.
  const listed = props.rows.flatMap((row) =>
    [typed[row.key], ...row.messages]
      .filter((m): m is string => m !== undefined)
      .map((m) => `${row.name}: ${m}`),
  );

  const alignAfter = (c: number) =>
    c >= props.head.after.length - (props.head.textAfter ?? 0) ? undefined : 'num';

  const writeText = (text: string): KeyedWrite =>
    text === '' ? { ok: true, value: undefined } : props.write(text);

  const commit = (key: string, text: string): string | undefined => {
    const written = writeText(text);
    if (!written.ok) return written.message;
    const path = [...props.path, key];
    // A value goes through edit (keystrokes in one cell make one undo step); clearing prunes.
    if (written.value === undefined)
      update((study) => setPruned(study, path, undefined, props.keep));
    else edit(path, written.value);
    return undefined;
  };

  const focusRow = (r: number) => {
    const cell = tableRef.current?.querySelector<HTMLInputElement>(`[data-cell="${r}"]`);
    cell?.focus();
    cell?.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, r: number) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(r + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(r - 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, r: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isCellBlock(text) || !canEdit) return;
    event.preventDefault();
    const block = parseClipboardTable(text).filter((line) => line.some((c) => c.trim() !== ''));
    const named = block.every((line) => line.length >= 2);
    const writes: { key: string; value: unknown }[] = [];
    const problems: string[] = [];
    block.forEach((line, k) => {
      const find = (name: string) =>
        props.rows.find(
          (row) =>
            row.key.toLowerCase() === name.toLowerCase() ||
            row.name.toLowerCase() === name.toLowerCase(),
        );
      const row = named ? find((line[0] ?? '').trim()) : props.rows[r + k];
      const cell = (named ? line[1] : line[0]) ?? '';
      if (row === undefined) {
        problems.push(t('options:pasteNoRow', { name: named ? (line[0] ?? '') : cell }));
        return;
      }
      const written = writeText(cell.trim());
      if (written.ok) writes.push({ key: row.key, value: written.value });
      else problems.push(`${row.name}: ${written.message}`);
    });
    update((study) =>
      writes.reduce((s, w) => setPruned(s, [...props.path, w.key], w.value, props.keep), study),
    );
    const parts = [t('table.pasted', { count: writes.length })];
    if (problems.length > 0) {
      parts.push(
        t('table.pasteProblems', { count: problems.length, list: problems.slice(0, 5).join('; ') }),
      );
    }
    setReport(parts.join(' '));
  };

  return (
    <div className="grid-wrap">
      <table className="grid" ref={tableRef} aria-label={props.caption}>
        <thead>
          <tr>
            <th scope="col">{props.head.name}</th>
            {props.head.before.map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
            <th scope="col" className="num">
              {props.head.value}
            </th>
            {props.head.after.map((h, c) => (
              <th key={h} scope="col" className={alignAfter(c)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {row.before.map((cell, c) => (
                <td key={c} className="num readonly">
                  {cell}
                </td>
              ))}
              <td className={row.messages.length > 0 ? 'invalid' : undefined}>
                <DraftInput
                  cell={String(r)}
                  label={`${props.caption}: ${row.name}`}
                  numeric
                  readOnly={!canEdit}
                  value={props.read(getAt(input, [...props.path, row.key]))}
                  messages={row.messages}
                  commit={(text) => commit(row.key, text)}
                  onKeyDown={(e) => onKeyDown(e, r)}
                  onPaste={(e) => onPaste(e, r)}
                  onError={(message) => setTyped((m) => ({ ...m, [row.key]: message }))}
                />
              </td>
              {row.after.map((cell, c) => (
                <td key={c} className={`${alignAfter(c) ?? ''} readonly`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {[...(props.messages ?? []), ...listed].map((m) => (
        <div key={m} className="field-error" role="alert">
          {m}
        </div>
      ))}
      {report !== undefined && (
        <div className="notice" role="status">
          {report}{' '}
          <button type="button" className="link" onClick={() => setReport(undefined)}>
            {t('action.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
