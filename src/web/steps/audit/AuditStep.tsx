/** GP step 5 (review): the published values audited live, each with its likely cause. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedValueAudit, PublishedValueStatus } from '../../../engine/audit/index.js';
import type { PublishedValue } from '../../../engine/study/study-input.js';
import { auditCauseLabel, computedAsPrinted } from '../../../report/audit.js';
import { fill, labels } from '../../../report/i18n.js';
import { textColumn } from '../../components/columns.js';
import { Empty, Metric, ResultTable, Section, StepHeader } from '../../components/layout.js';
import { useLanguage } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import { OptionalTable } from '../../components/OptionalTable.js';
import { printedColumn, runAudit } from './audit-view.js';

type Filter = 'all' | PublishedValueStatus;

export function AuditStep() {
  const { t } = useTranslation('audit');
  const { input } = useStudy();
  const hasPublished = (input.published ?? []).length > 0;
  return (
    <>
      <StepHeader title={t('title')} intro={t('intro')} />
      <Section title={t('results')}>
        {hasPublished ? <AuditResults /> : <Empty>{t('empty')}</Empty>}
      </Section>
      <Section title={t('editor')}>
        <PublishedEditor />
      </Section>
    </>
  );
}

function AuditResults() {
  const { t } = useTranslation('audit');
  const language = useLanguage();
  const L = labels(language);
  const { input, live } = useStudy();
  const audit = useMemo(() => runAudit(input, live.evaluation), [input, live.evaluation]);
  const [filter, setFilter] = useState<Filter>('all');
  if (audit === undefined) return <Empty>{t('noAudit')}</Empty>;
  const c = audit.counts;
  const shown = audit.entries.filter((e) => filter === 'all' || e.status === filter);
  const showWhere = audit.entries.some((e) => e.where !== undefined);
  const counts: Record<Filter, number> = {
    all: c.published,
    discrepancy: c.discrepancy,
    match: c.match,
    unresolved: c.unresolved,
  };
  return (
    <>
      <div className="metrics">
        <Metric label={t('published')} value={String(c.published)} testId="audit-published" />
        <Metric
          label={t('matches')}
          value={String(c.match)}
          tone={c.match > 0 ? 'good' : 'neutral'}
          testId="audit-match"
        />
        <Metric
          label={t('discrepancies')}
          value={String(c.discrepancy)}
          tone={c.discrepancy > 0 ? 'bad' : 'good'}
          note={c.discrepancy > 0 ? t('explained', { count: c.explained }) : undefined}
          testId="audit-discrepancy"
        />
        {c.unresolved > 0 && (
          <Metric
            label={t('unresolved')}
            value={String(c.unresolved)}
            note={t('unresolvedNote')}
            testId="audit-unresolved"
          />
        )}
      </div>
      <p className="sentence">
        {L.auditIntro}{' '}
        {fill(L.auditCounts, String(c.match), String(c.discrepancy), String(c.unresolved))}{' '}
        {c.discrepancy === 0 && c.unresolved === 0 && t('allMatch')}
      </p>
      <div className="toolbar" role="group" aria-label={t('show')}>
        {(['all', 'discrepancy', 'match', 'unresolved'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={f === filter}
            className={f === filter ? 'primary' : undefined}
            onClick={() => setFilter(f)}
            disabled={counts[f] === 0 && f !== 'all'}
          >
            {t(`filter.${f}`, { count: counts[f] })}
          </button>
        ))}
      </div>
      <ResultTable
        caption={L.auditTable}
        head={[
          L.no,
          L.auditResult,
          ...(showWhere ? [L.auditWhere] : []),
          L.auditPrinted,
          L.auditComputed,
          L.auditStatus,
        ]}
        numeric={[true, false, ...(showWhere ? [false] : []), true, true, false]}
        rows={shown.map((e) => [
          e.index + 1,
          <>
            <code>{e.path}</code>
            <Explanation entry={e} />
          </>,
          ...(showWhere ? [e.where ?? ''] : []),
          e.text,
          computedAsPrinted(e, input.published?.[e.index], language),
          <Status status={e.status} index={e.index} />,
        ])}
      />
    </>
  );
}

function Status(props: { readonly status: PublishedValueStatus; readonly index: number }) {
  const L = labels(useLanguage());
  const { status } = props;
  return (
    <span
      data-testid={`audit-status-${props.index}`}
      data-status={status}
      style={{ whiteSpace: 'nowrap' }}
    >
      {status === 'match' ? (
        <span className="good">✓ {L.auditMatch}</span>
      ) : status === 'discrepancy' ? (
        <strong className="bad">✗ {L.auditDiscrepancy}</strong>
      ) : (
        <span className="muted">{L.auditMissing}</span>
      )}
    </span>
  );
}

/** The likely cause (or the practice behind a match) in the UI language; the engine's sentence in English. */
function Explanation(props: { readonly entry: PublishedValueAudit }) {
  const { t } = useTranslation('audit');
  const language = useLanguage();
  const e = props.entry;
  const cause = e.cause ?? e.note;
  return (
    <>
      {cause !== undefined && (
        <div className={e.cause !== undefined ? 'bad' : 'muted'}>
          {e.note !== undefined && e.cause === undefined ? `${t('practice')}: ` : ''}
          {auditCauseLabel(cause.kind, language)}
          {language === 'en' ? (
            <span className="muted">: {cause.detail}</span>
          ) : (
            <details>
              <summary className="muted">{t('detail')}</summary>
              <span lang="en" className="muted">
                {cause.detail}
              </span>
            </details>
          )}
        </div>
      )}
      {e.reason !== undefined && <div className="muted">{e.reason}</div>}
      {e.publishedNote !== undefined && (
        <div className="muted">
          {t('sourceNote')}: {e.publishedNote}
        </div>
      )}
    </>
  );
}

function PublishedEditor() {
  const { t } = useTranslation('audit');
  const language = useLanguage();
  const { input } = useStudy();
  const format = input.numberFormat ?? language;
  const columns = useMemo(
    () => [
      textColumn<PublishedValue>('result', t('result'), { width: '40%' }),
      printedColumn(t('printed'), format),
      textColumn<PublishedValue>('where', t('where'), { optional: true }),
      textColumn<PublishedValue>('note', t('note'), { optional: true }),
    ],
    [t, format],
  );
  return (
    <>
      <p className="field-hint">
        {t('editorHint', { format: format === 'id' ? '1.234,5' : '1,234.5' })}
      </p>
      <OptionalTable<PublishedValue>
        path={['published']}
        caption={t('editor')}
        columns={columns}
        newRow={() => ({ result: '', value: 0, decimals: 0, percent: false, text: '0' })}
        rowHeader={(_, i) => String(i + 1)}
        removeWhenEmpty
      />
    </>
  );
}
