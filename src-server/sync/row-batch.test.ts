import { describe, expect, it } from 'vitest';
import type { ServerKysely } from '../db/connection';
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
