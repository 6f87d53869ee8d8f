import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../connection';
import { migrateServerDb } from '../migrate';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../../test/server-test-kit';
import { m0002RowFillfactor } from './0002-row-fillfactor';
import { SERVER_MIGRATIONS } from '.';

describe.each(TEST_BACKENDS)('server migration 0002 row fillfactor ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open({ migrate: false });
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('is listed after the store, and leaves a fifth of each row page free', async () => {
    expect(SERVER_MIGRATIONS[1]).toBe(m0002RowFillfactor);
    await migrateServerDb(db.kysely, 1);
    const options = async (table: string) =>
      (await sql<{ o: string[] | null }>`SELECT reloptions AS o FROM pg_class WHERE oid = to_regclass(${table})`.execute(db.kysely)).rows[0]?.o ?? [];
    expect(await options('sync_row')).not.toContain('fillfactor=80');
    expect(await migrateServerDb(db.kysely)).toBe(SERVER_MIGRATIONS.length - 1);
    expect(await options('sync_row')).toContain('fillfactor=80');
    expect(await options('device')).toContain('fillfactor=80');
  });
});
