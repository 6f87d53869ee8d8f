import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { RowScope } from '../../../src-shared/domain/scope-policy';
import type { Database } from '../../db/connection';
import { inScope } from '../../db/scope-query';
import type { WriteScope } from '../write-transaction';
import type { DB } from '../../db/schema';

export type SheetRow = Selectable<DB['grade_sheet']>;
export type GradeDbRow = Selectable<DB['grade']>;

/** A sheet with the names the list and the card show. */
function sheetSummaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('grade_sheet as gs')
    .innerJoin('student_group as g', 'g.id', 'gs.group_id')
    .innerJoin('curriculum_item as ci', 'ci.id', 'gs.curriculum_item_id')
    .innerJoin('discipline as d', 'd.id', 'ci.discipline_id')
    .selectAll('gs')
    .select(['g.name as group_name', 'd.name_ky', 'd.name_ru', 'd.name_en', 'ci.control_form', 'ci.credits', 'ci.semester'])
    .select((eb) => [
      eb.selectFrom('grade as gr').select(eb.fn.countAll<number>().as('n')).whereRef('gr.sheet_id', '=', 'gs.id').as('students'),
      eb
        .selectFrom('grade as gr')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('gr.sheet_id', '=', 'gs.id')
        .where((w) => w.or([w('gr.total', 'is not', null), w('gr.mark', 'is not', null)]))
        .as('graded'),
    ]);
}

function gradesOfSheetQuery(db: Kysely<DB>, sheetId: string) {
  return db
    .selectFrom('grade as gr')
    .innerJoin('student as s', 's.id', 'gr.student_id')
    .selectAll('gr')
    .select(['s.last_name', 's.first_name', 's.patronymic', 's.record_book_no', 's.sex'])
    .where('gr.sheet_id', '=', sheetId)
    .orderBy('gr.position');
}

export type SheetSummaryRow = SheetRow & { group_name: string; name_ky: string; name_ru: string; name_en: string; control_form: string; credits: number; semester: number; students: number | null; graded: number | null };

export function findSheet(db: Database, id: string): SheetRow | undefined {
  return db.sync.first(db.kysely.selectFrom('grade_sheet').selectAll().where('id', '=', id));
}

export function sheetSummary(db: Database, id: string): SheetSummaryRow | undefined {
  return db.sync.first(sheetSummaryQuery(db.kysely).where('gs.id', '=', id));
}

export function sheetSummaries(db: Database, ids: string[]): SheetSummaryRow[] {
  return ids.length ? db.sync.all(sheetSummaryQuery(db.kysely).where('gs.id', 'in', ids).orderBy('gs.seq')) : [];
}

/** The sheets the scope reaches, in number order, narrowed by session, group and state. */
export function listSheetSummaries(db: Database, scope: RowScope, f: { sessionId?: string | undefined; groupId?: string | undefined; state?: string | undefined }): SheetSummaryRow[] {
  let q = inScope(sheetSummaryQuery(db.kysely).orderBy('gs.seq'), scope, { faculty: 'gs.faculty_id' });
  if (f.sessionId) q = q.where('gs.session_id', '=', f.sessionId);
  if (f.groupId) q = q.where('gs.group_id', '=', f.groupId);
  if (f.state) q = q.where('gs.state', '=', f.state);
  return db.sync.all(q);
}

export function gradesOfSheet(db: Database, sheetId: string) {
  return db.sync.all(gradesOfSheetQuery(db.kysely, sheetId));
}

/** Each student's result on a sheet: enough to tell whether the sheet is complete. */
export function sheetResults(db: Database, sheetId: string): { parts_json: string; mark: string | null }[] {
  return db.sync.all(db.kysely.selectFrom('grade').select(['parts_json', 'mark']).where('sheet_id', '=', sheetId));
}

export function findSession(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('academic_session').selectAll().where('id', '=', id));
}

/** A session with its faculty's code (print file names carry it). */
export function sessionWithFacultyCode(db: Database, id: string) {
  return db.sync.first(
    db.kysely.selectFrom('academic_session as s').leftJoin('faculty as f', 'f.id', 's.faculty_id').select(['s.id', 's.academic_year_id', 's.term', 's.faculty_id', 'f.code']).where('s.id', '=', id),
  );
}

/** Exam sessions the scope reaches, newest first. */
export function listSessions(db: Database, scope: RowScope) {
  return db.sync.all(inScope(db.kysely.selectFrom('academic_session').selectAll().orderBy('starts_on', 'desc'), scope, { faculty: 'faculty_id' }));
}

export function entryExceptions(db: Database, sheetId: string) {
  return db.sync.all(db.kysely.selectFrom('grade_entry_exception').select(['opens_on', 'closes_on', 'reason']).where('sheet_id', '=', sheetId).orderBy('created_at'));
}

export function insertEntryException(w: WriteScope, row: Insertable<DB['grade_entry_exception']>): void {
  w.sql.run(w.q.insertInto('grade_entry_exception').values(row));
}

export function updateGrade(w: WriteScope, id: string, set: Updateable<DB['grade']>): void {
  w.sql.run(w.q.updateTable('grade').set(set).where('id', '=', id));
}

export function updateSheet(w: WriteScope, id: string, set: Updateable<DB['grade_sheet']>): void {
  w.sql.run(w.q.updateTable('grade_sheet').set(set).where('id', '=', id));
}

/** Every attempt at the disciplines a session's sheets cover: sheet, student, result. */
export function attemptRows(db: Database, sessionId: string) {
  return db.sync.all(
    db.kysely
      .selectFrom('grade as gr')
      .innerJoin('grade_sheet as gs', 'gs.id', 'gr.sheet_id')
      .innerJoin('student as s', 's.id', 'gr.student_id')
      .select(['gs.id as sheet_id', 'gs.number', 'gs.attempt', 'gs.state', 'gs.scale_id', 'gs.curriculum_item_id', 'gs.academic_year_id', 'gs.group_id', 'gs.faculty_id', 'gs.session_id', 'gr.student_id', 's.last_name', 's.first_name', 's.patronymic', 'gr.parts_json', 'gr.mark'])
      .where('gs.session_id', '=', sessionId),
  );
}

/** What a sheet's document prints besides its rows: group, specialty, faculty, hours, examiner. */
export function sheetDocumentRow(db: Database, sheetId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('grade_sheet as gs')
      .innerJoin('student_group as g', 'g.id', 'gs.group_id')
      .innerJoin('specialty as sp', 'sp.id', 'g.specialty_id')
      .innerJoin('faculty as f', 'f.id', 'gs.faculty_id')
      .innerJoin('curriculum_item as ci', 'ci.id', 'gs.curriculum_item_id')
      .leftJoin('staff as ex', 'ex.id', 'gs.examiner_staff_id')
      .leftJoin('grade_sheet as parent', 'parent.id', 'gs.parent_sheet_id')
      .select([
        'parent.number as parent_number',
        'g.form', 'g.course', 'sp.code', 'sp.name_ky as sp_ky', 'sp.name_ru as sp_ru', 'sp.name_en as sp_en',
        'f.id as faculty_id', 'f.name_ky as f_ky', 'f.name_ru as f_ru', 'f.name_en as f_en', 'ci.hours', 'gs.exam_date', 'gs.scale_id', 'gs.closed_at',
        'ex.last_name as ex_last', 'ex.first_name as ex_first', 'ex.patronymic as ex_patronymic',
      ])
      .where('gs.id', '=', sheetId),
  );
}
