/** The items of an AHP or a questionnaire: renamed as you type, removed, added. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudy } from '../../study/editor.js';

export function ItemList(props: {
  readonly legend: string;
  readonly items: readonly string[];
  /** A note under an item (e.g. the effluent parameter it names). */
  readonly note?: (item: string) => string | undefined;
  readonly suggestions?: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
  onRename(index: number, name: string): void;
  onRemove(index: number): void;
  onAdd(): void;
}) {
  const { t } = useTranslation('weights');
  const { canEdit } = useStudy();
  const listId = useId();
  return (
    <fieldset className="w-items">
      <legend>{props.legend}</legend>
      <ol>
        {props.items.map((item, i) => {
          const note = props.note?.(item);
          return (
            <li key={i}>
              <span>
                <input
                  type="text"
                  value={item}
                  readOnly={!canEdit}
                  aria-label={t('itemName', { n: i + 1 })}
                  list={props.suggestions === undefined ? undefined : listId}
                  onChange={(e) => props.onRename(i, e.target.value)}
                />
                {canEdit && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('removeItem', { name: item || i + 1 })}
                    title={t('removeItem', { name: item || i + 1 })}
                    onClick={() => props.onRemove(i)}
                  >
                    ×
                  </button>
                )}
              </span>
              {note !== undefined && <span className="muted">{note}</span>}
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <button type="button" onClick={props.onAdd}>
          + {t('addItem')}
        </button>
      )}
      {props.hint !== undefined && <div className="field-hint">{props.hint}</div>}
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
