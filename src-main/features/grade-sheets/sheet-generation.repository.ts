/** Registration by group and sheet generation: their SQL. */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { WriteScope } from '../write-transaction';

export function findGroupRow(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('student_group').selectAll().where('id', '=', id));
}

/** The curriculum a group studies by: its specialty, intake year and form. */
export function curriculumOfGroup(db: Database, g: { specialty_id: string; intake_year: number; form: string }) {
  return db.sync.first(db.kysely.selectFrom('curriculum').select('id').where('specialty_id', '=', g.specialty_id).where('intake_year', '=', g.intake_year).where('form', '=', g.form));
}

export function semesterItems(db: Database, curriculumId: string, semester: number) {
  return db.sync.all(db.kysely.selectFrom('curriculum_item').select('id').where('curriculum_id', '=', curriculumId).where('semester', '=', semester));
}

export function activeStudentsOfGroup(db: Database, groupId: string) {
  return db.sync.all(db.kysely.selectFrom('student').select('id').where('group_id', '=', groupId).where('status', '=', 'active'));
}

export function isRegistered(w: WriteScope, studentId: string, itemId: string, academicYearId: string): boolean {
  return !!w.sql.first(w.q.selectFrom('registration').select('id').where('student_id', '=', studentId).where('curriculum_item_id', '=', itemId).where('academic_year_id', '=', academicYearId));
}

export function insertRegistration(w: WriteScope, row: Insertable<DB['registration']>): void {
  w.sql.run(w.q.insertInto('registration').values(row));
}

/** Group × discipline pairs with registrations in a session (of its faculty, when it has one). */
export function sessionOfferings(w: WriteScope, ses: { academic_year_id: string; term: string; faculty_id: string | null }) {
  let q = w.q
    .selectFrom('registration as r')
    .innerJoin('student_group as g', 'g.id', 'r.group_id')
    .select(['r.group_id', 'r.curriculum_item_id', 'g.faculty_id'])
    .distinct()
    .where('r.academic_year_id', '=', ses.academic_year_id)
    .where('r.term', '=', ses.term);
  if (ses.faculty_id) q = q.where('g.faculty_id', '=', ses.faculty_id);
  return w.sql.all(q);
}

export function maxSheetSeq(w: WriteScope, academicYearId: string): number {
  return w.sql.first(w.q.selectFrom('grade_sheet').select((eb) => eb.fn.max('seq').as('m')).where('academic_year_id', '=', academicYearId))?.m ?? 0;
}

export function mainSheetExists(w: WriteScope, groupId: string, itemId: string, academicYearId: string): boolean {
  return !!w.sql.first(
    w.q.selectFrom('grade_sheet').select('id').where('group_id', '=', groupId).where('curriculum_item_id', '=', itemId).where('academic_year_id', '=', academicYearId).where('kind', '=', 'main'),
  );
}

export function insertSheet(w: WriteScope, sheet: Insertable<DB['grade_sheet']>): void {
  w.sql.run(w.q.insertInto('grade_sheet').values(sheet));
}

/** The students registered to a group's discipline in a year, with their names (the sheet is sorted by them). */
export function registeredStudents(w: WriteScope, groupId: string, itemId: string, academicYearId: string) {
  return w.sql.all(
    w.q
      .selectFrom('registration as r')
      .innerJoin('student as s', 's.id', 'r.student_id')
      .select(['s.id', 's.last_name', 's.first_name', 's.patronymic'])
      .where('r.group_id', '=', groupId)
      .where('r.curriculum_item_id', '=', itemId)
      .where('r.academic_year_id', '=', academicYearId),
  );
}

export function insertGrade(w: WriteScope, row: Insertable<DB['grade']>): void {
  w.sql.run(w.q.insertInto('grade').values(row));
}
