/** GP step 2: the problems, their causes (fishbone) and the goals and targets. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cause, GoalTarget, Problem } from '../../../engine/study/study-input.js';
import {
  CAUSE_CATEGORIES,
  causeCategoryLabel,
  renderFishboneSvg,
} from '../../../report/fishbone.js';
import { fill, labels } from '../../../report/i18n.js';
import { selectColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { Empty, Metric, Section, StepHeader } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { nextId, problemChoices } from './model.js';
import './problems.css';

export function ProblemsStep() {
  const { t } = useTranslation('problems');
  const { input } = useStudy();
  const problems = input.problems ?? [];
  // Ids handed out during this render: a paste adds several rows before the study updates.
  const issued: string[] = [];

  const columns = useMemo(
    () => [
      textColumn<Problem>('id', t('id'), { width: '10em' }),
      textColumn<Problem>('title', t('problemTitle')),
    ],
    [t],
  );

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('problems')}>
        <EditableTable<Problem>
          path={['problems']}
          caption={t('problems')}
          columns={columns}
          newRow={() => {
            const id = nextId('problem', [...problems.map((p) => p.id), ...issued]);
            issued.push(id);
            return { id, title: '' };
          }}
          rowHeader={(_, i) => String(i + 1)}
          removeWhenEmpty
        />
      </Section>
      {problems.length === 0 ? (
        <Section title={t('causes')}>
          <Empty>{t('noProblems')}</Empty>
        </Section>
      ) : (
        problems.map((problem, i) => <CausesSection key={i} problem={problem} index={i} />)
      )}
      <GoalsSection />
      <Overview />
    </>
  );
}

/** One problem's causes as a table, and its fishbone diagram drawn by the report's code. */
function CausesSection(props: { readonly problem: Problem; readonly index: number }) {
  const { t } = useTranslation('problems');
  const language = useLanguage();
  const { problem, index } = props;
  const causes = problem.causes ?? [];
  const lastCategory = causes.at(-1)?.category ?? 'man';

  const columns = useMemo(
    () => [
      {
        ...selectColumn<Cause>('category', t('category'), categoryChoices(language)),
        width: '11em',
      },
      textColumn<Cause>('text', t('cause')),
    ],
    [t, language],
  );
  const svg = useMemo(() => renderFishboneSvg(problem, language), [problem, language]);
  const title = problem.title.trim() === '' ? problem.id || String(index + 1) : problem.title;

  return (
    <Section title={t('causesOf', { title })}>
      <EditableTable<Cause>
        path={['problems', index, 'causes']}
        caption={t('causesOf', { title })}
        columns={columns}
        // Causes are usually listed category by category: a new row repeats the last one.
        newRow={() => ({ category: lastCategory, text: '' })}
        rowHeader={(_, i) => String(i + 1)}
        removeWhenEmpty
      />
      {svg === '' ? (
        <Empty>{t('noCauses')}</Empty>
      ) : (
        <figure className="fishbone-figure">
          {/* The report's own SVG: every piece of text in it is escaped. */}
          <div dangerouslySetInnerHTML={{ __html: svg }} />
          <figcaption>{fill(labels(language).fishboneCaption, title)}</figcaption>
        </figure>
      )}
    </Section>
  );
}

function categoryChoices(language: Language) {
  return CAUSE_CATEGORIES.map((c) => ({ value: c, label: causeCategoryLabel(c, language) }));
}

function GoalsSection() {
  const { t } = useTranslation('problems');
  const { input } = useStudy();
  const choices = useMemo(() => problemChoices(input.problems), [input.problems]);
  const columns = useMemo(
    () => [
      // Problem titles are long: the goal and target get the room.
      {
        ...selectColumn<GoalTarget>('problem', t('problem'), choices, { optional: true }),
        width: '22%',
      },
      textColumn<GoalTarget>('goal', t('goal')),
      textColumn<GoalTarget>('target', t('target')),
    ],
    [t, choices],
  );
  const goals = input.goals ?? [];
  // A new goal belongs to the first problem that has none yet (or the last one's problem).
  const newRow = (): GoalTarget => {
    const open = choices.find((c) => !goals.some((g) => g.problem === c.value));
    const problem = open?.value ?? goals.at(-1)?.problem;
    return { ...(problem === undefined ? {} : { problem }), goal: '', target: '' };
  };
  return (
    <Section title={t('goals')}>
      <EditableTable<GoalTarget>
        path={['goals']}
        caption={t('goals')}
        columns={columns}
        newRow={newRow}
        rowHeader={(_, i) => String(i + 1)}
        removeWhenEmpty
      />
    </Section>
  );
}

function Overview() {
  const { t } = useTranslation('problems');
  const language = useLanguage();
  const { input } = useStudy();
  const problems = input.problems ?? [];
  const goals = input.goals ?? [];
  if (problems.length === 0 && goals.length === 0) return null;

  const causes = problems.flatMap((p) => p.causes ?? []);
  const byCategory = CAUSE_CATEGORIES.map((c) => ({
    category: c,
    count: causes.filter((x) => x.category === c).length,
  })).sort((a, b) => b.count - a.count);
  const top = byCategory[0];
  const name = (p: Problem) => (p.title.trim() === '' ? p.id : p.title);
  const withoutGoal = problems.filter((p) => !goals.some((g) => g.problem === p.id));
  const withoutCauses = problems.filter((p) => (p.causes ?? []).length === 0);
  // A goal with no problem may still address one; only name the gap when every goal is linked.
  const goalsLinked = goals.every((g) => g.problem !== undefined);

  return (
    <Section title={t('summary')}>
      <div className="metrics">
        <Metric label={t('problemCount')} value={String(problems.length)} testId="problem-count" />
        <Metric
          label={t('causeCount')}
          value={String(causes.length)}
          testId="cause-count"
          note={
            top !== undefined && top.count > 0
              ? t('mainCategory', {
                  category: causeCategoryLabel(top.category, language),
                  count: top.count,
                })
              : undefined
          }
        />
        <Metric label={t('goalCount')} value={String(goals.length)} testId="goal-count" />
      </div>
      <p className="sentence">
        {t('sentence', { count: problems.length, causes: causes.length, goals: goals.length })}
      </p>
      {withoutCauses.length > 0 && (
        <p className="notice">{t('withoutCauses', { list: withoutCauses.map(name).join('; ') })}</p>
      )}
      {goalsLinked && withoutGoal.length > 0 && (
        <p className="notice">{t('withoutGoal', { list: withoutGoal.map(name).join('; ') })}</p>
      )}
    </Section>
  );
}
