/** The app's frame: who is signed in, which organisation, which page. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../backend/client.js';
import { AuthPage, describe } from './AuthPage.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { mayLeave, navigate, setNavigationGuard, useRoute } from './router.js';
import { SessionContext } from './session.js';
import { MembersPage } from './MembersPage.js';
import { StudiesPage } from './StudiesPage.js';
import { WorkspacePage } from './Workspace.js';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    api.me().then(
      (m) => {
        setMe(m);
        void api.ensureCsrf();
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setError(describe(e));
      },
    );
  }, []);

  // Pages that need a user send others to sign in; signed-in users skip the sign-in page.
  useEffect(() => {
    if (me === null && route.page !== 'sign-in' && route.page !== 'sign-up')
      navigate({ page: 'sign-in' }, { replace: true });
    if (me && route.page === 'home') {
      const first = me.memberships[0];
      if (first !== undefined)
        navigate({ page: 'studies', orgId: first.organisation.id }, { replace: true });
    }
    if (me && (route.page === 'sign-in' || route.page === 'sign-up'))
      navigate({ page: 'home' }, { replace: true });
  }, [me, route]);

  if (error !== undefined)
    return (
      <main id="content" className="auth">
        <div className="field-error" role="alert">
          {error}
        </div>
      </main>
    );
  if (me === undefined)
    return (
      <main id="content">
        <p>{t('loading')}</p>
      </main>
    );
  const session = { me, setMe };
  if (me === null || route.page === 'sign-in' || route.page === 'sign-up') {
    return (
      <SessionContext.Provider value={session}>
        <AuthPage mode={route.page === 'sign-up' ? 'sign-up' : 'sign-in'} />
      </SessionContext.Provider>
    );
  }

  const orgId =
    route.page === 'studies' || route.page === 'study' || route.page === 'members'
      ? route.orgId
      : me.memberships[0]?.organisation.id;
  const membership = me.memberships.find((m) => m.organisation.id === orgId);

  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#content">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'home' });
          }}
        >
          🌿 {t('app.name')}
        </a>
        {me.memberships.length > 1 && (
          <select
            aria-label={t('studies.organisation')}
            value={orgId ?? ''}
            onChange={(e) => navigate({ page: 'studies', orgId: e.target.value })}
          >
            {me.memberships.map((m) => (
              <option key={m.organisation.id} value={m.organisation.id}>
                {m.organisation.name}
              </option>
            ))}
          </select>
        )}
        {membership !== undefined && (
          <a
            href={`/orgs/${membership.organisation.id}/members`}
            aria-current={route.page === 'members' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: 'members', orgId: membership.organisation.id });
            }}
          >
            {t('nav.members')}
          </a>
        )}
        {membership !== undefined && route.page !== 'studies' && (
          <a
            href={`/orgs/${membership.organisation.id}`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: 'studies', orgId: membership.organisation.id });
            }}
          >
            ← {t('nav.studies')}
          </a>
        )}
        <span className="spacer" />
        <LanguageSwitch />
        <span className="muted user">{me.user.name}</span>
        <button
          type="button"
          onClick={() => {
            if (!mayLeave()) return;
            setNavigationGuard(undefined);
            void api.signOut().finally(() => {
              setMe(null);
              navigate({ page: 'sign-in' });
            });
          }}
        >
          {t('nav.signOut')}
        </button>
      </header>
      {membership === undefined ? (
        <main id="content">
          <p className="empty">{t('error.notFound')}</p>
        </main>
      ) : route.page === 'members' ? (
        <MembersPage membership={membership} />
      ) : route.page === 'study' ? (
        <WorkspacePage membership={membership} studyId={route.studyId} step={route.step} />
      ) : (
        <StudiesPage membership={membership} />
      )}
    </SessionContext.Provider>
  );
}
