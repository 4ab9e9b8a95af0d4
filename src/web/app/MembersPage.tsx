/**
 * Who works in an organisation and with which role: owners invite by email (the code is shown
 * once, to pass on), change roles and remove members; anyone joins with a code they were given.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Member, type Membership, type Role } from '../backend/client.js';
import { useLanguage } from '../i18n/index.js';
import { formatDate } from '../../report/format.js';
import { describe } from './AuthPage.js';
import { navigate } from './router.js';
import { useSession } from './session.js';

const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export function MembersPage(props: { readonly membership: Membership }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { me, setMe } = useSession();
  const orgId = props.membership.organisation.id;
  const isOwner = props.membership.role === 'owner';
  const [members, setMembers] = useState<Member[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [invited, setInvited] = useState<
    { email: string; token: string; expires: string } | undefined
  >(undefined);
  const [code, setCode] = useState('');

  const load = useCallback(() => {
    api.listMembers(orgId).then(setMembers, (e: unknown) => setError(describe(e)));
  }, [orgId]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(describe(caught));
    }
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await api.invite(orgId, email.trim(), role);
      setInvited({
        email: email.trim(),
        token: result.token,
        expires: result.invitation.expiresAt,
      });
      setEmail('');
    });
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const membership = await api.acceptInvitation(code.trim());
      setCode('');
      setMe(await api.me());
      navigate({ page: 'studies', orgId: membership.organisation.id });
    });
  };

  return (
    <main id="content" className="members">
      <div className="page-head">
        <h1>{t('members.title', { organisation: props.membership.organisation.name })}</h1>
      </div>
      {error !== undefined && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {members === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <div className="grid-wrap">
          <table className="results">
            <caption>{t('members.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.name')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                {isOwner && <th scope="col" aria-label={t('table.actions')} />}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.user.id}>
                  <td>{m.user.name}</td>
                  <td>{m.user.email}</td>
                  <td>
                    {isOwner ? (
                      <select
                        aria-label={t('members.roleOf', { name: m.user.name })}
                        value={m.role}
                        onChange={(e) =>
                          void run(async () =>
                            setMembers(await api.setRole(orgId, m.user.id, e.target.value as Role)),
                          )
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`role.${m.role}`)
                    )}
                  </td>
                  <td>{formatDate(m.since.slice(0, 10), language)}</td>
                  {isOwner && (
                    <td>
                      {m.user.id !== me?.user.id && (
                        <button
                          type="button"
                          className="danger"
                          onClick={() => {
                            if (window.confirm(t('members.confirmRemove', { name: m.user.name }))) {
                              void run(async () => {
                                await api.removeMember(orgId, m.user.id);
                                load();
                              });
                            }
                          }}
                        >
                          {t('action.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isOwner && (
        <section className="section">
          <h2>{t('members.invite')}</h2>
          <form className="form-grid" onSubmit={invite}>
            <label className="field">
              {t('auth.email')}
              <input
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label className="field">
              {t('members.role')}
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <div className="field">
              <span>&nbsp;</span>
              <button type="submit" className="primary">
                {t('members.sendInvite')}
              </button>
            </div>
          </form>
          {invited !== undefined && (
            <div className="notice" role="status">
              {t('members.invited', {
                email: invited.email,
                date: formatDate(invited.expires.slice(0, 10), language),
              })}
              <pre className="token" data-testid="invitation-token">
                {invited.token}
              </pre>
            </div>
          )}
        </section>
      )}
      <section className="section">
        <h2>{t('members.join')}</h2>
        <form className="form-grid" onSubmit={join}>
          <label className="field">
            {t('members.code')}
            <input required value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <div className="field">
            <span>&nbsp;</span>
            <button type="submit">{t('members.joinButton')}</button>
          </div>
        </form>
      </section>
      <section className="section">
        <h2>{t('members.sessions')}</h2>
        <p className="field-hint">{t('members.sessionsHint')}</p>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await api.signOutEverywhere();
              setMe(null);
              navigate({ page: 'sign-in' });
            })
          }
        >
          {t('members.signOutEverywhere')}
        </button>
      </section>
    </main>
  );
}
