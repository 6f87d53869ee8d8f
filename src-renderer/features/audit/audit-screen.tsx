import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AuditEntry } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import { EMPTY } from '../../app/labels';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime, fullJson, shortJson } from './audit-format';

const LIMIT = 200;
const HEADERS: readonly MessageKey[] = ['audit.at', 'audit.user', 'audit.action', 'audit.entity', 'audit.change'];

type Load = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; rows: AuditEntry[] };

/** The latest audit entries (admin only): who changed what, with the old and new values. */
export function AuditScreen() {
  const intl = useIntl();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad({ phase: 'loading' });
    call('audit.list', { limit: LIMIT }).then(
      (res) => live && setLoad({ phase: 'ready', rows: res.rows }),
      (e: unknown) => live && setLoad({ phase: 'error', message: isApiError(e) ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <section className="audit-screen" data-testid="audit-screen" data-loading={load.phase === 'loading' ? 'true' : 'false'}>
      <div className="page-head">
        <h1 className="page-title">{intl.formatMessage({ id: 'audit.title' })}</h1>
        <button type="button" className="btn" onClick={() => setAttempt((a) => a + 1)} data-testid="audit-refresh">
          {intl.formatMessage({ id: 'audit.refresh' })}
        </button>
      </div>
      {load.phase === 'loading' ? <div className="muted">{intl.formatMessage({ id: 'app.loading' })}</div> : null}
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={() => setAttempt((a) => a + 1)} /> : null}
      {load.phase === 'ready' && load.rows.length === 0 ? (
        <p className="empty-state">{intl.formatMessage({ id: 'audit.empty' })}</p>
      ) : null}
      {load.phase === 'ready' && load.rows.length > 0 ? (
        <>
          <div className="count-line" data-testid="audit-count">
            {intl.formatMessage({ id: 'audit.count' }, { count: load.rows.length })}
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr>
                  {HEADERS.map((h) => (
                    <th key={h} scope="col">
                      {intl.formatMessage({ id: h })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {load.rows.map((r) => (
                  <tr key={r.id} data-testid="audit-row" data-entity-id={r.entityId}>
                    <td className="nowrap">{formatDateTime(r.at)}</td>
                    <td>{r.username ?? intl.formatMessage({ id: 'audit.system' })}</td>
                    <td className="mono">{r.action}</td>
                    <td className="mono" title={r.entityId}>
                      {r.entity}
                    </td>
                    <td className="mono audit-change" title={`${fullJson(r.oldValue)}\n→\n${fullJson(r.newValue)}`}>
                      <span className="audit-old">{shortJson(r.oldValue) || EMPTY}</span>
                      <span className="audit-arrow" aria-hidden="true">
                        →
                      </span>
                      <span className="audit-new">{shortJson(r.newValue) || EMPTY}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
