import { useState } from 'react';
import { useIntl } from 'react-intl';
import { formatDate, parseDisplayDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { orderTypeKey } from '../../app/labels';
import { TextField } from '../../ui/field';
import { signBlocker } from './order-draft';
import { todayIso } from '../../app/university-today';
import { type ExportFormat, type ExportLang, type OrderEditorState } from './use-order-editor';

const EXPORTS: readonly { format: ExportFormat; lang: ExportLang; label: MessageKey }[] = [
  { format: 'pdf', lang: 'ky', label: 'orders.export.pdfKy' },
  { format: 'pdf', lang: 'ru', label: 'orders.export.pdfRu' },
  { format: 'xlsx', lang: 'ky', label: 'orders.export.xlsxKy' },
  { format: 'xlsx', lang: 'ru', label: 'orders.export.xlsxRu' },
];

interface OrderActionsProps {
  ed: OrderEditorState;
  canDraft: boolean;
  onCancelByNew(): void;
}

/** Save, sign (with a confirmation and the order date), delete a draft, export, cancel by a new order. */
export function OrderActions({ ed, canDraft, onCancelByNew }: OrderActionsProps) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [confirm, setConfirm] = useState<null | 'sign' | 'delete'>(null);
  const [signDate, setSignDate] = useState(() => formatDate(todayIso()));
  const [signDateError, setSignDateError] = useState<string | null>(null);
  const { order, busy, dirty } = ed;
  const editable = order === null || order.canEdit;
  const blocker = signBlocker({ canSign: order?.canSign ?? false, dirty, items: ed.draft.items, reason: ed.draft.reason, reasonRu: ed.draft.reasonRu });
  const signedOrder = order?.state === 'signed' && order.type !== 'cancellation';

  async function confirmSign() {
    const iso = parseDisplayDate(signDate);
    if (!iso) {
      setSignDateError(t('orders.invalidDate'));
      return;
    }
    setSignDateError(null);
    // signed or refused, the answer shows on the page (number, or the students who stop it)
    await ed.sign(iso);
    setConfirm(null);
  }

  return (
    <div className="order-actions-wrap">
      <div className="order-actions" data-testid="order-actions">
        {editable ? (
          <button type="button" className="btn btn-primary" onClick={() => void ed.save()} disabled={busy !== null} data-testid="order-save">
            {t(busy === 'saving' ? 'card.saving' : 'orders.save')}
          </button>
        ) : null}
        {order?.canSign ? (
          <button
            type="button"
            className="btn btn-sign"
            onClick={() => setConfirm('sign')}
            disabled={busy !== null || blocker !== null || confirm === 'sign'}
            data-testid="order-sign"
          >
            {t('orders.sign')}
          </button>
        ) : null}
        {order?.canEdit ? (
          <button type="button" className="btn btn-danger" onClick={() => setConfirm('delete')} disabled={busy !== null} data-testid="order-delete">
            {t('orders.delete')}
          </button>
        ) : null}
        {signedOrder && canDraft ? (
          <button type="button" className="btn" onClick={onCancelByNew} disabled={busy !== null} data-testid="order-cancel-by-new">
            {t('orders.cancelByNew')}
          </button>
        ) : null}
        {order ? (
          <div className="order-exports" role="group" aria-label={t('orders.export.title')}>
            <span className="muted small">{t('orders.export.title')}</span>
            {EXPORTS.map((x) => (
              <button
                key={`${x.format}-${x.lang}`}
                type="button"
                className="btn btn-small"
                onClick={() => void ed.exportFile(x.format, x.lang)}
                disabled={busy !== null || dirty}
                title={dirty ? t('orders.export.saveFirst') : undefined}
                data-testid={`order-export-${x.format}-${x.lang}`}
              >
                {t(x.label)}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {order?.canSign && blocker ? (
        <p className="muted small order-sign-hint" data-testid="order-sign-hint" data-blocker={blocker}>
          {t(blocker)}
        </p>
      ) : null}
      {order && !order.canSign && order.state === 'draft' && editable ? (
        <p className="muted small order-sign-hint" data-testid="order-sign-hint">
          {t('orders.signHint.notAllowed')}
        </p>
      ) : null}
      {confirm === 'sign' && order ? (
        <div className="confirm-box" role="dialog" aria-label={t('orders.signConfirmTitle')} data-testid="order-sign-dialog">
          <p className="confirm-text">
            {t('orders.signConfirmText', { type: t(orderTypeKey(order.type)), count: order.items.length })}
          </p>
          <TextField
            label={t('orders.orderDate')}
            value={signDate}
            onChange={setSignDate}
            maxLength={10}
            hint={t('card.dateHint')}
            error={signDateError}
            errorName="order-sign-date"
            testId="order-sign-date"
            className="confirm-date"
          />
          <div className="confirm-buttons">
            <button type="button" className="btn btn-sign" onClick={() => void confirmSign()} disabled={busy !== null} data-testid="order-sign-confirm">
              {t(busy === 'signing' ? 'orders.signing' : 'orders.signConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirm(null)} disabled={busy !== null} data-testid="order-sign-cancel">
              {t('card.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {confirm === 'delete' && order ? (
        <div className="confirm-box confirm-danger" role="dialog" aria-label={t('orders.deleteConfirmText')} data-testid="order-delete-dialog">
          <p className="confirm-text">{t('orders.deleteConfirmText')}</p>
          <div className="confirm-buttons">
            <button type="button" className="btn btn-danger" onClick={() => void ed.remove()} disabled={busy !== null} data-testid="order-delete-confirm">
              {t('orders.deleteConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirm(null)} disabled={busy !== null} data-testid="order-delete-cancel">
              {t('card.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
