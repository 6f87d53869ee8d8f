/**
 * The one list/table of the offices' screens (orders, grade sheets today; staff, contracts,
 * payments, debtors, issued documents next), on TanStack Table: sortable columns (Kyrgyz
 * alphabetical order, numbers as numbers), set widths, a header that stays in view, rows
 * opened with a click or Enter and walked with the arrow keys, empty and loading states, and
 * export of exactly what is shown (the current filter, in the current order) as a CSV file.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { downloadFile } from './file-download';
import { tableCsv, textToBase64 } from './table-export';

export interface DataColumn<T extends object> {
  id: string;
  /** the header, already in the user's language */
  header: string;
  cell(row: T): ReactNode;
  /** what the column sorts and exports by; without it the column neither sorts nor exports */
  value?(row: T): string | number | null;
  /** a CSS width such as '9rem' or '20%'; the rest share what is left */
  width?: string;
  className?: string;
}

export interface DataTableProps<T extends object> {
  columns: readonly DataColumn<T>[];
  /** null while loading */
  rows: readonly T[] | null;
  rowKey(row: T): string;
  onOpen?(row: T): void;
  /** shown when there are no rows */
  empty: string;
  testId: string;
  rowTestId?: string;
  /** data-* attributes of a row, for the screen's own styling and tests */
  rowData?(row: T): Record<string, string | number>;
  className?: string;
  /** when set, an "Export" button writes the rows shown (or all rows of the filter, see `exportRows`) to this file name */
  exportName?: string;
  /** for lists loaded page by page: every row of the current filter, in the order shown */
  exportRows?(): Promise<readonly T[]>;
  /** false: the rows keep the order the server gave (a list loaded page by page) */
  sortable?: boolean;
  /** shown left of the export button, on the same line (the list's count) */
  summary?: ReactNode;
}

const collator = new Intl.Collator('ky', { numeric: true, sensitivity: 'base' });

/** Kyrgyz alphabetical order for text (ң after н, ө after о, ү after у), numbers by value, blanks last. */
export function compareCells(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

export function DataTable<T extends object>(props: DataTableProps<T>) {
  const intl = useIntl();
  const { columns, rows, rowKey, onOpen, sortable = true } = props;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [exporting, setExporting] = useState(false);
  const body = useRef<HTMLTableSectionElement>(null);

  const defs = useMemo(
    () =>
      columns.map((c) => ({
        id: c.id,
        accessorFn: (r: T) => c.value?.(r) ?? null,
        header: c.header,
        enableSorting: sortable && c.value !== undefined,
        sortFn: (a: { getValue(id: string): unknown }, b: { getValue(id: string): unknown }, id: string) =>
          compareCells(a.getValue(id) as string | number | null, b.getValue(id) as string | number | null),
      })),
    [columns, sortable],
  );
  // TanStack types rows as records; the screens pass their own row interfaces
  const data = useMemo(() => (rows ? [...rows] : []) as unknown as Record<string, unknown>[], [rows]);
  const table = useTable({
    features,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the definitions above are typed by their own fields
    columns: defs as any,
    data,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const shown: T[] = table.getRowModel().rows.map((r) => r.original as T);

  const focusRow = (i: number) => {
    const all = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]');
    if (!all || all.length === 0) return;
    all[Math.max(0, Math.min(all.length - 1, i))]?.focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, row: T, i: number) => {
    if ((e.key === 'Enter' || e.key === ' ') && onOpen) {
      e.preventDefault();
      onOpen(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : Number.MAX_SAFE_INTEGER);
    }
  };

  async function exportCsv() {
    if (!props.exportName) return;
    setExporting(true);
    try {
      const all = props.exportRows ? await props.exportRows() : shown;
      const cols = columns.filter((c) => c.value).map((c) => ({ header: c.header, value: c.value! }));
      downloadFile({ fileName: `${props.exportName}.csv`, mimeType: 'text/csv;charset=utf-8', base64: textToBase64(tableCsv(cols, all)) });
    } finally {
      setExporting(false);
    }
  }

  const tools =
    props.exportName || props.summary ? (
      <div className="data-table-tools">
        <div className="data-table-summary">{props.summary}</div>
        {props.exportName && rows && rows.length > 0 ? (
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={exporting} data-testid={`${props.testId}-export`}>
            {intl.formatMessage({ id: exporting ? 'table.exporting' : 'table.export' })}
          </button>
        ) : null}
      </div>
    ) : null;
  if (rows === null || rows.length === 0) {
    return (
      <div className={`data-table ${props.className ?? ''}`}>
        {tools}
        {rows === null ? (
          <p className="data-table-loading" data-testid={`${props.testId}-loading`} aria-busy="true">
            <span className="spinner" aria-hidden="true" /> {intl.formatMessage({ id: 'app.loading' })}
          </p>
        ) : (
          <p className="empty-state" data-testid={`${props.testId}-empty`}>
            {props.empty}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={`data-table ${props.className ?? ''}`}>
      {tools}
      <div className="table-wrap">
        <table className="table" data-testid={props.testId}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => {
                  const col = columns.find((c) => c.id === h.column.id)!;
                  const dir = h.column.getIsSorted();
                  const aria = dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none';
                  return (
                    <th key={h.id} scope="col" aria-sort={h.column.getCanSort() ? aria : undefined} className={col.className}>
                      {h.column.getCanSort() ? (
                        <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()} data-testid={`${props.testId}-sort-${col.id}`} data-sorted={dir || ''}>
                          {col.header}
                          <span className="th-sort-mark" aria-hidden="true">
                            {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        col.header
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={body}>
            {shown.map((row, i) => (
              <tr
                key={rowKey(row)}
                data-row=""
                tabIndex={0}
                className={onOpen ? 'row-openable' : undefined}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={(e) => onRowKey(e, row, i)}
                data-testid={props.rowTestId}
                {...Object.fromEntries(Object.entries(props.rowData?.(row) ?? {}).map(([k, v]) => [`data-${k}`, v]))}
              >
                {columns.map((c) => {
                  // compact rows cut a long cell short: its full text is then on hover
                  const full = c.value?.(row);
                  return (
                    <td key={c.id} className={c.className} title={typeof full === 'string' && full !== '' ? full : undefined}>
                      {c.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
