/** GP step 2: effluent parameters against their standards, and the EPI by either method. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_SETS } from '../../../document/standards/standard-sets.js';
import type { EffluentParameter, Limit } from '../../../engine/study/study-input.js';
import { epiContributionChartOption } from '../../../report/charts.js';
import { formatInput, formatNumber, formatPercent } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { renderTrafficLightSvg } from '../../../report/traffic-light.js';
import { Chart } from '../../components/Chart.js';
import { measuredColumn, numberColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { SelectField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { loadLimitColumn } from './load-limit-column.js';

/** A limit as people write it: "≤ 100", "≥ 5", "6–9". */
function limitText(limit: Limit | undefined, language: Language): string {
  if (limit === undefined) return '–';
  const range = limit.range;
  if (range !== undefined) {
    return typeof range === 'number'
      ? formatInput(range, language)
      : `${formatInput(range.low, language)}–${formatInput(range.high, language)}`;
  }
  if (limit.max !== undefined && limit.min !== undefined) {
    return `${formatInput(limit.min, language)}–${formatInput(limit.max, language)}`;
  }
  if (limit.max !== undefined) return `≤ ${formatInput(limit.max, language)}`;
  if (limit.min !== undefined) return `≥ ${formatInput(limit.min, language)}`;
  return '–';
}

