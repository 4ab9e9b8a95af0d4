/**
 * A screening step's page (sieve, weighted sum): its header, one block per screening of the
 * study, the empty states, and the button that adds a screening for the next problem.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudy } from '../study/editor.js';
import { Empty, StepHeader } from './layout.js';
import { addScreening, type ScreeningKind } from './option-matrix.js';

export function ScreeningList(props: {
  /** The step's i18n namespace: title, intro, noOptions, add and `emptyKey`. */
  readonly namespace: string;
  readonly kind: ScreeningKind;
  /** The key of the text shown when the study has options but no screening of this kind. */
  readonly emptyKey: string;
  readonly Block: ComponentType<{ readonly index: number }>;
}) {
  const { t } = useTranslation(props.namespace);
  const { input, update, canEdit } = useStudy();
  const list = input.screening?.[props.kind] ?? [];
  const hasOptions = (input.options ?? []).length > 0;
  const { Block } = props;
  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      {!hasOptions && <Empty>{t('noOptions')}</Empty>}
      {hasOptions && list.length === 0 && <Empty>{t(props.emptyKey)}</Empty>}
      {list.map((_, i) => (
        <Block key={i} index={i} />
      ))}
      {canEdit && hasOptions && (
        <button
          type="button"
          onClick={() => update((s) => addScreening(s, props.kind, { criteria: [] }))}
        >
          + {t('add')}
        </button>
      )}
    </>
  );
}
