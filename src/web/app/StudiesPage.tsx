/** An organisation's studies: open, create from the template, import a file, duplicate, delete. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Membership, type StudySummary } from '../backend/client.js';
import { useLanguage } from '../i18n/index.js';
import { formatDate } from '../../report/format.js';
import { describe } from './AuthPage.js';
import { navigate } from './router.js';

export function StudiesPage(props: { readonly membership: Membership }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgId = props.membership.organisation.id;
  const canEdit = props.membership.role !== 'viewer';
  const [studies, setStudies] = useState<StudySummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.listStudies(orgId).then(setStudies, (e: unknown) => setError(describe(e)));
  }, [orgId]);
  useEffect(load, [load]);

  const open = (studyId: string) => navigate({ page: 'study', orgId, studyId, step: undefined });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  const importFile = (file: File) =>
    run(async () => {
      const created = /\.xlsx$/i.test(file.name)
        ? await api.importWorkbook(orgId, file)
        : await api.createStudy(orgId, { text: await file.text() });
      open(created.id);
    });

  return (
    <main id="content" className="studies">
      <div className="page-head">
        <h1>{t('studies.title', { organisation: props.membership.organisation.name })}</h1>
        <span className="muted">
          {t('studies.role', { role: t(`role.${props.membership.role}`) })}
        </span>
      </div>
      {canEdit && (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              void run(async () => open((await api.createStudy(orgId, { template: language })).id))
            }
          >
            + {t('studies.newFromTemplate')}
          </button>
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            {busy ? t('studies.importing') : t('studies.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            data-testid="import-file"
            accept=".yaml,.yml,.json,.xlsx"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file !== undefined) void importFile(file);
            }}
          />
        </div>
      )}
      {error !== undefined && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {studies === undefined ? (
        <p>{t('loading')}</p>
      ) : studies.length === 0 ? (
        <p className="empty">{t('studies.empty')}</p>
      ) : (
        <ul className="study-list">
          {studies.map((s) => (
            <li key={s.id}>
              <a
                href={`/orgs/${orgId}/studies/${s.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  open(s.id);
                }}
              >
                {s.title}
              </a>
              <span className="muted">
                {t('studies.revision', { revision: s.revision })} ·{' '}
                {t('studies.updated', { date: formatDate(s.updatedAt.slice(0, 10), language) })}
              </span>
              {canEdit && (
                <span className="row-buttons">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await api.duplicateStudy(orgId, s.id);
                        load();
                      })
                    }
                  >
                    {t('studies.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(t('studies.confirmDelete', { title: s.title }))) {
                        void run(async () => {
                          await api.deleteStudy(orgId, s.id);
                          load();
                        });
                      }
                    }}
                  >
                    {t('studies.delete')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
