/**
 * Individual registration (AVN's "registration to disciplines"): beyond what a student gets
 * with the group, the dean's office adds a discipline (a debt from an earlier semester, an
 * academic difference after a transfer) or removes one (credited from elsewhere).
 */
import { uuidv7 } from 'uuidv7';
import type { ParsedRequestOf, RegistrationRow, SessionUser, StudentRegistrations } from '../../../src-shared/contract';
import type { ControlForm } from '../../../src-shared/domain/enums';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { assertInScope } from '../scope';
import type { ScopeAction } from '../../../src-shared/domain/scope-policy';

import {
  addRegistration,
  curriculumItemsOf,
  deleteGrade,
  deleteRegistration,
  findRegistration,
  gradeOnSheet,
  joinSheet,
  lastPosition,
  mainSheetOf,
  registeredItemIds,
  registrationsOfTerm,
  studentWithGroup,
} from './registrations.repository';

type Term = 'autumn' | 'spring';

export function createRegistrations(db: Database) {
  function studentOf(session: SessionUser, studentId: string, action: ScopeAction) {
    const s = studentWithGroup(db, studentId);
    if (!s) throw new AppError('not_found', 'error.notFound.student');
    assertInScope(session, 'gradeSheets', action, { facultyId: s.faculty_id }, 'error.sheet.groupScope');
    return s;
  }

  /** The sheet of the student's group for this discipline and year that the student is on, or would join. */
  function sheetFor(groupId: string, itemId: string, year: string) {
    return mainSheetOf(db, groupId, itemId, year);
  }

  function view(session: SessionUser, studentId: string, year: string, term: Term): StudentRegistrations {
    const s = studentOf(session, studentId, 'read');
    const rows = registrationsOfTerm(db, studentId, year, term)
      .map(
        (r): RegistrationRow => ({
          registrationId: r.id,
          curriculumItemId: r.curriculum_item_id,
          discipline: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
          semester: r.semester,
          credits: r.credits,
          controlForm: r.control_form as ControlForm,
          source: r.source === 'group' ? 'group' : 'individual',
          sheetNumber: r.grade_id ? r.number : null,
          graded: hasResult(r.parts_json, r.mark),
        }),
      );
    const registered = registeredItemIds(db, studentId, year);
    const options = curriculumItemsOf(db, s)
      .filter((o) => !registered.has(o.id))
      .map((o) => ({
        curriculumItemId: o.id,
        discipline: { ky: o.name_ky, ru: o.name_ru, en: o.name_en },
        semester: o.semester,
        credits: o.credits,
        controlForm: o.control_form as ControlForm,
      }));
    return { studentId, groupName: s.group_name, academicYearId: year, term, rows, options };
  }

  return {
    view(session: SessionUser, req: ParsedRequestOf<'registrations.ofStudent'>): StudentRegistrations {
      if (!can(session.role, 'grades.read')) throw forbidden();
      return view(session, req.studentId, req.academicYearId, req.term);
    },

    /** Adds a discipline of the student's own curriculum; joins its open sheet if one exists. */
    add(session: SessionUser, req: ParsedRequestOf<'registrations.add'>): StudentRegistrations {
      if (!can(session.role, 'grades.enter')) throw forbidden();
      const s = studentOf(session, req.studentId, 'write');
      const current = view(session, req.studentId, req.academicYearId, req.term);
      if (current.rows.some((r) => r.curriculumItemId === req.curriculumItemId)) throw new AppError('conflict', 'error.registration.already');
      if (!current.options.some((o) => o.curriculumItemId === req.curriculumItemId)) {
        throw new AppError('validation', 'error.validation', {}, [{ path: 'curriculumItemId', key: 'error.registration.notInCurriculum' }]);
      }
      const sheet = sheetFor(s.group_id, req.curriculumItemId, req.academicYearId);
      if (sheet && sheet.state === 'closed') throw new AppError('conflict', 'error.registration.sheetClosed', { number: sheet.number });
      withWrite(db, session, (w) => {
        const row = { id: uuidv7(), student_id: s.id, curriculum_item_id: req.curriculumItemId, academic_year_id: req.academicYearId, term: req.term, group_id: s.group_id, source: 'individual', created_at: w.now };
        addRegistration(w, row);
        w.outbox({ name: 'registration.add', entity: 'registration', entityId: row.id, payload: row, baseVersion: null });
        let joined: string | null = null;
        if (sheet) {
          // the student goes to the end of the list: the printed numbers of the others stay as they are
          const last = lastPosition(w, sheet.id);
          const grade = { id: uuidv7(), sheet_id: sheet.id, student_id: s.id, position: last + 1, parts_json: '{}', mark: null, total: null, letter: null, version: 1, updated_at: w.now, updated_by: null };
          joinSheet(w, sheet, grade);
          w.outbox({ name: 'grade.add', entity: 'grade', entityId: grade.id, payload: grade, baseVersion: null });
          joined = sheet.number;
        }
        w.audit({ action: 'registration.add', entity: 'student', entityId: s.id, oldValue: null, newValue: { ...row, sheet: joined } });
      });
      return view(session, req.studentId, req.academicYearId, req.term);
    },

    /** Removes a registration; refused once the student has a result for it or its sheet is closed. */
    remove(session: SessionUser, req: ParsedRequestOf<'registrations.remove'>): StudentRegistrations {
      if (!can(session.role, 'grades.enter')) throw forbidden();
      const reg = findRegistration(db, req.registrationId);
      if (!reg) throw new AppError('not_found', 'error.registration.notFound');
      studentOf(session, reg.student_id, 'write');
      const sheet = sheetFor(reg.group_id, reg.curriculum_item_id, reg.academic_year_id);
      const grade = sheet
        ? gradeOnSheet(db, sheet.id, reg.student_id)
        : undefined;
      if (sheet && grade && sheet.state === 'closed') throw new AppError('conflict', 'error.registration.sheetClosed', { number: sheet.number });
      if (grade && hasResult(grade.parts_json, grade.mark)) throw new AppError('conflict', 'error.registration.graded', { number: sheet!.number });
      withWrite(db, session, (w) => {
        if (grade) {
          deleteGrade(w, grade.id);
          w.outbox({ name: 'grade.remove', entity: 'grade', entityId: grade.id, payload: { id: grade.id }, baseVersion: grade.version });
        }
        deleteRegistration(w, reg.id);
        w.outbox({ name: 'registration.remove', entity: 'registration', entityId: reg.id, payload: { id: reg.id }, baseVersion: null });
        w.audit({ action: 'registration.remove', entity: 'student', entityId: reg.student_id, oldValue: { ...reg, sheet: grade ? sheet!.number : null }, newValue: null });
      });
      return view(session, reg.student_id, reg.academic_year_id, reg.term as Term);
    },
  };
}

function hasResult(partsJson: string | null, mark: string | null): boolean {
  if (mark) return true;
  if (!partsJson) return false;
  return Object.values(JSON.parse(partsJson) as Record<string, number | null>).some((v) => v !== null);
}
