import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../connection';
import { migrateServerDb } from '../migrate';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../../test/server-test-kit';
import { m0003DeviceIncarnation } from './0003-device-incarnation';
import { SERVER_MIGRATIONS } from '.';

describe.each(TEST_BACKENDS)('server migration 0003 device incarnation ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open({ migrate: false });
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('keeps devices enrolled before it (no incarnation yet) and finds an answer by its mutation id', async () => {
    expect(SERVER_MIGRATIONS[2]).toBe(m0003DeviceIncarnation);
    await migrateServerDb(db.kysely, 2);
    await sql`INSERT INTO device (id, name, role, scope, token_hash, enrolled_by, last_seq) VALUES ('d1', 'PC', 'clerk', '{"kind":"all"}', 'h', 'it', 4)`.execute(db.kysely);
    await migrateServerDb(db.kysely);
    expect((await sql<{ incarnation: string | null }>`SELECT incarnation FROM device`.execute(db.kysely)).rows).toEqual([{ incarnation: null }]);
    const idx = await sql<{ n: string }>`SELECT indexname AS n FROM pg_indexes WHERE tablename = 'device_mutation'`.execute(db.kysely);
    expect(idx.rows.map((r) => r.n)).toContain('device_mutation_id_idx');
  });
});
