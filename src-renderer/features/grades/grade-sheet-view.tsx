import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SessionUser } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { can } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage, isApiError } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { useLeaveGuard, useUnsavedWork } from '../../app/leave-guard';
import { ErrorBanner } from '../../ui/error-banner';
import { columnLabel, firstHeldProblem, heldRows as heldOf } from './grade-pending';
import { closeReadiness } from './grade-cells';
import { GradeGrid, type CellChange } from './grade-grid';
import { GradeSaveStatus } from './grade-save-status';
import type { GradeSaver } from './grade-saver';
import { GradeSheetActions } from './grade-sheet-actions';
import { controlFormKey, sheetStateKey } from './grade-labels';
import { useGradeSheet, useGradeSheetLoader } from './use-grade-sheet';
import { EntryExceptionPanel } from './entry-exception-panel';
import { SheetExaminerPanel } from './sheet-examiner-panel';
import { TeacherExcelPanel } from './teacher-excel-panel';

interface GradeSheetViewProps {
  id: string;
  user: SessionUser;
  onBack(): void;
}

/** One grade sheet: loads it, then the entry grid with autosave, closing and exports. */
export function GradeSheetView({ id, user, onBack }: GradeSheetViewProps) {
  const intl = useIntl();
  const { load, retry } = useGradeSheetLoader(id);
  const guard = useLeaveGuard();
  return (
    <section className="grade-sheet" data-testid="grade-sheet" data-sheet-id={id} data-phase={load.phase}>
      <button type="button" className="btn btn-quiet grade-back" onClick={() => guard(onBack)} data-testid="grade-back">
        {intl.formatMessage({ id: 'grades.back' })}
      </button>
      {load.phase === 'loading' ? (
        <div className="muted" aria-busy="true">
          {intl.formatMessage({ id: 'app.loading' })}
        </div>
      ) : null}
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={retry} /> : null}
      {load.phase === 'ready' ? <GradeSheetEditor saver={load.saver} user={user} /> : null}
    </section>
  );
}

function GradeSheetEditor({ saver, user }: { saver: GradeSaver; user: SessionUser }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (key: MessageKey, values?: Record<string, string | number | null>) => intl.formatMessage({ id: key }, values);
  const { snap, detail, columns, rows } = useGradeSheet(saver);
  const [error, setError] = useState<string | null>(null);
  const canEnter = can(user.role, 'grades.enter');
  const closed = detail.state === 'closed';
  const readOnly = !canEnter || (closed ? snap.auth === null : !detail.entryOpen);

  // closing the window (or the tab) right after typing: the edits are in localStorage already; try to send them too
  useEffect(() => {
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [saver]);

  const onChange = useCallback((changes: CellChange[]) => saver.edit(changes), [saver]);
  const onLeave = useCallback(() => void saver.flush(), [saver]);

  const unsentRows = rows.filter((r) => r.edited).length;
  const heldRows = heldOf(rows).length;
  const firstHeld = firstHeldProblem(rows, columns, (col) => columnLabel(detail.parts, col, locale, t), t);
  // rows that cannot save stay in localStorage, but leaving should still not be a surprise
  useUnsavedWork(firstHeld ? t('leave.grid', { number: detail.number, count: heldRows, first: firstHeld }) : null);
  const readiness = rows.map((r) => closeReadiness(r.ev));
  const missing = readiness.filter((x) => x !== 'ready').length;
  const needsMark = readiness.filter((x) => x === 'needsMark').length;

  async function closeSheet() {
    setError(null);
    await saver.flush();
    try {
      saver.setDetail(await call('gradeSheets.close', { id: detail.id, version: saver.getSnapshot().detail.version }));
    } catch (e) {
      setError(errorMessage(e));
      if (isApiError(e) && e.code === 'conflict') call('gradeSheets.get', { id: detail.id }).then((d) => saver.setDetail(d), () => undefined);
    }
  }

  const discipline = localName(detail.discipline, locale);
  const entry = { opens: formatDate(detail.entryWindow.opensOn), closes: formatDate(detail.entryWindow.closesOn) };
  return (
    <>
      <div className="grade-sheet-head">
        <h1 className="page-title" data-testid="grade-title">
          {t('grades.sheetTitle', { number: detail.number, discipline })}
        </h1>
        <span className={`pill pill-sheet-${detail.state}`} data-testid="grade-state" data-state={detail.state}>
          {t(sheetStateKey(detail.state))}
        </span>
      </div>
      <p className="grade-sheet-facts muted">
        {t('grades.sheetFacts', {
          group: detail.groupName,
          form: t(controlFormKey(detail.controlForm)),
          credits: detail.credits,
          semester: detail.semester,
          year: detail.academicYearId,
        })}
        <span className="grade-window" data-testid="grade-window" data-open={detail.entryOpen ? 'true' : 'false'}>
          {t('grades.window', entry)}
        </span>
      </p>
      {!closed && !detail.entryOpen ? (
        <div className="banner banner-warn" role="status" data-testid="grade-window-closed">
          <span className="banner-text">{t('grades.windowClosed', entry)}</span>
        </div>
      ) : null}
      {closed && !snap.auth ? (
        <div className="banner banner-warn" role="status" data-testid="grade-closed-note">
          <span className="banner-text">{t(canEnter ? 'grades.closedNote' : 'grades.closedNoteRead')}</span>
        </div>
      ) : null}
      {closed && snap.auth ? (
        <div className="banner banner-warn" role="status" data-testid="grade-change-active">
          <span className="banner-text">{t('grades.changeActive', { reason: snap.auth.reason, document: snap.auth.documentNo })}</span>
          <button type="button" className="btn btn-small" onClick={() => saver.setAuth(null)} data-testid="grade-change-done">
            {t('grades.changeDone')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="grade-error" /> : null}
      <GradeSheetActions
        detail={detail}
        canEnter={canEnter}
        missing={missing}
        needsMark={needsMark}
        unsaved={unsentRows > 0 || snap.saving}
        heldRows={heldRows}
        auth={snap.auth}
        onClose={closeSheet}
        onAuth={(a) => saver.setAuth(a)}
        onError={setError}
      />
      <div className="grade-panels">
        <SheetExaminerPanel detail={detail} canEdit={canEnter} onSaved={(d) => saver.setDetail(d)} onError={setError} />
        <TeacherExcelPanel detail={detail} canEnter={canEnter} unsaved={unsentRows > 0 || snap.saving} heldRows={heldRows} auth={snap.auth} onApplied={(d) => saver.setDetail(d)} onError={setError} />
        <EntryExceptionPanel detail={detail} canOpen={can(user.role, 'grades.exception')} onOpened={(d) => saver.setDetail(d)} onError={setError} />
      </div>
      {canEnter && (!readOnly || unsentRows > 0 || snap.status.kind === 'error') ? (
        <GradeSaveStatus
          status={snap.status}
          saving={snap.saving}
          heldRows={heldRows}
          firstHeld={firstHeld}
          unsentRows={unsentRows}
          onRetry={() => void saver.flush()}
        />
      ) : null}
      {snap.otherProblems.length > 0 ? (
        <ul className="grade-other-problems" data-testid="grade-other-problems">
          {snap.otherProblems.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty-state" data-testid="grade-empty">
          {t('grades.noStudents')}
        </p>
      ) : (
        <GradeGrid detail={detail} columns={columns} rows={rows} readOnly={readOnly} saving={snap.saving} onChange={onChange} onLeave={onLeave} />
      )}
      {!readOnly ? (
        <p className="muted small grade-hint" data-testid="grade-hint">
          {t('grades.hint')}
        </p>
      ) : null}
    </>
  );
}
