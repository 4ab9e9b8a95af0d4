/** What a paste did, said once for every editable table: cells written, refused, left over. */
import { useTranslation } from 'react-i18next';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `failures` are "column row: why" lines; the first five are named. */
export function pasteReportText(
  t: Translate,
  pasted: number,
  failures: readonly string[],
  ignored: number,
): string {
  const parts = [t('table.pasted', { count: pasted })];
  if (failures.length > 0) {
    parts.push(
      t('table.pasteProblems', { count: failures.length, list: failures.slice(0, 5).join('; ') }),
    );
  }
  if (ignored > 0) parts.push(t('table.pasteIgnored', { count: ignored }));
  return parts.join(' ');
}

export function PasteNotice(props: {
  readonly text: string | undefined;
  readonly onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (props.text === undefined) return null;
  return (
    <div className="notice" role="status">
      {props.text}{' '}
      <button type="button" className="link" onClick={props.onDismiss}>
        {t('action.dismiss')}
      </button>
    </div>
  );
}
