/**
 * Production records (issue 5): a records CSV read in the browser into the study's
 * productivity periods (labelled YYYY-MM, saved with the study), then each month's
 * productivity and eco-efficiency joined with the monitoring result shown.
 */
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  productionMonthsFromStudy,
  readProductionRecords,
  withProductionPeriods,
  type ProductionRecords,
} from '../../../document/monitoring/production-records.js';
import {
  ecoEfficiencyOverTime,
  type EcoEfficiencyOverTime,
  type MonitoringResult,
  type MonthIndicator,
} from '../../../engine/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { CHART_COLOURS } from '../../../report/charts.js';
import { formatNumber, formatPercent } from '../../../report/format.js';
import { monthTitle, shortNumber } from '../../../report/monitoring-charts.js';
import { Chart } from '../../components/Chart.js';
import { Empty, ResultTable, Section } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import type { Named } from './Results.js';

/** Lines of the chart after the primary and secondary colours. */
const MORE_COLOURS = ['#3a9d5d', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];

type Outcome =
  | { readonly ok: true; readonly value: EcoEfficiencyOverTime }
  | { readonly ok: false; readonly message: string };

export function ProductionOverTime(props: {
  readonly result: MonitoringResult;
  readonly study: StudyInput;
  readonly named: Named;
  /** The flow parameter's id in the result, for the volume (m³). */
  readonly flowParameter: string | undefined;
}) {
  return (
    <>
      <RecordsFile />
      <OverTime {...props} />
    </>
  );
}

