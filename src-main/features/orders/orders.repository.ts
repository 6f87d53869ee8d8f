import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { RowScope } from '../../../src-shared/domain/scope-policy';
import { inScope } from '../../db/scope-query';
import type { WriteScope } from '../write-transaction';
import type { Level, StudyForm } from '../../../src-shared/domain/enums';
import { toStudentState, type StateColumns } from '../students/student-state.mapper';
import type { StudentState } from '../../../src-shared/domain/orders';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { GroupInfo } from './order-rules';

/** Every group with what the rules need (level and duration from its specialty). */
function groupsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('student_group as g')
    .innerJoin('specialty as sp', 'sp.id', 'g.specialty_id')
    .select(['g.id', 'g.name', 'g.faculty_id', 'g.specialty_id', 'g.course', 'g.form', 'sp.level', 'sp.duration_years']);
}

function toGroupMap(rows: { id: string; name: string; faculty_id: string; specialty_id: string; course: number; form: string; level: string; duration_years: number }[]): Map<string, GroupInfo> {
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
    // the latest live history row: the state after every order signed so far, also those
    // dated ahead that are not in force yet — a new order follows them
    const last = db.sqlite
      .prepare(
        `SELECT h.student_id, h.effective_date, h.order_no, h.status, h.group_id, h.course, h.form, h.funding, h.last_name, h.first_name, h.patronymic
         FROM json_each(?) j JOIN student_status_history h ON h.rowid = (
           SELECT h2.rowid FROM student_status_history h2 WHERE h2.student_id = j.value AND h2.voided_by_order_id IS NULL
           ORDER BY h2.effective_date DESC, h2.rowid DESC LIMIT 1)`,
      )
      .all(JSON.stringify(part)) as (StateColumns & { student_id: string; effective_date: string; order_no: string | null })[];
    const lastBy = new Map(last.map((l) => [l.student_id, l]));
    for (const r of rows) {
      const latest = lastBy.get(r.id);
      out.set(r.id, {
        id: r.id,
        facultyId: r.faculty_id,
        recordBookNo: r.record_book_no,
        version: r.version,
        pin: r.pin,
        state: toStudentState(latest ?? r),
        lastChange: latest ? { date: latest.effective_date, orderNo: latest.order_no } : null,
      });
    }
  }
  return out;
}

/** Every group by id, with what the order rules need. */
export function loadGroups(db: Database): Map<string, GroupInfo> {
  return toGroupMap(db.sync.all(groupsQuery(db.kysely)));
}

export function findOrder(db: Database, id: string): OrderRow | undefined {
  return db.sync.first(db.kysely.selectFrom('student_order').selectAll().where('id', '=', id));
}
export type OrderRow = Selectable<DB['student_order']>;
export type ItemRow = Selectable<DB['student_order_item']>;

export function orderItems(db: Database, orderId: string): ItemRow[] {
  return db.sync.all(db.kysely.selectFrom('student_order_item').selectAll().where('order_id', '=', orderId).orderBy('position'));
}

export interface OrderFilter {
  state?: string | undefined;
  type?: string | undefined;
  /** the start of a number, e.g. "12-" */
  query?: string | undefined;
  studentId?: string | undefined;
  offset: number;
  limit: number;
}

/** One page of the orders the scope reaches (drafts first, then the newest), with how many match in all. */
export function listOrders(db: Database, scope: RowScope, f: OrderFilter): { total: number; rows: (OrderRow & { student_count: number | null })[] } {
  let q = inScope(db.kysely.selectFrom('student_order as o'), scope, { faculty: 'o.faculty_id' });
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.type) q = q.where('o.type', '=', f.type);
  if (f.query) q = q.where('o.number', 'like', `${f.query.trim()}%`);
  if (f.studentId) {
    const sid = f.studentId;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('student_order_item as i').select('i.id').whereRef('i.order_id', '=', 'o.id').where('i.student_id', '=', sid)));
  }
  const total = Number(db.sync.first(q.select(sql<number>`count(*)`.as('n')))?.n ?? 0);
  const rows = db.sync.all(
    q
      .selectAll('o')
      .select((eb) => eb.selectFrom('student_order_item as i').select(sql<number>`count(*)`.as('c')).whereRef('i.order_id', '=', 'o.id').as('student_count'))
      // drafts first, then the newest signed orders
      .orderBy(sql`CASE o.state WHEN 'draft' THEN 0 ELSE 1 END`)
      .orderBy(sql`coalesce(o.order_date, o.effective_date)`, 'desc')
      .orderBy('o.seq', 'desc')
      .orderBy('o.created_at', 'desc')
      .offset(f.offset)
      .limit(f.limit),
  );
  return { total, rows };
}

