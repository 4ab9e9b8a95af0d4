/**
 * One option's effects as typed (removal per effluent parameter, changes per productivity
 * category, waste before and after) beside what they make of the EPI, the productivity and
 * the waste, live.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabMeasurement } from '../../../engine/epi/index.js';
import type { NumberOrRange } from '../../../engine/range.js';
import { studyYearData } from '../../../engine/study/evaluate-study.js';
import type { GpOption, MeasuredValue } from '../../../engine/study/study-input.js';
import {
  formatInput,
  formatNumber,
  formatPercent,
  formatSigned,
  type ReportLanguage,
} from '../../../report/format.js';
import { inputCategoryLabel, labels, outputLabel } from '../../../report/i18n.js';
import { FieldMessages } from '../../components/fields.js';
import { Empty, Metric, Section } from '../../components/layout.js';
import { formatTyped, parseNumber, parseTyped } from '../../i18n/numbers.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { getAt } from '../../study/paths.js';
import { DraftInput } from './DraftInput.js';
import { KeyedGrid, type KeyedWrite } from './KeyedGrid.js';
import { effectProblems, keyedRows, optionResult, setPruned } from './model.js';

export function EffectsSection(props: { readonly index: number; readonly name: string }) {
  const { t } = useTranslation('options');
  const { input, problems } = useStudy();
  const option = input.options?.[props.index];
  if (option === undefined) return null;
  const messages = effectProblems(problems, props.index, option);
  return (
    <Section title={t('effects', { name: props.name })}>
      <EffectsResults index={props.index} option={option} />
      <Removal index={props.index} option={option} messages={messages} />
      <ProductivityChanges
        index={props.index}
        option={option}
        messages={messages}
        kind="inputChanges"
      />
      <ProductivityChanges
        index={props.index}
        option={option}
        messages={messages}
        kind="outputChanges"
      />
      <Waste index={props.index} messages={messages} />
    </Section>
  );
}

function EffectsResults(props: { readonly index: number; readonly option: GpOption }) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { live } = useStudy();
  const effects = optionResult(live.evaluation, props.index, props.option.id)?.effects;
  const epi = effects?.epi;
  const productivity = effects?.productivity;
  const waste = effects?.waste;
  if (epi === undefined && productivity === undefined && waste === undefined) {
    return <Empty>{t('noEffects')}</Empty>;
  }
  return (
    <div className="metrics" aria-live="polite">
      {epi !== undefined && (
        <Metric
          label={L.epiAfterLabel}
          value={formatNumber(epi.after.total, language, 4)}
          tone={epi.change.absolute > 0 ? 'good' : epi.change.absolute < 0 ? 'bad' : 'neutral'}
          testId="selected-epi-after"
          note={`${L.epiBefore} ${formatNumber(epi.before.total, language, 4)} · ${L.change} ${formatSigned(epi.change.absolute, language, 4)}`}
        />
      )}
      {productivity !== undefined && (
        <Metric
          label={L.productivityAfterLabel}
          value={formatPercent(productivity.change.afterPercent, language)}
          tone={
            productivity.change.changePoints > 0
              ? 'good'
              : productivity.change.changePoints < 0
                ? 'bad'
                : 'neutral'
          }
          testId="selected-productivity-after"
          note={`${L.productivityBefore} ${formatPercent(productivity.change.beforePercent, language)} · ${L.productivityChangePoints} ${formatSigned(productivity.change.changePoints, language, 2)}`}
        />
      )}
      {waste !== undefined && (
        <Metric
          label={`${L.reduction} (%)`}
          value={formatPercent(waste.reductionPercent, language, 1)}
          tone={waste.reduction > 0 ? 'good' : waste.reduction < 0 ? 'bad' : 'neutral'}
          testId="selected-waste-reduction"
          note={`${formatInput(waste.before, language, 3)} → ${formatInput(waste.after, language, 3)}${waste.unit === undefined ? '' : ` ${waste.unit}`}`}
        />
      )}
    </div>
  );
}

function measuredText(
  value: MeasuredValue | LabMeasurement | undefined,
  language: ReportLanguage,
): string {
  if (value === undefined) return '–';
  if (typeof value === 'number') return formatInput(value, language, 4);
  return `${value.qualifier ?? ''} ${formatInput(value.value, language, 4)}`.trim();
}

function removalText(value: unknown, language: Language): string {
  const v = value as NumberOrRange | undefined;
  if (typeof v === 'number') return `${formatTyped(v * 100, language)} %`;
  if (v !== undefined && typeof v === 'object' && 'low' in v) {
    return `${formatTyped(v.low * 100, language)}–${formatTyped(v.high * 100, language)} %`;
  }
  return '';
}

/** Typed as a percentage ("80", "80 %", "80–90 %"), kept as a fraction or a range of fractions. */
function removalWrite(text: string, language: Language): KeyedWrite {
  const parsed = parseTyped(text, language, ['number', 'range']);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.kind === 'number') return { ok: true, value: v.value / 100 };
  if (v.kind === 'range') return { ok: true, value: { low: v.low / 100, high: v.high / 100 } };
  return { ok: false, message: 'give a number or a range' };
}

