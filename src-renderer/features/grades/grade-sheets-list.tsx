import { useEffect, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, GradeSheetSummary } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { controlFormKey, sheetKindKey, sheetStateKey, termKey } from './grade-labels';
import { errorText, type Load } from './use-grade-sessions';

const SHEET_STATES: readonly GradeSheetSummary['state'][] = ['open', 'filled', 'closed'];
const HEADERS: readonly MessageKey[] = [
  'grades.list.number',
  'grades.list.group',
  'grades.list.discipline',
  'grades.list.controlForm',
  'grades.list.credits',
  'grades.list.progress',
  'grades.list.state',
];

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
  const [sheets, setSheets] = useState<Load<GradeSheetSummary[]>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [groupId, setGroupId] = useState('');
  const [filterGroup, setFilterGroup] = useState('');
  const [filterState, setFilterState] = useState('');
  const [busy, setBusy] = useState<null | 'registering' | 'generating'>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSheets({ phase: 'loading' });
    call('gradeSheets.list', { sessionId: session.id }).then(
      (r) => live && setSheets({ phase: 'ready', data: r.rows }),
      (e: unknown) => live && setSheets({ phase: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [session.id, attempt]);

  const groups = reference.scope.groups
    .filter((g) => !session.facultyId || g.facultyId === session.facultyId)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const registrable = session.term !== 'summer' ? session : null;
  const all = sheets.phase === 'ready' ? sheets.data : [];
  const sheetGroups = [...new Map(all.map((s) => [s.groupId, s.groupName])).entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  const shown = all.filter((s) => (!filterGroup || s.groupId === filterGroup) && (!filterState || s.state === filterState));

  async function register() {
    if (!registrable || !groupId) return;
    const term = registrable.term === 'spring' ? 'spring' : 'autumn';
    setBusy('registering');
    setError(null);
    setNotice(null);
    try {
      const r = await call('registrations.registerGroup', { groupId, academicYearId: registrable.academicYearId, term });
      const group = reference.group.get(groupId)?.name ?? '';
      setNotice(t('grades.registered', { group, added: r.added, already: r.alreadyRegistered }));
    } catch (e) {
      setError(errorText(e));
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
      setAttempt((a) => a + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const openKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(id);
    }
  };

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
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
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
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="grades-error" /> : null}
      {sheets.phase === 'error' ? <ErrorBanner message={sheets.message} onRetry={() => setAttempt((a) => a + 1)} /> : null}
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
      <div className="count-line" aria-live="polite" data-testid="grades-count" data-total={sheets.phase === 'ready' ? shown.length : ''}>
        {sheets.phase === 'ready' ? t('grades.count', { count: shown.length }) : t('app.loading')}
      </div>
      {sheets.phase === 'ready' && sheets.data.length === 0 ? (
        <p className="empty-state" data-testid="grades-empty">
          {t(canEnter ? 'grades.emptyEnter' : 'grades.empty')}
        </p>
      ) : null}
      {sheets.phase === 'ready' && shown.length > 0 ? (
        <div className="table-wrap">
          <table className="table grades-table" data-testid="grades-table">
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
              {shown.map((s) => (
                <tr
                  key={s.id}
                  className="grades-row"
                  tabIndex={0}
                  onClick={() => onOpen(s.id)}
                  onKeyDown={(e) => openKey(e, s.id)}
                  data-testid="grades-row"
                  data-sheet-id={s.id}
                  data-state={s.state}
                >
                  <td className="nowrap">
                    <strong className="mono">{s.number}</strong>
                    {s.kind !== 'main' ? <span className="pill grade-kind">{t(sheetKindKey(s.kind), { attempt: s.attempt })}</span> : null}
                  </td>
                  <td className="nowrap">{s.groupName}</td>
                  <td>{localName(s.discipline, locale)}</td>
                  <td>{t(controlFormKey(s.controlForm))}</td>
                  <td className="num">{s.credits}</td>
                  <td className="nowrap" data-testid="grades-progress" data-graded={s.graded} data-students={s.students}>
                    <span className="grade-progress" aria-hidden="true">
                      <span className="grade-progress-bar" style={{ width: `${s.students ? Math.round((s.graded / s.students) * 100) : 0}%` }} />
                    </span>
                    {t('grades.progress', { graded: s.graded, count: s.students })}
                  </td>
                  <td>
                    <span className={`pill pill-sheet-${s.state}`}>{t(sheetStateKey(s.state))}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
