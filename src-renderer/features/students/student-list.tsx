import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { StudentRow } from '../../../src-shared/contract';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { EMPTY, fundingKey, statusKey, studyFormKey } from '../../app/labels';
import type { ReferenceIndex } from '../../app/reference-index';
import type { StudentPages } from './use-student-pages';
import { useListMetrics } from '../../app/density';


const COLUMNS: readonly { key: MessageKey; className: string }[] = [
  { key: 'col.no', className: 'c-no' },
  { key: 'col.name', className: 'c-name' },
  { key: 'col.recordBook', className: 'c-book' },
  { key: 'col.pin', className: 'c-pin' },
  { key: 'col.group', className: 'c-group' },
  { key: 'col.course', className: 'c-course' },
  { key: 'col.form', className: 'c-form' },
  { key: 'col.funding', className: 'c-funding' },
  { key: 'col.status', className: 'c-status' },
];

interface StudentListProps {
  pages: StudentPages;
  reference: ReferenceIndex;
  /** changes with every new search: the list scrolls back to the top */
  resetKey: string;
  selectedId: string | null;
  onOpen(id: string): void;
}

/** The virtualized students table: only the rows in view (plus a margin) exist in the DOM. */
export function StudentList({ pages, reference, resetKey, selectedId, onOpen }: StudentListProps) {
  const intl = useIntl();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  // fixed row heights (by density): the list places 40,000 rows without measuring any of them
  const { row: ROW_HEIGHT, header: HEADER_HEIGHT } = useListMetrics('students');

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    scrollMargin: HEADER_HEIGHT,
    // the sticky header covers the first rows' pixels: rows scrolled "to the start" go just below it
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, ROW_HEIGHT]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const { ensureRange } = pages;
  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, pages.total, ensureRange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setActive(0);
  }, [resetKey]);

  // keyboard moves focus to a row that may only exist after the scroll has rendered it
  useEffect(() => {
    if (!focusPending.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const labels = useMemo(
    () => ({
      form: (r: StudentRow) => intl.formatMessage({ id: studyFormKey(r.form) }),
      funding: (r: StudentRow) => intl.formatMessage({ id: fundingKey(r.funding) }),
      status: (r: StudentRow) => intl.formatMessage({ id: statusKey(r.status) }),
    }),
    [intl],
  );

  function moveTo(index: number) {
    if (total === 0) return;
    const n = Math.max(0, Math.min(total - 1, index));
    setActive(n);
    focusPending.current = true;
    virtualizer.scrollToIndex(n, { align: 'auto' });
  }

  function onRowKey(e: KeyboardEvent<HTMLDivElement>, index: number, row: StudentRow | undefined) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: total - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveTo(to);
    } else if ((e.key === 'Enter' || e.key === ' ') && row) {
      e.preventDefault();
      onOpen(row.id);
    }
  }

  const activeRendered = items.some((i) => i.index === active);

  return (
    <div
      className="grid-scroll"
      ref={scrollRef}
      role="grid"
      aria-label={intl.formatMessage({ id: 'students.list' })}
      aria-rowcount={total + 1}
      aria-busy={pages.total === null}
      tabIndex={activeRendered || total === 0 ? -1 : 0}
      onFocus={(e) => {
        if (e.target === e.currentTarget && total > 0) moveTo(first);
      }}
      data-testid="students-list"
      data-loading={pages.total === null ? 'true' : 'false'}
    >
      <div className="grid-header students-cols" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" className={`cell ${c.className}`}>
            {intl.formatMessage({ id: c.key })}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = pages.row(item.index);
          const zebra = item.index % 2 === 1 ? ' row-odd' : '';
          const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <div
                key={item.key}
                className={`grid-row students-cols row-loading${zebra}`}
                style={style}
                role="row"
                aria-rowindex={item.index + 2}
                aria-busy="true"
                data-index={item.index}
                tabIndex={item.index === active ? 0 : -1}
                onKeyDown={(e) => onRowKey(e, item.index, undefined)}
                data-testid="students-row-loading"
              >
                <div role="gridcell" className="cell c-no">
                  {item.index + 1}
                </div>
                <div role="gridcell" className="cell c-skeleton">
                  <span className="skeleton" />
                </div>
              </div>
            );
          }
          const group = reference.group.get(row.groupId);
          const name = fullName(row);
          const selected = row.id === selectedId;
          return (
            <div
              key={item.key}
              className={`grid-row students-cols${zebra}${selected ? ' row-selected' : ''}`}
              style={style}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-index={item.index}
              tabIndex={item.index === active ? 0 : -1}
              onClick={() => {
                setActive(item.index);
                onOpen(row.id);
              }}
              onKeyDown={(e) => onRowKey(e, item.index, row)}
              data-testid="students-row"
              data-student-id={row.id}
            >
              <div role="gridcell" className="cell c-no">
                {item.index + 1}
              </div>
              <div role="gridcell" className="cell c-name" data-testid="students-row-name" title={name}>
                {name}
              </div>
              <div role="gridcell" className="cell c-book">
                {row.recordBookNo}
              </div>
              <div role="gridcell" className="cell c-pin">
                {row.pin ?? EMPTY}
              </div>
              <div role="gridcell" className="cell c-group">
                {group?.name ?? EMPTY}
              </div>
              <div role="gridcell" className="cell c-course">
                {row.course}
              </div>
              <div role="gridcell" className="cell c-form">
                {labels.form(row)}
              </div>
              <div role="gridcell" className="cell c-funding">
                {labels.funding(row)}
              </div>
              <div role="gridcell" className="cell c-status">
                <span className={`pill pill-${row.status}`} title={labels.status(row)}>
                  {labels.status(row)}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
