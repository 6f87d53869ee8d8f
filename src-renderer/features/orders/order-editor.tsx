import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser, StudentRow } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { can } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';
import { orderStateKey, orderTypeKey } from '../../app/labels';
import type { ReferenceIndex } from '../../app/reference-index';
import { useLeaveGuard, useUnsavedWork } from '../../app/leave-guard';
import { formatDateTime } from '../../ui/date-time';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { OrderActions } from './order-actions';
import { OrderBulkBar } from './order-bulk-bar';
import { draftCounts, type DraftItem } from './order-draft';
import { CancelledNote, OrderFacts } from './order-facts';
import { OrderHeaderForm } from './order-header-form';
import { OrderItemsTable } from './order-items-table';
import { OrderStudentsAdd } from './order-students-add';
import { takesStudents } from './order-type-params';
import { useOrderEditor, type CancelTarget, type EditorTarget } from './use-order-editor';

interface OrderEditorProps {
  target: EditorTarget;
  user: SessionUser;
  reference: ReferenceIndex;
  onClose(): void;
  onOpenOrder(id: string): void;
  onCancelByNew(cancels: CancelTarget): void;
}

/** One order: a new one, a draft being prepared (with the server's preview), or a signed one, read-only. */
export function OrderEditor({ target, user, reference, onClose, onOpenOrder, onCancelByNew }: OrderEditorProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const ed = useOrderEditor(target, onClose);
  const { order, draft, problems } = ed;
  const canDraft = can(user.role, 'orders.draft');
  const editable = order === null ? canDraft : order.canEdit;
  const guard = useLeaveGuard();
  useUnsavedWork(ed.unsaved ? t(order ? 'leave.order' : 'leave.newOrder', { count: draft.items.length }) : null);
  const close = () => guard(onClose);
  const openOther = (id: string) => guard(() => onOpenOrder(id));
  const disabled = ed.busy !== null;
  const presentIds = useMemo(() => new Set(draft.items.map((i) => i.studentId)), [draft.items]);
  const groupName = useCallback((id: string) => reference.group.get(id)?.name ?? '', [reference]);
  const { addRows } = ed;
  const onAdd = useCallback((rows: readonly StudentRow[]) => addRows(rows, groupName), [addRows, groupName]);

  if (!order && target.kind === 'existing') {
    return (
      <section className="order-editor" data-testid="order-editor" data-state="loading">
        <BackButton onClose={close} />
        {ed.loadError ? (
          <ErrorBanner message={ed.loadError} onRetry={ed.reload} />
        ) : (
          <div className="muted" aria-busy="true">
            {t('app.loading')}
          </div>
        )}
      </section>
    );
  }

  const typeName = t(orderTypeKey(draft.type));
  const title = !order
    ? t('orders.newTitle')
    : order.number
      ? t('orders.signedTitle', { type: typeName, number: order.number, date: formatDate(order.orderDate) })
      : t('orders.draftTitle', { type: typeName });
  const cancelTarget = order ? { id: order.id, number: order.number, orderDate: order.orderDate, type: order.type } : null;

  return (
    <section
      className="order-editor"
      data-testid="order-editor"
      data-order-id={order?.id ?? ''}
      data-state={order?.state ?? 'new'}
      data-dirty={ed.dirty ? 'true' : 'false'}
      data-busy={ed.busy ?? ''}
    >
      <div className="order-top">
        <BackButton onClose={close} />
        <h1 className="page-title" data-testid="order-title">
          {title}
        </h1>
        {order ? <span className={`pill pill-order-${order.state}`}>{t(orderStateKey(order.state))}</span> : null}
      </div>
      {ed.notice ? <Notice message={ed.notice} testId="order-notice" /> : null}
      {ed.restored ? (
        <div className="banner banner-warn" role="status" data-testid="order-restored">
          <span className="banner-text">
            {t(ed.restored.stale ? 'drafts.restoredStale' : 'drafts.restored', { time: formatDateTime(ed.restored.savedAt) })}
          </span>
          <button type="button" className="btn btn-small" onClick={ed.undoRestored} disabled={disabled} data-testid="order-restored-undo">
            {t('drafts.undo')}
          </button>
        </div>
      ) : null}
      {ed.banner ? <ErrorBanner message={ed.banner.message} onDismiss={ed.dismissBanner} testId="order-error" /> : null}
      {ed.banner?.stale ? (
        <button type="button" className="btn btn-small" onClick={ed.reload} data-testid="order-reload">
          {t('orders.reload')}
        </button>
      ) : null}
      <MessageList messages={ed.signRefusal} testId="order-sign-problems" heading="orders.signRefusedList" />
      <MessageList messages={problems.unplaced} testId="order-problems-other" />
      {order?.state === 'cancelled' && order.cancelledByOrderId ? (
        <CancelledNote cancelledById={order.cancelledByOrderId} onOpenOrder={openOther} />
      ) : null}
      {order ? <OrderFacts order={order} editable={editable} onOpenOrder={openOther} /> : null}
      {editable ? (
        <OrderHeaderForm
          draft={draft}
          isNew={order === null}
          errors={problems.order}
          disabled={disabled}
          cancelsPreset={target.kind === 'new' ? target.cancels : null}
          onChange={ed.setHeader}
        />
      ) : null}
      <OrderActions ed={ed} canDraft={canDraft} onCancelByNew={() => cancelTarget && guard(() => onCancelByNew(cancelTarget))} />

      <h2 className="section-title">{t('orders.studentsTitle')}</h2>
      {editable && takesStudents(draft.type) ? (
        <OrderStudentsAdd type={draft.type} reference={reference} presentIds={presentIds} disabled={disabled} onAdd={onAdd} />
      ) : null}
      {problems.order.items ? (
        <div className="field-error" role="alert" data-testid="field-error-order-items">
          {problems.order.items}
        </div>
      ) : null}
      {draft.type === 'cancellation' && !order ? <p className="muted small">{t('orders.cancellationStudents')}</p> : null}
      <OrderSummary items={draft.items} draft={order === null || order.state === 'draft'} checked={draft.type !== 'cancellation'} />
      {editable ? (
        <OrderBulkBar type={draft.type} reference={reference} count={draft.items.length} disabled={disabled} onApply={ed.updateAll} />
      ) : null}
      {draft.items.length > 0 ? (
        <OrderItemsTable
          items={draft.items}
          type={draft.type}
          editable={editable && takesStudents(draft.type)}
          problems={problems.items}
          reference={reference}
          onChange={ed.updateItem}
          onRemove={ed.removeItem}
        />
      ) : null}
    </section>
  );
}

