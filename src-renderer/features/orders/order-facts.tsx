import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { OrderDetail } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { EMPTY, expulsionReasonKey, orderStateKey, orderTypeKey } from '../../app/labels';
import { useLoad } from '../../ui/use-load';

function Fact({ label, children, testId }: { label: MessageKey; children: ReactNode; testId?: string }) {
  const intl = useIntl();
  return (
    <div className="card-item">
      <dt>{intl.formatMessage({ id: label })}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

interface OrderFactsProps {
  order: OrderDetail;
  /** the header form shows type, dates and basis already */
  editable: boolean;
  onOpenOrder(id: string): void;
}

/** A saved order's facts: number and date once signed, who prepared and signed it, what it cancels or was cancelled by. */
export function OrderFacts({ order, editable, onOpenOrder }: OrderFactsProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const orderRef = (o: { number: string | null; orderDate: string | null; type: OrderDetail['type'] }) =>
    t('orders.orderRef', { number: o.number ?? '', date: formatDate(o.orderDate), type: t(orderTypeKey(o.type)) });

  return (
    <dl className="card-grid order-facts" data-testid="order-facts">
      <Fact label="orders.state" testId="order-state">
        <span className={`pill pill-order-${order.state}`}>{t(orderStateKey(order.state))}</span>
      </Fact>
      {order.number ? (
        <Fact label="orders.number">
          <strong className="order-no" data-testid="order-number">
            {order.number}
          </strong>
        </Fact>
      ) : null}
      {order.orderDate ? (
        <Fact label="orders.orderDate" testId="order-date">
          {formatDate(order.orderDate)}
        </Fact>
      ) : null}
      {!editable ? (
        <>
          <Fact label="orders.type" testId="order-type-text">
            {t(orderTypeKey(order.type))}
          </Fact>
          <Fact label="orders.effectiveDate" testId="order-effective-date-text">
            {formatDate(order.effectiveDate)}
          </Fact>
          {order.expulsionReason ? (
            <Fact label="orders.expulsionReason" testId="order-expulsion-reason-text">
              {t(expulsionReasonKey(order.expulsionReason))}
            </Fact>
          ) : null}
        </>
      ) : null}
      <Fact label="orders.createdByLabel">{order.createdBy ?? EMPTY}</Fact>
      {order.signedBy ? <Fact label="orders.signedByLabel">{order.signedBy}</Fact> : null}
      {order.cancels ? (
        <Fact label="orders.cancels">
          <button type="button" className="btn-link" onClick={() => onOpenOrder(order.cancels!.id)} data-testid="order-cancels-link">
            {orderRef(order.cancels)}
          </button>
        </Fact>
      ) : null}
      {!editable ? (
        <div className="card-item order-facts-full">
          <dt>{t('orders.reason')}</dt>
          <dd className="order-reason-text" data-testid="order-reason-text">
            {order.reason || EMPTY}
          </dd>
        </div>
      ) : null}
      {!editable ? (
        <div className="card-item order-facts-full">
          <dt>{t('orders.reasonRu')}</dt>
          <dd className="order-reason-text" data-testid="order-reason-ru-text">
            {order.reasonRu || EMPTY}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** "Cancelled by order № … of …, signed by …": the cancelling order is fetched for its number and signer. */
export function CancelledNote({ cancelledById, onOpenOrder }: { cancelledById: string; onOpenOrder(id: string): void }) {
  const intl = useIntl();
  // the note reads well without the details if they cannot be fetched
  const by: OrderDetail | null = useLoad(() => call('orders.get', { id: cancelledById }), [cancelledById]).data;

  return (
    <div className="banner banner-warn" role="status" data-testid="order-cancelled-note">
      <span className="banner-text">
        {by
          ? intl.formatMessage(
              { id: 'orders.cancelledBy' },
              { number: by.number ?? '', date: formatDate(by.orderDate), name: by.signedBy ?? EMPTY },
            )
          : intl.formatMessage({ id: 'orders.cancelledByUnknown' })}
      </span>
      <button type="button" className="btn btn-small" onClick={() => onOpenOrder(cancelledById)} data-testid="order-cancelled-by">
        {intl.formatMessage({ id: 'orders.openCancelling' })}
      </button>
    </div>
  );
}
