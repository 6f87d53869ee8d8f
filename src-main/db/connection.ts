import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { backupBeforeMigration } from '../features/backup/backup-files';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { migrate } from './migrate';
import type { DB } from './schema';
import { SyncQueries } from './sync-query';

export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `The database file ${file} is damaged (${detail}). UniDesk did not open it, so nothing more was written to it. ` +
        'Keep a copy of the file, restore the latest backup or sync a fresh replica, and tell the IT department.',
    );
  }
}

export interface Database {
  readonly file: string;
  /** typed query builder for services and repositories */
  readonly kysely: Kysely<DB>;
  /** the raw handle, for bulk loads and synchronous transactions */
  readonly sqlite: BetterSqlite3.Database;
  /** Kysely-built queries run synchronously: what write transactions use */
  readonly sync: SyncQueries;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the local replica: WAL, foreign keys, synchronous=FULL, a quick
 * integrity check that refuses a damaged file, then migrations.
 */
export function openDatabase(
  file: string,
  opts: {
    readonly?: boolean;
    /**
     * skip the integrity check: only for a file this process (or the app that started it)
     * has already opened and checked — a batch worker reading the open replica. The check
     * reads the whole file: on a 40,000-student replica it took each worker seconds.
     */
    checked?: boolean;
  } = {},
): Database {
  const memory = file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(file), { recursive: true });
  // the replica holds people's personal data: readable by this OS user only (SQLite gives its
  // -wal and -shm files the same permissions)
  if (!memory && !opts.readonly) ownerOnly(file);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: opts.readonly ?? false });
  } catch (e) {
    throw new CorruptDatabaseError(file, (e as Error).message);
  }
  try {
    if (!opts.checked) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new CorruptDatabaseError(file, String(check));
    }
    if (!memory && !opts.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB page cache: a 40,000-student replica's hot tables stay in memory
    sqlite.pragma('cache_size = -65536');
    if (!opts.readonly) {
      // an existing replica about to change shape is copied first: a migration that goes wrong
      // (or an app rolled back) leaves the file it started from in backups/
      const version = sqlite.pragma('user_version', { simple: true }) as number;
      const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
      if (!memory && version > 0 && version < latest) backupBeforeMigration(sqlite, file, SCHEMA_VERSION);
      migrate(sqlite);
    }
  } catch (e) {
    sqlite.close();
    if (e instanceof CorruptDatabaseError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new CorruptDatabaseError(file, (e as Error).message);
    throw e;
  }
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    file,
    kysely,
    sqlite,
    sync: new SyncQueries(sqlite),
    async close() {
      // Kysely closes the handle only if it ever ran a query itself; most reads go through
      // `sync`, so close it here too — a closed replica is checkpointed, its WAL folded in
      await kysely.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Creates the file as 0600, or narrows an existing one (a replica made world-readable before). */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return; // NTFS permissions come from the user's profile folder
  try {
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  } catch {
    // not ours to change (another owner, a read-only mount): opening will say what is wrong
  }
}
