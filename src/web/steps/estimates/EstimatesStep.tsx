/** GP step 3: each option's expected effects (removal, input/output changes, waste) and the estimates they give, live. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpiAfterOption, OptionResult } from '../../../engine/study/evaluate-study.js';
import { epiBeforeAfterChartOption } from '../../../report/charts.js';
import {
  formatFractionPercent,
  formatInput,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../../../report/format.js';
import { fill, inputCategoryLabel, labels, outputLabel } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { Empty, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { OptionMatrix, type MatrixColumn } from '../../components/OptionMatrix.js';
import { numberCell, rangeCell, textCell } from '../../components/option-matrix.js';
import { effectTargets, labText } from './estimates-view.js';

export function EstimatesStep() {
  const { t } = useTranslation('estimates');
  const { input, live } = useStudy();
  const options = input.options ?? [];
  const results = live.evaluation?.results.options ?? [];
  const any = results.some((o) => o.effects !== undefined);
  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      {options.length === 0 ? (
        <Empty>{t('noOptions')}</Empty>
      ) : (
        <>
          <Section title={t('effects')}>
            <EffectInputs />
          </Section>
          <Section title={t('results')}>
            {any ? (
              <>
                <EpiResults />
                <ProductivityResults />
                <WasteResults />
              </>
            ) : (
              <Empty>{t('noResults')}</Empty>
            )}
          </Section>
        </>
      )}
    </>
  );
}

function EffectInputs() {
  const { t } = useTranslation('estimates');
  const language = useLanguage();
  const { input } = useStudy();
  const targets = useMemo(() => effectTargets(input), [input]);
  const rows = (input.options ?? []).map((o, index) => ({ index, label: o.name || o.id }));
  const unit = input.productivity?.unit;
  const removal: MatrixColumn[] = targets.parameters.map((p) => ({
    key: p.id,
    header: p.name,
    cell: rangeCell({ percent: true }),
  }));
  const inputs: MatrixColumn[] = targets.inputs.map((c) => ({
    key: c,
    header: inputCategoryLabel(c, language),
    ...(unit === undefined ? {} : { sub: unit }),
    cell: numberCell,
  }));
  const outputs: MatrixColumn[] = targets.outputs.map((c) => ({
    key: c,
    header: outputLabel(c, language),
    ...(unit === undefined ? {} : { sub: unit }),
    cell: numberCell,
  }));
  const waste: MatrixColumn[] = [
    { key: 'before', header: t('wasteBefore'), cell: numberCell },
    { key: 'after', header: t('wasteAfter'), cell: numberCell },
    { key: 'unit', header: t('wasteUnit'), cell: textCell },
  ];
  const changesHint = t('changesHint', { unit: unit === undefined ? '' : ` (${unit})` });
  return (
    <>
      <h4>{t('removal')}</h4>
      {removal.length === 0 ? (
        <Empty>{t('noParameters')}</Empty>
      ) : (
        <>
          <p className="field-hint">{t('removalHint')}</p>
          <OptionMatrix
            caption={t('removal')}
            rowsHeader={t('option')}
            rows={rows}
            columns={removal}
            recordPath={['effects', 'removal']}
          />
        </>
      )}
      <h4>{t('inputChanges')}</h4>
      {inputs.length === 0 ? (
        <Empty>{t('noProductivity')}</Empty>
      ) : (
        <>
          <p className="field-hint">{changesHint}</p>
          <OptionMatrix
            caption={t('inputChanges')}
            rowsHeader={t('option')}
            rows={rows}
            columns={inputs}
            recordPath={['effects', 'inputChanges']}
          />
        </>
      )}
      {outputs.length > 0 && (
        <>
          <h4>{t('outputChanges')}</h4>
          <p className="field-hint">{changesHint}</p>
          <OptionMatrix
            caption={t('outputChanges')}
            rowsHeader={t('option')}
            rows={rows}
            columns={outputs}
            recordPath={['effects', 'outputChanges']}
          />
        </>
      )}
      <h4>{t('waste')}</h4>
      <p className="field-hint">{t('wasteHint')}</p>
      <OptionMatrix
        caption={t('waste')}
        rowsHeader={t('option')}
        rows={rows}
        columns={waste}
        recordPath={['effects', 'waste']}
      />
    </>
  );
}

/** The chosen option's name with the report's mark. */
function useOptionLabel() {
  const language = useLanguage();
  const { live } = useStudy();
  const chosen = new Set(live.evaluation?.results.decision?.chosen ?? []);
  const L = labels(language);
  return (o: OptionResult) =>
    chosen.has(o.id) ? <strong title={L.chosen}>✓ {o.name}</strong> : o.name;
}

