/** GP step 3: the sieve method, criteria with cutoffs, each option's values, pass or fail live. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SieveCriterion } from '../../../engine/study/study-input.js';
import { formatInput } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import {
  numberColumn,
  selectColumn,
  textColumn,
  type GridColumn,
} from '../../components/columns.js';
import { Empty, Metric, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { ScreeningList } from '../../components/ScreeningList.js';
import { OptionalTable } from '../../components/OptionalTable.js';
import { setAt } from '../../study/paths.js';
import { OptionMatrix, type MatrixColumn } from '../../components/OptionMatrix.js';
import {
  nextId,
  rangeCell,
  removeScreening,
  screenedOptions,
  yesNoCell,
} from '../../components/option-matrix.js';
import { ScreeningScope } from './ScreeningScope.js';
import { runSieve, sieveReasonText } from './sieve-view.js';

export function SieveStep() {
  return <ScreeningList namespace="sieve" kind="sieve" emptyKey="noSieve" Block={SieveBlock} />;
}

function SieveBlock(props: { readonly index: number }) {
  const { t } = useTranslation('sieve');
  const language = useLanguage();
  const L = labels(language);
  const { input, update, canEdit } = useStudy();
  const path = ['screening', 'sieve', props.index] as const;
  const sieve = input.screening?.sieve?.[props.index];
  const options = useMemo(() => input.options ?? [], [input.options]);
  const result = useMemo(
    () => (sieve === undefined ? undefined : runSieve(options, sieve)),
    [options, sieve],
  );
  const criteriaColumns = useMemo(() => criterionColumns(t), [t]);
  if (sieve === undefined) return null;

  const criteria = sieve.criteria;
  const rows = screenedOptions(options, sieve.problem, sieve.options).map(({ index, option }) => ({
    index,
    label: option.name || option.id,
    id: option.id,
  }));
  const problemTitle =
    sieve.problem === undefined
      ? L.allOptions
      : ((input.problems ?? []).find((p) => p.id === sieve.problem)?.title ?? sieve.problem);
  const matrixColumns: MatrixColumn[] = criteria.map((c) => ({
    key: c.id,
    header: c.name || c.id,
    sub:
      c.kind === 'required'
        ? L.cutoffRequired
        : c.cutoff === undefined
          ? undefined
          : fill(c.kind === 'max' ? L.cutoffMax : L.cutoffMin, formatInput(c.cutoff, language, 4)),
    cell: c.kind === 'required' ? yesNoCell(L.yes, L.notYes) : rangeCell(),
  }));
  const byOption = new Map(result?.options.map((o) => [o.option, o]));
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? id;

  return (
    <Section
      title={fill(L.sieveFor, problemTitle)}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            onClick={() => update((s) => removeScreening(s, 'sieve', props.index))}
          >
            {t('remove')}
          </button>
        )
      }
    >
      <ScreeningScope
        path={path}
        problemLabel={t('problem')}
        problemNone={t('problemNone')}
        optionsLabel={t('screened')}
        everyOption={t('everyOption')}
      />
      <h4>{t('criteria')}</h4>
      <OptionalTable<SieveCriterion>
        path={[...path, 'criteria']}
        caption={`${t('criteria')}: ${problemTitle}`}
        columns={criteriaColumns}
        newRow={() => {
          const n = criteria.length + 1;
          return {
            id: nextId(
              'k',
              criteria.map((c) => c.id),
            ),
            name: t('newCriterion', { n }),
            kind: 'max',
          };
        }}
        rowHeader={(_, i) => String(i + 1)}
      />
      <h4>{t('matrix')}</h4>
      {rows.length === 0 ? (
        <Empty>{t('noRows')}</Empty>
      ) : (
        <>
          <p className="field-hint">{t('matrixHint')}</p>
          <OptionMatrix
            caption={`${t('matrix')}: ${problemTitle}`}
            rowsHeader={t('option')}
            rows={rows}
            columns={matrixColumns}
            recordPath={['sieve']}
            results={[
              {
                header: t('status'),
                render: (row) => {
                  const id = rows.find((r) => r.index === row.index)?.id ?? '';
                  const o = byOption.get(id);
                  if (o === undefined) return <span data-testid={`sieve-status-${id}`}>–</span>;
                  return (
                    <span data-testid={`sieve-status-${id}`} data-kept={o.kept}>
                      {o.kept ? (
                        <strong className="good">✓ {L.kept}</strong>
                      ) : (
                        <>
                          <strong className="bad">✗ {L.eliminated}</strong>
                          {o.reasons.map((reason) => (
                            <div key={reason.criterion}>
                              {sieveReasonText(reason, criteria, language)}
                            </div>
                          ))}
                        </>
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        </>
      )}
      <h4>{t('result')}</h4>
      {result === undefined ? (
        <Empty>{rows.length === 0 ? t('noRows') : t('incomplete')}</Empty>
      ) : (
        <>
          <div className="metrics">
            <Metric
              label={t('keptCount')}
              value={String(result.kept.length)}
              tone={result.kept.length > 0 ? 'good' : 'bad'}
              note={t('ofTotal', { total: result.options.length })}
              testId={`sieve-kept-${props.index}`}
            />
            <Metric
              label={t('eliminatedCount')}
              value={String(result.eliminated.length)}
              note={t('ofTotal', { total: result.options.length })}
              testId={`sieve-eliminated-${props.index}`}
            />
          </div>
          <p className="sentence">
            {result.kept.length > 0
              ? t('summaryKept', { list: result.kept.map(nameOf).join('; ') })
              : t('summaryNoneKept')}{' '}
            {result.eliminated.length > 0 &&
              t('summaryEliminated', {
                list: result.options
                  .filter((o) => !o.kept)
                  .map(
                    (o) =>
                      `${nameOf(o.option)} (${o.reasons.map((r) => sieveReasonText(r, criteria, language)).join('; ')})`,
                  )
                  .join('; '),
              })}
          </p>
        </>
      )}
    </Section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function criterionColumns(t: T): GridColumn<SieveCriterion>[] {
  const kind = selectColumn<SieveCriterion>(
    'kind',
    t('kind'),
    (['max', 'min', 'required'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) })),
  );
  return [
    textColumn<SieveCriterion>('id', t('id'), { width: '7em' }),
    textColumn<SieveCriterion>('name', t('name')),
    {
      ...kind,
      // A required (yes/no) criterion takes no cutoff: drop it rather than leave an error.
      write: (row, text, language) => {
        const written = kind.write(row, text, language);
        return written.ok && written.row.kind === 'required'
          ? { ok: true, row: setAt(written.row, ['cutoff'], undefined) }
          : written;
      },
    },
    numberColumn<SieveCriterion>('cutoff', t('cutoff'), { optional: true }),
  ];
}