function RecordsFile() {
  const { t } = useTranslation('monitoring');
  const { canEdit, input, update } = useStudy();
  const [read, setRead] = useState<{ name: string; records: ProductionRecords } | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const [applied, setApplied] = useState<{ added: number; replaced: number } | undefined>();
  const columns = read?.records.columns ?? [];
  const list = (role: string) =>
    columns
      .filter((c) => c.role === role || (role === 'input' && c.role === 'total-input'))
      .map((c) =>
        c.name === undefined || c.name === c.header ? c.header : `${c.header} → ${c.name}`,
      )
      .join(', ');
  const periods = read?.records.periods ?? [];
  return (
    <Section title={t('production.title')}>
      <p className="field-hint">{t('production.intro')}</p>
      {!canEdit ? (
        <p className="field-hint">{t('production.readOnly')}</p>
      ) : (
        <div className="field">
          <label htmlFor="production-file">{t('production.pick')}</label>
          <input
            id="production-file"
            type="file"
            accept=".csv,.txt,text/csv"
            data-testid="production-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file === undefined) return;
              setApplied(undefined);
              setFailed(undefined);
              file.text().then(
                (text) => setRead({ name: file.name, records: readProductionRecords(text) }),
                (error: unknown) => setFailed(String(error)),
              );
            }}
          />
        </div>
      )}
      {failed !== undefined && <p className="bad">{t('production.failed', { message: failed })}</p>}
      {read !== undefined && (
        <div data-testid="production-read">
          <p>
            {periods.length > 0 &&
              t('production.read', {
                n: String(periods.length),
                from: periods[0]?.label ?? '',
                to: periods.at(-1)?.label ?? '',
              })}{' '}
            {list('output') !== '' && t('production.outputs', { list: list('output') })}{' '}
            {list('input') !== '' && t('production.inputs', { list: list('input') })}{' '}
            {list('ignore') !== '' && t('production.ignored', { list: list('ignore') })}
          </p>
          {read.records.problems.length > 0 && (
            <>
              <p>
                <strong>{t('production.problems')}</strong>
              </p>
              <ul className="bad" style={{ maxHeight: 200, overflowY: 'auto' }}>
                {read.records.problems.map((p, i) => (
                  <li key={i}>
                    {t('production.line', { line: String(p.line) })}
                    {p.column === undefined ? '' : ` (${p.column})`}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {read.records.notes.length > 0 && (
            <ul className="field-hint">
              {read.records.notes.map((n, i) => (
                <li key={i}>
                  {t('production.line', { line: String(n.line) })}: {n.message}
                </li>
              ))}
            </ul>
          )}
          {periods.length > 0 && (
            <p>
              <button
                type="button"
                className="primary"
                data-testid="production-apply"
                onClick={() => {
                  // The counts from the study as it is now; the reducer applies the same merge.
                  const { added, replaced } = withProductionPeriods(input.productivity, periods);
                  update((study) => ({
                    ...study,
                    productivity: withProductionPeriods(study.productivity, periods).productivity,
                  }));
                  setApplied({ added, replaced });
                  setRead(undefined);
                }}
              >
                {t('production.apply', { n: String(periods.length) })}
              </button>{' '}
              <button type="button" onClick={() => setRead(undefined)}>
                {t('production.discard')}
              </button>
              <span className="field-hint"> {t('production.applyHint')}</span>
            </p>
          )}
        </div>
      )}
      {applied !== undefined && (
        <p data-testid="production-applied">
          {t('production.applied', {
            added: String(applied.added),
            replaced: String(applied.replaced),
          })}
        </p>
      )}
    </Section>
  );
}

function OverTime(props: {
  readonly result: MonitoringResult;
  readonly study: StudyInput;
  readonly named: Named;
  readonly flowParameter: string | undefined;
}) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { result, study, named } = props;
  const fromStudy = useMemo(() => productionMonthsFromStudy(study.productivity), [study]);
  const outcome = useMemo((): Outcome | undefined => {
    if (fromStudy.months.length === 0) return undefined;
    const flow =
      props.flowParameter !== undefined &&
      result.parameters.some((p) => p.id === props.flowParameter)
        ? props.flowParameter
        : undefined;
    try {
      return {
        ok: true,
        value: ecoEfficiencyOverTime(fromStudy.months, result, {
          basis: study.productivity?.basis,
          flowParameter: flow,
        }),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [fromStudy, result, study.productivity?.basis, props.flowParameter]);
  const option = useMemo(
    () =>
      outcome?.ok === true && outcome.value.months.length >= 2
        ? changeChartOption(outcome.value, named, t, language)
        : undefined,
    [outcome, named, t, language],
  );
  const title = t('production.overTime');
  if (outcome === undefined) {
    return (
      <Section title={title}>
        <Empty>{t('production.none')}</Empty>
      </Section>
    );
  }
  if (!outcome.ok) {
    return (
      <Section title={title}>
        <Empty>{t('production.error', { message: outcome.message })}</Empty>
      </Section>
    );
  }
  const e = outcome.value;
  const unit = study.productivity?.unit;
  const cell = (x: MonthIndicator | undefined) => indicatorText(x, language, t);
  return (
    <Section title={title}>
      {e.months.length === 0 ? (
        <Empty>{t('production.noOverlap')}</Empty>
      ) : (
        <>
          <ResultTable
            caption={title}
            head={[
              t('production.month'),
              `${t('production.output')}${unit === undefined ? '' : ` (${unit})`}`,
              t('production.input'),
              t('production.productivity'),
              ...e.loadParameters.map((id) =>
                t('production.perLoad', { parameter: named.name(id) }),
              ),
              ...(e.flowParameter === undefined ? [] : [t('production.perVolume')]),
            ]}
            numeric={[
              false,
              true,
              true,
              true,
              ...e.loadParameters.map(() => true),
              ...(e.flowParameter === undefined ? [] : [true]),
            ]}
            rows={e.months.map((m) => [
              monthTitle(m.key, language),
              formatNumber(m.output, language, 2),
              formatNumber(m.totalInput, language, 2),
              cell(m.productivity),
              ...e.loadParameters.map((id) => cell(m.perLoad[id])),
              ...(e.flowParameter === undefined ? [] : [cell(m.perVolume)]),
            ])}
          />
          {option !== undefined && (
            <Chart option={option} label={t('production.chartTitle')} height={240} />
          )}
        </>
      )}
      <p className="field-hint" data-testid="production-notes">
        {t('production.method')}{' '}
        {e.missing.monitoring.length > 0 &&
          t('production.missingMonitoring', {
            list: e.missing.monitoring.map((k) => monthTitle(k, language)).join(', '),
          })}{' '}
        {e.missing.production.length > 0 &&
          t('production.missingProduction', {
            list: e.missing.production.map((k) => monthTitle(k, language)).join(', '),
          })}{' '}
        {fromStudy.skipped.length > 0 &&
          t('production.skipped', { list: fromStudy.skipped.map((s) => s.label).join(', ') })}
      </p>
    </Section>
  );
}

type T = (key: string, values?: Record<string, string>) => string;

function indicatorText(x: MonthIndicator | undefined, language: Language, t: T) {
  if (x === undefined) return '–';
  if (x.kind === 'undefined') {
    const why = t(`production.gap.${x.reason}`);
    return (
      <span title={why} aria-label={why}>
        –
      </span>
    );
  }
  const change = x.change;
  return change === undefined
    ? shortNumber(x.value, language)
    : `${shortNumber(x.value, language)} (${change.relativeChangePercent > 0 ? '+' : ''}${formatPercent(change.relativeChangePercent, language, 1)})`;
}

/** One line per indicator: its change from the first month, in percent (different units, one scale). */
function changeChartOption(
  e: EcoEfficiencyOverTime,
  named: Named,
  t: T,
  language: Language,
): EChartsOption {
  const change = (x: MonthIndicator | undefined): number | null => {
    if (x?.kind !== 'value') return null;
    return x.change?.relativeChangePercent ?? 0;
  };
  const lines = [
    { name: t('production.productivity'), data: e.months.map((m) => change(m.productivity)) },
    ...e.loadParameters.map((id) => ({
      name: t('production.perLoad', { parameter: named.name(id) }),
      data: e.months.map((m) => change(m.perLoad[id])),
    })),
    ...(e.flowParameter === undefined
      ? []
      : [{ name: t('production.perVolume'), data: e.months.map((m) => change(m.perVolume)) }]),
  ];
  const colours = [CHART_COLOURS.primary, CHART_COLOURS.secondary, ...MORE_COLOURS];
  const title = t('production.chartTitle');
  return {
    animation: false,
    aria: { enabled: true, label: { description: title } },
    textStyle: { fontSize: 11 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v, language, 1) : '–'),
    },
    xAxis: {
      type: 'category',
      data: e.months.map((m) => monthTitle(m.key, language)),
      boundaryGap: false,
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v: number) => formatPercent(v, language, 0) },
    },
    series: lines.map((line, i) => ({
      type: 'line',
      name: line.name,
      color: colours[i % colours.length],
      data: line.data,
      connectNulls: false,
      ...(i === 0 && {
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CHART_COLOURS.line, type: 'dashed' },
          data: [{ yAxis: 0 }],
        },
      }),
    })),
  };
}
