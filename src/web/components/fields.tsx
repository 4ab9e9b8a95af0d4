/**
 * Form fields bound to a study path: they show the value in the UI language, write it back
 * through the editor on every valid keystroke (results follow live), and show the engine's or
 * the file's error for that path right under the field.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.js';
import { formatTyped, parseNumber } from '../i18n/numbers.js';
import { useStudy } from '../study/editor.js';
import { problemsUnder } from '../study/live.js';
import { getAt, pathKey, type Path } from '../study/paths.js';

/** The problems at exactly this path (and, with `below`, under it). */
export function useFieldProblems(path: Path, below = false): string[] {
  const { problems } = useStudy();
  const key = pathKey(path);
  return (below ? problemsUnder(problems, key) : problems.filter((p) => p.path === key)).map(
    (p) => p.message,
  );
}

export function FieldMessages(props: {
  readonly id?: string;
  readonly messages: readonly string[];
}) {
  if (props.messages.length === 0) return null;
  return (
    <div className="field-error" id={props.id} role="alert">
      {props.messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}

interface FieldProps {
  readonly path: Path;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
}

function Field(
  props: FieldProps & {
    readonly children: (id: string, describedBy: string | undefined, invalid: boolean) => ReactNode;
    readonly localError?: string;
  },
) {
  const id = useId();
  const messages = [
    ...(props.localError ? [props.localError] : []),
    ...useFieldProblems(props.path),
  ];
  const errorId = `${id}-error`;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, messages.length > 0 ? errorId : undefined, messages.length > 0)}
      {props.hint !== undefined && <div className="field-hint">{props.hint}</div>}
      <FieldMessages id={errorId} messages={messages} />
    </div>
  );
}

export function TextField(
  props: FieldProps & { readonly multiline?: boolean; readonly required?: boolean },
) {
  const { input, edit, canEdit } = useStudy();
  const value = getAt(input, props.path);
  const text = typeof value === 'string' ? value : '';
  const set = (next: string) => edit(props.path, next === '' && !props.required ? undefined : next);
  return (
    <Field {...props}>
      {(id, describedBy, invalid) =>
        props.multiline ? (
          <textarea
            id={id}
            value={text}
            readOnly={!canEdit}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => set(e.target.value)}
            rows={3}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={text}
            readOnly={!canEdit}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => set(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/**
 * A number typed in the UI language. While the text does not read as a number the study keeps
 * its last good value and the field says why; `percent` shows a fraction as a percentage.
 */
export function NumberField(
  props: FieldProps & {
    readonly percent?: boolean;
    readonly optional?: boolean;
    readonly unit?: ReactNode;
    /** Shown while empty: the default an optional field takes. */
    readonly placeholder?: string;
  },
) {
  const { input, edit, canEdit } = useStudy();
  const language = useLanguage();
  const { t } = useTranslation();
  const value = getAt(input, props.path);
  const shown = typeof value === 'number' ? (props.percent ? value * 100 : value) : undefined;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const text = draft ?? formatTyped(shown, language);
  const onChange = (next: string) => {
    setDraft(next);
    if (next.trim() === '') {
      if (props.optional) {
        setError(undefined);
        edit(props.path, undefined);
      } else setError(t('field.required'));
      return;
    }
    const parsed = parseNumber(next, language, false);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    edit(props.path, props.percent ? parsed.value / 100 : parsed.value);
  };
  return (
    <Field {...props} {...(error === undefined ? {} : { localError: error })}>
      {(id, describedBy, invalid) => (
        <span className="number-input">
          <input
            id={id}
            type="text"
            inputMode="decimal"
            placeholder={props.placeholder}
            value={text}
            readOnly={!canEdit}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => {
              if (error === undefined) setDraft(undefined);
            }}
          />
          {props.percent ? (
            <span className="unit">%</span>
          ) : (
            props.unit !== undefined && <span className="unit">{props.unit}</span>
          )}
        </span>
      )}
    </Field>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & {
    readonly options: readonly { readonly value: V; readonly label: string }[];
    readonly optional?: boolean;
  },
) {
  const { input, edit, canEdit } = useStudy();
  const { t } = useTranslation();
  const value = getAt(input, props.path);
  return (
    <Field {...props}>
      {(id, describedBy, invalid) => (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          disabled={!canEdit}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => edit(props.path, e.target.value === '' ? undefined : e.target.value)}
        >
          {(props.optional || typeof value !== 'string') && (
            <option value="">{t('field.none')}</option>
          )}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
