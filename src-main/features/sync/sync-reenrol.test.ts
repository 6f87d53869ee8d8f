import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createStudentsService } from '../students/students.service';
import { enrolLocally } from './sync.test-kit';
import { SyncHttpError, type SyncHttp } from './sync-http';
import { unenrol } from './sync-reenrol';
import { readSyncState } from './sync-state.repository';

let db: Database;
const calls: string[] = [];
const server: SyncHttp = {
  post: async <T>(path: string) => {
    calls.push(path);
    return {} as T;
  },
};
const correct = async (book: string) => {
  const version = db.sqlite.prepare('SELECT version FROM student WHERE id = ?').pluck().get(IDS.studentAigerim) as number;
  await createStudentsService(db).update(USERS.clerkEcon, { id: IDS.studentAigerim, version, changes: { recordBookNo: book } });
};

beforeEach(async () => {
  db = await createFixtureDb();
  calls.length = 0;
  enrolLocally(db, { deviceName: 'PC', role: 'clerk', enrolledAt: '2026-12-01T00:00:00Z', baselineSeq: 0 });
});
afterEach(() => db.close());

describe('disconnecting a workstation from the server', () => {
  it('a wrong server password is said as such, and never signs the person out of UniDesk', async () => {
    const refusing: SyncHttp = { post: async () => Promise.reject(new SyncHttpError('invalid_credentials', 'wrong username or password', 401)) };
    const e = await unenrol(db, null, USERS.clerkEcon, { username: 'it', password: 'guess', discardPending: true }, refusing).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'forbidden', key: 'setup.error.credentials' });
    expect(readSyncState(db)).not.toBeNull();
  });

  it('refuses while changes typed here are not on the server, saying how many, and asks the server nothing', async () => {
    await correct('26-7001');
    await expect(unenrol(db, null, USERS.clerkEcon, { username: 'it', password: 'pw', discardPending: false }, server)).rejects.toMatchObject({ code: 'conflict', key: 'sync.unenrol.pending', values: { count: 1 } });
    expect(calls).toEqual([]);
    expect(readSyncState(db)).not.toBeNull();
  });

  it('with the changes dropped on purpose: the server revokes it, sync stops, the data stays and is no longer captured', async () => {
    await correct('26-7002');
    expect(await unenrol(db, null, USERS.clerkEcon, { username: 'it', password: 'pw', discardPending: true }, server)).toEqual({ dropped: 1 });
    expect(calls).toEqual(['/v1/devices/dev-1/revoke']);
    expect(readSyncState(db)).toBeNull();
    await correct('26-7003');
    expect(db.sqlite.prepare('SELECT record_book_no FROM student WHERE id = ?').pluck().get(IDS.studentAigerim)).toBe('26-7003');
    expect(db.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get()).toBe(0);
    expect(db.sqlite.prepare(`SELECT action FROM audit_log WHERE action = 'sync.unenrol'`).pluck().all()).toEqual(['sync.unenrol']);
  });
});
