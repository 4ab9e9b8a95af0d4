/** Issue 6 in the workspace: the seeded Monte Carlo of the option evaluation, live. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCEPTED_INPUT_PATHS,
  type StudyUncertainInput,
} from '../../../engine/uncertainty/study-block.js';
import type { MonteCarloOutput, MonteCarloStudyResult } from '../../../engine/uncertainty/index.js';
import { histogramChartOption, tornadoChartOption } from '../../../report/charts.js';
import { formatMoney, formatNumber } from '../../../report/format.js';
import {
  headlineRule,
  OUTPUT_LABEL,
  robustnessSentence,
  ruleLabel,
  share,
} from '../../../report/robustness.js';
import { Chart } from '../../components/Chart.js';
import { EditableTable } from '../../components/EditableTable.js';
import { NumberField } from '../../components/fields.js';
import { Empty, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { distributionColumns } from './distribution-columns.js';
import { useMonteCarlo } from './use-monte-carlo.js';

const SHOWN: readonly MonteCarloOutput[] = [
  'npv',
  'annualWorth',
  'bcr',
  'payback',
  'epiAfter',
  'productivityAfter',
];

function show(output: MonteCarloOutput, x: number | undefined, language: Language): string {
  if (x === undefined) return '–';
  if (output === 'npv' || output === 'annualWorth') return formatMoney(x, language);
  return formatNumber(x, language, output === 'bcr' ? 3 : output === 'epiAfter' ? 4 : 2);
}

/** The output the headline rule decides on, for the tornado. */
function ruleOutput(rule: string | undefined): MonteCarloOutput {
  if (rule === 'npv') return 'npv';
  if (rule === 'annual-worth') return 'annualWorth';
  if (rule === 'epi') return 'epiAfter';
  return 'bcr';
}

export function UncertaintyStep() {
  const { t } = useTranslation('uncertainty');
  const language = useLanguage();
  const { input, live } = useStudy();
  const iterations = input.uncertainty?.iterations ?? 10_000;
  const seed = input.uncertainty?.seed ?? 1;
  const runnable = live.resolved !== undefined && (live.evaluation?.errors.length ?? 1) === 0;
  const state = useMonteCarlo(runnable ? live.resolved : undefined, iterations, seed);
  const columns = useMemo(() => distributionColumns((key) => t(key)), [t]);
  const reply =
    state.status === 'done' ? state.reply : state.status === 'running' ? state.previous : undefined;

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('settings')}>
        <div className="form-grid">
          <NumberField
            path={['uncertainty', 'iterations']}
            label={t('iterations')}
            optional
            placeholder={formatNumber(10_000, language, 0)}
          />
          <NumberField path={['uncertainty', 'seed']} label={t('seed')} optional placeholder="1" />
        </div>
      </Section>
      <Section title={t('inputs')}>
        <EditableTable<StudyUncertainInput>
          path={['uncertainty', 'inputs']}
          caption={t('inputs')}
          columns={columns}
          newRow={() => ({ path: '', distribution: { plusMinus: 0.2 } })}
          removeWhenEmpty
        />
        <p className="field-hint">{t('inputsHint', { paths: ACCEPTED_INPUT_PATHS })}</p>
      </Section>
      <Section
        title={t('robustness')}
        actions={
          <span className="muted" role="status" data-testid="monte-carlo-status">
            {state.status === 'running'
              ? t('running')
              : reply?.ok
                ? t('ran', {
                    iterations: formatNumber(reply.result.iterations, language, 0),
                    seed: reply.result.seed,
                    ms: formatNumber(reply.milliseconds, language, 0),
                  })
                : ''}
          </span>
        }
      >
        {!runnable ? (
          <Empty>{t('unresolved')}</Empty>
        ) : reply === undefined ? (
          <Empty>{t('running')}</Empty>
        ) : !reply.ok ? (
          <div className="field-error" role="alert">
            {t('failed', { message: reply.message })}
          </div>
        ) : reply.result.options.length === 0 ? (
          <Empty>{t('noOptions')}</Empty>
        ) : (
          <Results result={reply.result} />
        )}
      </Section>
    </>
  );
}

