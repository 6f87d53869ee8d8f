/** SQL for curricula: summaries, one curriculum's items with their usage, disciplines. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CurriculumItemView, CurriculumSummary, DisciplineRef } from '../../../src-shared/contract';
import type { ControlForm, StudyForm } from '../../../src-shared/domain/enums';
import type { Database } from '../../db/connection';
import type { CurriculumItemTable, CurriculumTable, DB } from '../../db/schema';

export type CurriculumRow = Selectable<CurriculumTable>;
export type ItemRow = Selectable<CurriculumItemTable>;

export function summaryQuery(q: Kysely<DB>) {
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
