/** GP step 3: the financial appraisal of the options, the decision rule and its choice, live. */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionEconomicsResult } from '../../../engine/study/evaluate-study.js';
import type { DecisionRule } from '../../../engine/study/study-input.js';
import {
  optionComparisonChartOption,
  type OptionComparisonMetric,
} from '../../../report/charts.js';
import { ReportContext } from '../../../report/context.js';
import {
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
} from '../../../report/format.js';
import { labels } from '../../../report/i18n.js';
import { decisionText } from '../../../report/sections-options.js';
import { Chart } from '../../components/Chart.js';
import { SelectField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { comparisonItems, comparisonMetric } from './economics-view.js';
import { IrrText, PaybackText } from './Measures.js';
import { OptionDetail } from './OptionDetail.js';

const RULES: readonly DecisionRule[] = ['bcr', 'npv', 'annual-worth', 'incremental-irr'];

export function EconomicsStep() {
  const { t } = useTranslation('economics');
  const { input, live } = useStudy();
  const options = input.options ?? [];
  const results = live.evaluation?.results;
  const withInputs = options.filter((o) => o.economics !== undefined);
  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      {options.length === 0 ? (
        <Empty>{t('noOptions')}</Empty>
      ) : (
        <>
          <Section title={t('rule')}>
            <div className="form-grid">
              <SelectField
                path={['decisionRule']}
                label={t('ruleLabel')}
                optional
                options={RULES.map((r) => ({ value: r, label: t(`rule.${r}`) }))}
                hint={input.decisionRule === undefined ? t('ruleNone') : undefined}
                className="wide"
              />
            </div>
          </Section>
          <Section title={t('summary')}>
            {withInputs.length === 0 ? <Empty>{t('noEconomics')}</Empty> : <Summary />}
          </Section>
          {withInputs.length > 0 && (
            <Section title={t('decision')}>
              <Decision />
            </Section>
          )}
          {(results?.options ?? []).some((o) => o.economics !== undefined) && (
            <Section title={t('chart')}>
              <Comparison />
            </Section>
          )}
          <Section title={t('detail')}>
            <OptionDetail />
          </Section>
        </>
      )}
    </>
  );
}

/** Every measure per option, as the report's financial summary; the chosen option marked. */
function Summary() {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const results = live.evaluation?.results;
  const chosen = new Set(results?.decision?.chosen ?? []);
  const columns = (input.options ?? [])
    .filter((o) => o.economics !== undefined)
    .map((o) => ({
      id: o.id,
      name: o.name || o.id,
      e: results?.options?.find((r) => r.id === o.id)?.economics,
    }));
  // A no-break space keeps "Rp" with its number in narrow columns.
  const money = (v: number) => formatMoney(v, language).replace(' ', '\u00a0');
  type Row = readonly [
    string,
    string | undefined,
    (e: OptionEconomicsResult, id: string) => ReactNode,
  ];
  const rows: Row[] = [
    [L.investment, undefined, (e) => money(e.investment)],
    [L.annualCosts, undefined, (e) => money(e.annualCost)],
    [L.annualBenefits, undefined, (e) => money(e.annualBenefit)],
    [L.life, undefined, (e) => formatInput(e.life, language, 2)],
    [L.interestRate, undefined, (e) => formatFractionPercent(e.interestRate, language, 2)],
    [L.salvage, undefined, (e) => money(e.salvage)],
    [L.capitalRecoveryFactor, 'crf', (e) => formatNumber(e.capitalRecoveryFactor, language, 4)],
    [L.capitalRecovery, undefined, (e) => money(e.capitalRecovery)],
    [L.equivalentAnnualCost, undefined, (e) => money(e.equivalentAnnualCost)],
    [L.annualWorth, 'aw', (e) => money(e.annualWorth)],
    [L.bcr, 'bcr', (e) => formatNumber(e.bcr, language, 2)],
    [L.npv, 'npv', (e) => money(e.npv)],
    [L.irr, 'irr', (e) => <IrrText irr={e.irr} />],
    [L.payback, 'payback', (e) => <PaybackText payback={e.payback.simple} />],
    [
      L.discountedPayback,
      'discounted-payback',
      (e) => <PaybackText payback={e.payback.discounted} />,
    ],
  ];
  const key = new Set(['aw', 'bcr', 'npv', 'irr']);
  return (
    <ResultTable
      caption={L.financialSummary}
      head={[
        L.criterion,
        ...columns.map((c) => (
          <>
            {c.name}
            {chosen.has(c.id) && (
              <div className="good" title={t('chosenNote')}>
                ✓ {L.chosen}
              </div>
            )}
          </>
        )),
      ]}
      numeric={[false, ...columns.map(() => true)]}
      rows={rows.map(([label, testId, value]) => [
        key.has(testId ?? '') ? <strong>{label}</strong> : label,
        ...columns.map((c) => {
          const cell = c.e === undefined ? '–' : value(c.e, c.id);
          const shown =
            testId === undefined ? cell : <span data-testid={`${testId}-${c.id}`}>{cell}</span>;
          return key.has(testId ?? '') && chosen.has(c.id) ? <strong>{shown}</strong> : shown;
        }),
      ])}
    />
  );
}

