/** Who examines and when: printed on the sheet, set by the dean's office before the exam. */
import type { ExaminerOption, GradeSheetDetail, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { compareNames, shortName } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import type { Locale } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';

/** Positions that teach (and so examine); heads of chairs examine too. */
const TEACHING_CATEGORIES = ['professor', 'docent', 'senior_lecturer', 'lecturer', 'assistant', 'head_of_chair'];
import type { GradeSheetsService } from './grade-sheets.service';
import { assertInScope } from '../scope';
import type { ScopeAction } from '../../../src-shared/domain/scope-policy';
import { findSheet, updateSheet } from './grade-sheets.repository';
import { currentStaffOfFaculty } from '../reference/reference.repository';

export function createExaminers(db: Database, sheets: GradeSheetsService) {

  function sheetOf(session: SessionUser, id: string, action: ScopeAction) {
    const sheet = findSheet(db, id);
    if (!sheet) throw new AppError('not_found', 'error.sheet.notFound');
    assertInScope(session, 'gradeSheets', action, { facultyId: sheet.faculty_id }, 'error.sheet.scope');
    return sheet;
  }

  return {
    /** Teaching staff working at the sheet's faculty now (any chair), sorted as the office reads names. */
    options(session: SessionUser, id: string): { rows: ExaminerOption[] } {
      if (!can(session.role, 'grades.read')) throw forbidden();
      const sheet = sheetOf(session, id, 'read');
      const staff = currentStaffOfFaculty(db, sheet.faculty_id, TEACHING_CATEGORIES);
      const people = staff.map((s) => ({ id: s.id, lastName: s.last_name, firstName: s.first_name, patronymic: s.patronymic })).sort(compareNames);
      return { rows: people.map((p) => ({ staffId: p.id, name: shortName(p) })) };
    },

    set(session: SessionUser, req: ParsedRequestOf<'gradeSheets.setExaminer'>, locale: Locale): GradeSheetDetail {
      if (!can(session.role, 'grades.enter')) throw forbidden();
      const sheet = sheetOf(session, req.id, 'write');
      if (sheet.state === 'closed') throw new AppError('conflict', 'error.sheet.alreadyClosed');
      if (sheet.version !== req.version) throw new AppError('conflict', 'error.conflict.staleVersion');
      if (req.examinerStaffId && !this.options(session, req.id).rows.some((o) => o.staffId === req.examinerStaffId)) {
        throw new AppError('validation', 'error.validation', {}, [{ path: 'examinerStaffId', key: 'error.sheet.examinerUnknown' }]);
      }
      withWrite(db, session, (w) => {
        const oldValue = { examinerStaffId: sheet.examiner_staff_id, examDate: sheet.exam_date };
        const newValue = { examinerStaffId: req.examinerStaffId, examDate: req.examDate };
        updateSheet(w, sheet.id, { examiner_staff_id: req.examinerStaffId, exam_date: req.examDate, version: sheet.version + 1, updated_at: w.now });
        w.audit({ action: 'gradeSheet.examiner', entity: 'grade_sheet', entityId: sheet.id, oldValue, newValue });
        w.outbox({ name: 'gradeSheet.examiner', entity: 'grade_sheet', entityId: sheet.id, payload: { id: sheet.id, ...newValue }, baseVersion: sheet.version });
      });
      return sheets.detail(session, req.id, locale);
    },
  };
}
