import { uuidv7 } from 'uuidv7';
import type { GradeSheetDetail, RetakeCandidate, SessionUser } from '../../../src-shared/contract';
import { canRetake, gradeRow, type GradingScale } from '../../../src-shared/domain/grading';
import { fullName } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import type { Locale, MessageKey, MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { sheetScale } from './grading-scale.repository';
import type { GradeSheetsService } from './grade-sheets.service';
import { assertInScope } from '../scope';
import { attemptRows, findSession, findSheet } from './grade-sheets.repository';
import { insertGrade, insertSheet, maxSheetSeq } from './sheet-generation.repository';

interface Attempt {
  sheetId: string;
  sheetNumber: string;
  attempt: number;
  state: string;
  scaleId: string;
  curriculumItemId: string;
  studentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  parts: Record<string, number | null>;
  mark: 'absent' | 'not_admitted' | null;
  key: string;
}

/** Every attempt of every student at each discipline offering that the session's sheets cover. */
function attemptsOf(db: Database, sessionId: string): Map<string, Attempt[]> {
  const rows = attemptRows(db, sessionId);
  const by = new Map<string, Attempt[]>();
  for (const r of rows) {
    // an offering for a student: the same discipline of the curriculum in the same year
    const key = `${r.student_id}|${r.curriculum_item_id}|${r.academic_year_id}`;
    const list = by.get(key) ?? [];
    list.push({
      sheetId: r.sheet_id,
      sheetNumber: r.number,
      attempt: r.attempt,
      state: r.state,
      scaleId: r.scale_id,
      curriculumItemId: r.curriculum_item_id,
      studentId: r.student_id,
      lastName: r.last_name,
      firstName: r.first_name,
      patronymic: r.patronymic,
      parts: JSON.parse(r.parts_json),
      mark: r.mark as Attempt['mark'],
      key,
    });
    by.set(key, list);
  }
  return by;
}

/** The latest attempt, when it is closed and calls for a retake (FX, absent or not admitted). */
function candidateOf(attempts: Attempt[], scales: (a: Attempt) => GradingScale): RetakeCandidate | null {
  const last = attempts.reduce((a, b) => (b.attempt > a.attempt ? b : a));
  if (last.state !== 'closed') return null;
  const scale = scales(last);
  const r = gradeRow(scale, { parts: last.parts, mark: last.mark });
  if (r.outcome === 'pass' || r.outcome === null) return null;
  const reason = r.status === 'absent' ? 'absent' : r.status === 'not_admitted' ? 'not_admitted' : 'fx';
  if (r.outcome === 'repeat') return null; // F: the discipline is repeated, not retaken (DOMAIN.md §3)
  return {
    sheetId: last.sheetId,
    sheetNumber: last.sheetNumber,
    studentId: last.studentId,
    lastName: last.lastName,
    firstName: last.firstName,
    patronymic: last.patronymic,
    attempt: last.attempt,
    reason,
    allowed: canRetake(scale, last.attempt, r.outcome).allowed,
  };
}

export function createRetakes(db: Database, sheets: GradeSheetsService) {
  const scaleCache = new Map<string, GradingScale>();
  // the sheet's scale version with its control form's parts
  const scales = (a: Attempt) => {
    const key = `${a.scaleId}|${a.curriculumItemId}`;
    return scaleCache.get(key) ?? scaleCache.set(key, sheetScale(db, { scale_id: a.scaleId, curriculum_item_id: a.curriculumItemId })).get(key)!;
  };

  function sessionScope(session: SessionUser, sessionId: string): void {
    const ses = findSession(db, sessionId);
    if (!ses) throw new AppError('not_found', 'error.sheet.noSession');
    assertInScope(session, 'gradeSheets', 'read', { facultyId: ses.faculty_id }, 'error.sheet.scope');
  }

  return {
    candidates(session: SessionUser, sessionId: string): { rows: RetakeCandidate[] } {
      if (!can(session.role, 'grades.read')) throw forbidden();
      sessionScope(session, sessionId);
      const rows: RetakeCandidate[] = [];
      for (const attempts of attemptsOf(db, sessionId).values()) {
        const c = candidateOf(attempts, scales);
        if (c) rows.push(c);
      }
      return { rows };
    },

    /** A retake (or individual) sheet linked to the closed sheet it retakes, for the chosen students. */
    create(session: SessionUser, req: { parentSheetId: string; studentIds: string[]; kind: 'retake' | 'individual' }, locale: Locale): GradeSheetDetail {
      if (!can(session.role, 'grades.enter')) throw forbidden();
      const parent = findSheet(db, req.parentSheetId);
      if (!parent) throw new AppError('not_found', 'error.sheet.notFound');
      assertInScope(session, 'gradeSheets', 'write', { facultyId: parent.faculty_id }, 'error.sheet.scope');
      const attempts = attemptsOf(db, parent.session_id);
      const problems: { path: string; key: MessageKey; values?: MessageValues }[] = [];
      const chosen = req.studentIds.map((studentId, i) => {
        const list = attempts.get(`${studentId}|${parent.curriculum_item_id}|${parent.academic_year_id}`);
        const c = list ? candidateOf(list, scales) : null;
        if (!c || !c.allowed || c.sheetId !== parent.id) {
          const name = list?.[0] ? fullName(list[0]) : studentId;
          problems.push({ path: `studentIds.${i}`, key: 'retake.notAllowed', values: { name } });
        }
        return { studentId, name: list?.[0] ? fullName(list[0]) : '' };
      });
      if (problems.length) throw new AppError('validation', 'error.validation', {}, problems);
      const id = withWrite(db, session, (w) => {
        const seq = maxSheetSeq(w, parent.academic_year_id) + 1;
        const sheet = {
          ...parent,
          id: uuidv7(),
          seq,
          number: `${parent.academic_year_id.slice(2, 4)}-${String(seq).padStart(5, '0')}`,
          kind: req.kind,
          attempt: parent.attempt + 1,
          parent_sheet_id: parent.id,
          // a retake is its own sitting: the date is set for it, never the original exam's
          exam_date: null,
          state: 'open',
          closed_at: null,
          closed_by: null,
          version: 1,
          created_at: w.now,
          updated_at: w.now,
        };
        insertSheet(w, sheet);
        chosen.forEach((c, i) =>
          insertGrade(w, { id: uuidv7(), sheet_id: sheet.id, student_id: c.studentId, position: i + 1, parts_json: '{}', mark: null, total: null, letter: null, version: 1, updated_at: w.now, updated_by: null }),
        );
        w.audit({ action: 'gradeSheet.retake', entity: 'grade_sheet', entityId: sheet.id, oldValue: null, newValue: { parent: parent.number, attempt: sheet.attempt, students: chosen.length } });
        w.outbox({ name: 'gradeSheet.create', entity: 'grade_sheet', entityId: sheet.id, payload: { sheet, students: chosen.map((c) => c.studentId) }, baseVersion: null });
        return sheet.id;
      });
      return sheets.detail(session, id, locale);
    },
  };
}
