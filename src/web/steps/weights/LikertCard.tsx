/** One Likert questionnaire: items, scale, responses (respondents × items) and live results. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LikertSectionResult } from '../../../engine/study/evaluate-study.js';
import type { LikertInput, StudyInput } from '../../../engine/study/study-input.js';
import { formatInput, formatNumber } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { numberColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField, TextField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { pathKey } from '../../study/paths.js';
import { weightsChartHeight, weightsChartOption } from './chart.js';
import { ItemList } from './ItemList.js';
import { addLikertItem, nextName, removeLikertItem } from './matrix.js';
import { ProblemList } from '../../components/ProblemList.js';
import { cardProblems, LIKERT_PLACED, responseRow } from './problems.js';

type Row = readonly number[];

function withLikert(
  study: StudyInput,
  index: number,
  change: (l: LikertInput) => LikertInput,
): StudyInput {
  const list = study.weights?.likert ?? [];
  return {
    ...study,
    weights: { ...study.weights, likert: list.map((l, i) => (i === index ? change(l) : l)) },
  };
}

/** One numeric column per item of a respondents × items table. */
export function responseColumns(headers: readonly string[]) {
  return headers.map((header, j) => numberColumn<Row>(`item-${j}`, header, { path: [j] }));
}

export function LikertCard(props: { readonly index: number; readonly likert: LikertInput }) {
  const { t } = useTranslation('weights');
  const { live, problems, update, edit, canEdit } = useStudy();
  const { index, likert } = props;
  const base = ['weights', 'likert', index] as const;
  const change = (next: (l: LikertInput) => LikertInput) =>
    update((s) => withLikert(s, index, next));
  const columns = useMemo(
    () => responseColumns(likert.items.map((item, j) => item || t('item', { n: j + 1 }))),
    [likert.items, t],
  );
  const result = live.evaluation?.results.weights?.likert.find((l) => l.id === likert.id);
  const listed = cardProblems(problems, pathKey(base), LIKERT_PLACED).map((p) => {
    const row = responseRow(p.rest);
    return {
      key: p.key,
      where: row === undefined ? p.rest.replace(/^\./, '') : t('respondentRow', { n: row + 1 }),
      message: p.message,
    };
  });

  return (
    <Section
      title={t('likertTitle', { id: likert.id || t('unnamed') })}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            aria-label={t('removeLikert', { id: likert.id })}
            onClick={() =>
              update((s) => ({
                ...s,
                weights: {
                  ...s.weights,
                  likert: (s.weights?.likert ?? []).filter((_, i) => i !== index),
                },
              }))
            }
          >
            {t('remove')}
          </button>
        )
      }
    >
      <div className="form-grid">
        <TextField path={[...base, 'id']} label={t('ahpId')} required />
        <NumberField path={[...base, 'scale', 'min']} label={t('scaleMin')} />
        <NumberField path={[...base, 'scale', 'max']} label={t('scaleMax')} />
        <NumberField path={[...base, 'alpha']} label={t('alpha')} hint={t('alphaHint')} optional />
      </div>
      <ItemList
        legend={t('likertItems')}
        items={likert.items}
        onRename={(i, name) => edit([...base, 'items', i], name)}
        onRemove={(i) => change((l) => removeLikertItem(l, i))}
        onAdd={() => change((l) => addLikertItem(l, nextName(t('newLikertItem'), l.items)))}
      />
      <h4>{t('responses')}</h4>
      <EditableTable<Row>
        path={[...base, 'responses']}
        caption={t('responses')}
        columns={columns}
        newRow={() => likert.items.map(() => likert.scale.min)}
        rowHeader={(_, r) => t('respondentRow', { n: r + 1 })}
      />
      <ProblemList problems={listed} />
      {result === undefined ? (
        <Empty>{t('likertNoResult')}</Empty>
      ) : (
        <LikertResults result={result} />
      )}
    </Section>
  );
}

function LikertResults(props: { readonly result: LikertSectionResult }) {
  const { t } = useTranslation('weights');
  const language = useLanguage();
  const L = labels(language);
  const q = props.result;
  const v = q.validity;
  const r = q.reliability;
  const n3 = (x: number) => formatNumber(x, language, 3);
  const chart = useMemo(
    () =>
      weightsChartOption(
        q.items,
        q.weights.items.map((w) => w.weight),
        t('weightsChart', { id: q.id }),
        language,
      ),
    [q, t, language],
  );
  const criterion = v.criterion === 'critical-r' ? '>' : '≥';
  return (
    <>
      <div className="metrics">
        <Metric
          label={t('cronbach')}
          value={n3(r.alpha)}
          tone={r.reliable ? 'good' : 'bad'}
          testId={`likert-alpha-${q.id}`}
          note={t('reliableNote', {
            status: r.reliable ? L.reliable : L.notReliable,
            threshold: formatInput(r.reliabilityThreshold, language, 2),
          })}
        />
        <Metric
          label={t('validItems')}
          value={`${v.validCount} / ${v.items.length}`}
          tone={v.allValid ? 'good' : 'bad'}
          testId={`likert-valid-${q.id}`}
          note={t('validNote', { r: n3(v.rCritical) })}
        />
      </div>
      <ResultTable
        caption={fill(L.likertFor, q.id)}
        head={[L.no, L.item, L.meanScore, L.weights, L.rValue, L.validity, L.alphaIfDeleted]}
        numeric={[true, false, true, true, true, false, true]}
        rows={q.items.map((item, i) => {
          const w = q.weights.items[i];
          const validity = v.items[i];
          const alphaIfDeleted = r.alphaIfItemDeleted[i];
          return [
            String(i + 1),
            item,
            w === undefined ? '–' : n3(w.meanScore),
            <span data-testid={`likert-weight-${q.id}-${i}`}>
              {w === undefined ? '–' : formatNumber(w.weight, language, 4)}
            </span>,
            validity?.kind === 'correlated' ? n3(validity.r) : '–',
            validity === undefined ? (
              '–'
            ) : validity.valid ? (
              L.valid
            ) : (
              <strong className="bad">
                {validity.kind === 'undefined' ? L.undefinedValidity : L.invalid}
              </strong>
            ),
            alphaIfDeleted === undefined || alphaIfDeleted === null ? '–' : n3(alphaIfDeleted),
          ];
        })}
      />
      <p className="muted">
        {fill(
          L.likertValidityNote,
          String(v.respondents),
          n3(v.rCritical),
          formatInput(v.alpha, language, 3),
          String(v.df),
          criterion,
          n3(v.threshold),
        )}{' '}
        {fill(
          L.likertReliabilityNote,
          n3(r.alpha),
          r.reliable ? L.reliable : L.notReliable,
          formatInput(r.reliabilityThreshold, language, 2),
        )}
      </p>
      <Chart
        option={chart}
        label={t('weightsChart', { id: q.id })}
        height={weightsChartHeight(q.items.length)}
      />
    </>
  );
}
