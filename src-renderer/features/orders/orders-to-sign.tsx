import { useIntl } from 'react-intl';
import type { OrderToSign } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { orderTypeKey } from '../../app/labels';
import { todayIso } from '../../app/university-today';
import { ErrorBanner } from '../../ui/error-banner';
import { useLoad } from '../../ui/use-load';

/** What still stands in the way of signing a waiting draft, as the signer reads it; null when it can be signed. */
export function toSignBlocker(o: Pick<OrderToSign, 'studentCount' | 'problems' | 'missingBasis'>): { key: MessageKey; count?: number } | null {
  if (o.studentCount === 0) return { key: 'orders.toSign.empty' };
  if (o.problems > 0) return { key: 'orders.toSign.problems', count: o.problems };
  if (o.missingBasis.length === 2) return { key: 'orders.toSign.basisBoth' };
  if (o.missingBasis[0] === 'reason') return { key: 'orders.toSign.basisKy' };
  if (o.missingBasis[0] === 'reasonRu') return { key: 'orders.toSign.basisRu' };
  return null;
}

/**
 * The signer's in-tray above the orders list: every draft waiting for a signature, the
 * longest-waiting first, each saying whether it is ready or what the preparer still owes.
 */
export function OrdersToSign({ onOpen }: { onOpen(id: string): void }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const tray = useLoad(() => call('orders.toSign', {}), []);
  if (tray.state.phase === 'error') return <ErrorBanner message={tray.state.message} onRetry={tray.reload} />;
  const rows = tray.data?.rows;
  if (!rows) return null;
  const ready = rows.filter((o) => toSignBlocker(o) === null).length;
  return (
    <section className="orders-to-sign" aria-labelledby="orders-to-sign-title" data-testid="orders-to-sign" data-count={rows.length} data-ready={ready}>
      <h2 className="orders-to-sign-title" id="orders-to-sign-title">
        {t('orders.toSign.title')}
        <span className="muted small">{rows.length ? t('orders.toSign.count', { count: rows.length, ready }) : t('orders.toSign.none')}</span>
      </h2>
      {rows.length ? (
        <ul className="orders-to-sign-list">
          {rows.map((o) => {
            const blocker = toSignBlocker(o);
            return (
              <li key={o.id}>
                <button type="button" className="orders-to-sign-item" onClick={() => onOpen(o.id)} data-testid="orders-to-sign-item" data-order-id={o.id} data-ready={blocker ? 'false' : 'true'}>
                  <strong>{t(orderTypeKey(o.type))}</strong>
                  <span>{t('orders.toSign.effective', { date: formatDate(o.effectiveDate) })}</span>
                  <span>{t('orders.students', { count: o.studentCount })}</span>
                  <span className="muted">{t('orders.toSign.prepared', { name: o.createdBy ?? '—', date: formatDate(todayIso(new Date(o.updatedAt))) })}</span>
                  {blocker ? (
                    <span className="pill pill-draft">{t(blocker.key, blocker.count === undefined ? undefined : { count: blocker.count })}</span>
                  ) : (
                    <span className="pill pill-order-signed">{t('orders.toSign.ready')}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
