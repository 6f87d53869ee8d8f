import type { Kysely, Selectable } from 'kysely';
import type { Level, StudyForm } from '../../../src-shared/domain/enums';
import { toStudentState } from '../students/student-state.mapper';
import type { StudentState } from '../../../src-shared/domain/orders';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { GroupInfo } from './order-rules';

/** Every group with what the rules need (level and duration from its specialty). */
export function groupsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('student_group as g')
    .innerJoin('specialty as sp', 'sp.id', 'g.specialty_id')
    .select(['g.id', 'g.name', 'g.faculty_id', 'g.specialty_id', 'g.course', 'g.form', 'sp.level', 'sp.duration_years']);
}

export function toGroupMap(rows: { id: string; name: string; faculty_id: string; specialty_id: string; course: number; form: string; level: string; duration_years: number }[]): Map<string, GroupInfo> {
  return new Map(
    rows.map((g) => [
      g.id,
      {
        id: g.id,
        name: g.name,
        facultyId: g.faculty_id,
        specialtyId: g.specialty_id,
        course: g.course,
        form: g.form as StudyForm,
        level: g.level as Level,
        durationYears: g.duration_years,
      },
    ]),
  );
}

export interface StudentNow {
  id: string;
  facultyId: string;
  recordBookNo: string;
  version: number;
  pin: string | null;
  state: StudentState;
  lastChange: { date: string; orderNo: string | null } | null;
}

const CHUNK = 500;

/** Current state and latest (non-voided) change of each student, read synchronously. */
export function loadStudentsNow(db: Database, ids: readonly string[]): Map<string, StudentNow> {
  const out = new Map<string, StudentNow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = db.sync.all(
      db.kysely
        .selectFrom('student as s')
        .innerJoin('student_group as g', 'g.id', 's.group_id')
        .select(['s.id', 'g.faculty_id', 's.record_book_no', 's.version', 's.pin', 's.status', 's.group_id', 's.course', 'g.form', 's.funding', 's.last_name', 's.first_name', 's.patronymic'])
        .where('s.id', 'in', part),
    );
    const last = db.sync.all(
      db.kysely
        .selectFrom('student_status_history as h')
        .select(['h.student_id', 'h.effective_date', 'h.order_no'])
        .where('h.student_id', 'in', part)
        .where('h.voided_by_order_id', 'is', null)
        .where(({ eb, selectFrom }) =>
          eb(
            'h.effective_date',
            '=',
            selectFrom('student_status_history as h2')
              .select(({ fn }) => fn.max('h2.effective_date').as('d'))
              .whereRef('h2.student_id', '=', 'h.student_id')
              .where('h2.voided_by_order_id', 'is', null),
          ),
        ),
    );
    const lastBy = new Map(last.map((l) => [l.student_id, { date: l.effective_date, orderNo: l.order_no }]));
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        facultyId: r.faculty_id,
        recordBookNo: r.record_book_no,
        version: r.version,
        pin: r.pin,
        state: toStudentState(r),
        lastChange: lastBy.get(r.id) ?? null,
      });
    }
  }
  return out;
}

export function orderQuery(db: Kysely<DB>, id: string) {
  return db.selectFrom('student_order').selectAll().where('id', '=', id);
}
export type OrderRow = Selectable<DB['student_order']>;
export type ItemRow = Selectable<DB['student_order_item']>;

export function itemsQuery(db: Kysely<DB>, orderId: string) {
  return db.selectFrom('student_order_item').selectAll().where('order_id', '=', orderId).orderBy('position');
}
