import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { TextField } from '../../ui/field';

/** "Connect this workstation again" (same server, office, faculty): the server administrator's sign-in; typed work is kept. */
export function ReenrolSection({ onDone }: { onDone(): void }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, number>) => intl.formatMessage({ id }, values);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [offerDrop, setOfferDrop] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await call('sync.reenrol', { username: username.trim(), password });
      setNotice(t('sync.reenrol.done', { count: r.carried }));
      setPassword('');
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function disconnect(discardPending: boolean) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await call('sync.unenrol', { username: username.trim(), password, discardPending });
      setNotice(t('sync.unenrol.done'));
      setOfferDrop(false);
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      // changes not yet sent: the server refused nothing yet; dropping them is a second, explicit step
      setOfferDrop(isApiError(err) && err.code === 'conflict');
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="sync-reenrol" data-testid="sync-reenrol">
      <summary>{t('sync.reenrol.title')}</summary>
      <p className="muted small">{t('sync.reenrol.text')}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={intl.formatMessage({ id: 'setup.field.username' })} value={username} onChange={setUsername} testId="sync-reenrol-username" autoComplete="off" />
        <TextField label={intl.formatMessage({ id: 'setup.field.password' })} value={password} onChange={setPassword} type="password" testId="sync-reenrol-password" autoComplete="off" />
        <div className="confirm-buttons">
          <button type="submit" className="btn" disabled={busy || !username.trim() || !password} data-testid="sync-reenrol-start">
            {t('sync.reenrol.start')}
          </button>
          <button type="button" className="btn" disabled={busy || !username.trim() || !password} onClick={() => void disconnect(false)} data-testid="sync-unenrol-start" title={t('sync.unenrol.text')}>
            {t('sync.unenrol.start')}
          </button>
          {offerDrop ? (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void disconnect(true)} data-testid="sync-unenrol-discard">
              {t('sync.unenrol.discard')}
            </button>
          ) : null}
        </div>
        <p className="muted small">{t('sync.unenrol.text')}</p>
      </form>
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="sync-reenrol-error" /> : null}
      {notice ? <Notice message={notice} testId="sync-reenrol-notice" /> : null}
    </details>
  );
}
