import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, SessionUser } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { can } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { useReference } from '../../app/reference-context';
import { ErrorBanner } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { GradeSheetView } from './grade-sheet-view';
import { GradeSheetsList } from './grade-sheets-list';
import { termKey } from './grade-labels';
import { RegistrationPanel } from './registration-panel';
import { RetakesPanel } from './retakes-panel';
import { SessionPrintPanel } from './session-print-panel';
import { useGradeSessions } from './use-grade-sessions';

type Tab = 'sheets' | 'retakes' | 'registration' | 'print';
const TABS: readonly { tab: Tab; label: MessageKey; enter?: boolean }[] = [
  { tab: 'sheets', label: 'grades.tab.sheets' },
  { tab: 'retakes', label: 'grades.tab.retakes', enter: true },
  { tab: 'registration', label: 'grades.tab.registration' },
  { tab: 'print', label: 'grades.tab.print' },
];

/** The Grade sheets section: a session, then its sheets, retakes, registrations or printing; or one sheet's grid. */
export function GradesScreen({ user }: { user: SessionUser }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const reference = useReference();
  const [sessionId, setSessionId] = useState('');
  const [tab, setTab] = useState<Tab>('sheets');
  const [openId, setOpenId] = useState<string | null>(null);
  const { sessions, session, reload } = useGradeSessions(sessionId, setSessionId);
  const canEnter = can(user.role, 'grades.enter');

  if (reference.phase !== 'ready') {
    return (
      <section className="grades-screen" data-testid="grades-screen" data-view="list">
        {reference.phase === 'loading' ? (
          <div className="muted" aria-busy="true">
            {t('app.loading')}
          </div>
        ) : (
          <ErrorBanner message={reference.message} onRetry={reference.retry} />
        )}
      </section>
    );
  }
  if (openId) {
    return (
      <section className="grades-screen" data-testid="grades-screen" data-view="sheet">
        <GradeSheetView key={openId} id={openId} user={user} onBack={() => setOpenId(null)} />
      </section>
    );
  }

  // the faculty is worth naming only when the list has more than one
  const manyFaculties = sessions.phase === 'ready' && new Set(sessions.data.map((s) => s.facultyId)).size > 1;
  const sessionLabel = (s: AcademicSessionView) => {
    const values = {
      year: s.academicYearId,
      term: t(termKey(s.term)),
      opens: formatDate(s.entryOpensOn),
      closes: formatDate(s.entryClosesOn),
      faculty: manyFaculties && s.facultyId ? localName(reference.index.faculty.get(s.facultyId)?.name, locale) : '',
    };
    return t(values.faculty ? 'grades.sessionOptionFaculty' : 'grades.sessionOption', values);
  };
  const tabs = TABS.filter((x) => !x.enter || canEnter);

  return (
    <section className="grades-screen" data-testid="grades-screen" data-view="list" data-tab={tab}>
      <div className="page-head">
        <h1 className="page-title">{t('grades.title')}</h1>
      </div>
      {sessions.phase === 'error' ? <ErrorBanner message={sessions.message} onRetry={reload} /> : null}
      <div className="filters grades-filters">
        <SelectField
          label={t('grades.session')}
          value={sessionId}
          onChange={setSessionId}
          options={sessions.phase === 'ready' ? sessions.data.map((s) => ({ value: s.id, label: sessionLabel(s) })) : []}
          testId="grades-session"
          className="grades-session"
          disabled={sessions.phase !== 'ready' || sessions.data.length === 0}
        />
      </div>
      {sessions.phase === 'ready' && sessions.data.length === 0 ? (
        <p className="empty-state" data-testid="grades-no-sessions">
          {t('grades.noSessions')}
        </p>
      ) : null}
      {session ? (
        <>
          <div className="tabs" role="tablist" aria-label={t('grades.title')}>
            {tabs.map((x) => (
              <button
                key={x.tab}
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === x.tab}
                onClick={() => setTab(x.tab)}
                data-testid={`grades-tab-${x.tab}`}
              >
                {t(x.label)}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'sheets' ? <GradeSheetsList key={session.id} reference={reference.index} canEnter={canEnter} session={session} onOpen={setOpenId} /> : null}
            {tab === 'retakes' ? <RetakesPanel key={session.id} session={session} onOpen={setOpenId} /> : null}
            {tab === 'registration' ? <RegistrationPanel key={session.id} reference={reference.index} canEnter={canEnter} session={session} /> : null}
            {tab === 'print' ? <SessionPrintPanel key={session.id} session={session} label={sessionLabel(session)} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
