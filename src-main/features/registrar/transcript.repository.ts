/** A student's grade history and what a transcript prints about them: the registrar's SQL. */
import type { Database } from '../../db/connection';

/** The student with the group, specialty and faculty their transcript names. */
export function transcriptStudentRow(db: Database, studentId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student as s')
      .innerJoin('student_group as g', 'g.id', 's.group_id')
      .innerJoin('specialty as sp', 'sp.id', 'g.specialty_id')
      .innerJoin('faculty as f', 'f.id', 'g.faculty_id')
      .select([
        's.id', 's.last_name', 's.first_name', 's.patronymic', 's.sex', 's.birth_date', 's.pin', 's.record_book_no', 's.status', 's.admission_year', 's.course', 's.funding', 's.latin_name',
        'g.name as group_name', 'g.form', 'g.faculty_id',
        'sp.code as specialty_code', 'sp.name_ky as sp_ky', 'sp.name_ru as sp_ru', 'sp.name_en as sp_en', 'sp.level',
        'f.code as faculty_code', 'f.name_ky as f_ky', 'f.name_ru as f_ru', 'f.name_en as f_en',
      ])
      .where('s.id', '=', studentId),
  );
}

/** Every result of the student on a closed sheet, in curriculum order, attempts in order. */
export function closedAttemptRows(db: Database, studentId: string) {
  return db.sync.all(
    db.kysely
      .selectFrom('grade as gr')
      .innerJoin('grade_sheet as gs', 'gs.id', 'gr.sheet_id')
      .innerJoin('curriculum_item as ci', 'ci.id', 'gs.curriculum_item_id')
      .innerJoin('discipline as d', 'd.id', 'ci.discipline_id')
      .select([
        'ci.id as item_id', 'ci.semester', 'ci.credits', 'ci.hours', 'ci.control_form',
        'd.name_ky', 'd.name_ru', 'd.name_en',
        'gs.attempt', 'gs.academic_year_id', 'gs.exam_date', 'gs.number', 'gs.kind', 'gs.scale_id',
        'gr.parts_json', 'gr.mark',
      ])
      .where('gr.student_id', '=', studentId)
      .where('gs.state', '=', 'closed')
      .orderBy('ci.semester')
      .orderBy('ci.id')
      .orderBy('gs.attempt'),
  );
}

/** A group's students, or those who graduated in a year, with their names for ordering and whether any grade of theirs is closed. */
export function studentsForTranscripts(db: Database, pick: { groupId: string } | { graduatedIn: number; facultyId: string | null }) {
  let q = db.kysely
    .selectFrom('student as s')
    .innerJoin('student_group as g', 'g.id', 's.group_id')
    .select(['s.id', 's.last_name', 's.first_name', 's.patronymic', 'g.faculty_id'])
    .select((eb) => eb.exists(eb.selectFrom('grade as gr').innerJoin('grade_sheet as gs', 'gs.id', 'gr.sheet_id').select('gr.id').whereRef('gr.student_id', '=', 's.id').where('gs.state', '=', 'closed')).as('has_grades'));
  if ('groupId' in pick) q = q.where('s.group_id', '=', pick.groupId);
  else {
    q = q
      .where('s.status', '=', 'graduated')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('student_status_history as h')
            .select('h.id')
            .whereRef('h.student_id', '=', 's.id')
            .where('h.status', '=', 'graduated')
            .where('h.voided_by_order_id', 'is', null)
            .where('h.effective_date', '>=', `${pick.graduatedIn}-01-01`)
            .where('h.effective_date', '<=', `${pick.graduatedIn}-12-31`),
        ),
      );
    if (pick.facultyId) q = q.where('g.faculty_id', '=', pick.facultyId);
  }
  return db.sync.all(q);
}

export function groupFaculty(db: Database, groupId: string) {
  return db.sync.first(db.kysely.selectFrom('student_group').select(['id', 'name', 'faculty_id']).where('id', '=', groupId));
}
