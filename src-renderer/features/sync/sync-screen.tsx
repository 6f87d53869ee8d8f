import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SyncIssueView, SyncStatusView } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { formatMoment } from './sync-format';
import { BackupSection } from '../backup/backup-section';
import { ReenrolSection } from './reenrol-section';

const POLL_MS = 3_000;

/**
 * How this workstation stands with the university server: what waits to be sent and since
 * when, the last success, the last error, and the "Needs attention" list — rejected and
 * conflicting changes that stay here until a person decides.
 */
export function SyncScreen() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [issues, setIssues] = useState<SyncIssueView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [s, i] = await Promise.all([call('sync.status', {}), call('sync.issues', {})]);
      setStatus(s);
      setIssues(i.rows);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  async function syncNow() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await call('sync.now', {});
      setNotice(t('sync.done', { applied: r.applied, pulled: r.pulled, rejected: r.rejected, conflicts: r.conflicts }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  async function resolve(issueId: string, choice: 'mine' | 'theirs' | 'dismissed') {
    setError(null);
    try {
      setIssues((await call('sync.resolve', { issueId, choice })).rows);
      void refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const when = (iso: string | null) => (iso ? formatMoment(iso) : t('sync.never'));
  return (
    <section className="sync-screen" data-testid="sync-screen">
      <div className="page-head">
        <h1 className="page-title">{t('sync.title')}</h1>
      </div>
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="sync-error" /> : null}
      {notice ? <Notice message={notice} testId="sync-notice" /> : null}
      {status && !status.enrolled ? (
        <p className="empty-state" data-testid="sync-not-enrolled">
          {t('sync.notEnrolled')}
        </p>
      ) : null}
      {status?.enrolled ? (
        <div
          className="sync-status"
          data-testid="sync-status"
          data-pending={status.pending}
          data-attention={status.attention}
          data-last-success={status.lastSuccessAt ?? ''}
          data-error={status.lastError ? 'true' : 'false'}
        >
          <p className="muted" data-testid="sync-server">{t('sync.server', { url: status.serverUrl ?? '', device: status.deviceName ?? '' })}</p>
          {status.scopeLabel ? <p className="muted" data-testid="sync-scope">{status.scopeLabel}</p> : null}
          {status.serverRestored ? (
            <div className="banner banner-warn" role="status" data-testid="sync-server-restored">
              <span className="banner-text">
                {t('sync.serverRestored', { time: formatMoment(status.serverRestored.at), resent: status.serverRestored.resent })}
                {status.serverRestored.tooOld > 0 ? ` ${t('sync.serverRestoredTooOld', { count: status.serverRestored.tooOld })}` : ''}
              </span>
            </div>
          ) : null}
          <p data-testid="sync-pending">
            {t('sync.pending', { count: status.pending })}
            {status.oldestPendingAt ? ` (${t('sync.pendingSince', { time: formatMoment(status.oldestPendingAt) })})` : ''}
          </p>
          <p>{t('sync.lastSuccess', { time: when(status.lastSuccessAt) })}</p>
          {status.lastError ? (
            <div className="banner banner-warn" role="status" data-testid="sync-last-error">
              <span className="banner-text">
                {status.lastError}
                {status.nextAttemptAt ? ` ${t('sync.nextAttempt', { time: formatMoment(status.nextAttemptAt) })}` : ''}
              </span>
            </div>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={() => void syncNow()} disabled={busy || status.running} data-testid="sync-now">
            {t(busy || status.running ? 'sync.running' : 'sync.now')}
          </button>
          <ReenrolSection onDone={() => void refresh()} />
        </div>
      ) : null}
      {status?.enrolled ? (
        <section className="sync-attention" data-testid="sync-attention" data-count={issues.length}>
          <h2>{t('sync.attention')}</h2>
          <p className="muted">{issues.length ? t('sync.attentionCount', { count: issues.length }) : t('sync.attentionNone')}</p>
          {issues.map((i) => (
            <article key={i.id} className={`sync-issue sync-issue-${i.kind}`} data-testid="sync-issue" data-kind={i.kind}>
              <h3>
                <span className={`pill pill-${i.kind === 'conflict' ? 'warn' : 'danger'}`}>{t(`sync.kind.${i.kind}`)}</span> {i.subject}
              </h3>
              <p>{i.reason}</p>
              {i.serverChangedAt ? <p className="muted small">{t('sync.changedBy', { who: i.serverChangedBy ?? '—', time: formatMoment(i.serverChangedAt) })}</p> : null}
              {i.fields.length ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('sync.field')}</th>
                      <th scope="col">{t('sync.mine')}</th>
                      <th scope="col">{t('sync.theirs')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.fields.map((f) => (
                      <tr key={f.field} data-testid="sync-issue-field">
                        <td className="mono">{f.field}</td>
                        <td data-testid="sync-mine">{f.device}</td>
                        <td data-testid="sync-theirs">{f.server}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              <div className="confirm-buttons">
                {i.canKeepMine ? (
                  <button type="button" className="btn" onClick={() => void resolve(i.id, 'mine')} data-testid="sync-keep-mine">
                    {t('sync.keepMine')}
                  </button>
                ) : null}
                <button type="button" className="btn" onClick={() => void resolve(i.id, i.kind === 'conflict' ? 'theirs' : 'dismissed')} data-testid="sync-keep-theirs">
                  {t(i.kind === 'conflict' ? 'sync.keepTheirs' : 'sync.dismiss')}
                </button>
              </div>
            </article>
          ))}
        </section>
      ) : null}
      <BackupSection />
    </section>
  );
}
