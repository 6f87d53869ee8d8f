import { useEffect, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { OrderSummary } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { ORDER_STATES, ORDER_TYPES, type OrderState, type OrderType } from '../../../src-shared/domain/orders';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import { EMPTY, localName, orderStateKey, orderTypeKey } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useDebouncedValue } from '../../ui/use-debounced-value';

const PAGE = 100;
const HEADERS: readonly MessageKey[] = [
  'orders.col.number',
  'orders.col.type',
  'orders.col.orderDate',
  'orders.col.effectiveDate',
  'orders.col.students',
  'orders.col.faculty',
  'orders.col.people',
];

interface OrdersListProps {
  reference: ReferenceIndex;
  canDraft: boolean;
  onOpen(id: string): void;
  onNew(): void;
}

type Load = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; total: number; rows: OrderSummary[] };

/** All orders the user may see: drafts first, then the newest; filtered by state, type and number. */
export function OrdersList({ reference, canDraft, onOpen, onNew }: OrdersListProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [state, setState] = useState<OrderState | ''>('');
  const [type, setType] = useState<OrderType | ''>('');
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);

  const criteria = { ...(state ? { state } : {}), ...(type ? { type } : {}), ...(debounced ? { query: debounced } : {}) };
  const criteriaKey = JSON.stringify(criteria);

  useEffect(() => {
    let live = true;
    setLoad({ phase: 'loading' });
    call('orders.list', { ...JSON.parse(criteriaKey), offset: 0, limit: PAGE }).then(
      (r) => live && setLoad({ phase: 'ready', total: r.total, rows: r.rows }),
      (e: unknown) => live && setLoad({ phase: 'error', message: isApiError(e) ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [criteriaKey, attempt]);

  async function more() {
    if (load.phase !== 'ready' || loadingMore) return;
    setLoadingMore(true);
    try {
      const r = await call('orders.list', { ...criteria, offset: load.rows.length, limit: PAGE });
      setLoad({ phase: 'ready', total: r.total, rows: [...load.rows, ...r.rows] });
    } catch (e) {
      setLoad({ phase: 'error', message: isApiError(e) ? e.message : String(e) });
    } finally {
      setLoadingMore(false);
    }
  }

  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const faculty = (o: OrderSummary) =>
    o.facultyId ? localName(reference.faculty.get(o.facultyId)?.name, locale) || EMPTY : t('orders.facultyMany');
  const openKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(id);
    }
  };

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
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={() => setAttempt((a) => a + 1)} /> : null}
      <div className="count-line" aria-live="polite" data-testid="orders-count" data-total={load.phase === 'ready' ? load.total : ''}>
        {load.phase === 'ready' ? t('orders.count', { count: load.total }) : t('app.loading')}
      </div>
      {load.phase === 'ready' && load.rows.length === 0 ? (
        <p className="empty-state" data-testid="orders-empty">
          {t('orders.empty')}
        </p>
      ) : null}
      {load.phase === 'ready' && load.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table orders-table" data-testid="orders-table">
            <thead>
              <tr>
                {HEADERS.map((h) => (
                  <th key={h} scope="col">
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {load.rows.map((o) => (
                <tr
                  key={o.id}
                  className="orders-row"
                  tabIndex={0}
                  onClick={() => onOpen(o.id)}
                  onKeyDown={(e) => openKey(e, o.id)}
                  data-testid="orders-row"
                  data-order-id={o.id}
                  data-state={o.state}
                >
                  <td className="nowrap">
                    {o.number ? <strong className="order-no">{o.number}</strong> : <span className="pill pill-draft">{t('orders.draftNo')}</span>}
                    {o.state === 'cancelled' ? <span className="pill pill-cancelled">{t('orderState.cancelled')}</span> : null}
                  </td>
                  <td>{t(orderTypeKey(o.type))}</td>
                  <td className="nowrap">{formatDate(o.orderDate) || EMPTY}</td>
                  <td className="nowrap">{formatDate(o.effectiveDate)}</td>
                  <td className="nowrap">{t('orders.students', { count: o.studentCount })}</td>
                  <td>{faculty(o)}</td>
                  <td className="small">
                    {o.createdBy ? <div>{t('orders.createdBy', { name: o.createdBy })}</div> : null}
                    {o.signedBy ? <div>{t('orders.signedBy', { name: o.signedBy })}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {load.phase === 'ready' && load.rows.length < load.total ? (
        <button type="button" className="btn orders-more" onClick={more} disabled={loadingMore} data-testid="orders-more">
          {t(loadingMore ? 'app.loading' : 'orders.more')}
        </button>
      ) : null}
    </div>
  );
}
