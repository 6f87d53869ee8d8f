import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema';

export type SheetRow = Selectable<DB['grade_sheet']>;
export type GradeDbRow = Selectable<DB['grade']>;

/** A sheet with the names the list and the card show. */
export function sheetSummaryQuery(db: Kysely<DB>) {
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

export function gradesOfSheetQuery(db: Kysely<DB>, sheetId: string) {
  return db
    .selectFrom('grade as gr')
    .innerJoin('student as s', 's.id', 'gr.student_id')
    .selectAll('gr')
    .select(['s.last_name', 's.first_name', 's.patronymic', 's.record_book_no'])
    .where('gr.sheet_id', '=', sheetId)
    .orderBy('gr.position');
}
