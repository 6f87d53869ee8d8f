import { useIntl } from 'react-intl';
import type { StatusHistoryEntry } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { EMPTY, fundingKey, historyKindMessage, statusKey, studyFormKey } from '../../app/labels';
import { useOrderLink } from '../../app/order-link-context';
import type { ReferenceIndex } from '../../app/reference-index';

/**
 * Status history (DOMAIN.md §4) as a timeline: on which date what changed, the student's
 * status, group, course, form and funding from then on, and the order behind it (a link into
 * the Orders section when the order is in this system). Changes of a cancelled order stay in
 * the timeline, struck through: they happened on paper, but no longer count. A change dated
 * after today is drawn dashed with the day it takes effect (the card's lists still show today's state).
 */
export function StudentTimeline({ history, reference }: { history: readonly StatusHistoryEntry[]; reference: ReferenceIndex }) {
  const intl = useIntl();
  const openOrder = useOrderLink();
  if (history.length === 0) {
    return <p className="muted">{intl.formatMessage({ id: 'history.empty' })}</p>;
  }
  const orderText = (h: StatusHistoryEntry) =>
    h.orderDate
      ? intl.formatMessage({ id: 'history.orderNoDate' }, { no: h.orderNo ?? EMPTY, date: formatDate(h.orderDate) })
      : intl.formatMessage({ id: 'history.orderNo' }, { no: h.orderNo ?? EMPTY });

  return (
    <ol className="timeline" data-testid="student-history" aria-label={intl.formatMessage({ id: 'history.title' })}>
      {history.map((h) => {
        const kind = historyKindMessage(h.kind);
        const group = h.groupName || reference.group.get(h.groupId)?.name || EMPTY;
        return (
          <li
            key={h.id}
            className={h.voided ? 'timeline-entry timeline-voided' : h.pending ? 'timeline-entry timeline-pending' : 'timeline-entry'}
            data-testid="student-history-row"
            data-kind={h.kind}
            data-voided={h.voided ? 'true' : 'false'}
            data-pending={h.pending ? 'true' : 'false'}
            data-order-id={h.orderId ?? ''}
          >
            <span className={`timeline-dot timeline-dot-${h.status}`} aria-hidden="true" />
            <div className="timeline-head">
              <time className="timeline-date" dateTime={h.effectiveDate}>
                {formatDate(h.effectiveDate)}
              </time>
              <span className="timeline-kind">{intl.formatMessage({ id: kind.id }, kind.values)}</span>
            </div>
            <div className="timeline-state">
              <span className={`pill pill-${h.status}`}>{intl.formatMessage({ id: statusKey(h.status) })}</span>
              <span>
                {intl.formatMessage(
                  { id: 'history.stateLine' },
                  {
                    group,
                    course: h.course,
                    form: intl.formatMessage({ id: studyFormKey(h.form) }),
                    funding: intl.formatMessage({ id: fundingKey(h.funding) }),
                  },
                )}
              </span>
            </div>
            {h.leave ? (
              <div className="timeline-leave" data-testid="history-leave">
                {intl.formatMessage({ id: 'history.leave' }, { from: formatDate(h.leave.from), to: formatDate(h.leave.to) })}
              </div>
            ) : null}
            {h.orderNo || h.orderId ? (
              <div className="timeline-order">
                <span className="muted">{intl.formatMessage({ id: 'history.order' })}</span>{' '}
                {h.orderId && openOrder ? (
                  <button
                    type="button"
                    className="btn-link"
                    onClick={() => openOrder(h.orderId!)}
                    data-testid="history-order-link"
                    data-order-id={h.orderId}
                  >
                    {orderText(h)}
                  </button>
                ) : (
                  <span data-testid="history-order">{orderText(h)}</span>
                )}
              </div>
            ) : null}
            {h.pending ? (
              <div className="timeline-note timeline-note-pending" data-testid="history-pending-note">
                {intl.formatMessage({ id: 'history.pending' }, { date: formatDate(h.effectiveDate) })}
              </div>
            ) : null}
            {h.voided ? (
              <div className="timeline-note" data-testid="history-voided-note">
                {intl.formatMessage({ id: 'history.voided' })}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
