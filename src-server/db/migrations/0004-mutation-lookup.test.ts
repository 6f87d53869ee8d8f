import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../connection';
import { migrateServerDb } from '../migrate';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../../test/server-test-kit';
import { m0004MutationLookup } from './0004-mutation-lookup';
import { SERVER_MIGRATIONS } from '.';

describe.each(TEST_BACKENDS)('server migration 0004 mutation lookup ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open({ migrate: false });
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('keeps the recorded answers and indexes them by mutation id', async () => {
    expect(SERVER_MIGRATIONS[3]).toBe(m0004MutationLookup);
    await migrateServerDb(db.kysely, 3);
    await sql`INSERT INTO device (id, name, role, scope, token_hash, enrolled_by, last_seq) VALUES ('d1', 'PC', 'clerk', '{"kind":"all"}', 'h', 'it', 1)`.execute(db.kysely);
    await sql`INSERT INTO device_mutation (device_id, seq, mutation_id, status) VALUES ('d1', 1, 'm1', 'applied')`.execute(db.kysely);
    await migrateServerDb(db.kysely);
    expect((await sql<{ mutation_id: string }>`SELECT mutation_id FROM device_mutation`.execute(db.kysely)).rows).toEqual([{ mutation_id: 'm1' }]);
    const idx = await sql<{ n: string }>`SELECT indexname AS n FROM pg_indexes WHERE tablename = 'device_mutation'`.execute(db.kysely);
    expect(idx.rows.map((r) => r.n)).toContain('device_mutation_mutation_idx');
  });
});
