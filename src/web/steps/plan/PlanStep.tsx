/** GP step 4: the implementation plan, and the chosen options it does not carry out yet. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../engine/study/study-input.js';
import { labels } from '../../../report/i18n.js';
import { selectColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { Empty, Metric, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import {
  actionFor,
  chosenOptions,
  planFromGoals,
  sharedSpans,
  unplanned,
  type ChosenOption,
} from './model.js';

export function PlanStep() {
  const { t } = useTranslation('plan');
  const { input, live, update, canEdit } = useStudy();
  const plan = input.implementation ?? [];
  const options = input.options;
  const chosen = useMemo(() => chosenOptions(live.evaluation?.results), [live.evaluation]);
  const open = unplanned(chosen, plan);

  const optionChoices = useMemo(
    () =>
      (options ?? [])
        .filter((o) => o.id !== '')
        .map((o) => ({ value: o.id, label: o.name.trim() === '' ? o.id : o.name })),
    [options],
  );
  const columns = useMemo(
    () => [
      textColumn<PlanAction>('goal', t('goal')),
      textColumn<PlanAction>('target', t('target')),
      textColumn<PlanAction>('action', t('action')),
      textColumn<PlanAction>('responsible', t('responsible'), { width: '10em' }),
      textColumn<PlanAction>('executor', t('executor'), { width: '10em' }),
      selectColumn<PlanAction>('option', t('option'), optionChoices, { optional: true }),
      textColumn<PlanAction>('schedule', t('schedule'), { optional: true, width: '8em' }),
    ],
    [t, optionChoices],
  );

  // A new action continues the last one (same goal, target and option), as plans are written.
  const newRow = (): PlanAction => {
    const last = plan.at(-1);
    if (last === undefined) return actionFor(input, open[0]?.id);
    return {
      goal: last.goal,
      target: last.target,
      action: '',
      responsible: '',
      executor: '',
      ...(last.option === undefined ? {} : { option: last.option }),
    };
  };

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section
        title={t('plan')}
        actions={
          canEdit &&
          plan.length === 0 &&
          (input.goals ?? []).length > 0 && (
            <button
              type="button"
              onClick={() => update((s) => ({ ...s, implementation: planFromGoals(s, chosen) }))}
            >
              {t('startFromGoals')}
            </button>
          )
        }
      >
        {plan.length === 0 && <Empty>{t('empty')}</Empty>}
        <EditableTable<PlanAction>
          path={['implementation']}
          caption={t('plan')}
          columns={columns}
          newRow={newRow}
          rowHeader={(_, i) => String(i + 1)}
          removeWhenEmpty
        />
      </Section>
      <Overview chosen={chosen} open={open} />
    </>
  );
}

function Overview(props: {
  readonly chosen: readonly ChosenOption[];
  readonly open: readonly ChosenOption[];
}) {
  const { t } = useTranslation('plan');
  const { input, update, canEdit } = useStudy();
  const plan = input.implementation ?? [];
  const covered = new Set(plan.flatMap((a) => (a.option === undefined ? [] : [a.option])));
  const nameOf = (id: string) => {
    const o = input.options?.find((x) => x.id === id);
    return o === undefined || o.name.trim() === '' ? id : o.name;
  };
  const problemOf = (id: string | undefined) =>
    input.problems?.find((p) => p.id === id)?.title ?? id ?? '';
  const why = (c: ChosenOption) =>
    [
      c.by === 'decision'
        ? t('byDecision')
        : c.problem === undefined
          ? t('byWeightedSum')
          : t('byWeightedSumFor', { problem: problemOf(c.problem) }),
      ...(c.tie ? [t('tie')] : []),
    ].join('; ');

  return (
    <Section title={t('summary')}>
      <div className="metrics">
        <Metric label={t('actions')} value={String(plan.length)} testId="plan-actions" />
        <Metric label={t('optionsCovered')} value={String(covered.size)} testId="plan-options" />
        <Metric
          label={t('unplannedCount')}
          value={String(props.open.length)}
          tone={props.chosen.length === 0 ? 'neutral' : props.open.length === 0 ? 'good' : 'bad'}
          testId="plan-unplanned"
        />
      </div>
      {props.chosen.length === 0 ? (
        <p className="sentence">{t('noChoice')}</p>
      ) : props.open.length === 0 ? (
        <p className="sentence">{t('unplannedNone')}</p>
      ) : (
        <div className="notice" role="status">
          <strong>{t('unplannedTitle')}</strong>
          <ul>
            {props.open.map((c) => (
              <li key={c.id} data-testid={`unplanned-${c.id}`}>
                “{nameOf(c.id)}” ({why(c)}){' '}
                {canEdit && (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      update((s) => ({
                        ...s,
                        implementation: [...(s.implementation ?? []), actionFor(s, c.id)],
                      }))
                    }
                  >
                    {t('addAction')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.length > 0 && <Preview />}
    </Section>
  );
}

/** The plan as the report prints it: one goal and target over their consecutive actions. */
function Preview() {
  const { t } = useTranslation('plan');
  const language = useLanguage();
  const L = labels(language);
  const { input } = useStudy();
  const plan = input.implementation ?? [];
  const spans = sharedSpans(plan);
  const showSchedule = plan.some((a) => a.schedule !== undefined);
  const nameOf = (id: string | undefined) =>
    id === undefined ? '–' : (input.options?.find((o) => o.id === id)?.name ?? id);
  return (
    <div className="grid-wrap">
      <table className="results">
        <caption>
          {L.plan} ({t('preview')})
        </caption>
        <thead>
          <tr>
            <th scope="col">{L.goal}</th>
            <th scope="col">{L.target}</th>
            <th scope="col">{L.action}</th>
            <th scope="col">{L.responsible}</th>
            <th scope="col">{L.executor}</th>
            <th scope="col">{L.option}</th>
            {showSchedule && <th scope="col">{L.schedule}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.map((a, i) => {
            const span = spans[i] ?? 1;
            return (
              <tr key={i}>
                {span > 0 && (
                  <>
                    <th scope="rowgroup" rowSpan={span}>
                      {a.goal}
                    </th>
                    <td rowSpan={span}>{a.target}</td>
                  </>
                )}
                <td>{a.action}</td>
                <td>{a.responsible}</td>
                <td>{a.executor}</td>
                <td>{nameOf(a.option)}</td>
                {showSchedule && <td>{a.schedule ?? '–'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
