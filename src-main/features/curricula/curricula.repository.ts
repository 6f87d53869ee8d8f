/** SQL for curricula: summaries, one curriculum's items with their usage, disciplines. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { WriteScope } from '../write-transaction';
import type { CurriculumItemView, CurriculumSummary, DisciplineRef } from '../../../src-shared/contract';
import type { ControlForm, StudyForm } from '../../../src-shared/domain/enums';
import type { Database } from '../../db/connection';
import type { CurriculumItemTable, CurriculumTable, DB } from '../../db/schema';

export type CurriculumRow = Selectable<CurriculumTable>;
export type ItemRow = Selectable<CurriculumItemTable>;

function summaryQuery(q: Kysely<DB>) {
  return q
    .selectFrom('curriculum as c')
    .leftJoin('curriculum_item as ci', 'ci.curriculum_id', 'c.id')
    .select(['c.id', 'c.specialty_id', 'c.intake_year', 'c.form', 'c.version'])
    .select((eb) => [eb.fn.count<number>('ci.id').as('items'), sql<number>`coalesce(sum(${eb.ref('ci.credits')}), 0)`.as('credits')])
    .groupBy('c.id')
    .orderBy('c.intake_year', 'desc')
    .orderBy('c.form');
}

export function toSummary(r: { id: string; specialty_id: string; intake_year: number; form: string; version: number; items: number; credits: number }): CurriculumSummary {
  return {
    id: r.id,
    specialtyId: r.specialty_id,
    intakeYear: r.intake_year,
    form: r.form as StudyForm,
    itemCount: Number(r.items),
    credits: Number(r.credits),
    version: r.version,
  };
}

/** One curriculum's items, by semester then discipline name, each with what already uses it. */
export function itemViews(db: Database, curriculumId: string): CurriculumItemView[] {
  const rows = db.sync.all(
    db.kysely
      .selectFrom('curriculum_item as ci')
      .innerJoin('discipline as d', 'd.id', 'ci.discipline_id')
      .select(['ci.id', 'ci.discipline_id', 'ci.semester', 'ci.credits', 'ci.hours', 'ci.control_form', 'ci.version', 'd.name_ky', 'd.name_ru', 'd.name_en'])
      // by item: registration_item_idx / grade_sheet_item_idx (migration 0008)
      .select((eb) => [
        eb.selectFrom('registration as r').whereRef('r.curriculum_item_id', '=', 'ci.id').select(eb.fn.countAll<number>().as('n')).as('registrations'),
        eb.selectFrom('grade_sheet as gs').whereRef('gs.curriculum_item_id', '=', 'ci.id').select(eb.fn.countAll<number>().as('n')).as('sheets'),
      ])
      .where('ci.curriculum_id', '=', curriculumId)
      .orderBy('ci.semester')
      .orderBy('d.name_ru'),
  );
  return rows.map((r) => ({
    id: r.id,
    disciplineId: r.discipline_id,
    discipline: { ky: r.name_ky, ru: r.name_ru, en: r.name_en },
    semester: r.semester,
    credits: r.credits,
    hours: r.hours,
    controlForm: r.control_form as ControlForm,
    version: r.version,
    usedBy: { registrations: Number(r.registrations ?? 0), sheets: Number(r.sheets ?? 0) },
  }));
}

export function usageOf(db: Database, itemId: string): { registrations: number; sheets: number } {
  const n = (table: 'registration' | 'grade_sheet') =>
    Number(db.sync.first(db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('curriculum_item_id', '=', itemId))?.n ?? 0);
  return { registrations: n('registration'), sheets: n('grade_sheet') };
}

export function allDisciplines(db: Database): DisciplineRef[] {
  return db.sync
    .all(db.kysely.selectFrom('discipline').select(['id', 'chair_id', 'name_ky', 'name_ru', 'name_en']))
    .map((d) => ({ id: d.id, chairId: d.chair_id, name: { ky: d.name_ky, ru: d.name_ru, en: d.name_en } }));
}

