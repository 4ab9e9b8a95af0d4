/** One AHP: its items, one matrix or several respondents' matrices, and its live weights. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AhpSectionResult } from '../../../engine/study/evaluate-study.js';
import type { AhpInput, StudyInput } from '../../../engine/study/study-input.js';
import { formatInput, formatNumber, formatPercent } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { pathKey, setAt } from '../../study/paths.js';
import { weightsChartHeight, weightsChartOption } from './chart.js';
import { ItemList } from './ItemList.js';
import {
  addAhpItem,
  addRespondent,
  nextName,
  removeAhpItem,
  removeRespondent,
  toRespondents,
  toSingleMatrix,
} from './matrix.js';
import { MatrixEditor } from './MatrixEditor.js';
import { ProblemList } from '../../components/ProblemList.js';
import { AHP_PLACED, cardProblems } from './problems.js';

/** The study with AHP `index` changed. */
function withAhp(study: StudyInput, index: number, change: (a: AhpInput) => AhpInput): StudyInput {
  const list = study.weights?.ahp ?? [];
  const current = list[index];
  if (current === undefined) return study;
  return {
    ...study,
    weights: { ...study.weights, ahp: list.map((a, i) => (i === index ? change(a) : a)) },
  };
}

export function AhpCard(props: { readonly index: number; readonly ahp: AhpInput }) {
  const { t } = useTranslation('weights');
  const { input, live, problems, update, edit, canEdit } = useStudy();
  const { index, ahp } = props;
  const base = ['weights', 'ahp', index] as const;
  const [selected, setSelected] = useState(0);
  const parameters = input.effluent?.parameters ?? [];
  const parameterName = (item: string) => parameters.find((p) => p.id === item)?.name;
  const names = ahp.items.map((item) => parameterName(item) ?? item);
  const change = (next: (a: AhpInput) => AhpInput) => update((s) => withAhp(s, index, next));
  const respondents = ahp.respondents ?? [];
  const group = respondents.length > 0;
  const current = Math.min(selected, Math.max(0, respondents.length - 1));
  const result = live.evaluation?.results.weights?.ahp.find((a) => a.id === ahp.id);
  const listed = cardProblems(problems, pathKey(base), AHP_PLACED);
  const title = t('ahpTitle', { id: ahp.id || t('unnamed') });

  return (
    <Section
      title={title}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            aria-label={t('removeAhp', { id: ahp.id })}
            onClick={() =>
              update((s) => ({
                ...s,
                weights: {
                  ...s.weights,
                  ahp: (s.weights?.ahp ?? []).filter((_, i) => i !== index),
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
        <TextField path={[...base, 'id']} label={t('ahpId')} hint={t('ahpIdHint')} required />
        <SelectField
          path={[...base, 'method']}
          label={t('method')}
          hint={t('methodHint')}
          optional
          options={(['eigenvector', 'geometric-mean'] as const).map((m) => ({
            value: m,
            label: t(`method.${m}`),
          }))}
        />
      </div>
      <ItemList
        legend={t('items')}
        items={ahp.items}
        note={(item) => {
          const name = parameterName(item);
          return name === undefined ? undefined : t('itemIsParameter', { name });
        }}
        {...(parameters.length > 0 && {
          suggestions: parameters.map((p) => ({ value: p.id, label: p.name })),
          hint: t('itemsHint', { ids: parameters.map((p) => p.id).join(', ') }),
        })}
        onRename={(i, name) => edit([...base, 'items', i], name)}
        onRemove={(i) => change((a) => removeAhpItem(a, i))}
        onAdd={() => change((a) => addAhpItem(a, nextName(t('newItem'), a.items)))}
      />

      <fieldset className="w-mode" disabled={!canEdit}>
        <legend>{t('judgements')}</legend>
        {(['single', 'group'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`ahp-mode-${index}`}
              checked={group === (mode === 'group')}
              onChange={() => {
                // Back to one matrix keeps one matrix only (the single one, else the first respondent's).
                if (
                  mode === 'single' &&
                  respondents.length > 1 &&
                  !window.confirm(t('confirmSingle'))
                ) {
                  return;
                }
                change((a) =>
                  mode === 'group' ? toRespondents(a, `${t('respondent')} 1`) : toSingleMatrix(a),
                );
              }}
            />{' '}
            {t(`mode.${mode}`)}
          </label>
        ))}
      </fieldset>

      {group && (
        <>
          <div className="w-tabs" role="group" aria-label={t('respondent')}>
            {respondents.map((r, k) => (
              <button
                key={k}
                type="button"
                aria-pressed={k === current}
                onClick={() => setSelected(k)}
              >
                {r.name || `${t('respondent')} ${k + 1}`}
              </button>
            ))}
            {canEdit && (
              <button
                type="button"
                onClick={() => {
                  change((a) =>
                    addRespondent(
                      a,
                      nextName(
                        t('respondent'),
                        (a.respondents ?? []).map((r) => r.name),
                      ),
                    ),
                  );
                  setSelected(respondents.length);
                }}
              >
                + {t('addRespondent')}
              </button>
            )}
          </div>
          <div className="form-grid">
            <TextField
              path={[...base, 'respondents', current, 'name']}
              label={t('respondentName')}
            />
          </div>
          {ahp.matrix !== undefined && (
            <p className="notice">
              {t('unusedMatrix')}{' '}
              {canEdit && (
                <button
                  type="button"
                  className="link"
                  onClick={() => change(({ matrix: _, ...rest }) => rest)}
                >
                  {t('removeUnused')}
                </button>
              )}
            </p>
          )}
        </>
      )}

      <h4>{t('matrix')}</h4>
      <p className="field-hint">{t('matrixHint')}</p>
      <MatrixEditor
        key={group ? `r${current}` : 'single'}
        path={group ? [...base, 'respondents', current, 'matrix'] : [...base, 'matrix']}
        labels={names}
        matrix={group ? respondents[current]?.matrix : ahp.matrix}
        caption={`${t('matrix')}: ${ahp.id}`}
        // One undo step per change, not one for a whole session of typing in the matrix.
        onChange={(matrix) =>
          update((s) =>
            setAt(
              s,
              group ? [...base, 'respondents', current, 'matrix'] : [...base, 'matrix'],
              matrix,
            ),
          )
        }
      />
      {group && canEdit && (
        <button
          type="button"
          className="danger w-remove-respondent"
          onClick={() => {
            change((a) => removeRespondent(a, current));
            setSelected(Math.max(0, current - 1));
          }}
        >
          {t('removeRespondent')}
        </button>
      )}
      <SaatyScale />
      <ProblemList
        problems={listed.map((p) => ({
          key: p.key,
          where: p.rest.replace(/^\./, ''),
          message: p.message,
        }))}
      />
      {result === undefined ? (
        <Empty>{t('ahpNoResult')}</Empty>
      ) : (
        <AhpResults result={result} names={names} />
      )}
    </Section>
  );
}

function SaatyScale() {
  const { t } = useTranslation('weights');
  return (
    <details className="w-saaty">
      <summary>{t('saaty')}</summary>
      <ul>
        {['1', '3', '5', '7', '9', 'even'].map((k) => (
          <li key={k}>{t(`saaty.${k}`)}</li>
        ))}
      </ul>
    </details>
  );
}

function AhpResults(props: {
  readonly result: AhpSectionResult;
  readonly names: readonly string[];
}) {
  const { t } = useTranslation('weights');
  const language = useLanguage();
  const L = labels(language);
  const a = props.result;
  const name = (i: number) => props.names[i] ?? a.items[i] ?? String(i + 1);
  const w4 = (x: number) => formatNumber(x, language, 4);
  const threshold = formatInput(a.threshold, language, 3);
  const chart = useMemo(
    () =>
      weightsChartOption(
        a.weights.map((_, i) => props.names[i] ?? a.items[i] ?? String(i + 1)),
        a.weights,
        t('weightsChart', { id: a.id }),
        language,
      ),
    [a, props.names, t, language],
  );
  const heaviest = a.weights.reduce((best, w, i) => (w > (a.weights[best] ?? 0) ? i : best), 0);

  return (
    <>
      <div className="metrics">
        <Metric
          label={t('cr')}
          value={formatNumber(a.consistencyRatio, language, 3)}
          tone={a.consistent ? 'good' : 'bad'}
          testId={`ahp-cr-${a.id}`}
          note={a.consistent ? fill(L.consistent, threshold) : t('inconsistentMark', { threshold })}
        />
        <Metric
          label={t('lambda')}
          value={w4(a.lambdaMax)}
          testId={`ahp-lambda-${a.id}`}
          note={`n = ${a.n}`}
        />
        <Metric
          label={t('ci')}
          value={w4(a.consistencyIndex)}
          testId={`ahp-ci-${a.id}`}
          note={t('riNote', { ri: formatNumber(a.randomIndex, language, 2), n: a.n })}
        />
      </div>
      {!a.consistent && (
        <p className="notice w-warning" role="alert">
          ⚠ {fill(L.inconsistent, formatNumber(a.consistencyRatio, language, 3), threshold)}
        </p>
      )}
      <p className="sentence">
        {t('ahpSentence', {
          item: name(heaviest),
          weight: formatPercent((a.weights[heaviest] ?? 0) * 100, language, 1),
        })}{' '}
        {a.respondents !== undefined && fill(L.respondents, String(a.respondents.length))}
      </p>
      <ResultTable
        caption={`${L.weights}: ${a.id} (${a.method === 'eigenvector' ? L.ahpMethodEigenvector : L.ahpMethodGeometric})`}
        head={[L.item, L.weights, t('weightPercent'), '(A·w)ᵢ', L.eigenRatio]}
        numeric={[false, true, true, true, true]}
        rows={[
          ...a.weights.map((w, i) => [
            name(i),
            <span data-testid={`ahp-weight-${a.id}-${i}`}>{w4(w)}</span>,
            formatPercent(w * 100, language, 2),
            w4(a.weightedSums[i] ?? 0),
            w4(a.ratios[i] ?? 0),
          ]),
          [
            <strong>{L.total}</strong>,
            w4(a.weights.reduce((s, w) => s + w, 0)),
            formatPercent(100, language, 2),
            '',
            '',
          ],
        ]}
      />
      <Chart
        option={chart}
        label={t('weightsChart', { id: a.id })}
        height={weightsChartHeight(a.weights.length)}
      />
      {a.respondents !== undefined && (
        <ResultTable
          caption={t('respondentsTable')}
          head={[t('respondent'), L.consistencyRatio, ...a.weights.map((_, i) => name(i))]}
          numeric={[false, true, ...a.weights.map(() => true)]}
          rows={a.respondents.map((r, k) => [
            r.name ?? `${t('respondent')} ${k + 1}`,
            <span className={r.consistent ? undefined : 'bad'}>
              {formatNumber(r.consistencyRatio, language, 3)} {r.consistent ? '' : '⚠'}
            </span>,
            ...r.weights.map((w) => w4(w)),
          ])}
        />
      )}
    </>
  );
}