type WithEpi = OptionResult & { readonly effects: { readonly epi: EpiAfterOption } };

function EpiResults() {
  const { t } = useTranslation('estimates');
  const language = useLanguage();
  const L = labels(language);
  const { live } = useStudy();
  const label = useOptionLabel();
  const withEpi = useMemo(
    () =>
      (live.evaluation?.results.options ?? []).filter(
        (o): o is WithEpi => o.effects?.epi !== undefined,
      ),
    [live.evaluation],
  );
  const chart = useMemo(
    () =>
      withEpi.length === 0
        ? undefined
        : epiBeforeAfterChartOption(
            withEpi.map((o) => ({
              name: o.name,
              before: o.effects.epi.before.total,
              after: o.effects.epi.after.total,
            })),
            language,
          ),
    [withEpi, language],
  );
  if (withEpi.length === 0) return null;
  return (
    <>
      <h4>{t('epiSection')}</h4>
      {withEpi.map((o) => (
        <p key={o.id} className="sentence">
          {fill(
            L.epiAfter,
            o.name,
            formatNumber(o.effects.epi.after.total, language, 2),
            formatNumber(o.effects.epi.before.total, language, 2),
          )}
        </p>
      ))}
      <ResultTable
        caption={L.epiBeforeAfterSummary}
        head={[L.option, L.epiBefore, L.epiAfterLabel, L.change, `${L.change} (%)`]}
        numeric={[false, true, true, true, true]}
        rows={withEpi.map((o) => {
          const e = o.effects.epi;
          return [
            label(o),
            formatNumber(e.before.total, language, 2),
            <strong data-testid={`epi-after-${o.id}`}>
              {formatNumber(e.after.total, language, 2)}
            </strong>,
            formatSigned(e.change.absolute, language, 2),
            e.change.relative === undefined
              ? '–'
              : formatPercent(e.change.relative * 100, language, 1),
          ];
        })}
      />
      {chart !== undefined && <Chart option={chart} label={L.epiBeforeAfterChart} height={300} />}
      {withEpi.map((o) => (
        <details key={o.id}>
          <summary>{t('details', { name: o.name })}</summary>
          <EpiDetail epi={o.effects.epi} caption={fill(L.epiAfterFor, o.name)} />
        </details>
      ))}
    </>
  );
}

function EpiDetail(props: { readonly epi: EpiAfterOption; readonly caption: string }) {
  const { t } = useTranslation('estimates');
  const language = useLanguage();
  const L = labels(language);
  const { epi } = props;
  const head = [L.parameter, L.removal, t('concentrationBefore'), t('concentrationAfter')];
  const common = (i: number, name: string) => {
    const c = epi.concentrations[i];
    return [
      name,
      c?.removal === undefined ? '–' : formatFractionPercent(c.removal, language, 0),
      labText(c?.before, language),
      labText(c?.after, language),
    ];
  };
  if (epi.method === 'deviation') {
    return (
      <ResultTable
        caption={props.caption}
        head={[...head, L.deviation, L.epiTerm, L.status]}
        numeric={[false, true, true, true, true, true, false]}
        rows={[
          ...epi.after.terms.map((term) => [
            ...common(term.index, term.name ?? term.id ?? String(term.index + 1)),
            formatPercent(term.performance * 100, language, 2),
            formatNumber(term.term, language, 2),
            term.compliant ? L.compliant : <strong className="bad">{L.notCompliant}</strong>,
          ]),
          [
            <strong>{L.totalEpi}</strong>,
            '',
            '',
            '',
            '',
            <strong>{formatNumber(epi.after.total, language, 2)}</strong>,
            '',
          ],
        ]}
      />
    );
  }
  return (
    <ResultTable
      caption={props.caption}
      head={[...head, L.level, L.colour, L.trafficTerm]}
      numeric={[false, true, true, true, true, false, true]}
      rows={[
        ...epi.after.terms.map((term) => [
          ...common(term.index, term.name ?? term.id ?? String(term.index + 1)),
          formatNumber(term.level, language, 2),
          <span className={`band band-${term.band}`}>{L[term.band]}</span>,
          formatNumber(term.term, language, 2),
        ]),
        [
          <strong>{L.totalEpi}</strong>,
          '',
          '',
          '',
          '',
          '',
          <strong>{formatNumber(epi.after.total, language, 2)}</strong>,
        ],
      ]}
    />
  );
}

