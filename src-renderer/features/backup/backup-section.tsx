import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { BackupListView, BackupView } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { formatMoment } from '../sync/sync-format';

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * The workstation's backups (the Sync screen): the list, "back up now", and restore with a
 * confirmation that says what happens — the present state is kept as a backup first, and what
 * the server confirmed later comes back with the next sync. Messages stay next to the buttons.
 */
export function BackupSection() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [list, setList] = useState<BackupListView | null>(null);
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [confirm, setConfirm] = useState<BackupView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('backup.list', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function create() {
    setBusy('create');
    setError(null);
    setNotice(null);
    try {
      const l = await call('backup.create', {});
      setList(l);
      setNotice(t('backup.created', { time: l.rows[0] ? formatMoment(l.rows[0].createdAt) : '' }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function restore(b: BackupView) {
    setBusy('restore');
    setError(null);
    setNotice(null);
    try {
      const r = await call('backup.restore', { name: b.name });
      // the list first, so the notice never describes a list that still shows the old state
      await load();
      setNotice(t('backup.restored', { time: formatMoment(r.restored.createdAt), keptAs: r.keptAs, enrolled: String(r.enrolled) }));
      setConfirm(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="backup-section" data-testid="backup-section">
      <h2>{t('backup.title')}</h2>
      {list ? <p className="muted small">{t('backup.hint', { keep: list.keep, folder: list.folder })}</p> : null}
      <button type="button" className="btn" onClick={() => void create()} disabled={busy !== null} data-testid="backup-create">
        {t(busy === 'create' ? 'backup.creating' : 'backup.create')}
      </button>
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="backup-error" /> : null}
      {notice ? <Notice message={notice} testId="backup-notice" /> : null}
      {confirm ? (
        <div className="confirm-box confirm-danger" role="dialog" aria-label={t('backup.restore')} data-testid="backup-restore-dialog">
          <p className="confirm-text">{t('backup.confirmRestore', { time: formatMoment(confirm.createdAt) })}</p>
          <div className="confirm-buttons">
            <button type="button" className="btn btn-danger" onClick={() => void restore(confirm)} disabled={busy !== null} data-testid="backup-restore-confirm">
              {t('backup.restore')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirm(null)} disabled={busy !== null} data-testid="backup-restore-cancel">
              {t('card.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {list && list.rows.length === 0 ? <p className="muted">{t('backup.none')}</p> : null}
      {list && list.rows.length > 0 ? (
        <table className="table backup-table" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('backup.col.time')}</th>
              <th scope="col">{t('backup.col.reason')}</th>
              <th scope="col">{t('backup.col.size')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((b) => (
              <tr key={b.name} data-testid="backup-row" data-name={b.name} data-reason={b.reason}>
                <td>{formatMoment(b.createdAt)}</td>
                <td>{t(`backup.reason.${b.reason}`)}</td>
                <td>{size(b.bytes)}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setConfirm(b)} disabled={busy !== null} data-testid="backup-restore">
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
