/**
 * An n × n pairwise comparison matrix: typing a_ij writes a_ji = 1/a_ij, the diagonal stays
 * 1, a block pasted from a spreadsheet fills the cells from the focused one, the arrow keys
 * and Enter move between cells, and every cell shows the engine's error for it.
 */
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../engine/study/study-input.js';
import { isCellBlock, parseClipboardTable } from '../../components/grid-paste.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { problemsUnder } from '../../study/live.js';
import { pathKey, type Path } from '../../study/paths.js';
import { formatJudgement, parseJudgement } from './judgement.js';
import { pasteJudgements, setJudgement } from './matrix.js';

interface Draft {
  readonly text: string;
  readonly error: string;
}

export function MatrixEditor(props: {
  readonly path: Path;
  readonly labels: readonly string[];
  readonly matrix: Matrix | undefined;
  readonly caption: string;
  onChange(next: number[][]): void;
}) {
  const { t } = useTranslation('weights');
  const language = useLanguage();
  const { problems, canEdit } = useStudy();
  const tableRef = useRef<HTMLTableElement>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [pasteNote, setPasteNote] = useState<string | undefined>(undefined);
  const n = props.labels.length;
  const key = (i: number, j: number) => `${i}:${j}`;
  const label = (i: number) => props.labels[i] ?? String(i + 1);
  const base = pathKey(props.path);
  const problemAt = (i: number, j: number) =>
    problems.find((p) => p.path === pathKey([...props.path, i, j]))?.message;

  const onCellChange = (i: number, j: number, text: string) => {
    const parsed = parseJudgement(text, language);
    if (!parsed.ok) {
      setDrafts((d) => ({ ...d, [key(i, j)]: { text, error: t(`judgement.${parsed.problem}`) } }));
      return;
    }
    // The typed text stays while the cell has focus; the mirrored cell shows the reciprocal.
    setDrafts(({ [key(j, i)]: _, ...rest }) => ({ ...rest, [key(i, j)]: { text, error: '' } }));
    props.onChange(setJudgement(props.matrix, n, i, j, parsed.value));
  };

  const focusCell = (i: number, j: number) => {
    const cell = tableRef.current?.querySelector<HTMLInputElement>(`[data-cell="${i}:${j}"]`);
    cell?.focus();
    cell?.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, i: number, j: number) => {
    const target = event.currentTarget;
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusCell(i + 1, j);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusCell(i - 1, j);
    } else if (event.key === 'ArrowLeft' && target.selectionStart === 0) {
      focusCell(i, j - 1);
    } else if (event.key === 'ArrowRight' && target.selectionEnd === target.value.length) {
      focusCell(i, j + 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, i: number, j: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isCellBlock(text) || !canEdit) return;
    event.preventDefault();
    const pasted = pasteJudgements(
      props.matrix,
      n,
      parseClipboardTable(text),
      { row: i, column: j },
      (cell) => {
        const parsed = parseJudgement(cell, language);
        return parsed.ok ? parsed.value : undefined;
      },
    );
    props.onChange(pasted.matrix);
    setDrafts({});
    const parts = [t('pasted', { count: pasted.written })];
    if (pasted.problems.length > 0) {
      parts.push(
        t('pasteProblems', {
          list: pasted.problems
            .slice(0, 5)
            .map(
              (p) =>
                `${t('cellLabel', { row: label(p.row), column: label(p.column) })} “${p.text}”`,
            )
            .join('; '),
        }),
      );
    }
    if (pasted.ignored > 0) parts.push(t('pasteIgnored', { count: pasted.ignored }));
    setPasteNote(parts.join(' '));
  };

  // Every message under the matrix, so none depends on hovering a cell (tablets).
  const messages = [
    ...Object.entries(drafts)
      .filter(([, d]) => d.error !== '')
      .map(([k, d]) => {
        const [i = 0, j = 0] = k.split(':').map(Number);
        return `${t('cellLabel', { row: label(i), column: label(j) })}: ${d.error}`;
      }),
    ...problemsUnder(problems, base).map((p) => {
      const cell = /^\[(\d+)\]\[(\d+)\]$/.exec(p.path.slice(base.length));
      return cell === null
        ? p.message
        : `${t('cellLabel', { row: label(Number(cell[1])), column: label(Number(cell[2])) })}: ${p.message}`;
    }),
  ];

  return (
    <div className="grid-wrap">
      <table className="grid ahp-matrix" ref={tableRef} aria-label={props.caption}>
        <thead>
          <tr>
            <th scope="col" />
            {props.labels.map((l, j) => (
              <th key={j} scope="col" className="num">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.labels.map((rowLabel, i) => (
            <tr key={i}>
              <th scope="row">{rowLabel}</th>
              {props.labels.map((columnLabel, j) => {
                const draft = drafts[key(i, j)];
                const error = (draft?.error || problemAt(i, j)) ?? '';
                const value = props.matrix?.[i]?.[j];
                const diagonal = i === j;
                return (
                  <td
                    key={j}
                    className={[
                      error ? 'invalid' : '',
                      diagonal ? 'diagonal' : i > j ? 'lower' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    <input
                      type="text"
                      inputMode="decimal"
                      className="num"
                      data-cell={key(i, j)}
                      aria-label={t('cellLabel', { row: rowLabel, column: columnLabel })}
                      aria-invalid={error ? true : undefined}
                      title={error || undefined}
                      readOnly={diagonal || !canEdit}
                      tabIndex={diagonal ? -1 : undefined}
                      value={
                        diagonal
                          ? '1'
                          : (draft?.text ??
                            (value === undefined ? '' : formatJudgement(value, language)))
                      }
                      onChange={(e) => onCellChange(i, j, e.target.value)}
                      onKeyDown={(e) => onKeyDown(e, i, j)}
                      onPaste={(e) => onPaste(e, i, j)}
                      onBlur={() =>
                        setDrafts(({ [key(i, j)]: d, ...rest }) =>
                          d !== undefined && d.error !== '' ? { ...rest, [key(i, j)]: d } : rest,
                        )
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {messages.length > 0 && (
        <div className="field-error" role="alert">
          {messages.map((m, k) => (
            <div key={k}>{m}</div>
          ))}
        </div>
      )}
      {pasteNote !== undefined && (
        <div className="notice" role="status">
          {pasteNote}{' '}
          <button type="button" className="link" onClick={() => setPasteNote(undefined)}>
            {t('common:action.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
