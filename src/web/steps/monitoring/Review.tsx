/** GP step 5's review: the EPI over time and each parameter before and after a date. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringResult } from '../../../engine/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { formatNumber, formatPercent } from '../../../report/format.js';
import {
  beforeAfterRows,
  epiChartOption,
  epiOverTime,
  shortNumber,
} from '../../../report/monitoring-charts.js';
import { Chart } from '../../components/Chart.js';
import { Empty, ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import type { Named } from './Results.js';

export function Review(props: {
  readonly result: MonitoringResult;
  readonly study: StudyInput;
  readonly named: Named;
}) {
  return (
    <>
      <EpiOverTimeSection {...props} />
      <BeforeAfterSection {...props} />
    </>
  );
}

function EpiOverTimeSection(props: {
  readonly result: MonitoringResult;
  readonly study: StudyInput;
  readonly named: Named;
}) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { live } = useStudy();
  const months = props.result.parameters[0]?.monthly.length ?? 0;
  const [unit, setUnit] = useState<'day' | 'month'>(months > 3 ? 'month' : 'day');
  const ahp = live.evaluation?.results.weights?.ahp;
  const outcome = useMemo(
    () => epiOverTime(props.study, ahp ?? [], props.result, unit),
    [props.study, ahp, props.result, unit],
  );
  const title = t('epiTitle', { unit: t(`unit.${unit}`) });
  const option = useMemo(
    () =>
      outcome.ok
        ? epiChartOption(
            outcome.epi.points,
            {
              title,
              epi: t('epiLine'),
              zero: outcome.epi.method === 'deviation' ? t('epiZero') : undefined,
            },
            language,
          )
        : undefined,
    [outcome, title, t, language],
  );
  // Left-out parameters have no column, so their names come from the study.
  const studyName = (id: string) =>
    props.study.effluent?.parameters.find((p) => p.id === id)?.name ?? props.named.name(id);
  const names = (ids: readonly string[]) => ids.map(studyName).join(', ');
  return (
    <Section
      title={t('epi')}
      actions={
        <label>
          {t('epiUnit')}{' '}
          <select
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value === 'month' ? 'month' : 'day')}
            data-testid="monitoring-epi-unit"
          >
            <option value="day">{t('unit.day')}</option>
            <option value="month">{t('unit.month')}</option>
          </select>
        </label>
      }
    >
      {!outcome.ok ? (
        <Empty>
          {outcome.reason === 'no-epi'
            ? t('epiNone')
            : outcome.reason === 'no-parameters'
              ? t('epiNoParameters')
              : t('epiError', { message: outcome.message ?? '' })}
        </Empty>
      ) : (
        <>
          {option !== undefined && <Chart option={option} label={title} height={240} />}
          <p className="field-hint">
            {t('epiIncluded', { list: names(outcome.epi.included) })}{' '}
            {outcome.epi.excluded.length > 0 &&
              t('epiExcluded', { list: names(outcome.epi.excluded) })}{' '}
            {outcome.epi.points.some((p) => p.total === undefined) && t('epiMissing')}
          </p>
        </>
      )}
    </Section>
  );
}

function BeforeAfterSection(props: { readonly result: MonitoringResult; readonly named: Named }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const [date, setDate] = useState('');
  const days = props.result.parameters[0]?.daily ?? [];
  const rows = useMemo(
    () => (date === '' ? [] : beforeAfterRows(props.result, date)),
    [props.result, date],
  );
  const n = (x: number) => shortNumber(x, language);
  return (
    <Section title={t('beforeAfter')}>
      <div className="field">
        <label htmlFor="monitoring-implementation">{t('implementation')}</label>
        <input
          id="monitoring-implementation"
          type="date"
          value={date}
          min={days[0]?.key}
          max={days.at(-1)?.key}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="monitoring-implementation"
        />
        <div className="field-hint">{t('beforeAfterHint')}</div>
      </div>
      {date === '' ? (
        <Empty>{t('beforeAfterEmpty')}</Empty>
      ) : (
        <ResultTable
          caption={t('beforeAfter')}
          head={[
            t('parameter'),
            t('nBefore'),
            t('nAfter'),
            t('meanBefore'),
            t('meanAfter'),
            t('change'),
            t('pValue'),
            t('significant'),
          ]}
          numeric={[false, true, true, true, true, true, true, false]}
          rows={rows.map((r) => {
            const name = props.named.name(r.id);
            if (!r.ok) return [name, '–', '–', '–', '–', '–', '–', t('notComparable')];
            const c = r.comparison;
            return [
              name,
              formatNumber(c.nBefore, language, 0),
              formatNumber(c.nAfter, language, 0),
              n(c.meanBefore),
              n(c.meanAfter),
              c.changePercent === undefined
                ? n(c.change)
                : formatPercent(c.changePercent, language, 1),
              <span key="p" data-testid={`monitoring-p-${r.id}`}>
                {c.welch.pValue < 0.0001
                  ? `< ${formatNumber(0.0001, language, 4)}`
                  : formatNumber(c.welch.pValue, language, 4)}
              </span>,
              <strong key="s">{c.significant ? t('yes') : t('no')}</strong>,
            ];
          })}
        />
      )}
    </Section>
  );
}
