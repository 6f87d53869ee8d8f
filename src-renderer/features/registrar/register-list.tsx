import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { IssuedDocumentView } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { downloadFile } from '../../ui/file-download';
import { useLoad } from '../../ui/use-load';

/** The register, newest first: search, reprint as a duplicate, revoke with a reason. */
export function RegisterList({ canCertify, canRevoke }: { canCertify: boolean; canRevoke: boolean }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [query, setQuery] = useState('');
  const list = useLoad(() => call('register.list', { query: query.trim() || undefined, limit: 200 }), [query], { keepPrevious: true });
  const [revoking, setRevoking] = useState<IssuedDocumentView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="registrar-register" data-testid="register-list" data-loading={list.state.phase === 'loading' ? 'true' : 'false'}>
      <TextField label={t('registrar.register.search')} value={query} onChange={setQuery} type="search" testId="register-query" />
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="register-error" /> : null}
      {list.data ? <p className="muted small">{t('registrar.register.count', { count: list.data.total })}</p> : null}
      <table className="grades-table register-table">
        <tbody>
          {list.data?.rows.map((d) => (
            <tr key={d.id} data-testid="register-row" data-number={d.number} className={d.revokedAt ? 'grades-failed' : undefined}>
              <td className="num">{d.number}</td>
              <td>{formatDate(d.issuedOn)}</td>
              <td>{t(`registrar.type.${d.type}` as MessageKey)}</td>
              <td>
                {fullName(d)} <span className="muted small">{d.recordBookNo}</span>
                {d.duplicateOf ? <div className="muted small">{t('registrar.register.duplicateOf', { number: d.duplicateOf })}</div> : null}
              </td>
              <td className="muted small">{d.purpose}</td>
              <td className="muted small">{d.issuedBy}</td>
              <td>
                {d.revokedAt ? (
                  <span className="muted small" data-testid="register-revoked">{t('registrar.register.revoked', { reason: d.revokeReason ?? '' })}</span>
                ) : (
                  <>
                    {canCertify ? (
                      <button type="button" className="btn btn-small" onClick={() => void act(async () => downloadFile((await call('register.reprint', { id: d.id })).file))} data-testid="register-reprint">
                        {t('registrar.register.reprint')}
                      </button>
                    ) : null}
                    {canRevoke ? (
                      <button type="button" className="btn btn-small btn-danger" onClick={() => { setRevoking(d); setReason(''); }} data-testid="register-revoke">
                        {t('registrar.register.revoke')}
                      </button>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking ? (
        <div className="registrar-form" role="dialog" aria-label={t('registrar.register.revoke')} data-testid="revoke-dialog">
          <TextField label={t('registrar.register.reason', { number: revoking.number })} value={reason} onChange={setReason} maxLength={300} testId="revoke-reason" autoFocus />
          <button
            type="button"
            className="btn btn-danger"
            disabled={!reason.trim()}
            onClick={() => void act(async () => { await call('register.revoke', { id: revoking.id, version: revoking.version, reason }); setRevoking(null); })}
            data-testid="revoke-confirm"
          >
            {t('registrar.register.revoke')}
          </button>
          <button type="button" className="btn" onClick={() => setRevoking(null)}>
            {t('card.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