function Removal(props: {
  readonly index: number;
  readonly option: GpOption;
  readonly messages: Map<string, string[]>;
}) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const parameters = input.effluent?.parameters ?? [];
  const removal = props.option.effects?.removal;
  const epi = optionResult(live.evaluation, props.index, props.option.id)?.effects?.epi;
  const rows = keyedRows(
    parameters.map((p) => p.id),
    removal,
  ).map((row) => {
    const parameter = parameters.find((p) => p.id === row.key);
    const k = parameters.findIndex((p) => p.id === row.key);
    const after = epi?.concentrations.find((c) => c.id === row.key);
    const term = k < 0 ? undefined : epi?.after.terms[k];
    const status =
      term === undefined ? (
        '–'
      ) : 'compliant' in term ? (
        term.compliant ? (
          L.compliant
        ) : (
          <strong className="bad">{L.notCompliant}</strong>
        )
      ) : (
        <span className={`band band-${term.band}`}>{L[term.band]}</span>
      );
    const unit = parameter?.unit === undefined ? '' : ` ${parameter.unit}`;
    return {
      key: row.key,
      name: parameter === undefined ? row.key : parameter.name || row.key,
      before: [parameter === undefined ? '–' : measuredText(parameter.measured, language) + unit],
      after: [
        after?.removal === undefined ? '–' : measuredText(after.after, language) + unit,
        status,
      ],
      messages: props.messages.get(`removal.${row.key}`) ?? [],
    };
  });
  return (
    <div className="gp-effect">
      <h4>{t('removalTitle')}</h4>
      {rows.length === 0 ? (
        <Empty>{t('noParameters')}</Empty>
      ) : (
        <>
          <KeyedGrid
            caption={t('removalTitle')}
            path={['options', props.index, 'effects', 'removal']}
            keep={2}
            head={{
              name: L.parameter,
              before: [L.measured],
              value: t('removalValue'),
              after: [L.after, t('afterStatus')],
              textAfter: 1,
            }}
            rows={rows}
            read={(v) => removalText(v, language)}
            write={(text) => removalWrite(text, language)}
            messages={props.messages.get('removal') ?? []}
          />
          <p className="field-hint">{t('removalHint')}</p>
        </>
      )}
    </div>
  );
}

