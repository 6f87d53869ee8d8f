/**
 * Writing the server's rows into the replica (pull pages, bootstrap pages, restores after a
 * refusal). Capture is switched off meanwhile — these rows came from the server, they must
 * not go back — and rows this device changed but the server has not acknowledged yet are
 * left alone: the device's change is on its way and the server will answer for it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PulledChange } from '../../../src-shared/sync/protocol';
import { uuidv7 } from 'uuidv7';
import { rowProblem } from '../../../src-shared/sync/row-schema';
import { SYNC_TABLE_NAMES, SYNC_TABLES, syncTable } from '../../../src-shared/sync/tables';
import type { Database } from '../../db/connection';

type Statement = BetterSqlite3.Statement;

/** Prepared upsert/delete per table, for the columns this replica's table has. */
export class RowWriter {
  private readonly columns = new Map<string, Set<string>>();
  private readonly upserts = new Map<string, Statement>();
  private readonly deletes = new Map<string, Statement>();
  private readonly versions = new Map<string, Statement>();
  private readonly pending: Statement;

  constructor(private readonly db: Database) {
    this.pending = db.sqlite.prepare('SELECT 1 FROM sync_change WHERE table_name = ? AND row_id = ? LIMIT 1');
    this.nothingPending = db.sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM sync_change)').pluck().get() === 1;
    this.openReceived = db.sqlite.prepare(`SELECT count(*) FROM sync_issue WHERE kind = 'received' AND resolved_at IS NULL`).pluck().get() as number;
  }

  private columnsOf(table: string): Set<string> {
    let cols = this.columns.get(table);
    if (!cols) {
      cols = new Set((this.db.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      this.columns.set(table, cols);
    }
    return cols;
  }

  private upsertOf(table: string): Statement {
    let st = this.upserts.get(table);
    if (!st) {
      const cols = [...this.columnsOf(table)];
      const others = cols.filter((c) => c !== 'id');
      const set = others.map((c) => `${c} = excluded.${c}`);
      // a row received again as it is (a reload, a replayed page) is left alone: no UPDATE, so no
      // trigger that guards an immutable row (a grading-scale version) refuses it
      const changed = others.map((c) => `${table}.${c} IS NOT excluded.${c}`).join(' OR ');
      st = this.db.sqlite.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT(id) DO UPDATE SET ${set.join(', ')} WHERE ${changed}`,
      );
      this.upserts.set(table, st);
    }
    return st;
  }

  /** true when this device holds an unacknowledged change to the row */
  isPending(table: string, id: string): boolean {
    // local writes cannot interleave with this transaction: with nothing captured, nothing is pending
    if (this.nothingPending) return false;
    return this.pending.get(table, id) !== undefined;
  }

  private versionOf(table: string, id: string): number | undefined {
    if (!this.columnsOf(table).has('version')) return undefined;
    let st = this.versions.get(table);
    if (!st) {
      st = this.db.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).pluck();
      this.versions.set(table, st);
    }
    return st.get(id) as number | undefined;
  }

  /**
   * Writes one server row; false when skipped: an unknown table, a pending local change, or
   * (`monotonic`) an older version than the replica holds. The change log replays history:
   * after a pull cut between pages, a row may arrive in an earlier state than this device
   * already confirmed — going back to it would make this device's next edit look stale.
   */
  apply(change: PulledChange, opts: { respectPending: boolean; monotonic?: boolean }): boolean {
    if (!SYNC_TABLE_NAMES.has(change.table)) return false;
    if (opts.respectPending && this.isPending(change.table, change.id)) return false;
    if (opts.monotonic && change.values && typeof change.values.version === 'number') {
      const local = this.versionOf(change.table, change.id);
      if (local !== undefined && local > change.values.version) return false;
    }
    if (change.op === 'delete' || change.values === null) {
      let st = this.deletes.get(change.table);
      if (!st) {
        st = this.db.sqlite.prepare(`DELETE FROM ${change.table} WHERE id = ?`);
        this.deletes.set(change.table, st);
      }
      st.run(change.id);
      return true;
    }
    const cols = this.columnsOf(change.table);
    const row: Record<string, unknown> = {};
    for (const c of cols) {
      const v = change.values[c];
      // booleans arrive from PostgreSQL's JSON as true/false; SQLite STRICT wants 0/1
      row[c] = v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    row.id = change.id;
    // a row this replica cannot store goes to Needs attention; the rest of the page still applies
    const table = syncTable(change.table)!;
    const problem = rowProblem(table.row, row);
    if (problem) return this.setAside(change, `${problem.column} ${problem.says}`);
    table.derive?.(row);
    try {
      this.upsertOf(change.table).run(row);
    } catch (e) {
      // only this statement is undone (SQLite's statement rollback); a UNIQUE clash, say
      if (!(e instanceof Error) || !('code' in e) || !String(e.code).startsWith('SQLITE_CONSTRAINT')) throw e;
      return this.setAside(change, e.message);
    }
    if (this.openReceived > 0) this.settleReceived(change.table, change.id);
    return true;
  }

  /** Open "received" entries: a row that applies later (fixed on the server) settles its entry. */
  private openReceived: number;
  private readonly nothingPending: boolean;

  private settleReceived(table: string, id: string): void {
    const r = this.db.sqlite
      .prepare(`UPDATE sync_issue SET resolved_at = ?, resolution = 'theirs' WHERE kind = 'received' AND table_name = ? AND row_id = ? AND resolved_at IS NULL`)
      .run(new Date().toISOString(), table, id);
    this.openReceived -= r.changes;
  }

  /** Records a received row this replica cannot store (once per row and reason) and skips it. */
  private setAside(change: PulledChange, reason: string): false {
    const message = `${change.table} ${change.id}: ${reason}`.slice(0, 500);
    const known = this.db.sqlite
      .prepare(`SELECT 1 FROM sync_issue WHERE kind = 'received' AND table_name = ? AND row_id = ? AND message = ? AND resolved_at IS NULL`)
      .get(change.table, change.id, message);
    if (!known) {
      this.db.sqlite
        .prepare(`INSERT INTO sync_issue (id, kind, table_name, row_id, code, message, server_json, created_at) VALUES (?, 'received', ?, ?, 'unstorable', ?, ?, ?)`)
        .run(uuidv7(), change.table, change.id, message, JSON.stringify(change.values), new Date().toISOString());
      this.openReceived++;
    }
    return false;
  }
}

/**
 * Runs `fn` in one SQLite transaction with capture off and foreign keys off: the server is
 * the authority, and a scoped replica may hold a row whose parent it never sees (a student
 * of this faculty on an order of another). Better-sqlite3 is synchronous, so no user write
 * can interleave with the switched-off state.
 */
export function withServerRows<T>(db: Database, fn: (writer: RowWriter) => T): T {
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    return db.sqlite.transaction(() => {
      db.sqlite.prepare('UPDATE sync_control SET capture = 0 WHERE id = 1').run();
      const result = fn(new RowWriter(db));
      db.sqlite.prepare('UPDATE sync_control SET capture = 1 WHERE id = 1').run();
      return result;
    })();
  } finally {
    db.sqlite.pragma('foreign_keys = ON');
  }
}

/** Synced tables children first, for wiping a replica before a bootstrap. */
export const TABLES_CHILDREN_FIRST = [...SYNC_TABLES].reverse().map((t) => t.name);
