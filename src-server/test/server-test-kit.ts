/**
 * Test backends: one PGlite per test file (it starts in seconds, so tests truncate rather
 * than reopen) and, when UNIDESK_TEST_DATABASE_URL is set (.ci/run does), the same suite on a
 * real PostgreSQL, in a schema of its own so test files running in parallel never meet.
 */
import { sql } from 'kysely';
import { openServerDb, type ServerDb } from '../db/connection';
import { migrateServerDb } from '../db/migrate';
import { scratchSchema } from '../db/scratch-schema';

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
      const scratch = await scratchSchema(url, 't');
      const db = await openServerDb({ databaseUrl: scratch.url });
      if (opts?.migrate !== false) await migrateServerDb(db.kysely);
      return {
        ...db,
        async close() {
          await db.close();
          await scratch.drop();
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
  await sql`TRUNCATE sync_row, change_log, device_mutation, conflict, device, server_user, root_key, signing_key RESTART IDENTITY CASCADE`.execute(db.kysely);
  await sql`ALTER SEQUENCE key_series_seq RESTART`.execute(db.kysely);
}

/** PGlite takes seconds to start, more on a busy CI machine: hooks that open a backend wait this long. */
export const OPEN_TIMEOUT_MS = 60_000;
