/** The results of a file read: headline numbers, summary table, calendar, charts and alerts. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  MonitoringEvent,
  MonitoringParameterResult,
  MonitoringResult,
} from '../../../engine/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { formatNumber, formatPercent } from '../../../report/format.js';
import {
  calendarMonths,
  dailyChartOption,
  DAY_STATUSES,
  localDateTime,
  shortNumber,
  STATUS_COLOURS,
  statusCounts,
  type CalendarMonth,
} from '../../../report/monitoring-charts.js';
import { Chart } from '../../components/Chart.js';
import { Metric, ResultTable, Section } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { ALERT_RUN_MINUTES, runReadings } from './alerts.js';
import type { MonitoringMapping } from './monitoring-messages.js';
import { ProductionOverTime } from './ProductionOverTime.js';
import { Review } from './Review.js';

const MAX_ALERTS = 100;

export interface Named {
  readonly name: (id: string) => string;
  readonly unit: (id: string) => string | undefined;
}

function limitText(p: MonitoringParameterResult, language: Language): string | undefined {
  const l = p.limit;
  if (l === undefined) return undefined;
  if (l.min !== undefined && l.max !== undefined) {
    return `${shortNumber(l.min, language)}–${shortNumber(l.max, language)}`;
  }
  if (l.max !== undefined) return `≤ ${shortNumber(l.max, language)}`;
  return l.min === undefined ? undefined : `≥ ${shortNumber(l.min, language)}`;
}

export function Results(props: {
  readonly result: MonitoringResult;
  readonly mapping: MonitoringMapping | undefined;
  readonly study: StudyInput;
}) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { result, mapping } = props;
  const named: Named = useMemo(() => {
    const byId = new Map((mapping?.parameters ?? []).map((p) => [p.id, p]));
    return {
      name: (id) => byId.get(id)?.name ?? id,
      unit: (id) => byId.get(id)?.unit,
    };
  }, [mapping]);
  const months = useMemo(() => calendarMonths(result.parameters), [result]);
  const counts = statusCounts(months);
  const zone = result.utcOffsetMinutes;
  const days = result.parameters[0]?.daily.length ?? 0;
  const limited = counts.green + counts.yellow + counts.red;

  return (
    <>
      <Section title={t('summary')}>
        <div className="metrics">
          <Metric
            label={t('period')}
            value={
              result.firstTimeMs === undefined || result.lastTimeMs === undefined
                ? '–'
                : t('periodValue', {
                    from: localDateTime(result.firstTimeMs, zone).slice(0, 10),
                    to: localDateTime(result.lastTimeMs, zone).slice(0, 10),
                  })
            }
            note={`${formatNumber(days, language, 0)} ${t('days').toLowerCase()}`}
          />
          <Metric
            label={t('readings')}
            value={formatNumber(result.readings, language, 0)}
            testId="monitoring-readings"
          />
          {limited > 0 && (
            <Metric
              label={t('compliance')}
              value={formatPercent((counts.green / limited) * 100, language, 1)}
              note={t('complianceNote', {
                green: formatNumber(counts.green, language, 0),
                days: formatNumber(limited, language, 0),
              })}
              tone={counts.red > 0 ? 'bad' : counts.yellow > 0 ? 'neutral' : 'good'}
              testId="monitoring-compliance"
            />
          )}
        </div>
        <SummaryTable result={result} named={named} />
      </Section>
      <Section title={t('calendar')}>
        <p className="field-hint">{t('calendarHint')}</p>
        <Calendar months={months} named={named} />
      </Section>
      <Section title={t('charts')}>
        {result.parameters.map((p) => (
          <DailyChart key={p.id} parameter={p} named={named} />
        ))}
      </Section>
      <Section title={t('alerts')}>
        <Alerts result={result} named={named} />
      </Section>
      <Review result={result} study={props.study} named={named} />
      <ProductionOverTime
        result={result}
        study={props.study}
        named={named}
        flowParameter={mapping?.parameters.find((p) => p.isFlow)?.id}
      />
    </>
  );
}

function SummaryTable(props: { readonly result: MonitoringResult; readonly named: Named }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const zone = props.result.utcOffsetMinutes;
  const n = (x: number | undefined) => (x === undefined ? '–' : shortNumber(x, language));
  return (
    <ResultTable
      caption={t('summary')}
      head={[
        t('parameter'),
        t('limit'),
        t('readings'),
        t('completeness'),
        t('mean'),
        t('min'),
        t('max'),
        t('exceedances'),
        t('longestRun'),
        t('load'),
      ]}
      numeric={[false, true, true, true, true, true, true, true, false, false]}
      rows={props.result.parameters.map((p) => {
        const s = p.summary;
        const unit = props.named.unit(p.id);
        const run = s.longestRun;
        return [
          `${props.named.name(p.id)}${unit === undefined ? '' : ` (${unit})`}`,
          limitText(p, language) ?? t('noLimit'),
          formatNumber(s.count, language, 0),
          s.completeness?.share === undefined
            ? '–'
            : formatPercent(s.completeness.share * 100, language, 1),
          n(s.mean),
          n(s.min),
          n(s.max),
          <span
            key="x"
            data-testid={`monitoring-exceedances-${p.id}`}
            className={s.exceedances > 0 ? 'bad' : undefined}
          >
            {p.limit === undefined
              ? '–'
              : `${formatNumber(s.exceedances, language, 0)} (${formatPercent(s.exceedancePercent ?? 0, language, 2)})`}
          </span>,
          run === undefined
            ? '–'
            : t('runValue', {
                n: formatNumber(run.readings, language, 0),
                from: localDateTime(run.startMs, zone),
                to: localDateTime(run.endMs, zone),
              }),
          s.load === undefined || s.load.meanRate === undefined
            ? '–'
            : t('loadValue', {
                amount: formatNumber(s.load.amount, language, 1),
                rate: shortNumber(s.load.meanRate, language),
              }),
        ];
      })}
    />
  );
}

function Calendar(props: { readonly months: readonly CalendarMonth[]; readonly named: Named }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const show = (x: number | undefined) => (x === undefined ? '–' : shortNumber(x, language));
  return (
    <div
      className="monitoring-calendar"
      data-testid="monitoring-calendar"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 20px' }}
    >
      {props.months.map((m) => (
        <table key={m.month} style={{ borderCollapse: 'separate', borderSpacing: 2, fontSize: 11 }}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{m.month}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {m.days.map((d) => (
                <th key={d} scope="col" style={{ fontWeight: 400, width: 11, color: '#666' }}>
                  {d % 5 === 0 || d === 1 ? d : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.id}>
                <th
                  scope="row"
                  style={{
                    textAlign: 'right',
                    fontWeight: 400,
                    paddingRight: 4,
                    whiteSpace: 'nowrap',
                  }}
                >
                  {props.named.name(r.id)}
                </th>
                {r.cells.map((c) => {
                  const title = t('cellTitle', {
                    parameter: props.named.name(r.id),
                    date: c.key,
                    mean: show(c.mean),
                    max: show(c.max),
                    status: t(`status.${c.status}`),
                  });
                  return (
                    <td
                      key={c.key}
                      title={title}
                      aria-label={title}
                      data-status={c.status}
                      style={{
                        background: STATUS_COLOURS[c.status],
                        width: 11,
                        height: 11,
                        padding: 0,
                        borderRadius: 2,
                      }}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <ul
        className="monitoring-legend"
        style={{
          listStyle: 'none',
          padding: 0,
          display: 'flex',
          flexWrap: 'wrap',
          gap: 12,
          width: '100%',
          margin: 0,
        }}
      >
        {DAY_STATUSES.map((s) => (
          <li key={s}>
            <span
              style={{
                display: 'inline-block',
                width: 11,
                height: 11,
                borderRadius: 2,
                background: STATUS_COLOURS[s],
                marginRight: 4,
                verticalAlign: 'middle',
              }}
            />
            {t(`status.${s}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DailyChart(props: {
  readonly parameter: MonitoringParameterResult;
  readonly named: Named;
}) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { parameter, named } = props;
  const unit = named.unit(parameter.id);
  const name = `${named.name(parameter.id)}${unit === undefined ? '' : ` (${unit})`}`;
  const title = t('chartTitle', { parameter: name });
  const option = useMemo(
    () =>
      dailyChartOption(
        parameter,
        {
          title,
          mean: t('dailyMean'),
          max: t('dailyMax'),
          min: t('dailyMin'),
          limitMax: t('limitMax', { value: shortNumber(parameter.limit?.max ?? 0, language) }),
          limitMin: t('limitMin', { value: shortNumber(parameter.limit?.min ?? 0, language) }),
        },
        language,
      ),
    [parameter, title, t, language],
  );
  return (
    <figure style={{ margin: '0 0 16px' }}>
      <figcaption style={{ fontWeight: 600 }}>{name}</figcaption>
      <Chart option={option} label={title} height={parameter.daily.length > 45 ? 260 : 220} />
    </figure>
  );
}

function alertText(
  e: MonitoringEvent,
  zone: number,
  named: Named,
  language: Language,
  t: (key: string, values?: Record<string, string>) => string,
): string {
  const parameter = named.name(e.parameter);
  if (e.kind === 'completeness') {
    return t('alert.completeness', {
      parameter,
      date: localDateTime(e.startMs, zone).slice(0, 10),
      share: formatPercent(e.value * 100, language, 1),
    });
  }
  return t(`alert.${e.kind}`, {
    parameter,
    from: localDateTime(e.startMs, zone),
    to: localDateTime(e.endMs, zone),
    n: formatNumber(e.readings, language, 0),
    value: shortNumber(e.value, language),
  });
}

function Alerts(props: { readonly result: MonitoringResult; readonly named: Named }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { events, eventsDropped, utcOffsetMinutes } = props.result;
  const rules = (
    <p className="field-hint">
      {t('alertsRules', {
        minutes: String(ALERT_RUN_MINUTES),
        readings: formatNumber(runReadings(props.result.expectedIntervalSeconds), language, 0),
      })}
    </p>
  );
  if (events.length === 0) {
    return (
      <>
        {rules}
        <p data-testid="monitoring-no-alerts">{t('noAlerts')}</p>
      </>
    );
  }
  const more = Math.max(0, events.length - MAX_ALERTS) + eventsDropped;
  const tt = (key: string, values?: Record<string, string>) => t(key, values);
  return (
    <>
      {rules}
      <ul data-testid="monitoring-alerts" style={{ maxHeight: 360, overflowY: 'auto' }}>
        {events.slice(0, MAX_ALERTS).map((e, i) => (
          <li key={i} className={e.kind === 'completeness' ? undefined : 'bad'}>
            {alertText(e, utcOffsetMinutes, props.named, language, tt)}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="field-hint">{t('alertsMore', { n: formatNumber(more, language, 0) })}</p>
      )}
    </>
  );
}
