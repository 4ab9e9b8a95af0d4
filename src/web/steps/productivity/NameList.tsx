/**
 * Names that are columns (outputs, input categories): each renamed in place, committed on
 * Enter or on leaving the field (so a half-typed name never collides), removed, or added.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudy } from '../../study/editor.js';
import { nameProblem } from './categories.js';

interface NameListProps {
  readonly legend: string;
  readonly names: readonly string[];
  /** The name in words ("labour" → "Tenaga kerja"); shown under the field when it differs. */
  readonly display: (name: string) => string;
  readonly placeholder: string;
  readonly suggestions?: readonly { readonly value: string; readonly label: string }[];
  onRename(from: string, to: string): void;
  onRemove(name: string): void;
  onAdd(name: string): void;
}

export function NameList(props: NameListProps) {
  const { t } = useTranslation('productivity');
  const { canEdit } = useStudy();
  const listId = useId();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="pd-names">
        {props.names.map((name) => (
          <div className="pd-name" key={name}>
            <NameInput
              value={name}
              taken={props.names.filter((n) => n !== name)}
              label={t('rename', { name: props.display(name) })}
              list={props.suggestions === undefined ? undefined : listId}
              onCommit={(to) => props.onRename(name, to)}
            >
              {canEdit && (
                <button
                  type="button"
                  className="icon"
                  aria-label={t('remove', { name: props.display(name) })}
                  title={t('remove', { name: props.display(name) })}
                  onClick={() => props.onRemove(name)}
                >
                  ×
                </button>
              )}
            </NameInput>
            {props.display(name) !== name && <span className="muted">{props.display(name)}</span>}
          </div>
        ))}
        {canEdit && (
          <AddName
            taken={props.names}
            placeholder={props.placeholder}
            list={props.suggestions === undefined ? undefined : listId}
            onAdd={props.onAdd}
          />
        )}
      </div>
      {props.suggestions !== undefined && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </datalist>
      )}
    </fieldset>
  );
}

function NameInput(props: {
  readonly value: string;
  readonly taken: readonly string[];
  readonly label: string;
  readonly list: string | undefined;
  /** Shown beside the field (the remove button). */
  readonly children?: ReactNode;
  onCommit(name: string): void;
}) {
  const { t } = useTranslation('productivity');
  const { canEdit } = useStudy();
  const errorId = useId();
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | undefined>(undefined);
  // Follow the study when it changes under the field (undo, a rename elsewhere).
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
    setError(undefined);
  }
  const commit = () => {
    if (text === props.value) return;
    const problem = nameProblem(text, props.taken);
    if (problem !== undefined) setError(t(`name.${problem}`));
    else props.onCommit(text.trim());
  };
  return (
    <>
      <span>
        <input
          type="text"
          value={text}
          readOnly={!canEdit}
          aria-label={props.label}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : errorId}
          list={props.list}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(props.value);
              setError(undefined);
            }
          }}
        />
        {props.children}
      </span>
      {error !== undefined && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </>
  );
}

function AddName(props: {
  readonly taken: readonly string[];
  readonly placeholder: string;
  readonly list: string | undefined;
  onAdd(name: string): void;
}) {
  const { t } = useTranslation('productivity');
  const errorId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const add = () => {
    const problem = nameProblem(text, props.taken);
    if (problem !== undefined) {
      setError(t(`name.${problem}`));
      return;
    }
    props.onAdd(text.trim());
    setText('');
    setError(undefined);
  };
  return (
    <div className="pd-name">
      <span className="pd-add">
        <input
          type="text"
          value={text}
          placeholder={props.placeholder}
          aria-label={props.placeholder}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : errorId}
          list={props.list}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" onClick={add}>
          + {t('add')}
        </button>
      </span>
      {error !== undefined && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
