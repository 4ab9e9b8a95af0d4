/** How the file was read: the header's decisions, the column mapping, and every issue by rule. */
import { useTranslation } from 'react-i18next';
import {
  describeOffset,
  formatDuration,
  MONITORING_RULES,
  type MonitoringIssue,
  type MonitoringRule,
} from '../../../document/monitoring/index.js';
import { formatNumber } from '../../../report/format.js';
import { ResultTable, Section } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import type { MonitoringDoneMessage } from './monitoring-messages.js';

const DT = { color: '#555' } as const;
const DD = { margin: 0 } as const;

export function FileReport(props: { readonly reply: MonitoringDoneMessage }) {
  const { t } = useTranslation('monitoring');
  const { reply } = props;
  const header = reply.read.header;
  const rejection = reply.read.firstRejection;
  return (
    <>
      {header !== undefined && (
        <Section title={t('header')}>
          <dl
            className="monitoring-decisions"
            data-testid="monitoring-header"
            style={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              gap: '4px 16px',
              margin: '0 0 12px',
            }}
          >
            <dt style={DT}>{t('header.line')}</dt>
            <dd style={DD}>{header.line}</dd>
            <dt style={DT}>{t('header.delimiter')}</dt>
            <dd style={DD}>
              <code>{header.delimiter === '\t' ? t('tab') : header.delimiter}</code> (
              {t(`source.${header.delimiterSource}`)})
            </dd>
            <dt style={DT}>{t('header.numbers')}</dt>
            <dd style={DD}>
              {t(`numbers.${header.numberFormat}`)} ({t(`source.${header.numberFormatSource}`)}):{' '}
              <span className="muted">{header.numberFormatReason}</span>
            </dd>
            <dt style={DT}>{t('header.zone')}</dt>
            <dd style={DD}>
              {header.timeZone === undefined
                ? t('noZone')
                : `${describeOffset(header.timeZone)} (${t(`source.${header.timeZoneSource ?? 'option'}`)})`}
            </dd>
            <dt style={DT}>{t('header.interval')}</dt>
            <dd style={DD}>
              {header.expectedIntervalMs === undefined
                ? t('noInterval')
                : `${formatDuration(header.expectedIntervalMs)} (${t(`source.${header.expectedIntervalSource ?? 'option'}`)})`}
            </dd>
            <dt style={DT}>{t('header.timestamp')}</dt>
            <dd style={DD}>{header.timestamp.header}</dd>
            {header.ignored.length > 0 && (
              <>
                <dt style={DT}>{t('header.ignored')}</dt>
                <dd style={DD}>
                  {header.ignored.map((c) => c.header || `#${c.column}`).join(', ')}
                </dd>
              </>
            )}
          </dl>
          <Mapping reply={reply} />
        </Section>
      )}
      <Section title={t('issues')}>
        {rejection !== undefined && (
          <p className="field-error" role="alert" data-testid="monitoring-refused">
            {t('refused', { rule: t(`rule.${rejection.rule}`), line: rejection.line })}{' '}
            <span className="muted">{rejection.message}</span>
          </p>
        )}
        <Issues reply={reply} />
      </Section>
    </>
  );
}

function Mapping(props: { readonly reply: MonitoringDoneMessage }) {
  const { t } = useTranslation('monitoring');
  const { mapping, mappingProblems } = props.reply;
  if (mappingProblems.length > 0) {
    return (
      <div className="field-error" role="alert">
        {t('mappingProblems')}
        <ul>
          {mappingProblems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (mapping === undefined) return null;
  const subjectName = (subject: string | undefined) =>
    mapping.parameters.find((p) => p.id === subject)?.name ?? subject ?? '';
  return (
    <>
      <ResultTable
        caption={t('mapping')}
        head={[t('column'), t('parameter'), t('unit')]}
        rows={mapping.parameters.map((p) => [
          p.header,
          p.isFlow ? t('flow') : `${p.name} (${p.id})`,
          p.unit ?? '–',
        ])}
      />
      {mapping.unmatchedColumns.length > 0 && (
        <p className="field-hint">
          {t('unmatchedColumns', { list: mapping.unmatchedColumns.join(', ') })}
        </p>
      )}
      {mapping.unmatchedParameters.length > 0 && (
        <p className="field-hint">
          {t('unmatchedParameters', { list: mapping.unmatchedParameters.join(', ') })}
        </p>
      )}
      {mapping.notes.map((n, i) => (
        <p className="field-hint" key={i} title={n.message}>
          {t(`note.${n.code}`, { subject: subjectName(n.subject) })}
        </p>
      ))}
    </>
  );
}

function Issues(props: { readonly reply: MonitoringDoneMessage }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { read, droppedRows } = props.reply;
  const fired = MONITORING_RULES.filter((rule) => read.counts[rule] > 0);
  const byRule = new Map<MonitoringRule, MonitoringIssue[]>();
  for (const issue of read.issues) {
    byRule.set(issue.rule, [...(byRule.get(issue.rule) ?? []), issue]);
  }
  if (fired.length === 0) return <p data-testid="monitoring-no-issues">{t('noIssues')}</p>;
  return (
    <>
      <ul className="monitoring-issues" data-testid="monitoring-issues">
        {fired.map((rule) => (
          <li key={rule}>
            <details open={read.policy[rule] === 'reject'}>
              <summary className={read.policy[rule] === 'reject' ? 'bad' : undefined}>
                {t('issueCount', {
                  n: formatNumber(read.counts[rule], language, 0),
                  rule: t(`rule.${rule}`),
                  action: t(read.policy[rule] === 'reject' ? 'refusedAction' : 'flaggedAction'),
                })}
              </summary>
              <ul>
                {(byRule.get(rule) ?? []).map((issue, i) => (
                  <li key={i}>
                    <strong>{t('issueLine', { line: issue.line })}</strong>
                    {issue.field !== undefined && ` (${issue.field})`}: {issue.message}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      {read.issuesTruncated && <p className="field-hint">{t('truncated', { max: 100 })}</p>}
      {droppedRows > 0 && (
        <p className="field-hint">{t('dropped', { n: formatNumber(droppedRows, language, 0) })}</p>
      )}
    </>
  );
}
