/** Row schemas of the exam session: registrations, sheets, grades (twins of migration 0007). */
import { TERMS } from './curricula.rows';
import { col, rowSchema, rule, versioned } from './row-schema';

export const gradeSheetsRows = {
  registration: rowSchema({
    student_id: col.ref('student'),
    curriculum_item_id: col.ref('curriculum_item'),
    academic_year_id: col.ref('academic_year'),
    term: col.oneOf(TERMS),
    group_id: col.ref('student_group'),
    source: col.oneOf(['group', 'individual']),
    created_at: col.time(),
  }),
  grade_sheet: rowSchema(
    {
      academic_year_id: col.ref('academic_year'),
      seq: col.int({}, 1),
      number: col.text('1'),
      session_id: col.ref('academic_session'),
      faculty_id: col.ref('faculty'),
      group_id: col.ref('student_group'),
      curriculum_item_id: col.ref('curriculum_item'),
      kind: col.oneOf(['main', 'retake', 'individual']),
      attempt: col.int({ min: 1 }),
      parent_sheet_id: col.ref('grade_sheet').orNull,
      examiner_staff_id: col.ref('staff').orNull,
      exam_date: col.date().orNull,
      scale_id: col.ref('grading_scale'),
      state: col.oneOf(['open', 'filled', 'closed']),
      closed_at: col.time().orNull,
      closed_by: col.ref('app_user').orNull,
      version: col.int({ min: 1 }),
      created_at: col.time(),
      updated_at: col.time(),
    },
    [
      rule('parent_sheet_id', 'a retake or individual sheet must name the sheet it follows', (r) => r.kind === 'main' || r.parent_sheet_id != null),
      rule('closed_at', 'a closed sheet needs the time it was closed', (r) => r.state !== 'closed' || r.closed_at != null),
    ],
  ),
  grade: rowSchema({
    sheet_id: col.ref('grade_sheet'),
    student_id: col.ref('student'),
    position: col.int({}, 1),
    parts_json: col.text('{}'),
    mark: col.oneOf(['absent', 'not_admitted']).orNull,
    total: col.int({ min: 0, max: 100 }, 0).orNull,
    letter: col.text('A').orNull,
    ...versioned,
    updated_by: col.ref('app_user').orNull,
  }),
  grade_entry_exception: rowSchema(
    {
      sheet_id: col.ref('grade_sheet'),
      opens_on: col.date(),
      closes_on: col.date(),
      reason: col.nonEmpty('extension'),
      created_by: col.ref('app_user').orNull,
      created_at: col.time(),
    },
    [rule('closes_on', 'must not be before opens_on', (r) => String(r.opens_on) <= String(r.closes_on))],
  ),
};