export function insertOrder(w: WriteScope, order: Insertable<DB['student_order']>): void {
  w.sql.run(w.q.insertInto('student_order').values(order));
}

/** Changes an order only at the version it was read at (the caller checked it inside this transaction). */
export function updateOrder(w: WriteScope, id: string, version: number, next: Updateable<DB['student_order']>): void {
  w.sql.run(w.q.updateTable('student_order').set(next).where('id', '=', id).where('version', '=', version));
}

export function insertItems(w: WriteScope, rows: ItemRow[]): void {
  for (const r of rows) w.sql.run(w.q.insertInto('student_order_item').values(r));
}

export function deleteItems(w: WriteScope, orderId: string): void {
  w.sql.run(w.q.deleteFrom('student_order_item').where('order_id', '=', orderId));
}

export function deleteOrder(w: WriteScope, id: string): void {
  w.sql.run(w.q.deleteFrom('student_order').where('id', '=', id));
}

/** The next number in the year's series of an order type (12-п after 11-п). */
export function nextOrderSeq(w: WriteScope, year: number, type: string): number {
  const r = w.sql.first(w.q.selectFrom('student_order').select(({ fn }) => fn.max('seq').as('m')).where('year', '=', year).where('type', '=', type));
  return (r?.m ?? 0) + 1;
}

/**
 * An order's history row for one student and the item's before/after. The student row itself
 * follows the history in force today (order-in-force.ts), so an order dated ahead changes it later.
 */
export function writeOrderEffect(
  w: WriteScope,
  order: OrderRow,
  change: {
    studentId: string;
    itemId: string;
    history: Omit<Insertable<DB['student_status_history']>, 'id' | 'student_id' | 'created_at' | 'order_id' | 'order_item_id' | 'voided_by_order_id'>;
    before: unknown;
    after: unknown;
  },
): void {
  w.sql.run(
    w.q.insertInto('student_status_history').values({
      id: uuidv7(),
      student_id: change.studentId,
      ...change.history,
      created_at: w.now,
      order_id: order.id,
      order_item_id: change.itemId,
      voided_by_order_id: null,
    }),
  );
  w.sql.run(w.q.updateTable('student_order_item').set({ before_json: JSON.stringify(change.before), after_json: JSON.stringify(change.after) }).where('id', '=', change.itemId));
}

/** A group's course and version, and the highest course of its studying students. */
export function groupCourses(w: WriteScope, groupId: string): { course: number; version: number; topCourse: number | null } | undefined {
  const g = w.sql.first(w.q.selectFrom('student_group').select(['course', 'version']).where('id', '=', groupId));
  if (!g) return undefined;
  const top = w.sql.first(w.q.selectFrom('student').select(({ fn }) => fn.max('course').as('c')).where('group_id', '=', groupId).where('status', '=', 'active'));
  return { course: g.course, version: g.version, topCourse: top?.c ?? null };
}

export function setGroupCourse(w: WriteScope, groupId: string, course: number, version: number): void {
  w.sql.run(w.q.updateTable('student_group').set({ course, version: version + 1, updated_at: w.now }).where('id', '=', groupId));
}

/** A student's latest live history row: which order item put them where they are. */
export function latestLiveHistory(db: Database, studentId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student_status_history')
      .select(['order_item_id', 'effective_date', 'order_no'])
      .where('student_id', '=', studentId)
      .where('voided_by_order_id', 'is', null)
      .orderBy('effective_date', 'desc')
      .orderBy(sql`rowid`, 'desc')
      .limit(1),
  );
}

/** A cancellation voids the history the cancelled order wrote and marks that order cancelled. */
export function voidOrder(w: WriteScope, target: OrderRow, byOrderId: string): void {
  w.sql.run(w.q.updateTable('student_status_history').set({ voided_by_order_id: byOrderId }).where('order_id', '=', target.id));
  w.sql.run(w.q.updateTable('student_order').set({ state: 'cancelled', cancelled_by_order_id: byOrderId, version: target.version + 1, updated_at: w.now }).where('id', '=', target.id));
}