export function EffluentStep() {
  const { t } = useTranslation('effluent');
  const language = useLanguage();
  const { input, live } = useStudy();
  const L = labels(language);
  const method = input.epi?.method ?? 'deviation';
  const ahpIds = (input.weights?.ahp ?? []).map((a) => a.id);
  const epi = live.evaluation?.results.epi;

  const columns = useMemo(
    () => [
      textColumn<EffluentParameter>('id', t('id'), { width: '7em' }),
      textColumn<EffluentParameter>('name', t('name')),
      textColumn<EffluentParameter>('unit', t('unit'), { optional: true, width: '6em' }),
      measuredColumn<EffluentParameter>('measured', t('measured')),
      numberColumn<EffluentParameter>('max', t('max'), { path: ['limit', 'max'], optional: true }),
      numberColumn<EffluentParameter>('min', t('min'), { path: ['limit', 'min'], optional: true }),
      loadLimitColumn('perDay', t('loadPerDay'), t('loadPerDay.unit')),
      loadLimitColumn('perHour', t('loadPerHour'), t('loadPerHour.unit')),
      numberColumn<EffluentParameter>('weight', t('weight'), { optional: true }),
      ...(method === 'traffic-light'
        ? [numberColumn<EffluentParameter>('level', t('level'), { optional: true })]
        : []),
    ],
    [t, method],
  );

  const chart = useMemo(
    () =>
      epi !== undefined && epi.terms.length > 0
        ? epiContributionChartOption(epi, language)
        : undefined,
    [epi, language],
  );
  const trafficSvg = useMemo(
    () => (epi?.method === 'traffic-light' ? renderTrafficLightSvg(epi, language) : undefined),
    [epi, language],
  );

  const total = epi?.total;
  const sentence =
    epi === undefined
      ? undefined
      : epi.method === 'traffic-light'
        ? fill(
            L.epiTrafficLight,
            formatNumber(epi.total, language, 2),
            formatNumber(epi.meanLevel, language, 2),
            L[epi.band],
          )
        : fill(
            epi.total > 0 ? L.epiPositive : epi.total < 0 ? L.epiNegative : L.epiZero,
            formatNumber(epi.total, language, 4),
          );

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('settings')}>
        <div className="form-grid">
          <SelectField
            path={['epi', 'method']}
            label={t('method')}
            options={[
              { value: 'deviation', label: t('method.deviation') },
              { value: 'traffic-light', label: t('method.traffic-light') },
            ]}
          />
          <SelectField
            path={['epi', 'belowDetectionLimit']}
            label={t('belowDetectionLimit')}
            options={(['limit', 'half', 'zero'] as const).map((v) => ({
              value: v,
              label: t(`bdl.${v}`),
            }))}
          />
          {method === 'traffic-light' && (
            <SelectField
              path={['epi', 'scoring']}
              label={t('scoring')}
              optional
              options={(['interpolated', 'omax'] as const).map((v) => ({
                value: v,
                label: t(`scoring.${v}`),
              }))}
            />
          )}
          {ahpIds.length > 0 && (
            <SelectField
              path={['epi', 'weightsFrom']}
              label={t('weightsFrom')}
              optional
              options={ahpIds.map((id) => ({ value: id, label: id }))}
            />
          )}
          <SelectField
            path={['effluent', 'standard']}
            label={t('standard')}
            optional
            options={STANDARD_SETS.map((s) => ({
              value: s.id,
              label: `${s.regulation}${s.annex ? ` ${s.annex}` : ''} — ${s.industry}`,
            }))}
          />
        </div>
      </Section>
      <Section title={t('parameters')}>
        <EditableTable<EffluentParameter>
          path={['effluent', 'parameters']}
          caption={t('parameters')}
          columns={columns}
          newRow={() => ({ id: '', name: '', measured: 0 })}
          rowHeader={(_, i) => String(i + 1)}
        />
        {input.effluent?.standard !== undefined && (
          <p className="field-hint">{t('limitsFromStandard')}</p>
        )}
        <p className="field-hint">{t('loadLimitHint')}</p>
      </Section>
      <Section title={t('results')}>
        {epi === undefined || total === undefined ? (
          <Empty>{t('noResult')}</Empty>
        ) : (
          <>
            <div className="metrics">
              <Metric
                label={L.totalEpi}
                value={formatNumber(total, language, 4)}
                tone={
                  epi.method === 'deviation'
                    ? total >= 0
                      ? 'good'
                      : 'bad'
                    : epi.band === 'green'
                      ? 'good'
                      : epi.band === 'red'
                        ? 'bad'
                        : 'neutral'
                }
                testId="epi-total"
                note={t('weightSum', { sum: formatInput(epi.weightSum, language) })}
              />
            </div>
            {sentence !== undefined && <p className="sentence">{sentence}</p>}
            {epi.method === 'deviation' ? (
              <ResultTable
                caption={L.epi}
                head={[
                  L.parameter,
                  L.measured,
                  L.standard,
                  L.weight,
                  L.deviation,
                  L.epiTerm,
                  L.contribution,
                  L.status,
                ]}
                numeric={[false, true, true, true, true, true, true, false]}
                rows={epi.terms.map((term) => [
                  term.name ?? term.id ?? String(term.index + 1),
                  formatInput(term.measured.value, language),
                  limitText(live.resolved?.effluent?.parameters[term.index]?.limit, language),
                  formatInput(term.weight, language),
                  formatPercent(term.performance * 100, language, 2),
                  formatNumber(term.term, language, 4),
                  term.share === undefined ? '–' : formatPercent(term.share * 100, language, 1),
                  term.compliant ? L.compliant : <strong className="bad">{L.notCompliant}</strong>,
                ])}
              />
            ) : (
              <ResultTable
                caption={L.epi}
                head={[L.parameter, L.weight, L.level, L.colour, L.trafficTerm]}
                numeric={[false, true, true, false, true]}
                rows={epi.terms.map((term) => [
                  term.name ?? term.id ?? String(term.index + 1),
                  formatInput(term.weight, language),
                  formatNumber(term.level, language, 2),
                  <span className={`band band-${term.band}`}>{L[term.band]}</span>,
                  formatNumber(term.term, language, 4),
                ])}
              />
            )}
            {chart !== undefined && (
              <Chart
                option={chart}
                label={epi.method === 'deviation' ? L.epiChartTitle : L.epiChartTitleTraffic}
                height={Math.max(200, 48 * epi.terms.length + 80)}
              />
            )}
            {trafficSvg !== undefined && (
              <figure className="traffic-light">
                {/* The report's own SVG: built from numbers and escaped names only. */}
                <div dangerouslySetInnerHTML={{ __html: trafficSvg }} />
                <figcaption>{L.trafficLightCaption}</figcaption>
              </figure>
            )}
          </>
        )}
      </Section>
    </>
  );
}
