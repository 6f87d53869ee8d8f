import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { AppInfo, FieldProblem, SessionUser } from '../../../src-shared/contract';
import { call, isApiError } from '../../api/client';
import { LanguageSwitch } from '../../app/language-switch';
import { useLocale } from '../../app/locale-context';
import { localName } from '../../app/labels';
import { TextField } from '../../ui/field';

interface SignInScreenProps {
  info: AppInfo;
  /** why we are here again, e.g. the server said the session ended */
  notice: string | null;
  onSignedIn(user: SessionUser): void;
}

export function SignInScreen({ info, notice, onSignedIn }: SignInScreenProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(notice);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const user = await call('session.signIn', { username: username.trim(), password });
      onSignedIn(user);
    } catch (err) {
      // the server words it (wrong password, a field left empty…) in the language we sent;
      // a problem of one field goes under that field, the rest (a wrong password) above the button
      const byField = isApiError(err) ? signInFieldErrors(err.fields) : {};
      setFieldErrors(byField);
      setError(Object.keys(byField).length > 0 ? null : isApiError(err) ? err.message : String(err));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="signin-page" data-testid="signin-screen">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <main className="signin-card">
        <div className="signin-brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="signin-app">{intl.formatMessage({ id: 'app.title' })}</div>
            <div className="signin-university" data-testid="signin-university">
              {localName(info.university, locale)}
            </div>
          </div>
        </div>
        <h1 className="signin-title">{intl.formatMessage({ id: 'signin.title' })}</h1>
        <p className="signin-subtitle">{intl.formatMessage({ id: 'signin.subtitle' })}</p>
        <form className="signin-form" onSubmit={submit} noValidate>
          <TextField
            label={intl.formatMessage({ id: 'signin.username' })}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            autoFocus
            maxLength={64}
            testId="signin-username"
            error={fieldErrors.username}
            errorName="username"
          />
          <TextField
            label={intl.formatMessage({ id: 'signin.password' })}
            value={password}
            onChange={setPassword}
            type="password"
            autoComplete="current-password"
            maxLength={256}
            testId="signin-password"
            error={fieldErrors.password}
            errorName="password"
          />
          {error ? (
            <div className="banner banner-error" role="alert" data-testid="signin-error">
              <span className="banner-text">{error}</span>
            </div>
          ) : null}
          <button type="submit" className="btn btn-primary btn-wide" disabled={busy} data-testid="signin-submit">
            {intl.formatMessage({ id: busy ? 'signin.submitting' : 'signin.submit' })}
          </button>
        </form>
        <div className="signin-version">{intl.formatMessage({ id: 'app.version' }, { version: info.version })}</div>
      </main>
    </div>
  );
}

/** The refusals that name the user name or the password field, by field. */
export function signInFieldErrors(fields: readonly FieldProblem[]): { username?: string; password?: string } {
  const out: { username?: string; password?: string } = {};
  for (const f of fields) {
    if (f.path === 'username' || f.path === 'password') out[f.path] ??= f.message;
  }
  return out;
}