function ProductivityChanges(props: {
  readonly index: number;
  readonly option: GpOption;
  readonly messages: Map<string, string[]>;
  readonly kind: 'inputChanges' | 'outputChanges';
}) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const year = studyYearData(input);
  const record = props.option.effects?.[props.kind];
  const isInput = props.kind === 'inputChanges';
  const current = isInput ? year?.inputs : year?.outputs;
  const after = optionResult(live.evaluation, props.index, props.option.id)?.effects?.productivity;
  const effects = isInput ? after?.inputs : after?.outputs;
  const title = t(isInput ? 'inputChangesTitle' : 'outputChangesTitle');
  const rows = keyedRows(Object.keys(current ?? {}), record).map((row) => {
    const before = current?.[row.key];
    const effect = effects?.find((e) => e.category === row.key);
    return {
      key: row.key,
      name: isInput ? inputCategoryLabel(row.key, language) : outputLabel(row.key, language),
      before: [before === undefined ? '–' : formatNumber(before, language, 3)],
      after: [effect === undefined ? '–' : formatNumber(effect.after, language, 3)],
      messages: props.messages.get(`${props.kind}.${row.key}`) ?? [],
    };
  });
  const unit = year?.unit === undefined ? '' : ` (${year.unit})`;
  const tableMessages = props.messages.get(props.kind) ?? [];
  // Outputs of a study without year data: nothing to change, and the inputs already say why.
  if (year === undefined && rows.length === 0 && !isInput) return null;
  return (
    <div className="gp-effect">
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <Empty>{t('noProductivity')}</Empty>
      ) : (
        <>
          <KeyedGrid
            caption={title}
            path={['options', props.index, 'effects', props.kind]}
            keep={2}
            head={{
              name: L.category,
              before: [`${L.before}${unit}`],
              value: t('changeValue'),
              after: [`${L.after}${unit}`],
            }}
            rows={rows}
            read={(v) => (typeof v === 'number' ? formatTyped(v, language) : '')}
            write={(text) => parseNumber(text, language)}
            messages={tableMessages}
          />
          <p className="field-hint">{t(isInput ? 'changeHint' : 'outputChangeHint')}</p>
        </>
      )}
    </div>
  );
}

function Waste(props: { readonly index: number; readonly messages: Map<string, string[]> }) {
  const { t } = useTranslation('options');
  const language = useLanguage();
  const L = labels(language);
  const path = ['options', props.index, 'effects', 'waste'] as const;
  const number = (text: string): KeyedWrite => {
    if (text === '') return { ok: true, value: undefined };
    return parseNumber(text, language);
  };
  return (
    <div className="gp-effect">
      <h4>{t('wasteTitle')}</h4>
      <div className="form-grid">
        <WasteField
          path={[...path, 'before']}
          label={L.wasteBefore}
          write={number}
          numeric
          messages={props.messages.get('waste.before') ?? []}
        />
        <WasteField
          path={[...path, 'after']}
          label={L.wasteAfter}
          write={number}
          numeric
          messages={props.messages.get('waste.after') ?? []}
        />
        <WasteField
          path={[...path, 'unit']}
          label={t('wasteUnit')}
          write={(text) => ({ ok: true, value: text === '' ? undefined : text })}
          messages={[
            ...(props.messages.get('waste.unit') ?? []),
            ...(props.messages.get('waste') ?? []),
          ]}
        />
      </div>
      <p className="field-hint">{t('wasteHint')}</p>
    </div>
  );
}

/** A waste field: the three together are the estimate, all empty means none (pruned away). */
function WasteField(props: {
  readonly path: readonly (string | number)[];
  readonly label: string;
  readonly write: (text: string) => KeyedWrite;
  readonly numeric?: boolean;
  readonly messages: readonly string[];
}) {
  const id = useId();
  const language = useLanguage();
  const { input, edit, update, canEdit } = useStudy();
  const [error, setError] = useState<string | undefined>(undefined);
  const value = getAt(input, props.path);
  const text =
    typeof value === 'number'
      ? formatTyped(value, language)
      : typeof value === 'string'
        ? value
        : '';
  const messages = [...(error === undefined ? [] : [error]), ...props.messages];
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <DraftInput
        id={id}
        value={text}
        numeric={props.numeric}
        readOnly={!canEdit}
        messages={props.messages}
        describedBy={messages.length > 0 ? `${id}-error` : undefined}
        onError={setError}
        commit={(typed) => {
          const written = props.write(typed);
          if (!written.ok) return written.message;
          if (written.value === undefined) {
            update((study) => setPruned(study, props.path, undefined, 2));
          } else edit(props.path, written.value);
          return undefined;
        }}
      />
      <FieldMessages id={`${id}-error`} messages={messages} />
    </div>
  );
}
