/** One option's costs and benefits as typed, and its NPV, annual worth, B/C ratio and payback. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternalRateOfReturn, SeriesPaybackPeriod } from '../../../engine/economics/index.js';
import type { CostItem } from '../../../engine/study/study-input.js';
import {
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
  type ReportLanguage,
} from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { numberColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField } from '../../components/fields.js';
import { Empty, Metric, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { setAt } from '../../study/paths.js';
import { costTotal, newEconomics, optionResult } from './model.js';

/** "2,35 tahun", or "tidak tercapai" when the investment is never recovered. */
export function paybackText(payback: SeriesPaybackPeriod, language: ReportLanguage): string {
  const L = labels(language);
  return payback.kind === 'never'
    ? L.never
    : fill(L.years, formatNumber(payback.years, language, 2));
}

/** An interest rate as people write it: "10 %", "12,5 %" (no trailing zeros). */
function rateText(rate: number, language: ReportLanguage): string {
  const percent = rate * 100;
  const whole = Math.abs(percent - Math.round(percent)) < 1e-9;
  return formatFractionPercent(rate, language, whole ? 0 : 2);
}

function irrText(irr: InternalRateOfReturn, language: ReportLanguage): string {
  const L = labels(language);
  if (irr.kind === 'unique') return formatFractionPercent(irr.rate, language, 2);
  if (irr.kind === 'multiple') return L.multipleIrr;
  return L.noIrr;
}

export function EconomicsSection(props: { readonly index: number; readonly name: string }) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { input, update, canEdit } = useStudy();
  const economics = input.options?.[props.index]?.economics;
  const base = ['options', props.index, 'economics'] as const;

  const columns = useMemo(
    () => [
      textColumn<CostItem>('item', L.description),
      // Narrow quantity, room for the description; the unit price fits billions of rupiah.
      { ...numberColumn<CostItem>('quantity', L.quantity, { optional: true }), width: '6em' },
      { ...numberColumn<CostItem>('amount', L.unitPrice, { sub: 'Rp' }), width: '11em' },
    ],
    [L],
  );

  if (economics === undefined) {
    return (
      <Section title={t('economics', { name: props.name })}>
        <Empty>{t('noEconomics')}</Empty>
        {canEdit && (
          <button type="button" onClick={() => update((s) => setAt(s, base, newEconomics(s)))}>
            + {t('addEconomics')}
          </button>
        )}
      </Section>
    );
  }

  const list = (key: 'investment' | 'annualCosts' | 'annualBenefits', title: string) => (
    <div className="gp-cost-list">
      <h4>{title}</h4>
      <EditableTable<CostItem>
        path={[...base, key]}
        caption={title}
        columns={columns}
        newRow={() => ({ item: '', amount: 0 })}
        // Costs and benefits are optional lists; the investment stays (it may be empty).
        removeWhenEmpty={key !== 'investment'}
      />
      <p className="gp-total">
        {t('total')}: <strong>{formatMoney(costTotal(economics[key]), language)}</strong>
      </p>
    </div>
  );

  return (
    <Section
      title={t('economics', { name: props.name })}
      actions={
        canEdit && (
          <button
            type="button"
            className="danger"
            onClick={() => update((s) => setAt(s, base, undefined))}
          >
            {t('removeEconomics')}
          </button>
        )
      }
    >
      <div className="gp-split">
        <div className="gp-inputs">
          {list('investment', L.investment)}
          {list('annualCosts', L.annualCosts)}
          {list('annualBenefits', L.annualBenefits)}
          <div className="form-grid">
            <NumberField path={[...base, 'life']} label={L.life} unit={t('years')} />
            <NumberField path={[...base, 'interestRate']} label={L.interestRate} percent />
            <NumberField path={[...base, 'salvage']} label={L.salvage} unit="Rp" optional />
          </div>
        </div>
        <EconomicsResults index={props.index} />
      </div>
    </Section>
  );
}

/** The live headline results beside the inputs (above them on a tablet). */
function EconomicsResults(props: { readonly index: number }) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const option = input.options?.[props.index];
  const economics = option?.economics;
  const result = optionResult(live.evaluation, props.index, option?.id)?.economics;
  const money = (v: number) => formatMoney(v, language);

  return (
    <aside className="gp-results" aria-label={t('resultsLive')} aria-live="polite">
      <div className="metrics gp-metrics">
        <Metric
          label={L.investment}
          value={money(result?.investment ?? costTotal(economics?.investment))}
          testId="selected-investment"
        />
        <Metric
          label={L.annualCosts}
          value={money(result?.annualCost ?? costTotal(economics?.annualCosts))}
          testId="selected-annual-cost"
        />
        <Metric
          label={L.annualBenefits}
          value={money(result?.annualBenefit ?? costTotal(economics?.annualBenefits))}
          testId="selected-annual-benefit"
        />
        {result !== undefined && (
          <>
            <Metric
              label={L.npv}
              value={money(result.npv)}
              tone={result.npv >= 0 ? 'good' : 'bad'}
              testId="selected-npv"
              note={t('irr', { irr: irrText(result.irr, language) })}
            />
            <Metric
              label={L.annualWorth}
              value={money(result.annualWorth)}
              tone={result.annualWorth >= 0 ? 'good' : 'bad'}
              testId="selected-aw"
              note={t('capitalRecovery', { cost: money(result.equivalentAnnualCost) })}
            />
            <Metric
              label={L.bcr}
              value={formatNumber(result.bcr, language, 2)}
              tone={result.bcr >= 1 ? 'good' : 'bad'}
              testId="selected-bcr"
            />
            <Metric
              label={L.payback}
              value={paybackText(result.payback.simple, language)}
              testId="selected-payback"
              note={t('discountedPayback', {
                years: paybackText(result.payback.discounted, language),
              })}
            />
          </>
        )}
      </div>
      <p className="sentence">
        {result === undefined
          ? t('economicsError')
          : t(result.bcr >= 1 ? 'feasible' : 'notFeasible', {
              bcr: formatNumber(result.bcr, language, 2),
              rate: rateText(result.interestRate, language),
              life: formatInput(result.life, language, 2),
              npv: money(result.npv),
              payback: paybackText(result.payback.simple, language),
            })}
      </p>
    </aside>
  );
}
