/**
 * Monitoring data kept with the study on the server: upload a CSV to a series (streamed, all
 * or nothing, with progress), the series' imports, and its dashboard from the stored rollups —
 * drawn by the same components as a file checked in the browser.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringIssue } from '../../../document/monitoring/index.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { formatNumber } from '../../../report/format.js';
import { localDateTime } from '../../../report/monitoring-charts.js';
import {
  api,
  ApiError,
  type MonitoringDashboard,
  type MonitoringSeries,
} from '../../backend/client.js';
import { Empty, ResultTable, Section } from '../../components/layout.js';
import { useLanguage, type Language } from '../../i18n/index.js';
import { useStudy } from '../../study/editor.js';
import type { MonitoringMapping, ReadChoices } from './monitoring-messages.js';
import { Results } from './Results.js';

type Upload =
  | { readonly status: 'idle' }
  | {
      readonly status: 'sending';
      readonly name: string;
      readonly sent: number;
      readonly total: number;
    }
  | {
      readonly status: 'refused';
      readonly message: string;
      readonly issues: readonly MonitoringIssue[];
    }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'done'; readonly name: string; readonly rows: number };

const SHOWN_ISSUES = 20;

function megabytes(bytes: number, language: Language): string {
  return `${formatNumber(bytes / 1_048_576, language, 1)} MB`;
}

/** Names from the study, units from the series: what the result components label with. */
export function seriesMapping(series: MonitoringSeries, study: StudyInput): MonitoringMapping {
  const parameters = study.effluent?.parameters ?? [];
  return {
    parameters: series.parameters.map((c, column) => {
      const studyIndex = parameters.findIndex((p) => p.id === c.id);
      const p = parameters[studyIndex];
      return {
        id: c.id,
        name: p?.name ?? c.id,
        header: c.id,
        column,
        unit: c.unit ?? undefined,
        studyIndex: studyIndex < 0 ? undefined : studyIndex,
        isFlow: p === undefined,
      };
    }),
    unmatchedColumns: [],
    unmatchedParameters: [],
    notes: [],
  };
}

