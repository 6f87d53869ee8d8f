import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { StudentRow } from '../../../src-shared/contract';
import type { OrderType } from '../../../src-shared/domain/orders';
import { fullName } from '../../../src-shared/domain/person';
import { call, errorMessage } from '../../api/client';
import { statusKey } from '../../app/labels';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useGroupOptions } from './order-group-options';
import { groupAddStatus } from './order-type-params';
import { useLoad } from '../../ui/use-load';

/** The largest page students.search returns; a group is fetched page by page. */
const GROUP_PAGE = 500;
const SEARCH_LIMIT = 20;
const SEARCH_MIN = 2;

interface OrderStudentsAddProps {
  type: OrderType;
  reference: ReferenceIndex;
  presentIds: ReadonlySet<string>;
  disabled: boolean;
  onAdd(rows: readonly StudentRow[]): { added: number; skipped: number };
}

/** Every student of a group the order type concerns. */
export async function fetchGroupStudents(groupId: string, type: OrderType): Promise<StudentRow[]> {
  const status = groupAddStatus(type);
  const rows: StudentRow[] = [];
  for (;;) {
    const page = await call('students.search', { groupId, ...(status ? { status } : {}), offset: rows.length, limit: GROUP_PAGE });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

/** Adding students: a whole group at once, or one found by name, ПИН or record-book number. */
export function OrderStudentsAdd({ type, reference, presentIds, disabled, onAdd }: OrderStudentsAddProps) {
  const intl = useIntl();
  const [groupId, setGroupId] = useState('');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);

  const groups = useGroupOptions(reference);

  const searching = debounced.length >= SEARCH_MIN;
  const search = useLoad(() => call('students.search', { query: debounced, offset: 0, limit: SEARCH_LIMIT }).then((r): StudentRow[] => r.rows), [debounced], {
    enabled: searching,
    keepPrevious: true,
  });
  // a student added from the list closes it at once, before the cleared query settles
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const results = searching && closedFor !== debounced ? search.data : null;
  const searchError = search.state.phase === 'error' ? search.state.message : null;
  useEffect(() => {
    if (searchError) setError(searchError);
  }, [searchError]);

  function report(r: { added: number; skipped: number }, found: number) {
    const status = groupAddStatus(type);
    if (found === 0) {
      setNotice(
        status
          ? intl.formatMessage({ id: 'orders.groupNoneWithStatus' }, { status: intl.formatMessage({ id: statusKey(status) }) })
          : intl.formatMessage({ id: 'orders.groupNone' }),
      );
    } else setNotice(intl.formatMessage({ id: 'orders.addedStudents' }, { added: r.added, skipped: r.skipped }));
  }

  async function addGroup() {
    if (!groupId || adding) return;
    setAdding(true);
    setError(null);
    setNotice(null);
    try {
      const rows = await fetchGroupStudents(groupId, type);
      report(onAdd(rows), rows.length);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setAdding(false);
    }
  }

  function addOne(row: StudentRow) {
    report(onAdd([row]), 1);
    // the list closes; the next name is typed into the same field
    setQuery('');
    setClosedFor(debounced);
  }

  const status = groupAddStatus(type);
  return (
    <div className="order-add" data-testid="order-add">
      <div className="order-add-group">
        <SelectField
          label={intl.formatMessage({ id: 'orders.addGroup' })}
          value={groupId}
          onChange={setGroupId}
          emptyLabel={intl.formatMessage({ id: 'orders.choose' })}
          options={groups}
          disabled={disabled || adding}
          testId="order-add-group"
        />
        <button
          type="button"
          className="btn"
          onClick={addGroup}
          disabled={disabled || adding || !groupId}
          data-testid="order-add-group-submit"
        >
          {intl.formatMessage({ id: adding ? 'orders.adding' : 'orders.addGroupSubmit' })}
        </button>
        {status ? (
          <span className="muted small order-add-hint">
            {intl.formatMessage({ id: 'orders.addGroupHint' }, { status: intl.formatMessage({ id: statusKey(status) }) })}
          </span>
        ) : null}
      </div>
      <div className="order-add-search">
        <TextField
          label={intl.formatMessage({ id: 'orders.addStudent' })}
          value={query}
          onChange={setQuery}
          type="search"
          placeholder={intl.formatMessage({ id: 'students.searchPlaceholder' })}
          maxLength={100}
          disabled={disabled}
          testId="order-add-student-search"
        />
        {results !== null ? (
          <ul className="order-add-results" data-testid="order-add-student-results">
            {results.length === 0 ? <li className="muted small">{intl.formatMessage({ id: 'students.empty' })}</li> : null}
            {results.map((r) => {
              const present = presentIds.has(r.id);
              return (
                <li key={r.id}>
                  <button
                    type="button"
                    className="order-add-result"
                    onClick={() => addOne(r)}
                    disabled={disabled || present}
                    data-testid="order-add-student-result"
                    data-student-id={r.id}
                  >
                    <span className="order-add-result-name">{fullName(r)}</span>
                    <span className="muted small">
                      {intl.formatMessage(
                        { id: 'orders.resultLine' },
                        { book: r.recordBookNo, group: reference.group.get(r.groupId)?.name ?? '', course: r.course },
                      )}
                    </span>
                    <span className={`pill pill-${r.status}`}>{intl.formatMessage({ id: statusKey(r.status) })}</span>
                    {present ? <span className="muted small">{intl.formatMessage({ id: 'orders.alreadyIn' })}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      {notice ? (
        <div className="muted small order-add-notice" role="status" data-testid="order-add-notice">
          {notice}
        </div>
      ) : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : null}
    </div>
  );
}
