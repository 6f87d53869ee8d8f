import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { OrderType } from '../../../src-shared/domain/orders';
import type { MessageKey } from '../../../src-shared/i18n';
import type { ReferenceIndex } from '../../app/reference-index';
import type { DraftItem, ItemInputs } from './order-draft';
import { useGroupOptions } from './order-group-options';
import { OrderItemRow } from './order-item-row';
import type { ItemProblems } from './order-problems';
import { itemParamsFor } from './order-type-params';

/**
 * Up to this many students the rows are plain DOM (every row findable, the page scrolls);
 * a longer order (a whole course: thousands) renders only the rows in view.
 */
export const VIRTUALIZE_FROM = 150;
const ESTIMATED_ROW = 60;

interface OrderItemsTableProps {
  items: readonly DraftItem[];
  type: OrderType;
  editable: boolean;
  problems: Record<string, ItemProblems>;
  reference: ReferenceIndex;
  onChange(key: string, patch: Partial<ItemInputs>): void;
  onRemove(key: string): void;
}

/** The students of the order, each with its preview (before → after) and its problem in place. */
export function OrderItemsTable({ items, type, editable, problems, reference, onChange, onRemove }: OrderItemsTableProps) {
  const intl = useIntl();
  // a read-only order shows the parameters column only when some student has one
  const params = useMemo(() => {
    const all = itemParamsFor(type);
    return editable ? all : all.filter((p) => items.some((i) => i[p] !== '' && i[p] !== false));
  }, [type, editable, items]);

  // one set of <option> elements shared by every row's target-group select
  const options = useGroupOptions(reference);
  const groupOptions = useMemo(
    () =>
      options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      )),
    [options],
  );
  const groupName = useCallback((id: string) => reference.group.get(id)?.name ?? '', [reference]);

  const row = (item: DraftItem, index: number) => (
    <OrderItemRow
      key={item.key}
      item={item}
      index={index}
      type={type}
      params={params}
      editable={editable}
      problems={problems[item.key]}
      groupOptions={groupOptions}
      groupName={groupName}
      onChange={onChange}
      onRemove={onRemove}
    />
  );

  const headers: MessageKey[] = ['col.no', 'orders.col.student', 'orders.col.before', 'orders.col.after', ...(params.length ? (['orders.col.params'] as const) : [])];
  const header = (
    <div className={`order-items-head order-cols-${params.length ? 'params' : 'plain'}${editable ? ' order-cols-edit' : ''}`}>
      {headers.map((h) => (
        <div key={h} className="ocell">
          {intl.formatMessage({ id: h })}
        </div>
      ))}
    </div>
  );

  const virtual = items.length >= VIRTUALIZE_FROM;
  return (
    <div className="order-items" data-testid="order-items" data-count={items.length} data-virtual={virtual ? 'true' : 'false'}>
      {virtual ? (
        <VirtualRows items={items} header={header} row={row} />
      ) : (
        <>
          {header}
          {items.map(row)}
        </>
      )}
    </div>
  );
}

function VirtualRows({ items, header, row }: { items: readonly DraftItem[]; header: ReactNode; row(item: DraftItem, index: number): ReactNode }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (i) => items[i]?.key ?? i,
    overscan: 8,
    useFlushSync: false,
  });
  return (
    <div className="order-items-scroll" ref={scrollRef}>
      <div className="order-items-sticky">{header}</div>
      <div className="order-items-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          return item ? (
            <div key={v.key} className="order-item-slot" data-index={v.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${v.start}px)` }}>
              {row(item, v.index)}
            </div>
          ) : null;
        })}
      </div>
    </div>
  );
}
