import type { ReactNode } from 'react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OrderSummary } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { ORDER_STATES, ORDER_TYPES, type OrderState, type OrderType } from '../../../src-shared/domain/orders';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { DataTable, type DataColumn } from '../../ui/data-table';
import { useLoad } from '../../ui/use-load';
import { EMPTY, localName, orderStateKey, orderTypeKey } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { OrdersToSign } from './orders-to-sign';

const PAGE = 100;

interface OrdersListProps {
  reference: ReferenceIndex;
  /** the administrator's settings of every order (visas), under the title */
  settings?: ReactNode;
  canDraft: boolean;
  /** a signer sees the drafts waiting for a signature above the list */
  canSign: boolean;
  onOpen(id: string): void;
  onNew(): void;
}

/** All orders the user may see: drafts first, then the newest; filtered by state, type and number. */
export function OrdersList({ reference, canDraft, canSign, onOpen, onNew, settings }: OrdersListProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [state, setState] = useState<OrderState | ''>('');
  const [type, setType] = useState<OrderType | ''>('');
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const [loadingMore, setLoadingMore] = useState(false);

  const criteria = { ...(state ? { state } : {}), ...(type ? { type } : {}), ...(debounced ? { query: debounced } : {}) };
  const criteriaKey = JSON.stringify(criteria);
  const list = useLoad(() => call('orders.list', { ...criteria, offset: 0, limit: PAGE }), [criteriaKey]);
  const [moreError, setMoreError] = useState<string | null>(null);

  async function more() {
    if (!list.data || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const r = await call('orders.list', { ...criteria, offset: list.data.rows.length, limit: PAGE });
      list.set({ total: r.total, rows: [...list.data.rows, ...r.rows] });
    } catch (e) {
      setMoreError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  }

  /** Every order of the current filter, in the server's order, for the export. */
  async function allOfFilter(): Promise<OrderSummary[]> {
    const rows: OrderSummary[] = [];
    for (;;) {
      const r = await call('orders.list', { ...criteria, offset: rows.length, limit: 500 });
      rows.push(...r.rows);
      if (r.rows.length === 0 || rows.length >= r.total) return rows;
    }
  }

  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const faculty = (o: OrderSummary) =>
    o.facultyId ? localName(reference.faculty.get(o.facultyId)?.name, locale) || EMPTY : t('orders.facultyMany');
  const columns: DataColumn<OrderSummary>[] = [
    {
      id: 'number',
      header: t('orders.col.number'),
      width: '9rem',
      className: 'nowrap',
      value: (o) => o.number ?? t('orders.draftNo'),
      cell: (o) => (
        <>
          {o.number ? <strong className="order-no">{o.number}</strong> : <span className="pill pill-draft">{t('orders.draftNo')}</span>}
          {o.state === 'cancelled' ? <span className="pill pill-cancelled">{t('orderState.cancelled')}</span> : null}
        </>
      ),
    },
    { id: 'type', header: t('orders.col.type'), value: (o) => t(orderTypeKey(o.type)), cell: (o) => t(orderTypeKey(o.type)) },
    { id: 'orderDate', header: t('orders.col.orderDate'), width: '8rem', className: 'nowrap', value: (o) => formatDate(o.orderDate), cell: (o) => formatDate(o.orderDate) || EMPTY },
    { id: 'effectiveDate', header: t('orders.col.effectiveDate'), width: '8rem', className: 'nowrap', value: (o) => formatDate(o.effectiveDate), cell: (o) => formatDate(o.effectiveDate) },
    { id: 'students', header: t('orders.col.students'), width: '8rem', className: 'nowrap', value: (o) => o.studentCount, cell: (o) => t('orders.students', { count: o.studentCount }) },
    { id: 'faculty', header: t('orders.col.faculty'), value: faculty, cell: faculty },
    {
      id: 'people',
      header: t('orders.col.people'),
      className: 'small',
      value: (o) => [o.createdBy, o.signedBy].filter(Boolean).join(' / '),
      cell: (o) => {
        const lines = [o.createdBy ? t('orders.createdBy', { name: o.createdBy }) : null, o.signedBy ? t('orders.signedBy', { name: o.signedBy }) : null].filter((l): l is string => l !== null);
        // compact rows show the last line (who signed, else who prepared); both are in the tooltip
        return (
          <div className="orders-people" title={lines.join('\n')}>
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        );
      },
    },
  ];

  return (
    <div className="orders-list">
      <div className="page-head">
        <h1 className="page-title">{t('orders.title')}</h1>
        {canDraft ? (
          <button type="button" className="btn btn-primary" onClick={onNew} data-testid="orders-new">
            {t('orders.new')}
          </button>
        ) : null}
      </div>
      {settings}
      {canSign ? <OrdersToSign onOpen={onOpen} /> : null}
      <div className="filters orders-filters">
        <SelectField
          label={t('orders.filterState')}
          value={state}
          onChange={(v) => setState(v as OrderState | '')}
          emptyLabel={t('filter.all')}
          options={ORDER_STATES.map((s) => ({ value: s, label: t(orderStateKey(s)) }))}
          testId="orders-filter-state"
        />
        <SelectField
          label={t('orders.filterType')}
          value={type}
          onChange={(v) => setType(v as OrderType | '')}
          emptyLabel={t('filter.all')}
          options={ORDER_TYPES.map((o) => ({ value: o, label: t(orderTypeKey(o)) }))}
          testId="orders-filter-type"
          className="filter-wide"
        />
        <TextField
          label={t('orders.filterQuery')}
          value={query}
          onChange={setQuery}
          type="search"
          placeholder={t('orders.filterQueryPlaceholder')}
          maxLength={50}
          testId="orders-filter-query"
        />
      </div>
      {list.state.phase === 'error' ? <ErrorBanner message={list.state.message} onRetry={list.reload} /> : null}
      {moreError ? <ErrorBanner message={moreError} onDismiss={() => setMoreError(null)} /> : null}
      {list.state.phase !== 'error' ? (
        <DataTable
          columns={columns}
          rows={list.data?.rows ?? null}
          rowKey={(o) => o.id}
          onOpen={(o) => onOpen(o.id)}
          empty={t('orders.empty')}
          summary={
            <div className="count-line" aria-live="polite" data-testid="orders-count" data-total={list.data ? list.data.total : ''}>
              {list.data ? t('orders.count', { count: list.data.total }) : t('app.loading')}
            </div>
          }
          testId="orders-table"
          rowTestId="orders-row"
          rowData={(o) => ({ 'order-id': o.id, state: o.state })}
          className="orders-table"
          // sorting re-orders what is on screen: only once the whole filter is loaded
          sortable={!!list.data && list.data.rows.length >= list.data.total}
          exportName={t('orders.title')}
          exportRows={allOfFilter}
        />
      ) : null}
      {list.data && list.data.rows.length < list.data.total ? (
        <button type="button" className="btn orders-more" onClick={more} disabled={loadingMore} data-testid="orders-more">
          {t(loadingMore ? 'app.loading' : 'orders.more')}
        </button>
      ) : null}
    </div>
  );
}
