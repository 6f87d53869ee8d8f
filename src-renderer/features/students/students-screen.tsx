import { useCallback, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser, StudentCard } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import { useReference } from '../../app/reference-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { useLeaveGuard } from '../../app/leave-guard';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { CardSplitter, useCardWidth } from './card-splitter';
import { StudentCardPanel } from './student-card-panel';
import { criteriaKey, NO_FILTERS, toCriteria, type StudentFilters } from './student-filters';
import { StudentFiltersBar } from './student-filters-bar';
import { StudentList } from './student-list';
import { useStudentPages } from './use-student-pages';

const SEARCH_DEBOUNCE_MS = 200;

/** The first real screen: find a student among tens of thousands and open the card. */
export function StudentsScreen({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const reference = useReference();

  return (
    <section className="students-screen" data-testid="students-screen">
      <h1 className="page-title">{intl.formatMessage({ id: 'students.title' })}</h1>
      {reference.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      ) : null}
      {reference.phase === 'error' ? <ErrorBanner message={reference.message} onRetry={reference.retry} /> : null}
      {reference.phase === 'ready' ? <StudentsBody user={user} reference={reference.index} /> : null}
    </section>
  );
}

function StudentsBody({ user, reference }: { user: SessionUser; reference: ReferenceIndex }) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<StudentFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Kyrgyz letters (ң ө ү) go to the server as typed; it folds case and ё itself
  const debouncedQuery = useDebouncedValue(query, SEARCH_DEBOUNCE_MS);
  const criteria = useMemo(() => toCriteria(debouncedQuery, filters), [debouncedQuery, filters]);
  const key = criteriaKey(criteria);
  const pages = useStudentPages(criteria);
  const { replaceRow } = pages;
  const onSaved = useCallback((s: StudentCard) => replaceRow(s), [replaceRow]);
  // the card may hold corrections not saved yet: asked before it goes
  const guard = useLeaveGuard();
  const close = useCallback(() => guard(() => setSelectedId(null)), [guard]);
  const open = useCallback((id: string) => guard(() => setSelectedId(id)), [guard]);
  const card = useCardWidth();

  return (
    <div
      className={selectedId ? 'students-layout students-layout-with-card' : 'students-layout'}
      style={selectedId ? { gridTemplateColumns: card.columns } : undefined}
    >
      <div className="students-main">
        <div className="students-toolbar">
          <TextField
            label={intl.formatMessage({ id: 'students.search' })}
            value={query}
            onChange={setQuery}
            type="search"
            placeholder={intl.formatMessage({ id: 'students.searchPlaceholder' })}
            maxLength={100}
            testId="students-search"
            className="search-field"
          />
        </div>
        <StudentFiltersBar reference={reference} filters={filters} onChange={setFilters} />
        <div className="count-line" aria-live="polite" data-testid="students-count" data-total={pages.total ?? ''}>
          {pages.total === null
            ? intl.formatMessage({ id: 'students.searching' })
            : intl.formatMessage({ id: 'students.count' }, { count: pages.total })}
        </div>
        {pages.error ? <ErrorBanner message={pages.error} onRetry={pages.retry} /> : null}
        {pages.total === 0 ? (
          <div className="empty-state" data-testid="students-empty">
            {intl.formatMessage({ id: 'students.empty' })}
          </div>
        ) : (
          <StudentList pages={pages} reference={reference} resetKey={key} selectedId={selectedId} onOpen={open} />
        )}
      </div>
      {selectedId ? <CardSplitter width={card.width} onWidth={card.setWidth} /> : null}
      {selectedId ? (
        <StudentCardPanel
          key={selectedId}
          id={selectedId}
          reference={reference}
          canEdit={can(user.role, 'students.write')}
          canSeeGrades={can(user.role, 'grades.read')}
          onClose={close}
          onSaved={onSaved}
        />
      ) : null}
    </div>
  );
}