function BackButton({ onClose }: { onClose(): void }) {
  const intl = useIntl();
  return (
    <button type="button" className="btn btn-quiet order-back" onClick={onClose} data-testid="order-back">
      {intl.formatMessage({ id: 'orders.back' })}
    </button>
  );
}

function MessageList({ messages, testId, heading }: { messages: readonly string[]; testId: string; heading?: MessageKey }) {
  const intl = useIntl();
  if (messages.length === 0) return null;
  return (
    <div className="banner banner-error order-messages" role="alert" data-testid={testId}>
      <div className="banner-text">
        {heading ? <div className="order-messages-title">{intl.formatMessage({ id: heading })}</div> : null}
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * "N students; M would be refused" for a draft, or just the count for a signed order. A
 * cancellation's draft is not checked ahead (signing checks that nothing happened since).
 */
function OrderSummary({ items, draft, checked }: { items: readonly DraftItem[]; draft: boolean; checked: boolean }) {
  const intl = useIntl();
  const c = draftCounts(items);
  let status: { key: MessageKey; count: number; tone: string } | null = null;
  if (draft && c.unchecked > 0) status = { key: 'orders.summary.unchecked', count: c.unchecked, tone: 'muted' };
  else if (draft && c.problems > 0) status = { key: 'orders.summary.problems', count: c.problems, tone: 'summary-bad' };
  else if (draft && checked && c.total > 0) status = { key: 'orders.summary.ok', count: c.total, tone: 'summary-ok' };
  return (
    <div
      className="count-line order-summary"
      aria-live="polite"
      data-testid="order-summary"
      data-total={c.total}
      data-problems={c.problems}
      data-unchecked={c.unchecked}
    >
      <span>{intl.formatMessage({ id: 'orders.students' }, { count: c.total })}</span>
      {status ? <span className={status.tone}>{intl.formatMessage({ id: status.key }, { count: status.count })}</span> : null}
    </div>
  );
}
