import { sql } from 'kysely';
import type { ServerKysely } from './connection';
import { SERVER_MIGRATIONS } from './migrations';
import { statementsOf, type ServerMigration } from './migrations/migration';

/** Advisory-lock key for migrating: several instances starting at once migrate one at a time. */
const MIGRATE_LOCK = 0x756e6964_01;

/** Brings the schema up to `upTo` (default: the latest), all in one transaction. */
export async function migrateServerDb(db: ServerKysely, upTo?: number, list: readonly ServerMigration[] = SERVER_MIGRATIONS): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATE_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS server_migration (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(trx);
    const done = new Set((await trx.selectFrom('server_migration').select('version').execute()).map((r) => r.version));
    let applied = 0;
    for (const m of list) {
      if (done.has(m.version) || (upTo !== undefined && m.version > upTo)) continue;
      for (const statement of statementsOf(m)) await sql.raw(statement).execute(trx);
      await trx.insertInto('server_migration').values({ version: m.version, name: m.name }).execute();
      applied += 1;
    }
    return applied;
  });
}