export function StoredSeries(props: { readonly study: StudyInput; readonly choices: ReadChoices }) {
  const { t } = useTranslation('monitoring');
  const language = useLanguage();
  const { orgId, studyId, canEdit, saved, dirty } = useStudy();
  const [series, setSeries] = useState<readonly MonitoringSeries[] | undefined>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [seriesName, setSeriesName] = useState('');
  const [dashboard, setDashboard] = useState<MonitoringDashboard | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });

  const refresh = useCallback(
    async (prefer?: string) => {
      try {
        const list = await api.listSeries(orgId, studyId);
        setSeries(list);
        setLoadError(undefined);
        setSelected((current) => {
          const keep = prefer ?? current;
          return list.some((s) => s.id === keep) ? keep : list[0]?.id;
        });
      } catch (error) {
        setLoadError(error instanceof Error ? error.message : String(error));
      }
    },
    [orgId, studyId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The dashboard follows the selection and the saved revision (the limits may have changed).
  useEffect(() => {
    if (selected === undefined) {
      setDashboard(undefined);
      return;
    }
    let live = true;
    api
      .seriesDashboard(orgId, studyId, selected)
      .then((d) => live && setDashboard(d))
      .catch((error: unknown) => {
        if (live) setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
  }, [orgId, studyId, selected, saved.revision, series]);

  const current = series?.find((s) => s.id === selected);
  const mapping = useMemo(
    () => (current === undefined ? undefined : seriesMapping(current, props.study)),
    [current, props.study],
  );

  const send = async (file: File) => {
    setUpload({ status: 'sending', name: file.name, sent: 0, total: file.size });
    const policy = Object.entries(props.choices.policy).map(
      ([rule, action]) => `${rule}=${action}`,
    );
    try {
      const reply = await api.uploadReadings(orgId, studyId, file, file.name, {
        series: seriesName.trim() === '' ? current?.name : seriesName.trim(),
        zone: props.choices.timeZone,
        policy,
        onProgress: (sent, total) => setUpload({ status: 'sending', name: file.name, sent, total }),
      });
      setUpload({ status: 'done', name: file.name, rows: reply.report.storedRows });
      setSeriesName('');
      await refresh(reply.series.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'refused') {
        const details = error.details as { issues?: MonitoringIssue[] } | undefined;
        setUpload({ status: 'refused', message: error.message, issues: details?.issues ?? [] });
      } else {
        setUpload({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  const removeImport = async (importId: string, fileName: string) => {
    if (
      current === undefined ||
      !window.confirm(t('stored.confirmDeleteImport', { name: fileName }))
    ) {
      return;
    }
    await api.deleteImport(orgId, studyId, current.id, importId);
    await refresh(current.id);
  };
  const removeSeries = async () => {
    if (
      current === undefined ||
      !window.confirm(t('stored.confirmDeleteSeries', { name: current.name }))
    ) {
      return;
    }
    await api.deleteSeries(orgId, studyId, current.id);
    await refresh();
  };

  const zone = current?.utcOffsetMinutes ?? 420;
  return (
    <>
      <Section title={t('stored.title')}>
        <p className="field-hint">{t('stored.intro')}</p>
        {dirty && <p className="field-hint">{t('stored.unsaved')}</p>}
        {loadError !== undefined && (
          <div className="field-error" role="alert">
            {loadError}
          </div>
        )}
        {series !== undefined && series.length > 0 && (
          <div className="toolbar">
            <label htmlFor="monitoring-series">{t('stored.series')}</label>
            <select
              id="monitoring-series"
              data-testid="monitoring-series"
              value={selected ?? ''}
              onChange={(e) => setSelected(e.currentTarget.value)}
            >
              {series.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('stored.seriesOption', {
                    name: s.name,
                    readings: formatNumber(s.readings, language, 0),
                  })}
                </option>
              ))}
            </select>
            {canEdit && current !== undefined && (
              <button type="button" onClick={() => void removeSeries()}>
                {t('stored.deleteSeries')}
              </button>
            )}
          </div>
        )}
        {canEdit && (
          <div className="toolbar">
            <input
              type="file"
              accept=".csv,.txt,.xlsx,text/csv"
              aria-label={t('stored.upload')}
              data-testid="monitoring-upload"
              disabled={upload.status === 'sending'}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file !== undefined) void send(file);
                event.currentTarget.value = '';
              }}
            />
            <label htmlFor="monitoring-series-name">{t('stored.into')}</label>
            <input
              id="monitoring-series-name"
              type="text"
              placeholder={current?.name ?? 'Outlet'}
              value={seriesName}
              onChange={(e) => setSeriesName(e.currentTarget.value)}
              style={{ width: 160 }}
            />
          </div>
        )}
        <UploadStatus upload={upload} language={language} />
        {series !== undefined && series.length === 0 && <Empty>{t('stored.none')}</Empty>}
        {dashboard !== undefined && dashboard.imports.length > 0 && (
          <ResultTable
            caption={t('stored.imports')}
            numeric={[false, true, false, false, true, false]}
            head={[
              t('stored.file'),
              t('stored.rows'),
              t('stored.from'),
              t('stored.to'),
              t('stored.flagged'),
              ...(canEdit ? [''] : []),
            ]}
            rows={dashboard.imports.map((i) => [
              i.fileName,
              formatNumber(i.rows, language, 0),
              i.firstTimeMs === null ? '—' : localDateTime(i.firstTimeMs, zone),
              i.lastTimeMs === null ? '—' : localDateTime(i.lastTimeMs, zone),
              formatNumber(
                Object.values(i.report?.counts ?? {}).reduce((n, c) => n + c, 0),
                language,
                0,
              ),
              ...(canEdit
                ? [
                    <button
                      key="d"
                      type="button"
                      onClick={() => void removeImport(i.id, i.fileName)}
                    >
                      {t('stored.deleteImport')}
                    </button>,
                  ]
                : []),
            ])}
          />
        )}
        {dashboard?.recomputed === true && <p className="field-hint">{t('stored.recomputed')}</p>}
      </Section>
      {dashboard?.result !== undefined && dashboard.result !== null && (
        <Results result={dashboard.result} mapping={mapping} study={props.study} />
      )}
    </>
  );
}

function UploadStatus(props: { readonly upload: Upload; readonly language: Language }) {
  const { t } = useTranslation('monitoring');
  const { upload, language } = props;
  switch (upload.status) {
    case 'idle':
      return null;
    case 'sending': {
      const finished = upload.total > 0 && upload.sent >= upload.total;
      return (
        <div role="status" data-testid="monitoring-upload-progress">
          <div>
            {finished
              ? t('stored.summarising', { name: upload.name })
              : t('stored.sending', {
                  name: upload.name,
                  sent: megabytes(upload.sent, language),
                  total: megabytes(upload.total, language),
                })}
          </div>
          {finished ? (
            <progress style={{ width: '100%' }} />
          ) : (
            <progress max={upload.total || 1} value={upload.sent} style={{ width: '100%' }} />
          )}
        </div>
      );
    }
    case 'done':
      return (
        <p className="muted" role="status" data-testid="monitoring-upload-done">
          {t('stored.done', { name: upload.name, rows: formatNumber(upload.rows, language, 0) })}
        </p>
      );
    case 'failed':
      return (
        <div className="field-error" role="alert">
          {t('stored.failed', { message: upload.message })}
        </div>
      );
    case 'refused':
      return (
        <div className="field-error" role="alert" data-testid="monitoring-upload-refused">
          <div>{t('stored.refused')}</div>
          <ul>
            {upload.issues.slice(0, SHOWN_ISSUES).map((i, k) => (
              <li key={k}>{t('stored.issue', { line: i.line, message: i.message })}</li>
            ))}
          </ul>
          {upload.issues.length > SHOWN_ISSUES && (
            <div>{t('stored.moreIssues', { n: upload.issues.length - SHOWN_ISSUES })}</div>
          )}
        </div>
      );
  }
}
