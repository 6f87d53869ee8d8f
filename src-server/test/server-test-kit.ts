/**
 * Test backends: one PGlite per test file (it starts in seconds, so tests truncate rather
 * than reopen) and, when UNIDESK_TEST_DATABASE_URL is set (.ci/run does), the same suite on a
 * real PostgreSQL, in a schema of its own so test files running in parallel never meet.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openServerDb, type ServerDb } from '../db/connection';
import { migrateServerDb } from '../db/migrate';

export interface TestBackend {
  name: string;
  /** a fresh, empty database for this file (migrated unless told otherwise) */
  open(opts?: { migrate?: boolean }): Promise<ServerDb>;
}

const pgliteBackend: TestBackend = {
  name: 'pglite',
  async open(opts) {
    const db = await openServerDb({ memory: true });
    if (opts?.migrate !== false) await migrateServerDb(db.kysely);
    return db;
  },
};

function postgresBackend(url: string): TestBackend {
  return {
    name: 'postgres',
    async open(opts) {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const db = await openServerDb({ databaseUrl: u.toString() });
      if (opts?.migrate !== false) await migrateServerDb(db.kysely);
      return {
        ...db,
        async close() {
          await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db.kysely);
          await db.close();
        },
      };
    },
  };
}

export const TEST_BACKENDS: TestBackend[] = [
  pgliteBackend,
  ...(process.env.UNIDESK_TEST_DATABASE_URL ? [postgresBackend(process.env.UNIDESK_TEST_DATABASE_URL)] : []),
];

/** Empties every table between tests (the schema stays). */
export async function truncateAll(db: ServerDb): Promise<void> {
  await sql`TRUNCATE sync_row, change_log, device_mutation, conflict, device, server_user RESTART IDENTITY CASCADE`.execute(db.kysely);
}

/** PGlite takes seconds to start, more on a busy CI machine: hooks that open a backend wait this long. */
export const OPEN_TIMEOUT_MS = 60_000;
