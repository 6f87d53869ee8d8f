import { useIntl } from 'react-intl';
import type { AuditEntry } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { useLoad } from '../../ui/use-load';
import { EMPTY } from '../../app/labels';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime, fullJson, shortJson } from './audit-format';

const LIMIT = 200;
const HEADERS: readonly MessageKey[] = ['audit.at', 'audit.user', 'audit.action', 'audit.entity', 'audit.change'];

/** The latest audit entries (admin only): who changed what, with the old and new values. */
export function AuditScreen() {
  const intl = useIntl();
  const audit = useLoad(() => call('audit.list', { limit: LIMIT }).then((r): AuditEntry[] => r.rows), []);
  const load = audit.state;

  return (
    <section className="audit-screen" data-testid="audit-screen" data-loading={load.phase === 'loading' ? 'true' : 'false'}>
      <div className="page-head">
        <h1 className="page-title">{intl.formatMessage({ id: 'audit.title' })}</h1>
        <button type="button" className="btn" onClick={audit.reload} data-testid="audit-refresh">
          {intl.formatMessage({ id: 'audit.refresh' })}
        </button>
      </div>
      {load.phase === 'loading' ? <div className="muted">{intl.formatMessage({ id: 'app.loading' })}</div> : null}
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={audit.reload} /> : null}
      {load.phase === 'ready' && load.data.length === 0 ? (
        <p className="empty-state">{intl.formatMessage({ id: 'audit.empty' })}</p>
      ) : null}
      {load.phase === 'ready' && load.data.length > 0 ? (
        <>
          <div className="count-line" data-testid="audit-count">
            {intl.formatMessage({ id: 'audit.count' }, { count: load.data.length })}
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
                {load.data.map((r) => (
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
