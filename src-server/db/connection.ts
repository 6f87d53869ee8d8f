/**
 * The server's database: PGlite in a data folder by default (no set-up), PostgreSQL when a
 * URL is given. Both speak PostgreSQL, so every query and migration is the same text.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock';
import type { ServerSchema } from './schema';

export type ServerKysely = Kysely<ServerSchema>;

export interface ServerDb {
  kysely: ServerKysely;
  backend: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DbTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

export async function openServerDb(target: DbTarget): Promise<ServerDb> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // fail now, with the driver's message, rather than on the first request
    const client = await pool.connect();
    client.release();
    const kysely = new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, backend: 'postgres', close: () => kysely.destroy() };
  }
  // a folder is one server's: a second process on it would lose acknowledged writes
  const release = 'dataDir' in target ? lockDataFolder(target.dataDir) : () => undefined;
  try {
    const lite = 'dataDir' in target ? await PGlite.create(target.dataDir) : await PGlite.create();
    const kysely = new Kysely<ServerSchema>({ dialect: new PGliteDialect(lite) });
    return {
      kysely,
      backend: 'pglite',
      close: async () => {
        await kysely.destroy();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
