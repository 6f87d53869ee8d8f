/**
 * Restoring inside the open replica: every table's rows are replaced by the backup's in ONE
 * transaction, so the app keeps running, a reader never sees half of each, and a failure
 * leaves the replica exactly as it was. (Swapping files under an open connection would not be
 * safe; this needs no second process to stop.)
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../db/connection';
import { installCurrentCaptureTriggers } from '../sync/captured-columns';

/** The replica's tables, children after parents does not matter: foreign keys are checked at commit. */
function tablesOf(db: Database): string[] {
  return db.sqlite
    .prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

function columnsOf(db: Database, schema: 'main' | 'src', table: string): string[] {
  return (db.sqlite.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[]);
}

const KEPT_THROUGH_RESTORE = ['sync_sent', 'sync_sent_mutation'];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Replaces the replica's rows with those of `sourceFile` (same schema version: the caller
 * migrated it). Sync's capture is off meanwhile — the restored rows are not new changes — and
 * `sync_control` is restored last, with the rest. Returns the rows restored.
 */
export function replaceAllRows(db: Database, sourceFile: string, after: () => void): number {
  db.sqlite.prepare('ATTACH DATABASE ? AS src').run(sourceFile);
  try {
    return db.sqlite.transaction(() => {
      db.sqlite.pragma('defer_foreign_keys = ON');
      const before = db.sqlite.prepare('SELECT device_id, confirmed_seq, incarnation FROM main.sync_state').get() as { device_id: string; confirmed_seq: number; incarnation: string | null } | undefined;
      db.sqlite.prepare('UPDATE main.sync_control SET capture = 0').run();
      let rows = 0;
      // the sync journal (what this workstation sent, 30 days) stays: it is how changes sent after
      // the backup still reach a server that lost them (sync-recovery, issue 11)
      const tables = tablesOf(db).filter((t) => t !== 'sync_control' && !KEPT_THROUGH_RESTORE.includes(t));
      for (const t of [...tables, 'sync_control']) {
        const cols = columnsOf(db, 'main', t);
        const theirs = new Set(columnsOf(db, 'src', t));
        if (cols.some((c) => !theirs.has(c))) throw new Error(`the backup's table ${t} does not match this replica's`);
        const list = cols.map(q).join(', ');
        db.sqlite.prepare(`DELETE FROM main.${q(t)}`).run();
        rows += db.sqlite.prepare(`INSERT INTO main.${q(t)} (${list}) SELECT ${list} FROM src.${q(t)}`).run().changes;
      }
      // AUTOINCREMENT counters (the outbox's seq) come back with the rows they numbered
      db.sqlite.prepare('DELETE FROM main.sqlite_sequence').run();
      db.sqlite.prepare('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM src.sqlite_sequence').run();
      const broken = db.sqlite.pragma('main.foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`the backup has ${broken.length} broken references`);
      // what the server confirmed to this device since the backup is remembered: a server that
      // later lacks it (restored itself) is then noticed, and the journal sends it again
      // the restored replica continues this workstation (it replaces the copy that was here), so
      // it carries the incarnation the server knows now — not the backup's, which the server may
      // have replaced since, and would take for a stale copy
      if (before) {
        db.sqlite
          .prepare('UPDATE main.sync_state SET confirmed_seq = max(confirmed_seq, ?), incarnation = coalesce(?, incarnation) WHERE device_id = ?')
          .run(before.confirmed_seq, before.incarnation, before.device_id);
      }
      // and it takes new numbers before sending: the ones after the backup were used already
      db.sqlite.prepare('UPDATE main.sync_state SET needs_rebase = 1').run();
      // a restored enrolment captures changes again (triggers are schema, not rows: enrolment installs them)
      if (db.sqlite.prepare('SELECT 1 FROM main.sync_state').get()) installCurrentCaptureTriggers(db.sqlite);
      after();
      return rows;
    })();
  } finally {
    db.sqlite.prepare('DETACH DATABASE src').run();
  }
}

/** SQLite's online backup into `file`: pages are copied in steps, the app goes on writing meanwhile. */
export function onlineCopy(db: Database, file: string): Promise<unknown> {
  return db.sqlite.backup(file);
}

/** A compact, consistent copy (synchronous: for the moment a replica is being opened). */
export function vacuumInto(sqlite: BetterSqlite3.Database, file: string): void {
  sqlite.prepare('VACUUM INTO ?').run(file);
}

/** A copy of a WAL replica is in WAL mode too: a backup is one self-contained file. */
export function makeSelfContained(file: string): void {
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** What a file is, read-only: its full integrity check, whether it holds a UniDesk replica, its schema version. */
export function inspectReplicaFile(file: string): { integrity: string; isReplica: boolean; version: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') return { integrity, isReplica: false, version: 0 };
    const tables = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('university', 'audit_log', 'outbox')`).pluck().get();
    return { integrity, isReplica: tables === 3, version: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

export function accountExists(db: Database, id: string): boolean {
  return db.sqlite.prepare('SELECT 1 FROM app_user WHERE id = ?').get(id) !== undefined;
}
