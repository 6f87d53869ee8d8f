import { useIntl } from 'react-intl';
import { formatDate } from '../../../src-shared/domain/dates';
import { EXPULSION_REASONS, type ExpulsionReason, type OrderType } from '../../../src-shared/domain/orders';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { expulsionReasonKey, orderTypeKey } from '../../app/labels';
import { TextAreaField, TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import type { OrderDraft, OrderField } from './order-draft';
import { NEW_ORDER_TYPES, needsExpulsionReason } from './order-type-params';
import type { CancelTarget } from './use-order-editor';
import { useLoad } from '../../ui/use-load';

interface OrderHeaderFormProps {
  draft: OrderDraft;
  /** not saved yet: the type and the order to cancel can still be chosen */
  isNew: boolean;
  errors: Partial<Record<OrderField, string>>;
  disabled: boolean;
  /** the order a "cancel by a new order" started from */
  cancelsPreset: CancelTarget | null;
  onChange(patch: Partial<Omit<OrderDraft, 'items'>>): void;
}

/** An order's own fields: type (fixed once saved), effective date, basis, and what the type needs. */
export function OrderHeaderForm({ draft, isNew, errors, disabled, cancelsPreset, onChange }: OrderHeaderFormProps) {
  const intl = useIntl();
  const t = (id: MessageKey) => intl.formatMessage({ id });

  return (
    <div className="order-form" data-testid="order-form">
      <SelectField
        label={t('orders.type')}
        value={draft.type}
        onChange={(v) => onChange({ type: v as OrderType })}
        options={NEW_ORDER_TYPES.map((o) => ({ value: o, label: intl.formatMessage({ id: orderTypeKey(o) }) }))}
        disabled={disabled || !isNew}
        error={errors.type}
        errorName="order-type"
        testId="order-type"
        className="order-form-type"
      />
      <TextField
        label={t('orders.effectiveDate')}
        value={draft.effectiveDate}
        onChange={(v) => onChange({ effectiveDate: v })}
        maxLength={10}
        placeholder={t('card.dateHint')}
        hint={t('card.dateHint')}
        error={errors.effectiveDate}
        errorName="order-effective-date"
        disabled={disabled}
        testId="order-effective-date"
      />
      {needsExpulsionReason(draft.type) ? (
        <SelectField
          label={t('orders.expulsionReason')}
          value={draft.expulsionReason}
          onChange={(v) => onChange({ expulsionReason: v as ExpulsionReason | '' })}
          emptyLabel={t('orders.choose')}
          options={EXPULSION_REASONS.map((r) => ({ value: r, label: intl.formatMessage({ id: expulsionReasonKey(r) }) }))}
          error={errors.expulsionReason}
          errorName="order-expulsion-reason"
          disabled={disabled}
          testId="order-expulsion-reason"
          className="order-form-wide"
        />
      ) : null}
      {draft.type === 'cancellation' && isNew ? (
        <CancelsSelect
          value={draft.cancelsOrderId}
          preset={cancelsPreset}
          error={errors.cancelsOrderId}
          disabled={disabled}
          onChange={(id) => onChange({ cancelsOrderId: id })}
        />
      ) : null}
      <TextAreaField
        label={t('orders.reason')}
        value={draft.reason}
        onChange={(v) => onChange({ reason: v })}
        maxLength={2000}
        rows={2}
        placeholder={t('orders.reasonPlaceholder')}
        error={errors.reason}
        errorName="order-reason"
        disabled={disabled}
        testId="order-reason"
        className="order-form-half"
      />
      <TextAreaField
        label={t('orders.reasonRu')}
        value={draft.reasonRu}
        onChange={(v) => onChange({ reasonRu: v })}
        maxLength={2000}
        rows={2}
        placeholder={t('orders.reasonRuPlaceholder')}
        error={errors.reasonRu}
        errorName="order-reason-ru"
        disabled={disabled}
        testId="order-reason-ru"
        className="order-form-half"
      />
    </div>
  );
}

const CANCELLABLE_LIMIT = 500;

/** The signed orders one may cancel (a cancellation itself cannot be cancelled). */
function CancelsSelect(p: { value: string; preset: CancelTarget | null; error: string | undefined; disabled: boolean; onChange(id: string): void }) {
  const intl = useIntl();
  const signed = useLoad(() => call('orders.list', { state: 'signed', offset: 0, limit: CANCELLABLE_LIMIT }).then((r): CancelTarget[] => r.rows.filter((o) => o.type !== 'cancellation')), []);
  const rows = signed.data;
  const loadError = signed.state.phase === 'error' ? signed.state.message : null;
  const label = (o: CancelTarget) =>
    intl.formatMessage(
      { id: 'orders.cancelsOption' },
      { number: o.number ?? '', date: formatDate(o.orderDate), type: intl.formatMessage({ id: orderTypeKey(o.type) }) },
    );

  const list = rows ?? [];
  const all = p.preset && !list.some((o) => o.id === p.preset!.id) ? [p.preset, ...list] : list;
  return (
    <SelectField
      label={intl.formatMessage({ id: 'orders.cancels' })}
      value={p.value}
      onChange={p.onChange}
      emptyLabel={intl.formatMessage({ id: rows === null && !loadError ? 'app.loading' : 'orders.choose' })}
      options={all.map((o) => ({ value: o.id, label: label(o) }))}
      error={p.error ?? loadError}
      errorName="order-cancels"
      disabled={p.disabled}
      testId="order-cancels"
      className="order-form-wide"
    />
  );
}
