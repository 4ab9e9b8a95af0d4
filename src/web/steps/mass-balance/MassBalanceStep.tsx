/** GP step 2: the mass balance of every process, its closure, and productivity per process. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MassBalanceSectionResult } from '../../../engine/study/evaluate-study.js';
import { formatNumber, formatPercent } from '../../../report/format.js';
import { fill, labels } from '../../../report/i18n.js';
import { Chart } from '../../components/Chart.js';
import { TextField } from '../../components/fields.js';
import { Empty, Metric, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { massBalanceChartHeight, massBalanceChartOption } from './chart.js';
import { addProcess, isPlaced, newProcess, processPlace, studyPath } from './model.js';
import { ClosureFlag, ProcessCard } from './ProcessCard.js';
import { ProblemList, type PlacedProblem } from '../../components/ProblemList.js';
import './mass-balance.css';

export function MassBalanceStep() {
  const { t } = useTranslation('mass-balance');
  const { input, live, problems, update, canEdit } = useStudy();
  const balance = input.massBalance;

  // Problems no field or cell shows, grouped by process (index -1: the balance as a whole).
  const unplaced = useMemo(() => {
    const groups = new Map<number, PlacedProblem[]>();
    problems.forEach((p, k) => {
      if (!p.path.startsWith('massBalance') || isPlaced(p.path)) return;
      const path = studyPath(p.path);
      const place = processPlace(path);
      const where =
        place === undefined
          ? path === 'massBalance.unit'
            ? t('unit')
            : ''
          : place.kind === 'process'
            ? place.field === 'name'
              ? t('processName')
              : ''
            : place.kind === 'list'
              ? t(`list.${place.list}`)
              : place.kind === 'stream'
                ? [
                    t(`row.${place.list}`, { row: place.row + 1 }),
                    place.field && t(`col.${place.field}`),
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : place.rest;
      const index = place?.index ?? -1;
      groups.set(index, [...(groups.get(index) ?? []), { key: `${k}`, where, message: p.message }]);
    });
    return groups;
  }, [problems, t]);

  if (balance === undefined) {
    return (
      <>
        <StepHeader title={t('title')} intro={t('intro')} />
        <Section title={t('settings')}>
          <Empty>{t('empty')}</Empty>
          {canEdit && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                update((s) => ({
                  ...s,
                  massBalance: { unit: 'kg/h', processes: [newProcess(`${t('newProcess')} 1`)] },
                }))
              }
            >
              {t('start')}
            </button>
          )}
        </Section>
      </>
    );
  }

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section
        title={t('settings')}
        actions={
          canEdit && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('confirmRemove'))) {
                  update(({ massBalance: _, ...rest }) => rest);
                }
              }}
            >
              {t('removeSection')}
            </button>
          )
        }
      >
        <div className="form-grid">
          <TextField
            path={['massBalance', 'unit']}
            label={t('unit')}
            hint={t('unitHint')}
            required
          />
        </div>
        <ProblemList problems={unplaced.get(-1) ?? []} />
      </Section>
      {balance.processes.map((process, i) => (
        <ProcessCard
          key={i}
          index={i}
          process={process}
          unit={balance.unit}
          count={balance.processes.length}
          problems={unplaced.get(i) ?? []}
        />
      ))}
      {canEdit && (
        <div className="mb-add">
          <button
            type="button"
            onClick={() =>
              update((s) =>
                s.massBalance === undefined
                  ? s
                  : { ...s, massBalance: addProcess(s.massBalance, t('newProcess')) },
              )
            }
          >
            + {t('addProcess')}
          </button>
        </div>
      )}
      <Section title={t('results')}>
        {live.evaluation?.results.massBalance === undefined ? (
          <Empty>{t('noResult')}</Empty>
        ) : (
          <PlantResults result={live.evaluation.results.massBalance} />
        )}
      </Section>
    </>
  );
}

function PlantResults(props: { readonly result: MassBalanceSectionResult }) {
  const { t } = useTranslation('mass-balance');
  const language = useLanguage();
  const L = labels(language);
  const { balance, productivity } = props.result;
  const { totals, unit } = balance;
  const q = (x: number) => formatNumber(x, language, 2);
  const pct = (x: number) => formatPercent(x, language, 2);
  const chart = useMemo(() => massBalanceChartOption(balance, language), [balance, language]);
  const weakest = productivity.weakestFirst[0];
  const tolerance = formatPercent(balance.processes[0]?.closureTolerancePercent ?? 1, language, 0);
  const warnings = balance.warnings;

  return (
    <>
      <div className="metrics">
        <Metric label={t('plantInput')} value={q(totals.totalInput)} note={unit} />
        <Metric
          label={t('plantOutput')}
          value={q(totals.totalProduct + totals.totalWaste)}
          note={`${t('sumProduct')} ${q(totals.totalProduct)} · ${t('sumWaste')} ${q(totals.totalWaste)}`}
        />
        <Metric
          label={t('plantClosure')}
          value={q(totals.closureError)}
          note={`${pct(totals.closureErrorPercent)} · ${unit}`}
          tone={warnings.length === 0 ? 'good' : 'bad'}
          testId="mb-closure-total"
        />
        <Metric
          label={t('plantProductivity')}
          value={pct(productivity.ratioOfTotals.percent)}
          testId="mb-productivity-total"
        />
        <Metric
          label={t('meanProductivity')}
          value={pct(productivity.meanOfRatios.percent)}
          testId="mb-productivity-mean"
        />
      </div>
      <p className="sentence">
        {weakest !== undefined &&
          `${fill(L.productivityWeakest, weakest.name, pct(weakest.percent))} `}
        {warnings.length === 0 ? (
          t('allClose', { tolerance })
        ) : (
          <strong className="bad">
            {t('notClosing', {
              count: warnings.length,
              tolerance,
              names: warnings.map((w) => w.process).join(', '),
            })}
          </strong>
        )}
      </p>
      <ResultTable
        caption={t('summary')}
        head={[
          L.no,
          L.process,
          `${L.totalInput} (${unit})`,
          `${L.product} (${unit})`,
          `${L.waste} (${unit})`,
          `${L.closureError} (${unit})`,
          t('closurePercent'),
          t('status'),
          L.productivityPercent,
          L.rankFromWeakest,
        ]}
        numeric={[true, false, true, true, true, true, true, false, true, true]}
        rows={[
          ...balance.processes.map((p, i) => {
            const pp = productivity.processes[i];
            const isWeakest = pp !== undefined && pp.rankFromWeakest === 1;
            return [
              String(i + 1),
              isWeakest ? <strong>{p.name}</strong> : p.name,
              q(p.totalInput),
              q(p.totalProduct),
              q(p.totalWaste),
              q(p.closureError),
              pct(p.closureErrorPercent),
              <ClosureFlag closure={p.closure} />,
              pp === undefined ? '–' : pct(pp.percent),
              pp === undefined ? '–' : String(pp.rankFromWeakest),
            ];
          }),
          [
            '',
            <strong>{L.processTotal}</strong>,
            q(totals.totalInput),
            q(totals.totalProduct),
            q(totals.totalWaste),
            q(totals.closureError),
            pct(totals.closureErrorPercent),
            '',
            <strong>{pct(productivity.ratioOfTotals.percent)}</strong>,
            '',
          ],
          [
            '',
            <strong>{t('meanProductivity')}</strong>,
            '',
            '',
            '',
            '',
            '',
            '',
            pct(productivity.meanOfRatios.percent),
            '',
          ],
        ]}
      />
      <p className="muted">{L.massBalanceNote}</p>
      <Chart
        option={chart}
        label={t('chart')}
        height={massBalanceChartHeight(balance.processes.length)}
      />
    </>
  );
}