function Results(props: { readonly result: MonteCarloStudyResult }) {
  const { t } = useTranslation('uncertainty');
  const language = useLanguage();
  const { result } = props;
  const names = new Map(result.options.map((o) => [o.id, o.name]));
  const name = (id: string) => names.get(id) ?? id;
  const rule = headlineRule(result);
  const output = ruleOutput(rule?.rule);
  const tornado = result.tornado.find(
    (x) => x.output === output && x.point !== undefined && rule?.deterministic.includes(x.option),
  );
  const tornadoOption = useMemo(() => {
    if (tornado === undefined || tornado.point === undefined) return undefined;
    const bars = tornado.bars.flatMap((b) =>
      b.atLow === undefined || b.atHigh === undefined
        ? []
        : [{ label: b.path.replace(/^options\[[^\]]+\]\./, ''), atLow: b.atLow, atHigh: b.atHigh }],
    );
    if (bars.length === 0) return undefined;
    const title = t('tornado', {
      output: OUTPUT_LABEL[language][output],
      option: name(tornado.option),
    });
    return {
      option: tornadoChartOption(bars, tornado.point, title, (x) => show(output, x, language)),
      bars: bars.length,
      title,
    };
    // name() reads `result`, which `tornado` comes from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tornado, language, output, t]);

  return (
    <>
      <p className="sentence" data-testid="robustness">
        {robustnessSentence(result, language)}
      </p>
      <ResultTable
        caption={t('probabilities')}
        head={[t('rule'), ...result.options.map((o) => o.name), t('none')]}
        numeric={[false, ...result.options.map(() => true), true]}
        rows={result.rules.map((r) => [
          <>
            {ruleLabel(r.rule, language)}
            {r.studyRule ? ' ★' : ''}
          </>,
          ...result.options.map((o) => {
            const p = r.probabilities.find((x) => x.option === o.id)?.probability ?? 0;
            return r.deterministic.includes(o.id) ? (
              <strong>{share(p, language)}</strong>
            ) : (
              share(p, language)
            );
          }),
          share(r.none, language),
        ])}
      />
      <ResultTable
        caption={t('distributions')}
        head={[t('option'), t('output'), t('point'), t('mean'), 'P5', 'P50', 'P95']}
        numeric={[false, false, true, true, true, true, true]}
        rows={[
          ...result.options.flatMap((o) =>
            SHOWN.flatMap((key) => {
              const d = o.outputs[key];
              if (d === undefined || d.count === 0) return [];
              return [
                [
                  o.name,
                  OUTPUT_LABEL[language][key],
                  show(key, d.point, language),
                  show(key, d.mean, language),
                  show(key, d.p5, language),
                  show(key, d.p50, language),
                  show(key, d.p95, language),
                ],
              ];
            }),
          ),
          // The study's EPI before any option, when a measured value or EPI weight varies.
          ...(result.epiBefore === undefined
            ? []
            : [
                [
                  '–',
                  t('epiBefore'),
                  show('epiAfter', result.epiBefore.point, language),
                  show('epiAfter', result.epiBefore.mean, language),
                  show('epiAfter', result.epiBefore.p5, language),
                  show('epiAfter', result.epiBefore.p50, language),
                  show('epiAfter', result.epiBefore.p95, language),
                ],
              ]),
        ]}
      />
      <Histograms result={result} initial={output} />
      {tornadoOption !== undefined && (
        <Chart
          option={tornadoOption.option}
          label={tornadoOption.title}
          height={70 + 34 * tornadoOption.bars}
        />
      )}
      {result.sieve.length > 0 && (
        <ResultTable
          caption={t('sieve')}
          head={[t('option'), ...result.sieve.map((s) => `#${s.entry + 1}`)]}
          numeric={[false, ...result.sieve.map(() => true)]}
          rows={result.options.map((o) => [
            o.name,
            ...result.sieve.map((s) => {
              const p = s.options.find((x) => x.option === o.id);
              return p === undefined ? '–' : share(p.probability, language);
            }),
          ])}
        />
      )}
      {result.flipMargins.map((f) => (
        <div key={f.entry}>
          <h4>{t('flip')}</h4>
          {f.margins.kind === 'tie' ? (
            <p>{f.margins.chosen.map(name).join(', ')}</p>
          ) : (
            <ul>
              {f.margins.criteria.map((c) => (
                <li key={c.criterion}>
                  {c.increase === undefined && c.decrease === undefined
                    ? `${c.criterion}: ${t('noFlip')}`
                    : t('flipRow', {
                        criterion: c.criterion,
                        up:
                          c.increase === undefined
                            ? '–'
                            : `${formatNumber(c.increase.delta, language, 3)} → ${name(c.increase.rival)}`,
                        down:
                          c.decrease === undefined
                            ? '–'
                            : `${formatNumber(-c.decrease.delta, language, 3)} → ${name(c.decrease.rival)}`,
                      })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {result.ahpFlipMargins !== undefined && (
        <div>
          <h4>{t('flipAhp', { ahp: result.ahpFlipMargins.ahp })}</h4>
          {result.ahpFlipMargins.margins.kind === 'tie' ? (
            <p>
              {t('flipTie', { options: result.ahpFlipMargins.margins.chosen.map(name).join(', ') })}
            </p>
          ) : (
            <>
              <ul>
                {result.ahpFlipMargins.margins.criteria.map((c) => (
                  <li key={c.criterion}>
                    {c.increase === undefined && c.decrease === undefined
                      ? `${c.criterion}: ${t('noFlip')}`
                      : t('flipRow', {
                          criterion: `${c.criterion} (${share(c.weight, language)})`,
                          up:
                            c.increase === undefined
                              ? '–'
                              : `${share(c.increase.delta, language)} → ${name(c.increase.rival)}`,
                          down:
                            c.decrease === undefined
                              ? '–'
                              : `${share(-c.decrease.delta, language)} → ${name(c.decrease.rival)}`,
                        })}
                  </li>
                ))}
              </ul>
              {result.ahpFlipMargins.margins.mostCritical !== undefined && (
                <p>
                  {t('flipAhpCritical', {
                    criterion: result.ahpFlipMargins.margins.mostCritical.criterion,
                    delta: `${result.ahpFlipMargins.margins.mostCritical.delta > 0 ? '+' : '−'}${share(Math.abs(result.ahpFlipMargins.margins.mostCritical.delta), language)}`,
                  })}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}

/** Per option, the histogram of one output (the headline rule's by default), point marked. */
function Histograms(props: {
  readonly result: MonteCarloStudyResult;
  readonly initial: MonteCarloOutput;
}) {
  const { t } = useTranslation('uncertainty');
  const language = useLanguage();
  const { result } = props;
  const available = SHOWN.filter((key) =>
    result.options.some((o) => (o.outputs[key]?.count ?? 0) > 0),
  );
  const [chosen, setChosen] = useState<MonteCarloOutput | undefined>(undefined);
  const output =
    chosen !== undefined && available.includes(chosen)
      ? chosen
      : available.includes(props.initial)
        ? props.initial
        : available[0];
  const charts = useMemo(() => {
    if (output === undefined) return [];
    return result.options.flatMap((o) => {
      const d = o.outputs[output];
      if (d === undefined || d.count === 0) return [];
      const format = (x: number) => show(output, x, language);
      const title = t(d.histogram.source === 'reservoir' ? 'histogramSampled' : 'histogram', {
        output: OUTPUT_LABEL[language][output],
        option: o.name,
        low: format(d.min),
        high: format(d.max),
        capacity: formatNumber(result.quantiles.capacity, language, 0),
      });
      return [
        {
          id: o.id,
          title,
          option: histogramChartOption(d.histogram, d.point, title, format, t('point')),
        },
      ];
    });
  }, [result, output, language, t]);
  if (output === undefined) return null;
  return (
    <div className="histograms" data-testid="histograms">
      <h4>{t('histograms')}</h4>
      <label className="field">
        <span>{t('histogramOutput')}</span>
        <select
          value={output}
          onChange={(event) => setChosen(event.target.value as MonteCarloOutput)}
          data-testid="histogram-output"
        >
          {available.map((key) => (
            <option key={key} value={key}>
              {OUTPUT_LABEL[language][key]}
            </option>
          ))}
        </select>
      </label>
      {charts.map((c) => (
        <figure key={c.id}>
          <Chart option={c.option} label={c.title} height={190} />
          <figcaption className="muted">{c.title}</figcaption>
        </figure>
      ))}
    </div>
  );
}
