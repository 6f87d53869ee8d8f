import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../connection';
import { migrateServerDb } from '../migrate';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../../test/server-test-kit';
import { m0001SyncStore } from './0001-sync-store';
import { SERVER_MIGRATIONS } from '.';
import { statementsOf } from './migration';

describe.each(TEST_BACKENDS)('server migration 0001 sync store ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open({ migrate: false });
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('is listed, and splits into whole statements', () => {
    expect(SERVER_MIGRATIONS[0]).toBe(m0001SyncStore);
    const statements = statementsOf(m0001SyncStore);
    expect(statements.filter((s) => s.startsWith('CREATE TABLE'))).toHaveLength(6);
    expect(statements.every((s) => !s.includes(';'))).toBe(true);
  });

  it('applies once, and a second run (another instance starting) applies nothing', async () => {
    expect(await migrateServerDb(db.kysely)).toBe(SERVER_MIGRATIONS.length);
    expect(await migrateServerDb(db.kysely)).toBe(0);
  });

  it('keys rows by table and id and orders ids byte-wise', async () => {
    const k = db.kysely;
    const row = (id: string) => ({ tbl: 'student', id, data: '{}', version: 1, faculty_id: null, contract: false, change_seq: 0 });
    await k.insertInto('sync_row').values([row('b'), row('B'), row('a')]).execute();
    await expect(k.insertInto('sync_row').values(row('a')).execute()).rejects.toThrow(/duplicate key/);
    const ids = await k.selectFrom('sync_row').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['B', 'a', 'b']);
  });

  it('numbers the change log in insertion order and refuses unknown operations', async () => {
    const k = db.kysely;
    const entry = (op: string) => ({ tbl: 't', id: 'x', op: op as 'upsert', data: null, faculty_id: null, contract: false, device_id: null, user_id: null, tx_id: null });
    await k.insertInto('change_log').values(entry('upsert')).execute();
    await k.insertInto('change_log').values(entry('delete')).execute();
    const seqs = (await k.selectFrom('change_log').select(sql<string>`seq::text`.as('seq')).orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs[1]! - seqs[0]!).toBe(1);
    await expect(k.insertInto('change_log').values(entry('merge')).execute()).rejects.toThrow(/check constraint/);
  });

  it('answers each device mutation once per (device, seq) and refuses unknown statuses', async () => {
    const k = db.kysely;
    await k.insertInto('device').values({ id: 'd1', name: 'n', role: 'clerk', scope: '{"kind":"all"}', token_hash: 'h', enrolled_by: 'admin', last_seq: 0 }).execute();
    const m = { device_id: 'd1', seq: 1, mutation_id: 'm', status: 'applied' as const, code: null, message: null, conflicts: null };
    await k.insertInto('device_mutation').values(m).execute();
    await expect(k.insertInto('device_mutation').values(m).execute()).rejects.toThrow(/duplicate key/);
    await expect(k.insertInto('device_mutation').values({ ...m, seq: 2, status: 'maybe' as 'applied' }).execute()).rejects.toThrow(/check constraint/);
    await expect(k.insertInto('device').values({ id: 'd2', name: 'n', role: 'clerk', scope: '{}', token_hash: 'h', enrolled_by: 'a', last_seq: 0 }).execute()).rejects.toThrow(
      /duplicate key/,
    );
  });

  it('has the columns the hand-kept Kysely types name', async () => {
    const cols = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db.kysely);
    const by = (t: string) => cols.rows.filter((r) => r.table_name === t).map((r) => r.column_name);
    expect(by('sync_row')).toEqual(['tbl', 'id', 'data', 'version', 'faculty_id', 'contract', 'deleted', 'change_seq']);
    expect(by('change_log')).toEqual(['seq', 'tbl', 'id', 'op', 'data', 'faculty_id', 'contract', 'device_id', 'user_id', 'tx_id', 'at']);
    expect(by('device')).toEqual([
      'id', 'name', 'role', 'scope', 'token_hash', 'enrolled_at', 'enrolled_by', 'revoked_at', 'last_seen_at', 'pending', 'oldest_pending_at', 'last_seq', 'last_error', 'app_version', 'incarnation', 'past_incarnations',
    ]);
    expect(by('device_mutation')).toEqual(['device_id', 'seq', 'mutation_id', 'status', 'code', 'message', 'conflicts']);
    expect(by('conflict')).toEqual([
      'id', 'tbl', 'row_id', 'device_id', 'user_id', 'mutation_name', 'base_version', 'server_version', 'server_values', 'device_values', 'created_at', 'resolved_at',
    ]);
    expect(by('server_user')).toEqual(['username', 'password_hash', 'role', 'created_at']);
  });
});
