import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb, ServerKysely } from '../db/connection';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS } from '../test/server-test-kit';
import { TxRowStore } from './row-batch';

const origin = { deviceId: 'd1', userId: null, txId: 't1' };
const tags = { facultyId: 'f1', contract: false };

describe('a push batch’s pending writes', () => {
  it('undoes a refused transaction’s writes and keeps the ones before it', async () => {
    // nothing here reaches the database: every row read was written in memory first
    const store = new TxRowStore(null as unknown as ServerKysely);
    store.write({ table: 'grade', id: 'a', data: { id: 'a', total: 10 }, version: 2, tags, before: undefined, origin });
    const mark = store.mark();
    store.write({ table: 'grade', id: 'a', data: { id: 'a', total: 20 }, version: 3, tags, before: undefined, origin });
    store.write({ table: 'grade', id: 'b', data: { id: 'b', total: 30 }, version: 2, tags, before: undefined, origin });
    store.recordConflict({ id: 'c1', tbl: 'grade', row_id: 'b', device_id: 'd1', user_id: null, mutation_name: 'grade.set', base_version: 1, server_version: 2, server_values: '{}', device_values: '{}' });
    expect((await store.load('grade', 'a'))?.data).toEqual({ id: 'a', total: 20 });
    store.rollback(mark);
    expect(await store.load('grade', 'a')).toMatchObject({ data: { id: 'a', total: 10 }, version: 2 });
    expect(await store.load('grade', 'b')).toBeUndefined();
    expect(store.mark()).toEqual({ logs: 1, conflicts: 0, settled: 0, journal: 1 });
  });
});

describe.each(TEST_BACKENDS)('a push batch flushed ($name)', (backend) => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => db?.close());

  it('logs every write in the order made and points each row at its last entry', async () => {
    const store = new TxRowStore(db.kysely);
    store.write({ table: 'grade', id: 'a', data: { id: 'a', total: 10 }, version: 2, tags, before: undefined, origin });
    store.write({ table: 'grade', id: 'b', data: { id: 'b', total: 30 }, version: 2, tags, before: undefined, origin });
    const a = await store.load('grade', 'a');
    store.write({ table: 'grade', id: 'a', data: { id: 'a', total: 20 }, version: 3, tags, before: a, origin });
    // a move to another faculty: a delete under the old tags first, then the row under the new ones
    const b = await store.load('grade', 'b');
    store.write({ table: 'grade', id: 'b', data: { id: 'b', total: 30 }, version: 3, tags: { facultyId: 'f2', contract: false }, before: b, origin });
    await store.flush();
    const log = await db.kysely.selectFrom('change_log').select(['seq', 'id', 'op', 'faculty_id']).orderBy('seq').execute();
    expect(log.map((l) => [l.id, l.op, l.faculty_id])).toEqual([
      ['a', 'upsert', 'f1'],
      ['b', 'upsert', 'f1'],
      ['a', 'upsert', 'f1'],
      ['b', 'delete', 'f1'],
      ['b', 'upsert', 'f2'],
    ]);
    const rows = await db.kysely.selectFrom('sync_row').select(['id', 'version', 'change_seq', 'faculty_id']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.version, Number(r.change_seq), r.faculty_id])).toEqual([
      ['a', 3, Number(log[2]!.seq), 'f1'],
      ['b', 3, Number(log[4]!.seq), 'f2'],
    ]);
  });
});