function ProductivityResults() {
  const { t } = useTranslation('estimates');
  const language = useLanguage();
  const L = labels(language);
  const { live } = useStudy();
  const label = useOptionLabel();
  const list = (live.evaluation?.results.options ?? []).flatMap((o) =>
    o.effects?.productivity === undefined ? [] : [{ o, p: o.effects.productivity }],
  );
  if (list.length === 0) return null;
  return (
    <>
      <h4>{t('productivitySection')}</h4>
      {list.map(({ o, p }) => (
        <p key={o.id} className="sentence">
          {fill(
            L.productivityAfter,
            o.name,
            formatPercent(p.change.afterPercent, language, 2),
            formatSigned(p.change.changePoints, language, 2),
          )}
        </p>
      ))}
      <ResultTable
        caption={L.productivityBeforeAfter}
        head={[
          L.option,
          L.productivityBefore,
          L.productivityAfterLabel,
          L.productivityChangePoints,
          `${L.change} (%)`,
        ]}
        numeric={[false, true, true, true, true]}
        rows={list.map(({ o, p }) => [
          label(o),
          formatPercent(p.change.beforePercent, language, 2),
          <strong data-testid={`productivity-after-${o.id}`}>
            {formatPercent(p.change.afterPercent, language, 2)}
          </strong>,
          formatSigned(p.change.changePoints, language, 2),
          formatPercent(p.change.relativeChangePercent, language, 2),
        ])}
      />
      {list.map(({ o, p }) => {
        const unit = p.unit === undefined ? '' : ` (${p.unit})`;
        const row = (name: string, before: number, after: number, change: number) => [
          name,
          formatNumber(before, language, 3),
          formatNumber(after, language, 3),
          formatSigned(change, language, 3),
        ];
        return (
          <details key={o.id}>
            <summary>{t('productivityDetails', { name: o.name })}</summary>
            <ResultTable
              caption={fill(L.productivityDetailFor, o.name)}
              head={[L.category, `${L.before}${unit}`, `${L.after}${unit}`, L.change]}
              numeric={[false, true, true, true]}
              rows={[
                ...(p.outputs.length > 1
                  ? p.outputs.map((c) =>
                      row(outputLabel(c.category, language), c.before, c.after, c.change),
                    )
                  : []),
                row(
                  L.totalOutput,
                  p.before.totalOutput,
                  p.after.totalOutput,
                  p.after.totalOutput - p.before.totalOutput,
                ),
                ...p.inputs.map((c) =>
                  row(inputCategoryLabel(c.category, language), c.before, c.after, c.change),
                ),
                row(
                  L.totalInput,
                  p.before.totalInput,
                  p.after.totalInput,
                  p.after.totalInput - p.before.totalInput,
                ),
                [
                  <strong>{L.productivityPercent}</strong>,
                  formatPercent(p.before.percent, language, 2),
                  <strong>{formatPercent(p.after.percent, language, 2)}</strong>,
                  formatSigned(p.change.changePoints, language, 2),
                ],
              ]}
            />
          </details>
        );
      })}
    </>
  );
}

function WasteResults() {
  const { t } = useTranslation('estimates');
  const language = useLanguage();
  const L = labels(language);
  const { live } = useStudy();
  const label = useOptionLabel();
  const list = (live.evaluation?.results.options ?? []).flatMap((o) =>
    o.effects?.waste === undefined ? [] : [{ o, w: o.effects.waste }],
  );
  if (list.length === 0) return null;
  return (
    <>
      <h4>{t('wasteSection')}</h4>
      <ResultTable
        caption={L.wasteTable}
        head={[
          L.option,
          L.wasteBefore,
          L.wasteAfter,
          L.reduction,
          `${L.reduction} (%)`,
          t('direction'),
        ]}
        numeric={[false, true, true, true, true, false]}
        rows={list.map(({ o, w }) => {
          const unit = w.unit === undefined ? '' : ` ${w.unit}`;
          return [
            label(o),
            `${formatInput(w.before, language, 3)}${unit}`,
            <span
              data-testid={`waste-after-${o.id}`}
            >{`${formatInput(w.after, language, 3)}${unit}`}</span>,
            `${formatInput(w.reduction, language, 3)}${unit}`,
            <strong data-testid={`waste-reduction-${o.id}`}>
              {formatPercent(w.reductionPercent, language, 1)}
            </strong>,
            <span
              className={
                w.direction === 'increased' ? 'bad' : w.direction === 'reduced' ? 'good' : undefined
              }
            >
              {t(`direction.${w.direction}`)}
            </span>,
          ];
        })}
      />
    </>
  );
}
