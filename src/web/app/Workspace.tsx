/**
 * One study, walked in the GP step order: the steps down the side (each marked when it has
 * problems), the open step in the middle, saving, undo, downloads and revisions at the top.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  type ExportFormat,
  type Membership,
  type RevisionSummary,
  type StudyView,
} from '../backend/client.js';
import { useLanguage } from '../i18n/index.js';
import { formatDate } from '../../report/format.js';
import { StudyProvider, useStudy } from '../study/editor.js';
import { problemsUnder, studyFromDocument } from '../study/live.js';
import type { StudyInput } from '../../engine/study/study-input.js';
import { STEPS } from '../steps/index.js';
import { describe } from './AuthPage.js';
import { navigate, setNavigationGuard } from './router.js';

export function WorkspacePage(props: {
  readonly membership: Membership;
  readonly studyId: string;
  readonly step: string | undefined;
}) {
  const { t } = useTranslation();
  const orgId = props.membership.organisation.id;
  const [loaded, setLoaded] = useState<
    { view: StudyView; input: StudyInput } | { error: string } | undefined
  >(undefined);

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    api.getStudy(orgId, props.studyId).then(
      (view) => {
        if (!live) return;
        const read = studyFromDocument(view.document);
        setLoaded(
          read.ok
            ? { view, input: read.study }
            : { error: read.problems.map((p) => `${p.path}: ${p.message}`).join('\n') },
        );
      },
      (error: unknown) => live && setLoaded({ error: describe(error) }),
    );
    return () => {
      live = false;
    };
  }, [orgId, props.studyId]);

  if (loaded === undefined)
    return (
      <main id="content">
        <p>{t('loading')}</p>
      </main>
    );
  if ('error' in loaded)
    return (
      <main id="content">
        <div className="field-error" role="alert">
          {loaded.error}
        </div>
      </main>
    );
  return (
    <StudyProvider
      key={loaded.view.id}
      orgId={orgId}
      view={loaded.view}
      input={loaded.input}
      canEdit={props.membership.role !== 'viewer'}
    >
      <Workspace step={props.step} />
    </StudyProvider>
  );
}

function Workspace(props: { readonly step: string | undefined }) {
  const { t } = useTranslation();
  const editor = useStudy();
  const step = STEPS.find((s) => s.id === props.step) ?? STEPS[0];
  const [showRevisions, setShowRevisions] = useState(false);

  // Unsaved edits are not lost by a click or a closed tab without a question.
  useEffect(() => {
    if (!editor.dirty) return undefined;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    // Moving between the steps of this study keeps the edits in the editor: no question.
    setNavigationGuard(
      (to) =>
        (to?.page === 'study' && to.studyId === editor.studyId) || window.confirm(t('study.leave')),
    );
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      setNavigationGuard(undefined);
    };
  }, [editor.dirty, editor.studyId, t]);

  const { save, undo, redo, canEdit, dirty } = editor;
  const onKey = useCallback(
    (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        if (canEdit && dirty) void save();
      } else if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    },
    [save, undo, redo, canEdit, dirty],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  if (step === undefined) return null;
  const Step = step.Component;
  return (
    <div className="workspace">
      <StudyBar onRevisions={() => setShowRevisions((v) => !v)} />
      <div className="workspace-body">
        <StepNav current={step.id} />
        <main id="content" className="step" tabIndex={-1}>
          {!editor.canEdit && <p className="notice">{t('study.readOnly')}</p>}
          <Step />
          <StepPager current={step.id} />
        </main>
        {showRevisions && <Revisions onClose={() => setShowRevisions(false)} />}
      </div>
      {editor.conflict !== undefined && <ConflictDialog />}
    </div>
  );
}

function StudyBar(props: { readonly onRevisions: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useStudy();
  const exportLink = (format: ExportFormat, label: string) => (
    <a
      href={api.exportUrl(editor.orgId, editor.studyId, format, language)}
      download
      data-testid={`export-${format}`}
    >
      {label}
    </a>
  );
  const status = editor.saving
    ? t('study.saving')
    : editor.dirty
      ? t('study.unsaved')
      : t('study.saved', { revision: editor.saved.revision });
  return (
    <div className="study-bar">
      <h1 className="study-title" title={editor.input.study.title}>
        {editor.input.study.title}
      </h1>
      <span
        className={`save-status ${editor.dirty ? 'dirty' : ''}`}
        role="status"
        data-testid="save-status"
      >
        {status}
      </span>
      {editor.saveError !== undefined && (
        <span className="field-error" role="alert">
          {t('study.saveFailed', { message: editor.saveError })}
        </span>
      )}
      <span className="spacer" />
      {editor.canEdit && (
        <>
          <button
            type="button"
            onClick={editor.undo}
            disabled={!editor.canUndo}
            title={`${t('study.undo')} (Ctrl+Z)`}
          >
            ↶ {t('study.undo')}
          </button>
          <button
            type="button"
            onClick={editor.redo}
            disabled={!editor.canRedo}
            title={`${t('study.redo')} (Ctrl+Y)`}
          >
            ↷ {t('study.redo')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void editor.save()}
            disabled={!editor.dirty || editor.saving}
            title={`${t('study.save')} (Ctrl+S)`}
          >
            {t('study.save')}
          </button>
        </>
      )}
      <details className="menu">
        <summary>{t('study.export')}</summary>
        <div className="menu-items">
          {editor.dirty && <p className="field-hint">{t('study.unsaved')}</p>}
          {exportLink('pdf', t('study.exportPdf'))}
          {exportLink('html', t('study.exportHtml'))}
          {exportLink('xlsx', t('study.exportXlsx'))}
          {exportLink('yaml', t('study.exportYaml'))}
          {exportLink('json', t('study.exportJson'))}
        </div>
      </details>
      <button type="button" onClick={props.onRevisions}>
        {t('study.revisions')}
      </button>
    </div>
  );
}

function StepNav(props: { readonly current: string }) {
  const { t } = useTranslation();
  const editor = useStudy();
  const phases = [...new Set(STEPS.map((s) => s.phase))];
  return (
    <nav className="step-nav" aria-label="GP">
      {phases.map((phase) => (
        <div key={phase} className="phase">
          <div className="phase-title">
            {phase}. {t(`phase.${phase}`)}
          </div>
          <ol>
            {STEPS.filter((s) => s.phase === phase).map((s) => {
              const count = s.paths.reduce(
                (n, p) => n + problemsUnder(editor.problems, p).length,
                0,
              );
              return (
                <li key={s.id}>
                  <a
                    href={`/orgs/${editor.orgId}/studies/${editor.studyId}/${s.id}`}
                    aria-current={s.id === props.current ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(editor.orgId, editor.studyId, s.id);
                    }}
                  >
                    {t('title', { ns: s.id })}
                    {count > 0 && (
                      <span className="badge" title={t('study.problems', { count })}>
                        {count}
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </nav>
  );
}

/** Study-internal navigation: the guard lets it through, the edits stay in the editor. */
function goTo(orgId: string, studyId: string, step: string) {
  navigate({ page: 'study', orgId, studyId, step });
  document.getElementById('content')?.focus();
}

