/** GP step 3: the weighted sum method, weights, scores, totals, ranking and choice live. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightedSumInput } from '../../../engine/study/study-input.js';
import { formatInput } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { numberColumn, textColumn } from '../../components/columns.js';
import { Empty, Metric, ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { ScreeningList } from '../../components/ScreeningList.js';
import { OptionalTable } from '../../components/OptionalTable.js';
import { OptionMatrix, type MatrixColumn } from '../../components/OptionMatrix.js';
import {
  nextId,
  numberCell,
  removeScreening,
  screenedOptions,
} from '../../components/option-matrix.js';
import { ScreeningScope } from '../sieve/ScreeningScope.js';
import { runSieve } from '../sieve/sieve-view.js';
import {
  chosenIds,
  runWeightedSum,
  weightedSumChartOption,
  weightSum,
} from './weighted-sum-view.js';

type Criterion = WeightedSumInput['criteria'][number];

export function WeightedSumStep() {
  return (
    <ScreeningList
      namespace="weighted-sum"
      kind="weightedSum"
      emptyKey="none"
      Block={WeightedSumBlock}
    />
  );
}

function WeightedSumBlock(props: { readonly index: number }) {
  const { t } = useTranslation('weighted-sum');
  const language = useLanguage();
  const L = labels(language);
  const { input, update, edit, canEdit } = useStudy();
  const path = ['screening', 'weightedSum', props.index] as const;
  const ws = input.screening?.weightedSum?.[props.index];
  const options = useMemo(() => input.options ?? [], [input.options]);
  const result = useMemo(
    () => (ws === undefined ? undefined : runWeightedSum(options, ws)),
    [options, ws],
  );
  // The sieve of the same problem, to offer its kept options.
  const sieve = input.screening?.sieve?.find((s) => s.problem === ws?.problem);
  const kept = useMemo(
    () => (sieve === undefined ? undefined : runSieve(options, sieve)?.kept),
    [options, sieve],
  );
  const nameOf = useMemo(
    () => (id: string) => options.find((o) => o.id === id)?.name ?? id,
    [options],
  );
  const chart = useMemo(
    () =>
      result === undefined
        ? undefined
        : weightedSumChartOption(result, nameOf, t('chart'), language),
    [result, nameOf, t, language],
  );
  const criteriaColumns = useMemo(
    () => [
      textColumn<Criterion>('id', t('id'), { width: '9em' }),
      textColumn<Criterion>('name', t('name')),
      numberColumn<Criterion>('weight', t('weight')),
    ],
    [t],
  );
  if (ws === undefined) return null;

  const criteria = ws.criteria;
  const rows = screenedOptions(options, ws.problem, ws.options).map(({ index, option }) => ({
    index,
    label: option.name || option.id,
    id: option.id,
  }));
  const idOf = (index: number) => rows.find((r) => r.index === index)?.id ?? '';
  const problemTitle =
    ws.problem === undefined
      ? L.allOptions
      : ((input.problems ?? []).find((p) => p.id === ws.problem)?.title ?? ws.problem);
  const { sum, isOne } = weightSum(criteria);
  const chosen = new Set(result === undefined ? [] : chosenIds(result));
  const byOption = new Map(result?.options.map((o) => [o.option, o]));
  const matrixColumns: MatrixColumn[] = criteria.map((c) => ({
    key: c.id,
    header: c.name || c.id,
    sub: `${t('weight')} ${formatInput(c.weight, language, 4)}`,
    cell: numberCell,
  }));
  const sameAsKept =
    kept !== undefined && kept.length === rows.length && kept.every((id, k) => rows[k]?.id === id);

  return (
    <Section
      title={fill(L.weightedSumFor, problemTitle)}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            onClick={() => update((s) => removeScreening(s, 'weightedSum', props.index))}
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
        optionsLabel={t('ranked')}
        everyOption={t('everyOption')}
      />
      {kept !== undefined && kept.length > 0 && !sameAsKept && canEdit && (
        <p>
          <button type="button" onClick={() => edit([...path, 'options'], kept)}>
            {t('useKept', { count: kept.length })}
          </button>
        </p>
      )}
      <h4>{t('criteria')}</h4>
      <OptionalTable<Criterion>
        path={[...path, 'criteria']}
        caption={`${t('criteria')}: ${problemTitle}`}
        columns={criteriaColumns}
        newRow={() => ({
          id: nextId(
            'k',
            criteria.map((c) => c.id),
          ),
          name: t('newCriterion', { n: criteria.length + 1 }),
          weight: 1,
        })}
        rowHeader={(_, i) => String(i + 1)}
      />
      {criteria.length > 0 && (
        <p className="field-hint" data-testid={`ws-weight-sum-${props.index}`}>
          {t('weightSum', { sum: formatInput(sum, language, 6) })}:{' '}
          {isOne ? t('sumIsOne') : t('sumNotOne')}
        </p>
      )}
      <h4>{t('scores')}</h4>
      {rows.length === 0 ? (
        <Empty>{t('noRows')}</Empty>
      ) : (
        <>
          <p className="field-hint">{t('scoresHint')}</p>
          <OptionMatrix
            caption={`${t('scores')}: ${problemTitle}`}
            rowsHeader={t('option')}
            rows={rows}
            columns={matrixColumns}
            recordPath={['scores']}
            results={[
              {
                header: t('total'),
                numeric: true,
                render: (row) => {
                  const o = byOption.get(idOf(row.index));
                  return (
                    <strong
                      data-testid={`ws-total-${idOf(row.index)}`}
                      className={chosen.has(idOf(row.index)) ? 'good' : undefined}
                    >
                      {o === undefined ? '–' : formatInput(o.total, language, 4)}
                    </strong>
                  );
                },
              },
              {
                header: t('rank'),
                numeric: true,
                render: (row) => {
                  const id = idOf(row.index);
                  const o = byOption.get(id);
                  if (o === undefined) return '–';
                  return (
                    <span data-testid={`ws-rank-${id}`}>
                      {chosen.has(id) && (
                        <strong className="good">
                          ✓ {result?.choice.kind === 'tie' ? L.tie : L.chosen}{' '}
                        </strong>
                      )}
                      {o.rank}
                    </span>
                  );
                },
              },
            ]}
          />
        </>
      )}
      <h4>{t('results')}</h4>
      {result === undefined ? (
        <Empty>{rows.length === 0 ? t('noRows') : t('incomplete')}</Empty>
      ) : (
        <>
          <div className="metrics">
            <Metric
              label={result.choice.kind === 'tie' ? t('tied') : t('chosen')}
              value={formatInput(result.choice.total, language, 4)}
              tone={result.choice.kind === 'tie' ? 'neutral' : 'good'}
              note={chosenIds(result).map(nameOf).join(' = ')}
              testId={`ws-choice-${props.index}`}
            />
          </div>
          <p className="sentence">
            {result.choice.kind === 'single'
              ? fill(
                  L.choiceWeightedSum,
                  problemTitle,
                  nameOf(result.choice.option),
                  formatInput(result.choice.total, language, 4),
                )
              : fill(
                  L.choiceWeightedSumTie,
                  problemTitle,
                  formatInput(result.choice.total, language, 4),
                  result.choice.options.map(nameOf).join(', '),
                )}
          </p>
          <ResultTable
            caption={t('rankingTable')}
            head={[L.rank, L.option, L.total]}
            numeric={[true, false, true]}
            rows={result.ranking.map((g) => [
              g.rank,
              g.options.map((id) => (chosen.has(id) ? `✓ ${nameOf(id)}` : nameOf(id))).join(' = '),
              formatInput(g.total, language, 4),
            ])}
          />
          <p className="field-hint">
            {result.exactComparison
              ? t('tieNote')
              : t('tieNoteTolerance', {
                  tolerance: formatInput(result.tieTolerance, language, 12),
                })}
          </p>
          {chart !== undefined && <Chart option={chart} label={t('chart')} height={340} />}
        </>
      )}
    </Section>
  );
}
