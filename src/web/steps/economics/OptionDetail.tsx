/** One option's economics: its inputs (cost items, life, MARR, salvage) and its cash flows. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostItem } from '../../../engine/study/study-input.js';
import { formatMoney, formatNumber } from '../../../report/format.js';
import { numberColumn, textColumn } from '../../components/columns.js';
import { NumberField } from '../../components/fields.js';
import { Empty, ResultTable } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { setAt } from '../../study/paths.js';
import { OptionalTable } from '../../components/OptionalTable.js';
import { cashFlowRows } from './economics-view.js';

export function OptionDetail() {
  const { t } = useTranslation('economics');
  const { input, live, update, canEdit } = useStudy();
  const selectId = useId();
  const options = input.options ?? [];
  const results = live.evaluation?.results;
  const fallback =
    results?.decision?.chosen[0] ??
    options.find((o) => o.economics !== undefined)?.id ??
    options[0]?.id;
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const index = Math.max(
    0,
    options.findIndex((o) => o.id === (picked ?? fallback)),
  );
  const option = options[index];
  if (option === undefined) return null;
  const base = ['options', index, 'economics'] as const;

  return (
    <>
      <div className="field" style={{ maxWidth: '40em' }}>
        <label htmlFor={selectId}>{t('detailOption')}</label>
        <select id={selectId} value={option.id} onChange={(e) => setPicked(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name || o.id}
              {o.economics === undefined ? ' (–)' : ''}
            </option>
          ))}
        </select>
      </div>
      {option.economics === undefined ? (
        canEdit ? (
          <p>
            <button
              type="button"
              onClick={() =>
                update((s) =>
                  setAt(s, base, {
                    investment: [{ item: t('newItem', { n: 1 }), amount: 0 }],
                    life: 5,
                    interestRate: 0.1,
                  }),
                )
              }
            >
              + {t('addEconomics')}
            </button>
          </p>
        ) : (
          <Empty>{t('noEconomics')}</Empty>
        )
      ) : (
        // Keyed by option: half-typed cells of one option never show under another.
        <div key={option.id}>
          <h4>{t('inputs')}</h4>
          <div className="form-grid">
            <NumberField path={[...base, 'life']} label={t('life')} />
            <NumberField path={[...base, 'interestRate']} label={t('interestRate')} percent />
            <NumberField path={[...base, 'salvage']} label={t('salvage')} optional unit="Rp" />
          </div>
          <CostItems index={index} list="investment" required />
          <CostItems index={index} list="annualCosts" />
          <CostItems index={index} list="annualBenefits" />
          {canEdit && (
            <p>
              <button
                type="button"
                className="danger"
                onClick={() => update((s) => setAt(s, base, undefined))}
              >
                {t('removeEconomics')}
              </button>
            </p>
          )}
          <CashFlows id={option.id} />
        </div>
      )}
    </>
  );
}

function CostItems(props: {
  readonly index: number;
  readonly list: 'investment' | 'annualCosts' | 'annualBenefits';
  readonly required?: boolean;
}) {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const { input } = useStudy();
  const items = input.options?.[props.index]?.economics?.[props.list] ?? [];
  const columns = useMemo(
    () => [
      textColumn<CostItem>('item', t('item')),
      numberColumn<CostItem>('quantity', t('quantity'), { optional: true }),
      numberColumn<CostItem>('amount', t('amount'), { sub: 'Rp' }),
    ],
    [t],
  );
  const total = items.reduce((s, i) => s + i.amount * (i.quantity ?? 1), 0);
  return (
    <>
      <h4>{t(props.list)}</h4>
      <OptionalTable<CostItem>
        path={['options', props.index, 'economics', props.list]}
        caption={t(props.list)}
        columns={columns}
        newRow={() => ({ item: t('newItem', { n: items.length + 1 }), amount: 0 })}
        removeWhenEmpty={!props.required}
      />
      {items.length > 0 && (
        <p className="field-hint" data-testid={`${props.list}-total`}>
          {t('listTotal', { amount: formatMoney(total, language) })}
        </p>
      )}
    </>
  );
}

/** Year by year: flow, (P/F, i, t), present value and the running sums the paybacks read. */
function CashFlows(props: { readonly id: string }) {
  const { t } = useTranslation('economics');
  const language = useLanguage();
  const { live } = useStudy();
  const e = live.evaluation?.results.options?.find((o) => o.id === props.id)?.economics;
  if (e === undefined) return null;
  // A no-break space keeps "Rp" with its number in narrow columns.
  const money = (v: number) => formatMoney(v, language).replace(' ', '\u00a0');
  const tone = (v: number) => (v < 0 ? <span className="bad">{money(v)}</span> : money(v));
  return (
    <>
      <ResultTable
        caption={t('cashFlows')}
        head={[
          t('year'),
          t('flow'),
          t('factor'),
          t('presentValue'),
          t('cumulative'),
          t('cumulativePresent'),
        ]}
        numeric={[true, true, true, true, true, true]}
        rows={cashFlowRows(e).map((r) => [
          r.year,
          money(r.flow),
          formatNumber(r.factor, language, 4),
          money(r.presentValue),
          tone(r.cumulative),
          tone(r.cumulativePresentValue),
        ])}
      />
      <p className="field-hint">{t('cashFlowNote')}</p>
    </>
  );
}
