/**
 * GP step 3: the options (alternatives). Master/detail: the list of options and their live
 * economics for all, then one option's costs, benefits and effects in full, chosen from a
 * drop-down (compact on a tablet, usable with the keyboard).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GpOption } from '../../../engine/study/study-input.js';
import { formatMoney, formatNumber } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { selectColumn, textColumn } from '../../components/columns.js';
import { EditableTable } from '../../components/EditableTable.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Empty, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { problemChoices } from '../problems/model.js';
import { EconomicsSection, paybackText } from './Economics.js';
import { EffectsSection } from './Effects.js';
import { newOption, optionResult } from './model.js';
import './options.css';

export function OptionsStep() {
  const { t } = useTranslation('options');
  const { input } = useStudy();
  const options = input.options ?? [];
  const [selected, setSelected] = useState(0);
  const index = Math.max(0, Math.min(selected, options.length - 1));
  const choices = useMemo(() => problemChoices(input.problems), [input.problems]);

  const columns = useMemo(
    () => [
      textColumn<GpOption>('id', t('id'), { width: '7em' }),
      textColumn<GpOption>('name', t('name')),
      selectColumn<GpOption>('problem', t('problem'), choices, { optional: true }),
      textColumn<GpOption>('description', t('description'), { optional: true }),
    ],
    [t, choices],
  );

  // Ids handed out during this render: a paste adds several rows before the study updates.
  const issued: string[] = [];
  const show = (i: number) => {
    setSelected(i);
    // Bring the details into view (on a tablet they are a screen further down) and move the
    // keyboard there, to the option drop-down.
    requestAnimationFrame(() => {
      document.getElementById('option-detail')?.scrollIntoView({ block: 'start' });
      document.getElementById('option-picker')?.focus({ preventScroll: true });
    });
  };

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('list')}>
        <EditableTable<GpOption>
          path={['options']}
          caption={t('list')}
          columns={columns}
          newRow={() => {
            const row = newOption(input, undefined, issued);
            issued.push(row.id);
            return row;
          }}
          rowHeader={(_, i) => String(i + 1)}
          removeWhenEmpty
        />
      </Section>
      <Section title={t('summary')}>
        {options.length === 0 ? (
          <Empty>{t('noOptions')}</Empty>
        ) : (
          <Summary selected={index} onShow={show} />
        )}
      </Section>
      {options.length > 0 && (
        // A fresh detail per option: tables keep no half-typed cells of another option.
        <OptionDetail key={index} index={index} onSelect={setSelected} />
      )}
    </>
  );
}

/** Every option's headline economics, live, each number with a test id by option id. */
function Summary(props: { readonly selected: number; readonly onShow: (index: number) => void }) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const options = input.options ?? [];
  const result = (i: number) => optionResult(live.evaluation, i, options[i]?.id);
  const money = (v: number | undefined) => (v === undefined ? '–' : formatMoney(v, language));
  const cell = (id: string, what: string, text: string) => (
    <span data-testid={`${what}-${id}`}>{text}</span>
  );

  // Options with costs and benefits typed; the others are reached through the details below.
  const withEconomics = options.flatMap((o, i) => (o.economics === undefined ? [] : [{ o, i }]));
  const rows = withEconomics.map(({ o, i }) => {
    const e = result(i)?.economics;
    const name = o.name.trim() === '' ? o.id || t('untitled') : o.name;
    return [
      <button
        type="button"
        className="link"
        aria-current={i === props.selected ? 'true' : undefined}
        aria-label={t('openOption', { name })}
        onClick={() => props.onShow(i)}
      >
        {name}
      </button>,
      cell(o.id, 'investment', money(e?.investment)),
      cell(o.id, 'annual-cost', money(e?.annualCost)),
      cell(o.id, 'annual-benefit', money(e?.annualBenefit)),
      cell(o.id, 'npv', money(e?.npv)),
      cell(o.id, 'aw', money(e?.annualWorth)),
      cell(o.id, 'bcr', e === undefined ? '–' : formatNumber(e.bcr, language, 2)),
      cell(o.id, 'payback', e === undefined ? '–' : paybackText(e.payback.simple, language)),
    ];
  });
  const computed = withEconomics.flatMap(({ i }) => result(i)?.economics ?? []);
  const feasible = computed.filter((e) => e.bcr >= 1).length;
  const decision = live.evaluation?.results.decision;
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? id;

  const without = options.length - withEconomics.length;
  if (withEconomics.length === 0) return <Empty>{t('noEconomicsYet')}</Empty>;

  return (
    <div className="gp-summary">
      <ResultTable
        caption={L.financialSummary}
        head={[
          L.option,
          L.investment,
          L.annualCosts,
          L.annualBenefits,
          L.npv,
          L.annualWorth,
          L.bcr,
          L.payback,
        ]}
        numeric={[false, true, true, true, true, true, true, true]}
        rows={rows}
      />
      <p className="sentence">
        {t('feasibleCount', { feasible, count: computed.length })}
        {without > 0 && <> {t('withoutEconomics', { count: without })}</>}
        {decision !== undefined && decision.chosen.length > 0 && (
          <> {fill(L.choiceChosen, decision.chosen.map((id) => `“${nameOf(id)}”`).join(', '))}</>
        )}
      </p>
    </div>
  );
}

function OptionDetail(props: {
  readonly index: number;
  readonly onSelect: (index: number) => void;
}) {
  const { t } = useTranslation('options');
  const { input, update, canEdit } = useStudy();
  const options = input.options ?? [];
  const option = options[props.index];
  const choices = useMemo(() => problemChoices(input.problems), [input.problems]);
  if (option === undefined) return null;
  const name = option.name.trim() === '' ? option.id || t('untitled') : option.name;
  const base = ['options', props.index] as const;

  const add = () => {
    update((study) => ({
      ...study,
      options: [...(study.options ?? []), newOption(study, option.problem)],
    }));
    props.onSelect(options.length);
  };

  return (
    <>
      <section className="section gp-detail" id="option-detail" aria-label={t('detail')}>
        <div className="section-head gp-detail-head">
          <h3>{t('detail')}</h3>
          <div className="gp-picker">
            <label htmlFor="option-picker">{t('selectOption')}</label>
            <select
              id="option-picker"
              value={props.index}
              onChange={(e) => props.onSelect(Number(e.target.value))}
            >
              {options.map((o, i) => (
                <option key={i} value={i}>
                  {i + 1}. {o.name.trim() === '' ? o.id || t('untitled') : o.name}
                </option>
              ))}
            </select>
            {canEdit && (
              <button type="button" onClick={add}>
                + {t('addOption')}
              </button>
            )}
          </div>
        </div>
        <div className="form-grid">
          <TextField path={[...base, 'name']} label={t('name')} required className="wide" />
          <SelectField
            path={[...base, 'problem']}
            label={t('problem')}
            optional
            options={choices}
          />
          <TextField
            path={[...base, 'description']}
            label={t('description')}
            multiline
            className="wide"
          />
        </div>
      </section>
      <EconomicsSection index={props.index} name={name} />
      <EffectsSection index={props.index} name={name} />
    </>
  );
}
