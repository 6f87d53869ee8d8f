import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, GradeSheetSummary, GroupRef } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { controlFormKey, sheetKindKey, sheetStateKey, termKey } from './grade-labels';
import { DataTable, type DataColumn } from '../../ui/data-table';
import { useLoad } from '../../ui/use-load';

const SHEET_STATES: readonly GradeSheetSummary['state'][] = ['open', 'filled', 'closed'];
interface GradeSheetsListProps {
  reference: ReferenceIndex;
  canEnter: boolean;
  session: AcademicSessionView;
  onOpen(id: string): void;
}

/** The sheets of a session; the clerk registers groups for it and generates its sheets. */
export function GradeSheetsList({ reference, canEnter, session, onOpen }: GradeSheetsListProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const sheets = useLoad(() => call('gradeSheets.list', { sessionId: session.id }).then((r) => r.rows), [session.id]);
  const [groupId, setGroupId] = useState('');
  const [filterGroup, setFilterGroup] = useState('');
  const [filterState, setFilterState] = useState('');
  const [busy, setBusy] = useState<null | 'registering' | 'generating'>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** groups that could not be registered, each with why */
  const [refused, setRefused] = useState<string[]>([]);

  const groups = reference.scope.groups
    .filter((g) => !session.facultyId || g.facultyId === session.facultyId)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const registrable = session.term !== 'summer' ? session : null;
  const all = sheets.data ?? [];
  const sheetGroups = [...new Map(all.map((s) => [s.groupId, s.groupName])).entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  const shown = all.filter((s) => (!filterGroup || s.groupId === filterGroup) && (!filterState || s.state === filterState));

  async function register() {
    if (!registrable || !groupId) return;
    const term = registrable.term === 'spring' ? 'spring' : 'autumn';
    setBusy('registering');
    setError(null);
    setNotice(null);
    setRefused([]);
    try {
      const chosen = registerChoice(groupId, groups);
      if (chosen.length === 1) {
        const r = await call('registrations.registerGroup', { groupId: chosen[0]!, academicYearId: registrable.academicYearId, term });
        const group = reference.group.get(chosen[0]!)?.name ?? '';
        setNotice(t('grades.registered', { group, added: r.added, already: r.alreadyRegistered }));
      } else {
        const { rows } = await call('registrations.registerGroups', { groupIds: chosen, academicYearId: registrable.academicYearId, term });
        const done = rows.filter((r) => r.problem === null);
        const sum = (k: 'added' | 'alreadyRegistered') => done.reduce((n, r) => n + r[k], 0);
        setNotice(t('grades.registeredMany', { groups: done.length, added: sum('added'), already: sum('alreadyRegistered') }));
        setRefused(rows.filter((r) => r.problem !== null).map((r) => `${reference.group.get(r.groupId)?.name ?? ''}: ${r.problem}`));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function generate() {
    setBusy('generating');
    setError(null);
    setNotice(null);
    try {
      const r = await call('gradeSheets.generate', { sessionId: session.id });
      setNotice(t('grades.generated', { count: r.created }));
      sheets.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const columns: DataColumn<GradeSheetSummary>[] = [
    {
      id: 'number',
      header: t('grades.list.number'),
      width: '9rem',
      className: 'nowrap',
      value: (s) => s.number,
      cell: (s) => (
        <>
          <strong className="mono">{s.number}</strong>
          {s.kind !== 'main' ? <span className="pill grade-kind">{t(sheetKindKey(s.kind), { attempt: s.attempt })}</span> : null}
        </>
      ),
    },
    { id: 'group', header: t('grades.list.group'), width: '8rem', className: 'nowrap', value: (s) => s.groupName, cell: (s) => s.groupName },
    { id: 'discipline', header: t('grades.list.discipline'), value: (s) => localName(s.discipline, locale), cell: (s) => localName(s.discipline, locale) },
    { id: 'controlForm', header: t('grades.list.controlForm'), width: '9rem', value: (s) => t(controlFormKey(s.controlForm)), cell: (s) => t(controlFormKey(s.controlForm)) },
    { id: 'credits', header: t('grades.list.credits'), width: '5rem', className: 'num', value: (s) => s.credits, cell: (s) => s.credits },
    {
      id: 'progress',
      header: t('grades.list.progress'),
      width: '11rem',
      className: 'nowrap',
      value: (s) => (s.students ? s.graded / s.students : 0),
      cell: (s) => (
        <span data-testid="grades-progress" data-graded={s.graded} data-students={s.students}>
          <span className="grade-progress" aria-hidden="true">
            <span className="grade-progress-bar" style={{ width: `${s.students ? Math.round((s.graded / s.students) * 100) : 0}%` }} />
          </span>
          {t('grades.progress', { graded: s.graded, count: s.students })}
        </span>
      ),
    },
    { id: 'state', header: t('grades.list.state'), width: '8rem', value: (s) => t(sheetStateKey(s.state)), cell: (s) => <span className={`pill pill-sheet-${s.state}`}>{t(sheetStateKey(s.state))}</span> },
  ];

  return (
    <div className="grades-list">
      {canEnter ? (
        <div className="filters grades-filters">
          <div className="grades-register" role="group" aria-label={t('grades.registerTitle')}>
            <SelectField
              label={t('grades.registerGroup', { term: t(termKey(session.term)) })}
              value={groupId}
              onChange={setGroupId}
              emptyLabel={t('grades.chooseGroup')}
              options={registerOptions(groups, t)}
              testId="grades-register-group"
              disabled={!registrable}
            />
            <button
              type="button"
              className="btn"
              onClick={() => void register()}
              disabled={!registrable || !groupId || busy !== null}
              title={registrable ? undefined : t('grades.registerSummer')}
              data-testid="grades-register-submit"
            >
              {t(busy === 'registering' ? 'grades.registering' : 'grades.register')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void generate()} disabled={busy !== null} data-testid="grades-generate">
              {t(busy === 'generating' ? 'grades.generating' : 'grades.generate')}
            </button>
          </div>
        </div>
      ) : null}
      {notice ? <Notice message={notice} testId="grades-notice" /> : null}
      {refused.length > 0 ? (
        <div className="banner banner-warn" role="alert" data-testid="grades-register-refused">
          <div className="banner-text">
            {t('grades.registeredProblems')}
            <ul>
              {refused.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="grades-error" /> : null}
      {sheets.state.phase === 'error' ? <ErrorBanner message={sheets.state.message} onRetry={sheets.reload} /> : null}
      {all.length > 0 ? (
        <div className="filters grades-filters">
          <SelectField
            label={t('grades.filterGroup')}
            value={filterGroup}
            onChange={setFilterGroup}
            emptyLabel={t('filter.all')}
            options={sheetGroups.map(([value, label]) => ({ value, label }))}
            testId="grades-filter-group"
          />
          <SelectField
            label={t('grades.filterState')}
            value={filterState}
            onChange={setFilterState}
            emptyLabel={t('filter.all')}
            options={SHEET_STATES.map((s) => ({ value: s, label: t(sheetStateKey(s)) }))}
            testId="grades-filter-state"
          />
        </div>
      ) : null}
      {sheets.state.phase !== 'error' ? (
        <DataTable
          columns={columns}
          rows={sheets.data ? shown : null}
          rowKey={(s) => s.id}
          onOpen={(s) => onOpen(s.id)}
          empty={t(all.length > 0 ? 'grades.emptyFilter' : canEnter ? 'grades.emptyEnter' : 'grades.empty')}
          summary={
            <div className="count-line" aria-live="polite" data-testid="grades-count" data-total={sheets.data ? shown.length : ''}>
              {sheets.data ? t('grades.count', { count: shown.length }) : t('app.loading')}
            </div>
          }
          testId="grades-table"
          rowTestId="grades-row"
          rowData={(s) => ({ 'sheet-id': s.id, state: s.state })}
          className="grades-table"
          exportName={t('grades.exportName', { session: `${session.academicYearId} ${t(termKey(session.term))}` })}
        />
      ) : null}
    </div>
  );
}

/** A course's or the faculty's groups first (a faculty has 26; one at a time was a morning's work), then each group. */
function registerOptions(groups: readonly GroupRef[], t: (id: MessageKey, values?: Record<string, string | number>) => string) {
  const courses = [...new Set(groups.map((g) => g.course))].sort((a, b) => a - b);
  return [
    ...(groups.length > 1 ? [{ value: 'all', label: t('grades.reg.allGroups', { count: groups.length }) }] : []),
    ...courses.map((c) => ({ value: `course:${c}`, label: t('grades.reg.allOfCourse', { course: c, count: groups.filter((g) => g.course === c).length }) })),
    ...groups.map((g) => ({ value: g.id, label: g.name })),
  ];
}

/** The group ids a choice of the register select stands for. */
export function registerChoice(value: string, groups: readonly GroupRef[]): string[] {
  if (value === 'all') return groups.map((g) => g.id);
  if (value.startsWith('course:')) return groups.filter((g) => g.course === Number(value.slice(7))).map((g) => g.id);
  return [value];
}
