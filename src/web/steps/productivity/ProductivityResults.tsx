/** The live productivity: per period, the year (Σ/Σ and mean), the chart, and partial productivity. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductivitySectionResult } from '../../../engine/study/evaluate-study.js';
import { productivityChartOption } from '../../../report/charts.js';
import { formatNumber, formatPercent, formatSigned } from '../../../report/format.js';
import { fill, inputCategoryLabel, labels } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { Metric, ResultTable } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';

export function ProductivityResults(props: { readonly result: ProductivitySectionResult }) {
  const { t } = useTranslation('productivity');
  const language = useLanguage();
  const L = labels(language);
  const r = props.result.periods;
  const y = props.result.year;
  const chart = useMemo(() => productivityChartOption(r, language), [r, language]);
  const num = (x: number) => formatNumber(x, language, 2);
  const pct = (x: number) => formatPercent(x, language, 2);
  const unit = r.unit === undefined ? '' : ` (${r.unit})`;
  const hasTotals = r.periods.some((p) => p.kind === 'computed');
  const hasGiven = r.periods.some((p) => p.kind === 'computed' && p.givenRatio !== undefined);
  const totals = r.ratioOfTotals.kind === 'available' ? r.ratioOfTotals : undefined;

  const sentence = [
    totals === undefined
      ? fill(L.productivityMean, pct(r.meanOfRatios.percent))
      : fill(L.productivityYear, pct(totals.percent)),
    fill(
      L.productivityRange,
      r.lowest.label,
      pct(r.lowest.percent),
      r.highest.label,
      pct(r.highest.percent),
    ),
  ].join(' ');

  const mark = (label: string) =>
    label === r.lowest.label
      ? ` ▼ ${t('lowestMark')}`
      : label === r.highest.label
        ? ` ▲ ${t('highestMark')}`
        : '';

  const rows = r.periods.map((p, i) => {
    const change = i === 0 ? undefined : r.changes[i - 1];
    return [
      <>
        {p.label}
        <span className="muted">{mark(p.label)}</span>
      </>,
      ...(hasTotals
        ? p.kind === 'computed'
          ? [num(p.totalOutput), num(p.totalInput)]
          : ['–', '–']
        : []),
      <span data-testid={`productivity-period-${i}`}>{pct(p.percent)}</span>,
      change === undefined ? '' : formatSigned(change.changePoints, language, 2),
      ...(hasGiven
        ? [p.kind === 'computed' && p.givenRatio !== undefined ? pct(p.givenRatio * 100) : '']
        : []),
    ];
  });
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const summary = [
    ...(totals === undefined
      ? []
      : [
          [
            <strong>{L.yearRatio}</strong>,
            ...(hasTotals ? [num(totals.totalOutput), num(totals.totalInput)] : []),
            <strong>{pct(totals.percent)}</strong>,
            '',
            ...blank(hasGiven ? 1 : 0),
          ],
        ]),
    [
      <strong>{L.meanOfRatios}</strong>,
      ...blank(hasTotals ? 2 : 0),
      pct(r.meanOfRatios.percent),
      '',
      ...blank(hasGiven ? 1 : 0),
    ],
  ];

  return (
    <>
      <div className="metrics">
        {totals !== undefined && (
          <Metric label={t('yearMetric')} value={pct(totals.percent)} testId="productivity-year" />
        )}
        <Metric
          label={t('meanMetric')}
          value={pct(r.meanOfRatios.percent)}
          testId="productivity-mean"
          note={`${t('lowest', { label: r.lowest.label, value: pct(r.lowest.percent) })}, ${t('highest', { label: r.highest.label, value: pct(r.highest.percent) })}`}
        />
        {y !== undefined && (
          <Metric
            label={t('totalMetric')}
            value={pct(y.percent)}
            testId="productivity-total"
            note={t('totalNote', {
              output: num(y.totalOutput),
              input: num(y.totalInput),
              unit: y.unit === undefined ? '' : ` ${y.unit}`,
            })}
          />
        )}
      </div>
      <p className="sentence">{sentence}</p>
      <ResultTable
        caption={t('perPeriod')}
        head={[
          L.periodLabel,
          ...(hasTotals ? [`${L.totalOutput}${unit}`, `${L.totalInput}${unit}`] : []),
          L.productivityPercent,
          t('changeColumn'),
          ...(hasGiven ? [t('givenColumn')] : []),
        ]}
        numeric={[
          false,
          ...(hasTotals ? [true, true] : []),
          true,
          true,
          ...(hasGiven ? [true] : []),
        ]}
        rows={[...rows, ...summary]}
      />
      {!hasTotals && <p className="muted">{L.givenRatioNote}</p>}
      <Chart option={chart} label={L.productivityChartTitle} height={300} />
      {y !== undefined && (
        <>
          <ResultTable
            caption={L.partialProductivity}
            head={[
              L.inputCategory,
              `${L.input}${y.unit === undefined ? '' : ` (${y.unit})`}`,
              L.shareOfInput,
              `${L.partialRatio} (${L.totalOutput} ÷ ${L.input})`,
            ]}
            numeric={[false, true, true, true]}
            rows={[
              ...y.partial.map((c, i) => [
                inputCategoryLabel(c.category, language),
                num(c.input),
                pct(c.percentOfTotalInput),
                <span data-testid={`productivity-partial-${i}`}>
                  {c.kind === 'ratio' ? formatNumber(c.ratio, language, 4) : '–'}
                </span>,
              ]),
              [
                <strong>{L.allInputs}</strong>,
                num(y.totalInput),
                pct(100),
                <strong>
                  {formatNumber(y.ratio, language, 4)} ({pct(y.percent)})
                </strong>,
              ],
            ]}
          />
          <p className="muted">
            {t('partialNote', {
              output: num(y.totalOutput),
              unit: y.unit === undefined ? '' : ` ${y.unit}`,
            })}
          </p>
        </>
      )}
    </>
  );
}
