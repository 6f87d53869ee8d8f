import { gradeSheetsRows } from './grade-sheets.rows';
import type { SyncSlice } from './sync-slice';

/** The dean's office exam session: registrations, sheets, grades and entry exceptions. */
export const gradeSheetsSync: SyncSlice = {
  office: 'grade-sheets',
  tables: [
    { name: 'registration', row: gradeSheetsRows.registration, policy: 'append', scope: { kind: 'via', column: 'group_id', table: 'student_group' } },
    { name: 'grade_sheet', row: gradeSheetsRows.grade_sheet, policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } },
    { name: 'grade', row: gradeSheetsRows.grade, policy: 'grade', scope: { kind: 'via', column: 'sheet_id', table: 'grade_sheet' } },
    { name: 'grade_entry_exception', row: gradeSheetsRows.grade_entry_exception, policy: 'append', scope: { kind: 'via', column: 'sheet_id', table: 'grade_sheet' } },
  ],
  mutations: {
    'registration.add': { permission: 'grades.enter', tables: ['registration', 'grade', 'grade_sheet'] },
    'registration.remove': { permission: 'grades.enter', tables: ['registration', 'grade'] },
    'grade.add': { permission: 'grades.enter', tables: ['grade', 'grade_sheet'] },
    'grade.remove': { permission: 'grades.enter', tables: ['grade'] },
    'grade.set': { permission: 'grades.enter', tables: ['grade', 'grade_sheet'] },
    /** a closed sheet's grade, with the reason and the document that allow it (payload.reason, payload.documentNo) */
    'grade.changeClosed': { permission: 'grades.enter', tables: ['grade'] },
    'gradeSheet.create': { permission: 'grades.enter', tables: ['grade_sheet', 'grade'] },
    'gradeSheet.close': { permission: 'grades.enter', tables: ['grade_sheet'] },
    'gradeSheet.examiner': { permission: 'grades.enter', tables: ['grade_sheet'] },
    'gradeSheet.exception': { permission: 'grades.exception', tables: ['grade_entry_exception'] },
    /** a person settling a conflict or a refusal from the "Needs attention" list */
    'sync.resolve': { permission: 'grades.enter', tables: ['grade'] },
  },
};
