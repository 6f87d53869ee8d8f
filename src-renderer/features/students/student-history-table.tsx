import { useIntl } from 'react-intl';
import type { StatusHistoryEntry } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { EMPTY, fundingKey, historyKindMessage, statusKey, studyFormKey } from '../../app/labels';
import type { ReferenceIndex } from '../../app/reference-index';

const HEADERS: readonly MessageKey[] = [
  'history.date',
  'history.kind',
  'history.status',
  'history.group',
  'history.course',
  'history.form',
  'history.funding',
  'history.order',
];

/** Status history (DOMAIN.md §4): what the student's status, group, course, form and funding were, and by which order. */
export function StudentHistoryTable({ history, reference }: { history: readonly StatusHistoryEntry[]; reference: ReferenceIndex }) {
  const intl = useIntl();
  if (history.length === 0) {
    return <p className="muted">{intl.formatMessage({ id: 'history.empty' })}</p>;
  }
  const order = (h: StatusHistoryEntry) => {
    if (!h.orderNo) return EMPTY;
    return h.orderDate
      ? intl.formatMessage({ id: 'history.orderNoDate' }, { no: h.orderNo, date: formatDate(h.orderDate) })
      : intl.formatMessage({ id: 'history.orderNo' }, { no: h.orderNo });
  };
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid="student-history">
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
          {history.map((h) => {
            const kind = historyKindMessage(h.kind);
            return (
              <tr key={h.id} data-testid="student-history-row" data-kind={h.kind}>
                <td className="nowrap">{formatDate(h.effectiveDate)}</td>
                <td>{intl.formatMessage({ id: kind.id }, kind.values)}</td>
                <td>{intl.formatMessage({ id: statusKey(h.status) })}</td>
                <td className="nowrap">{h.groupName || reference.group.get(h.groupId)?.name || EMPTY}</td>
                <td className="num">{h.course}</td>
                <td>{intl.formatMessage({ id: studyFormKey(h.form) })}</td>
                <td>{intl.formatMessage({ id: fundingKey(h.funding) })}</td>
                <td className="nowrap">{order(h)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