export function findCurriculum(db: Database, id: string): CurriculumRow | undefined {
  return db.sync.first(db.kysely.selectFrom('curriculum').selectAll().where('id', '=', id));
}

export function specialtyDuration(db: Database, specialtyId: string): number | undefined {
  return db.sync.first(db.kysely.selectFrom('specialty').select('duration_years').where('id', '=', specialtyId))?.duration_years;
}

export function disciplineNames(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('discipline').select(['name_ky', 'name_ru', 'name_en']).where('id', '=', id));
}

export function listSummaries(db: Database, f: { specialtyId?: string | undefined; intakeYear?: number | undefined; form?: string | undefined }): CurriculumSummary[] {
  let query = summaryQuery(db.kysely);
  if (f.specialtyId) query = query.where('c.specialty_id', '=', f.specialtyId);
  if (f.intakeYear !== undefined) query = query.where('c.intake_year', '=', f.intakeYear);
  if (f.form) query = query.where('c.form', '=', f.form);
  return db.sync.all(query).map(toSummary);
}

export function exists(db: Database, table: 'specialty' | 'discipline' | 'chair', id: string): boolean {
  return !!db.sync.first(db.kysely.selectFrom(table).select('id').where('id', '=', id));
}

/** The curriculum of a specialty, intake year and form (there is at most one). */
export function curriculumOf(db: Database, specialtyId: string, intakeYear: number, form: string) {
  return db.sync.first(db.kysely.selectFrom('curriculum').select('id').where('specialty_id', '=', specialtyId).where('intake_year', '=', intakeYear).where('form', '=', form));
}

export function itemsOf(db: Database, curriculumId: string): ItemRow[] {
  return db.sync.all(db.kysely.selectFrom('curriculum_item').selectAll().where('curriculum_id', '=', curriculumId).orderBy('semester'));
}

export function findItem(db: Database, id: string, curriculumId?: string): ItemRow | undefined {
  let q = db.kysely.selectFrom('curriculum_item').selectAll().where('id', '=', id);
  if (curriculumId) q = q.where('curriculum_id', '=', curriculumId);
  return db.sync.first(q);
}

/** Another item of the curriculum with the same discipline in the same semester. */
export function twinItem(db: Database, curriculumId: string, semester: number, disciplineId: string, exceptId?: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('curriculum_item')
      .select('id')
      .where('curriculum_id', '=', curriculumId)
      .where('semester', '=', semester)
      .where('discipline_id', '=', disciplineId)
      .$if(exceptId !== undefined, (b) => b.where('id', '<>', exceptId!)),
  );
}

export function insertCurriculum(w: WriteScope, row: Insertable<DB['curriculum']>, items: Insertable<DB['curriculum_item']>[]): void {
  w.sql.run(w.q.insertInto('curriculum').values(row));
  for (const item of items) w.sql.run(w.q.insertInto('curriculum_item').values(item));
}

export function insertItem(w: WriteScope, row: Insertable<DB['curriculum_item']>): void {
  w.sql.run(w.q.insertInto('curriculum_item').values(row));
}

/** Changes an item at the version it was read at; false when someone changed it meanwhile. */
export function updateItem(w: WriteScope, old: ItemRow, set: Updateable<DB['curriculum_item']>): boolean {
  return w.sql.run(w.q.updateTable('curriculum_item').set(set).where('id', '=', old.id).where('version', '=', old.version)).changes === 1;
}

export function deleteItem(w: WriteScope, old: ItemRow): void {
  w.sql.run(w.q.deleteFrom('curriculum_item').where('id', '=', old.id).where('version', '=', old.version));
}

export function insertDiscipline(w: WriteScope, row: Insertable<DB['discipline']>): void {
  w.sql.run(w.q.insertInto('discipline').values(row));
}
