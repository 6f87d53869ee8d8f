/** One student's registrations (disciplines of a term): their SQL. */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { WriteScope } from '../write-transaction';

/** A student with what registration needs of their group (faculty, curriculum keys). */
export function studentWithGroup(db: Database, studentId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student as s')
      .innerJoin('student_group as g', 'g.id', 's.group_id')
      .select(['s.id', 's.group_id', 'g.name as group_name', 'g.faculty_id', 'g.specialty_id', 'g.intake_year', 'g.form'])
      .where('s.id', '=', studentId),
  );
}

/** The main sheet of a group's discipline in a year (a student is on it, or would join it). */
export function mainSheetOf(db: Database, groupId: string, itemId: string, year: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('grade_sheet')
      .select(['id', 'number', 'state', 'version'])
      .where('group_id', '=', groupId)
      .where('curriculum_item_id', '=', itemId)
      .where('academic_year_id', '=', year)
      .where('kind', '=', 'main'),
  );
}

/** A student's registrations of a term, with the discipline, its sheet and the student's result there. */
export function registrationsOfTerm(db: Database, studentId: string, year: string, term: string) {
  return db.sync.all(
    db.kysely
      .selectFrom('registration as r')
      .innerJoin('curriculum_item as ci', 'ci.id', 'r.curriculum_item_id')
      .innerJoin('discipline as d', 'd.id', 'ci.discipline_id')
      .leftJoin('grade_sheet as gs', (j) =>
        j.onRef('gs.group_id', '=', 'r.group_id').onRef('gs.curriculum_item_id', '=', 'r.curriculum_item_id').onRef('gs.academic_year_id', '=', 'r.academic_year_id').on('gs.kind', '=', 'main'),
      )
      .leftJoin('grade as g', (j) => j.onRef('g.sheet_id', '=', 'gs.id').onRef('g.student_id', '=', 'r.student_id'))
      .select(['r.id', 'r.curriculum_item_id', 'r.source', 'ci.semester', 'ci.credits', 'ci.control_form', 'd.name_ky', 'd.name_ru', 'd.name_en', 'gs.number', 'g.id as grade_id', 'g.parts_json', 'g.mark'])
      .where('r.student_id', '=', studentId)
      .where('r.academic_year_id', '=', year)
      .where('r.term', '=', term)
      .orderBy('ci.semester')
      .orderBy('d.name_ru'),
  );
}

export function registeredItemIds(db: Database, studentId: string, year: string): Set<string> {
  return new Set(db.sync.all(db.kysely.selectFrom('registration').select('curriculum_item_id').where('student_id', '=', studentId).where('academic_year_id', '=', year)).map((r) => r.curriculum_item_id));
}

/** Every item of the curriculum a group studies by, with its discipline. */
export function curriculumItemsOf(db: Database, g: { specialty_id: string; intake_year: number; form: string }) {
  return db.sync.all(
    db.kysely
      .selectFrom('curriculum as c')
      .innerJoin('curriculum_item as ci', 'ci.curriculum_id', 'c.id')
      .innerJoin('discipline as d', 'd.id', 'ci.discipline_id')
      .select(['ci.id', 'ci.semester', 'ci.credits', 'ci.control_form', 'd.name_ky', 'd.name_ru', 'd.name_en'])
      .where('c.specialty_id', '=', g.specialty_id)
      .where('c.intake_year', '=', g.intake_year)
      .where('c.form', '=', g.form)
      .orderBy('ci.semester')
      .orderBy('d.name_ru'),
  );
}

export function findRegistration(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('registration').selectAll().where('id', '=', id));
}

export function gradeOnSheet(db: Database, sheetId: string, studentId: string) {
  return db.sync.first(db.kysely.selectFrom('grade').select(['id', 'parts_json', 'mark', 'version']).where('sheet_id', '=', sheetId).where('student_id', '=', studentId));
}

export function lastPosition(w: WriteScope, sheetId: string): number {
  return w.sql.first(w.q.selectFrom('grade').select((eb) => eb.fn.max('position').as('m')).where('sheet_id', '=', sheetId))?.m ?? 0;
}

export function addRegistration(w: WriteScope, row: Insertable<DB['registration']>): void {
  w.sql.run(w.q.insertInto('registration').values(row));
}

/** A late student joins an existing sheet at its end; the sheet is open again. */
export function joinSheet(w: WriteScope, sheet: { id: string; version: number }, grade: Insertable<DB['grade']>): void {
  w.sql.run(w.q.insertInto('grade').values(grade));
  w.sql.run(w.q.updateTable('grade_sheet').set({ state: 'open', version: sheet.version + 1, updated_at: w.now }).where('id', '=', sheet.id));
}

export function deleteGrade(w: WriteScope, id: string): void {
  w.sql.run(w.q.deleteFrom('grade').where('id', '=', id));
}

export function deleteRegistration(w: WriteScope, id: string): void {
  w.sql.run(w.q.deleteFrom('registration').where('id', '=', id));
}