function StepPager(props: { readonly current: string }) {
  const { t } = useTranslation();
  const editor = useStudy();
  const index = STEPS.findIndex((s) => s.id === props.current);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  return (
    <div className="pager">
      {previous !== undefined && (
        <button type="button" onClick={() => goTo(editor.orgId, editor.studyId, previous.id)}>
          ← {t('title', { ns: previous.id })}
        </button>
      )}
      <span className="spacer" />
      {next !== undefined && (
        <button type="button" onClick={() => goTo(editor.orgId, editor.studyId, next.id)}>
          {t('title', { ns: next.id })} →
        </button>
      )}
    </div>
  );
}

function Revisions(props: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editor = useStudy();
  const [revisions, setRevisions] = useState<RevisionSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const current = editor.saved.revision;
  useEffect(() => {
    api
      .listRevisions(editor.orgId, editor.studyId)
      .then(setRevisions, (e: unknown) => setError(describe(e)));
  }, [editor.orgId, editor.studyId, current]);

  const restore = async (revision: number) => {
    if (!window.confirm(t('study.restoreConfirm', { revision }))) return;
    try {
      const view = await api.restoreRevision(editor.orgId, editor.studyId, revision, current);
      const read = studyFromDocument(view.document);
      if (read.ok) editor.load(view, read.study);
    } catch (caught) {
      setError(describe(caught));
    }
  };

  return (
    <aside className="revisions" aria-label={t('study.revisions')}>
      <div className="section-head">
        <h2>{t('study.revisions')}</h2>
        <button
          type="button"
          className="icon"
          aria-label={t('action.dismiss')}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {error !== undefined && <div className="field-error">{error}</div>}
      {revisions === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <ol>
          {revisions.map((r) => (
            <li key={r.revision}>
              <strong>#{r.revision}</strong> {r.summary}
              <div className="muted">
                {r.authorName} · {formatDate(r.createdAt.slice(0, 10), language)}{' '}
                {r.createdAt.slice(11, 16)} UTC
              </div>
              {r.revision === current ? (
                <span className="muted">{t('study.current')}</span>
              ) : (
                editor.canEdit && (
                  <button type="button" onClick={() => void restore(r.revision)}>
                    {t('study.restore')}
                  </button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function ConflictDialog() {
  const { t } = useTranslation();
  const editor = useStudy();
  const current = editor.conflict;
  if (current === undefined) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">{t('conflict.title')}</h2>
        <p>{t('conflict.body', { revision: current.revision })}</p>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() => void editor.overwrite()}
          >
            {t('conflict.keepMine')}
          </button>
          <button
            type="button"
            onClick={() => {
              const read = studyFromDocument(current.document);
              if (read.ok) editor.load(current, read.study);
            }}
          >
            {t('conflict.takeTheirs')}
          </button>
        </div>
      </div>
    </div>
  );
}
