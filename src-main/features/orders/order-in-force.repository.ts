/**
 * The SQL behind "an order takes effect on its date" (order-in-force.ts): which students' rows
 * lag behind their history, and the one write that brings a row up to its history.
 */
import { ORDER_STATE_COLUMNS } from '../../../src-shared/domain/orders';
import type { RowScope } from '../../../src-shared/domain/scope-policy';
import type { Database } from '../../db/connection';
import type { StudentTable } from '../../db/schema';
import { sql, type Selectable } from 'kysely';
import { scopeCondition } from '../../db/scope-query';
import type { WriteScope } from '../write-transaction';

/** The columns only orders change, as the student row and a history row both hold them. */
export type StateRow = Pick<Selectable<StudentTable>, (typeof ORDER_STATE_COLUMNS)[number]>;

/** A student's row as it stands, with what the search text is made of. */
export interface StudentRowNow extends StateRow {
  id: string;
  version: number;
  pin: string | null;
  record_book_no: string;
}

/** Where the last look stopped: history rows up to this rowid were looked at on this day. */
export interface Looked {
  rowid: number;
  day: string;
}

/**
 * Students in the caller's scope whose row is not the history row in force on `today`. The
 * candidates are the history rows that can have come due since the last look: rows added since
 * (signed here or pulled) and rows dated after its day; with no last look, every row written
 * before its date (an order signed ahead). Compared in one statement, so a day with nothing
 * due costs one pass over the history.
 */
export function studentsBehindHistory(db: Database, today: string, scope: RowScope, since: Looked | null): string[] {
  const candidate = since
    ? sql`(h.rowid > ${since.rowid} OR h.effective_date > ${since.day})`
    : sql`h.effective_date > substr(h.created_at, 1, 10)`;
  // the row differs from its history in any column only orders change (a constant list, so raw is safe)
  const differs = sql.raw(ORDER_STATE_COLUMNS.map((c) => `s.${c} IS NOT h.${c}`).join(' OR '));
  const q = sql<{ id: string }>`
    WITH c AS (
      SELECT DISTINCT h.student_id AS id FROM student_status_history h
      WHERE h.voided_by_order_id IS NULL AND h.effective_date <= ${today} AND ${candidate}),
    last AS MATERIALIZED (
      SELECT c.id, (SELECT h2.rowid FROM student_status_history h2
                    WHERE h2.student_id = c.id AND h2.effective_date <= ${today} AND h2.voided_by_order_id IS NULL
                    ORDER BY h2.effective_date DESC, h2.rowid DESC LIMIT 1) AS rid
      FROM c)
    SELECT s.id FROM last
      JOIN student_status_history h ON h.rowid = last.rid
      JOIN student s ON s.id = last.id
      JOIN student_group g ON g.id = s.group_id
    WHERE (${differs})
      AND ${scopeCondition(scope, { faculty: 'g.faculty_id', funding: 's.funding' })}`.compile(db.kysely);
  return (db.sqlite.prepare(q.sql).all(...(q.parameters as unknown[])) as { id: string }[]).map((r) => r.id);
}

/**
 * The newest history row: it grows whenever a row arrives (signed here or pulled). Rows are
 * only appended; voiding one changes nothing its cancellation did not already bring into force.
 */
export function historyTop(db: Database): number {
  const r = db.sqlite.prepare(`SELECT max(rowid) AS n FROM student_status_history`).get() as { n: number | null };
  return r.n ?? 0;
}

export function studentRowNow(db: Database, id: string): StudentRowNow | undefined {
  return db.sync.first(
    db.kysely.selectFrom('student').select(['id', 'version', 'pin', 'record_book_no', ...ORDER_STATE_COLUMNS]).where('id', '=', id),
  );
}

/** Writes the row's state columns (and the search text made of its names) as one versioned change. */
export function setStudentState(w: WriteScope, row: StudentRowNow, state: StateRow, searchText: string): void {
  w.sql.run(
    w.q
      .updateTable('student')
      .set({ ...state, search_text: searchText, version: row.version + 1, updated_at: w.now })
      .where('id', '=', row.id),
  );
}