/** The decision in the report's words, with the ranking or the incremental comparisons. */
function Decision() {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const evaluation = live.evaluation;
  const decision = evaluation?.results.decision;
  const nameOf = (id: string) => input.options?.find((o) => o.id === id)?.name ?? id;
  const sentence = useMemo(
    () =>
      evaluation === undefined
        ? undefined
        : decisionText(new ReportContext(input, evaluation, language)),
    [input, evaluation, language],
  );
  if (decision === undefined) return <Empty>{t('noDecision')}</Empty>;
  const value = (v: number) =>
    decision.rule === 'bcr' ? formatNumber(v, language, 2) : formatMoney(v, language);
  return (
    <>
      <div className="metrics">
        <Metric
          label={L.summaryChoice}
          value={decision.chosen.length === 0 ? '–' : decision.chosen.map(nameOf).join(' = ')}
          tone={decision.chosen.length === 0 ? 'bad' : 'good'}
          note={t(`rule.${decision.rule}`)}
          testId="decision-chosen"
        />
        {decision.incrementalIrr !== undefined && (
          <Metric
            label={`${L.irr} (Δ)`}
            value={
              formatNumber(decision.incrementalIrr.percent, language, 2) +
              (language === 'id' ? ' %' : '%')
            }
            testId="incremental-irr"
          />
        )}
      </div>
      {sentence !== undefined && (
        <p className="sentence">
          <strong>{L.decision}:</strong> {sentence}
        </p>
      )}
      {decision.ranking !== undefined && (
        <ResultTable
          caption={t('ranking')}
          head={[L.rank, L.option, t('value'), t('acceptable')]}
          numeric={[true, false, true, false]}
          rows={decision.ranking.ranking.map((r) => [
            r.rank,
            decision.chosen.includes(r.name) ? <strong>✓ {nameOf(r.name)}</strong> : nameOf(r.name),
            value(r.value),
            r.acceptable ? t('acceptable.yes') : <span className="bad">{t('acceptable.no')}</span>,
          ])}
        />
      )}
      {decision.incremental !== undefined && decision.incremental.length > 0 && (
        <ResultTable
          caption={L.incrementalTable}
          head={[L.comparison, L.irr, 'MARR', L.incrementalNpv, L.chosen]}
          numeric={[false, true, true, true, false]}
          rows={decision.incremental.map((c) => [
            `${nameOf(c.challenger)} − ${nameOf(c.defender)}`,
            <span data-testid={`incremental-irr-${c.challenger}`}>
              <IrrText irr={c.incrementalRate} />
            </span>,
            formatFractionPercent(c.marr, language, 2),
            formatMoney(c.incrementalNetPresentValue, language),
            nameOf(c.chosen === 'second' ? c.challenger : c.defender),
          ])}
        />
      )}
    </>
  );
}

/** The report's option comparison chart, switchable between BCR, annual worth and NPV. */
function Comparison() {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const [picked, setPicked] = useState<OptionComparisonMetric | undefined>(undefined);
  const metric = picked ?? comparisonMetric(input.decisionRule);
  const options = live.evaluation?.results.options;
  const chart = useMemo(
    () => optionComparisonChartOption(comparisonItems(options ?? [], metric), metric, language),
    [options, metric, language],
  );
  const title =
    metric === 'bcr' ? L.optionChartBcr : metric === 'npv' ? L.optionChartNpv : L.optionChartAw;
  return (
    <>
      <div className="toolbar" role="group" aria-label={t('chartShow')}>
        {(['bcr', 'annual-worth', 'npv'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={m === metric}
            className={m === metric ? 'primary' : undefined}
            onClick={() => setPicked(m)}
          >
            {t(`metric.${m}`)}
          </button>
        ))}
      </div>
      <Chart option={chart} label={title} height={300} />
      <p className="field-hint">{title}</p>
    </>
  );
}
