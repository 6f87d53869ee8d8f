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

export function createExaminers(db: Database, sheets: GradeSheetsService) {
  const k = db.kysely;

  function sheetOf(session: SessionUser, id: string, action: ScopeAction) {
    const sheet = db.sync.first(k.selectFrom('grade_sheet').select(['id', 'faculty_id', 'state', 'version', 'examiner_staff_id', 'exam_date']).where('id', '=', id));
    if (!sheet) throw new AppError('not_found', 'error.sheet.notFound');
    assertInScope(session, 'gradeSheets', action, { facultyId: sheet.faculty_id }, 'error.sheet.scope');
    return sheet;
  }

  return {
    /** Teaching staff working at the sheet's faculty now (any chair), sorted as the office reads names. */
    options(session: SessionUser, id: string): { rows: ExaminerOption[] } {
      if (!can(session.role, 'grades.read')) throw forbidden();
      const sheet = sheetOf(session, id, 'read');
      const staff = db.sync.all(
        k
          .selectFrom('staff as s')
          .innerJoin('staff_position as p', 'p.staff_id', 's.id')
          .innerJoin('position as pos', 'pos.id', 'p.position_id')
          .leftJoin('chair as c', 'c.id', 'p.chair_id')
          .select(['s.id', 's.last_name', 's.first_name', 's.patronymic'])
          .distinct()
          .where('p.end_date', 'is', null)
          .where('s.leave_date', 'is', null)
          .where('pos.category', 'in', TEACHING_CATEGORIES)
          .where((eb) => eb.or([eb('p.faculty_id', '=', sheet.faculty_id), eb('c.faculty_id', '=', sheet.faculty_id)])),
      );
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
        w.sql.run(
          w.q
            .updateTable('grade_sheet')
            .set({ examiner_staff_id: req.examinerStaffId, exam_date: req.examDate, version: sheet.version + 1, updated_at: w.now })
            .where('id', '=', sheet.id),
        );
        w.audit({ action: 'gradeSheet.examiner', entity: 'grade_sheet', entityId: sheet.id, oldValue, newValue });
        w.outbox({ name: 'gradeSheet.examiner', entity: 'grade_sheet', entityId: sheet.id, payload: { id: sheet.id, ...newValue }, baseVersion: sheet.version });
      });
      return sheets.detail(session, req.id, locale);
    },
  };
}
