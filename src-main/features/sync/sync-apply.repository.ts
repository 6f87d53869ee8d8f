/**
 * Writing the server's rows into the replica (pull pages, bootstrap pages, restores after a
 * refusal). Capture is switched off meanwhile — these rows came from the server, they must
 * not go back — and rows this device changed but the server has not acknowledged yet are
 * left alone: the device's change is on its way and the server will answer for it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PulledChange } from '../../../src-shared/sync/protocol';
import { SYNC_TABLE_NAMES, SYNC_TABLES } from '../../../src-shared/sync/tables';
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
      const set = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
      st = this.db.sqlite.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT(id) DO UPDATE SET ${set.join(', ')}`,
      );
      this.upserts.set(table, st);
    }
    return st;
  }

  /** true when this device holds an unacknowledged change to the row */
  isPending(table: string, id: string): boolean {
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
    this.upsertOf(change.table).run(row);
    return true;
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
