import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../connection';
import { migrateServerDb } from '../migrate';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../../test/server-test-kit';
import { m0005DocumentKeys } from './0005-document-keys';
import { SERVER_MIGRATIONS } from '.';

describe.each(TEST_BACKENDS)('server migration 0005 document keys ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open({ migrate: false });
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('adds one root key, workstation keys with a series of their own, and the register number index', async () => {
    expect(SERVER_MIGRATIONS[4]).toBe(m0005DocumentKeys);
    await migrateServerDb(db.kysely, 4);
    await sql`INSERT INTO device (id, name, role, scope, token_hash, enrolled_by, last_seq) VALUES ('d1', 'PC', 'registrar', '{"kind":"all"}', 'h', 'it', 0)`.execute(db.kysely);
    await migrateServerDb(db.kysely);
    const k = db.kysely;
    await k.insertInto('root_key').values({ id: 1, public_key: 'p', private_key: 'k' }).execute();
    await expect(k.insertInto('root_key').values({ id: 2, public_key: 'p', private_key: 'k' }).execute()).rejects.toThrow(/check constraint/);
    const key = (keyId: string, series: string) => ({ key_id: keyId, device_id: 'd1', series, public_key: 'p', valid_from: '2026-12-01', valid_to: '2027-11-30', certificate: '{}' });
    await k.insertInto('signing_key').values(key('k1', 'S1')).execute();
    await expect(k.insertInto('signing_key').values(key('k2', 'S1')).execute()).rejects.toThrow(/duplicate key/);
    await expect(k.insertInto('signing_key').values({ ...key('k3', 'S3'), device_id: 'nobody' }).execute()).rejects.toThrow(/foreign key/);
    const seq = await sql<{ n: string | number }>`SELECT nextval('key_series_seq') AS n`.execute(k);
    expect(Number(seq.rows[0]!.n)).toBe(1);
    const cols = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'signing_key' ORDER BY ordinal_position`.execute(k);
    expect(cols.rows.map((r) => r.column_name)).toEqual(['key_id', 'device_id', 'series', 'public_key', 'valid_from', 'valid_to', 'certificate', 'certified_at', 'revoked_at', 'revoke_reason']);
    const idx = await sql<{ n: string }>`SELECT indexname AS n FROM pg_indexes WHERE tablename = 'sync_row'`.execute(k);
    expect(idx.rows.map((r) => r.n)).toContain('sync_row_document_number_idx');
  });
});
