/** Issue 5 in the workspace: a CSV of monitoring readings checked against the study's limits. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONITORING_RULES, type MonitoringAction } from '../../../document/monitoring/index.js';
import { DEFAULT_MONITORING_POLICY } from '../../../document/monitoring/index.js';
import { formatNumber } from '../../../report/format.js';
import { Empty, Section, StepHeader } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { FileReport } from './FileReport.js';
import type { ReadChoices } from './monitoring-messages.js';
import { Results } from './Results.js';
import { sampleMonitoringCsv } from '../../../document/monitoring/sample-data.js';
import { StoredSeries } from './StoredSeries.js';
import { useMonitoringRead, type MonitoringReadState } from './use-monitoring-read.js';

const ZONES = ['WIB', 'WITA', 'WIT', 'UTC'] as const;
type Rule = Exclude<(typeof MONITORING_RULES)[number], 'header'>;
const RULES = MONITORING_RULES.filter((r): r is Rule => r !== 'header');

function megabytes(bytes: number, language: Language): string {
  return `${formatNumber(bytes / 1_048_576, language, 1)} MB`;
}

export function MonitoringStep() {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { live } = useStudy();
  const read = useMonitoringRead();
  const [choices, setChoices] = useState<ReadChoices>({ policy: {}, timeZone: undefined });
  const [mode, setMode] = useState<'stored' | 'local'>('stored');
  const last = useRef<{ file: Blob; name: string } | undefined>(undefined);
  const study = live.resolved;
  const parameters = study?.effluent?.parameters ?? [];
  const ready = study !== undefined && parameters.length > 0;

  const start = (file: Blob, name: string) => {
    if (study === undefined) return;
    last.current = { file, name };
    read.start(file, name, study, choices);
  };
  const sample = () => {
    // Last month, so the sample's dates look current.
    const now = new Date();
    const month = now.getMonth() === 0 ? 12 : now.getMonth();
    const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
    const text = sampleMonitoringCsv(parameters, { language, year, month });
    start(new Blob([text], { type: 'text/csv' }), t('sampleName'));
  };
  const setAction = (rule: Rule, action: MonitoringAction) =>
    setChoices((c) => ({ ...c, policy: { ...c.policy, [rule]: action } }));

  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      {ready && (
        <div className="toolbar" role="tablist" aria-label={t('title')}>
          {(['stored', 'local'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'primary' : undefined}
              data-testid={`monitoring-mode-${m}`}
              onClick={() => setMode(m)}
            >
              {t(`mode.${m}`)}
            </button>
          ))}
        </div>
      )}
      {ready && (
        <details className="monitoring-rules">
          <summary>{t('rules')}</summary>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="monitoring-zone">{t('zone')}</label>
              <select
                id="monitoring-zone"
                value={choices.timeZone ?? ''}
                onChange={(e) =>
                  setChoices((c) => ({
                    ...c,
                    timeZone: e.currentTarget.value === '' ? undefined : e.currentTarget.value,
                  }))
                }
              >
                <option value="">{t('zoneFile')}</option>
                {ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </div>
            {RULES.map((rule) => (
              <div className="field" key={rule}>
                <label htmlFor={`monitoring-rule-${rule}`}>{t(`rule.${rule}`)}</label>
                <select
                  id={`monitoring-rule-${rule}`}
                  value={choices.policy[rule] ?? DEFAULT_MONITORING_POLICY[rule]}
                  onChange={(e) => setAction(rule, e.currentTarget.value as MonitoringAction)}
                >
                  <option value="reject">{t('action.reject')}</option>
                  <option value="flag">{t('action.flag')}</option>
                </select>
              </div>
            ))}
          </div>
          <p className="field-hint">
            {t('rereadHint')}{' '}
            {last.current !== undefined && read.state.status !== 'reading' && (
              <button
                type="button"
                onClick={() =>
                  last.current !== undefined && start(last.current.file, last.current.name)
                }
              >
                {t('reread')}
              </button>
            )}
          </p>
        </details>
      )}
      {ready && mode === 'stored' && <StoredSeries study={study} choices={choices} />}
      {(!ready || mode === 'local') && (
        <Section title={t('data')}>
          {!ready ? (
            <Empty>{study === undefined ? t('noStudy') : t('noEffluent')}</Empty>
          ) : (
            <>
              <div className="toolbar">
                <input
                  type="file"
                  accept=".csv,.txt,text/csv"
                  aria-label={t('pick')}
                  data-testid="monitoring-file"
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    if (file !== undefined) start(file, file.name);
                    event.currentTarget.value = '';
                  }}
                />
                <button
                  type="button"
                  className="primary"
                  onClick={sample}
                  data-testid="monitoring-sample"
                >
                  {t('sample')}
                </button>
                {read.state.status === 'reading' && (
                  <button type="button" onClick={read.cancel}>
                    {t('cancel')}
                  </button>
                )}
              </div>
              <p className="field-hint">{t('transient')}</p>
              <Status state={read.state} />
            </>
          )}
        </Section>
      )}
      {ready && mode === 'local' && read.state.status === 'done' && (
        <>
          <FileReport reply={read.state.reply} />
          {read.state.reply.result !== undefined && (
            <Results
              result={read.state.reply.result}
              mapping={read.state.reply.mapping}
              study={study}
            />
          )}
        </>
      )}
      {ready && mode === 'local' && read.state.status === 'idle' && <Empty>{t('empty')}</Empty>}
    </>
  );
}

function Status(props: { readonly state: MonitoringReadState }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { state } = props;
  if (state.status === 'reading') {
    const p = state.progress;
    const rate = p === undefined || p.milliseconds === 0 ? 0 : (p.rows / p.milliseconds) * 1000;
    return (
      <div role="status" data-testid="monitoring-progress">
        <div>{t('reading', { name: state.name })}</div>
        <progress max={p?.size ?? 1} value={p?.bytes ?? 0} style={{ width: '100%' }} />
        {p !== undefined && (
          <div className="muted">
            {t('progress', {
              read: megabytes(p.bytes, language),
              size: megabytes(p.size, language),
              rows: formatNumber(p.rows, language, 0),
              rate: formatNumber(rate, language, 0),
            })}
          </div>
        )}
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="field-error" role="alert">
        {t('failed', { message: state.message })}
      </div>
    );
  }
  if (state.status === 'done') {
    const r = state.reply;
    const seconds = r.milliseconds / 1000;
    return (
      <p className="muted" role="status" data-testid="monitoring-done">
        {t('readDone', {
          name: state.name,
          size: megabytes(r.size, language),
          rows: formatNumber(r.read.rows, language, 0),
          seconds: formatNumber(seconds, language, 1),
          rate: formatNumber(seconds > 0 ? r.read.rows / seconds : 0, language, 0),
        })}
      </p>
    );
  }
  return null;
}
