/** Sign in and sign up: one form each, errors from the server shown at the form. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../backend/client.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { navigate } from './router.js';
import { useSession } from './session.js';

export function AuthPage(props: { readonly mode: 'sign-in' | 'sign-up' }) {
  const { t } = useTranslation();
  const { setMe } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const signUp = props.mode === 'sign-up';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = signUp
        ? await api.signUp({
            email,
            password,
            name,
            ...(organisation.trim() ? { organisationName: organisation.trim() } : {}),
          })
        : await api.signIn(email, password);
      setMe(me);
      navigate({ page: 'home' }, { replace: true });
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth" id="content">
      <div className="auth-card">
        <div className="auth-head">
          <h1>
            {t('app.name')} <span className="tagline">{t('app.tagline')}</span>
          </h1>
          <LanguageSwitch />
        </div>
        <h2>{signUp ? t('auth.signUp') : t('auth.signIn')}</h2>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {signUp && (
            <label>
              {t('auth.name')}
              <input
                name="name"
                autoComplete="name"
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
          )}
          <label>
            {t('auth.email')}
            <input
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            {t('auth.password')}
            <input
              name="password"
              type="password"
              autoComplete={signUp ? 'new-password' : 'current-password'}
              required
              minLength={signUp ? 10 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {signUp && <span className="field-hint">{t('auth.passwordHint')}</span>}
          </label>
          {signUp && (
            <label>
              {t('auth.organisation')}
              <input
                name="organisation"
                autoComplete="organization"
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
              />
            </label>
          )}
          {error !== undefined && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {signUp ? t('auth.signUp') : t('auth.signIn')}
          </button>
        </form>
        <p>
          {signUp ? t('auth.haveAccount') : t('auth.noAccount')}{' '}
          <a
            href={signUp ? '/sign-in' : '/sign-up'}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: signUp ? 'sign-in' : 'sign-up' });
            }}
          >
            {signUp ? t('auth.signIn') : t('auth.signUp')}
          </a>
        </p>
        {!signUp && <p className="field-hint">{t('auth.demo')}</p>}
      </div>
    </main>
  );
}

/** An API error as one line: the server's message, with the field errors of a bad form. */
export function describe(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const details = error.details as { issues?: { path?: string; message?: string }[] } | undefined;
  const issues = Array.isArray(details?.issues)
    ? details.issues.map((i) => `${i.path ?? ''}: ${i.message ?? ''}`).join('; ')
    : '';
  return issues ? `${error.message} (${issues})` : error.message;
}
