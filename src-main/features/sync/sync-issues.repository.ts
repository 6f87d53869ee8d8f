/** "Needs attention" entries (sync_issue) and what the panel shows about them: their SQL. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { WriteScope } from '../write-transaction';

/** A Needs-attention entry as stored. */
export type IssueRow = Selectable<DB['sync_issue']>;

export function openIssues(db: Database): IssueRow[] {
  return db.sqlite.prepare('SELECT * FROM sync_issue WHERE resolved_at IS NULL ORDER BY created_at').all() as IssueRow[];
}

export function openIssue(db: Database, id: string): IssueRow | undefined {
  return db.sqlite.prepare('SELECT * FROM sync_issue WHERE id = ? AND resolved_at IS NULL').get(id) as IssueRow | undefined;
}

/** Who and what a grade is (the student, the sheet's number, the discipline), for naming an entry. */
export function gradeSubject(db: Database, gradeId: string) {
  return db.sqlite
    .prepare(
      `SELECT s.last_name, s.first_name, s.patronymic, gs.number, d.name_ky, d.name_ru, d.name_en FROM grade g
       JOIN student s ON s.id = g.student_id JOIN grade_sheet gs ON gs.id = g.sheet_id
       JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id JOIN discipline d ON d.id = ci.discipline_id WHERE g.id = ?`,
    )
    .get(gradeId) as Record<string, string | null> | undefined;
}

export function studentSubject(db: Database, studentId: string) {
  return db.sqlite.prepare('SELECT last_name, first_name, patronymic FROM student WHERE id = ?').get(studentId) as Record<string, string | null> | undefined;
}

/** The replica's current row of a synced table (the table name comes from the device's own entry, checked by the caller). */
export function currentRow(db: Database, table: string, id: string): Record<string, unknown> | undefined {
  return db.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

export function findGrade(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('grade').selectAll().where('id', '=', id));
}

/** The clerk keeps her value of a grade: it becomes a new local change on top of the server's. */
export function reapplyGrade(w: WriteScope, current: { id: string; version: number }, mine: Record<string, unknown>): void {
  w.sql.run(
    w.q
      .updateTable('grade')
      .set({ parts_json: String(mine.parts_json ?? '{}'), mark: (mine.mark as string | null) ?? null, total: (mine.total as number | null) ?? null, letter: (mine.letter as string | null) ?? null, version: current.version + 1, updated_at: w.now, updated_by: w.actor.id })
      .where('id', '=', current.id),
  );
}

export function resolveIssue(w: WriteScope, id: string, choice: string): void {
  w.sql.run(w.q.updateTable('sync_issue').set({ resolved_at: w.now, resolved_by: w.actor.id, resolution: choice }).where('id', '=', id));
}
