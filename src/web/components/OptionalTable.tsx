/**
 * An EditableTable for a list the study may not have (annual costs, published values): while
 * the list is absent a button starts it. EditableTable must not be given an absent list: it
 * reads it as a new empty array on every render, and TanStack Table re-renders without end on
 * a `data` of changing identity (the page hangs on the next keystroke).
 */
import { useTranslation } from 'react-i18next';
import { EditableTable, type EditableTableProps } from './EditableTable.js';
import { useStudy } from '../study/editor.js';
import { getAt, setAt } from '../study/paths.js';

export function OptionalTable<Row>(
  props: EditableTableProps<Row> & { readonly emptyText?: string },
) {
  const { t } = useTranslation();
  const { input, update, canEdit } = useStudy();
  if (Array.isArray(getAt(input, props.path))) return <EditableTable<Row> {...props} />;
  if (!canEdit)
    return props.emptyText === undefined ? null : <p className="empty">{props.emptyText}</p>;
  return (
    <div className="grid-wrap">
      {props.emptyText !== undefined && <p className="empty">{props.emptyText}</p>}
      <button
        type="button"
        className="add-row"
        aria-label={`${t('table.addRow')}: ${props.caption}`}
        onClick={() => update((study) => setAt(study, props.path, [props.newRow()]))}
      >
        + {t('table.addRow')}
      </button>
    </div>
  );
}
