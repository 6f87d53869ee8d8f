import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createStudentsService } from '../students/students.service';
import { enrolLocally } from '../sync/sync.test-kit';
import { pendingSummary } from '../sync/sync-state.repository';
import { BadBackupError, backupDirOf, listBackupFiles } from './backup-files';
import { createBackup, dailyBackupIfDue, listBackups, restoreBackup, RestoreWouldLosePending } from './backup.service';

let dir: string;
let db: Database;
// the record-book number stands for any correction a clerk types
const lastName = () => db.sqlite.prepare('SELECT record_book_no FROM student WHERE id = ?').pluck().get(IDS.studentAigerim);
const rename = (to: string) => {
  const version = db.sqlite.prepare('SELECT version FROM student WHERE id = ?').pluck().get(IDS.studentAigerim) as number;
  return createStudentsService(db).update(USERS.clerkEcon, { id: IDS.studentAigerim, version, changes: { recordBookNo: to } });
};
const actor = { id: USERS.admin.id, username: USERS.admin.username };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-backup-'));
  db = await createFixtureDb(path.join(dir, 'unidesk.sqlite'));
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups', () => {
  it('writes a checked, owner-only copy the list shows, and keeps only the newest ones', async () => {
    const b = await createBackup(db, 'manual', new Date('2026-12-03T10:00:00Z'));
    expect(b.name).toBe('unidesk-2026-12-03T10-00-00-000Z-manual.sqlite');
    if (process.platform !== 'win32') expect(fs.statSync(b.file).mode & 0o777).toBe(0o600);
    const copy = new BetterSqlite3(b.file, { readonly: true });
    expect(copy.prepare('SELECT record_book_no FROM student WHERE id = ?').pluck().get(IDS.studentAigerim)).toBe('26-0001');
    copy.close();
    process.env.UNIDESK_BACKUP_KEEP = '3';
    try {
      for (let d = 4; d <= 7; d++) await createBackup(db, 'daily', new Date(`2026-12-0${d}T10:00:00Z`));
    } finally {
      delete process.env.UNIDESK_BACKUP_KEEP;
    }
    expect(listBackups(db).map((x) => x.createdAt)).toEqual(['2026-12-07T10:00:00.000Z', '2026-12-06T10:00:00.000Z', '2026-12-05T10:00:00.000Z']);
    // no half-written file is left behind
    expect(fs.readdirSync(backupDirOf(db.file)).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
  });

  it('makes the daily copy once a day', async () => {
    expect(await dailyBackupIfDue(db, new Date('2026-12-03T08:00:00Z'))).not.toBeNull();
    expect(await dailyBackupIfDue(db, new Date('2026-12-03T20:00:00Z'))).toBeNull();
    expect(await dailyBackupIfDue(db, new Date('2026-12-04T08:30:00Z'))).not.toBeNull();
    expect(listBackups(db)).toHaveLength(2);
  });

  it('restores a backup into the open replica, keeps what it replaced, and audits who did it', async () => {
    const b = await createBackup(db, 'manual', new Date('2026-12-03T10:00:00Z'));
    await rename('26-7777');
    expect(lastName()).toBe('26-7777');
    const r = await restoreBackup(db, { name: b.name }, { actor, now: new Date('2026-12-03T11:00:00Z') });
    expect(lastName()).toBe('26-0001');
    expect(r.enrolled).toBe(false);
    // the replaced replica is a backup too: nothing is gone for good
    const kept = new BetterSqlite3(path.join(backupDirOf(db.file), r.keptAs), { readonly: true });
    expect(kept.prepare('SELECT record_book_no FROM student WHERE id = ?').pluck().get(IDS.studentAigerim)).toBe('26-7777');
    kept.close();
    const audit = db.sqlite.prepare(`SELECT user_id, new_json FROM audit_log WHERE action = 'backup.restore'`).all() as { user_id: string; new_json: string }[];
    expect(audit).toEqual([{ user_id: USERS.admin.id, new_json: JSON.stringify({ restored: b.name, by: 'admin' }) }]);
    // the app goes on writing to the restored replica
    await rename('26-8888');
    expect(lastName()).toBe('26-8888');
  });

  it('refuses while changes typed here are not on the server, unless told to drop them', async () => {
    const b = await createBackup(db, 'manual');
    enrolLocally(db, { deviceName: 'test', role: 'clerk', enrolledAt: '2026-12-01T00:00:00Z', baselineSeq: 0 });
    await rename('26-7777');
    await expect(restoreBackup(db, { name: b.name }, { actor })).rejects.toBeInstanceOf(RestoreWouldLosePending);
    expect(lastName()).toBe('26-7777');
    expect(pendingSummary(db, 0).count).toBe(1);
    await restoreBackup(db, { name: b.name }, { actor, discardPending: true });
    expect(lastName()).toBe('26-0001');
  });

  it('restores into an enrolled replica with sync capture working afterwards', async () => {
    enrolLocally(db, { deviceName: 'test', role: 'clerk', enrolledAt: '2026-12-01T00:00:00Z', baselineSeq: 0 });
    const b = await createBackup(db, 'manual');
    const r = await restoreBackup(db, { name: b.name }, { actor });
    expect(r.enrolled).toBe(true);
    // restoring wrote no change to send; a change made afterwards is captured and sent
    expect(pendingSummary(db, 0).count).toBe(0);
    await rename('26-7777');
    expect(pendingSummary(db, 0).count).toBe(1);
    expect(db.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get()).toBe(1);
  });

  it('refuses a damaged or foreign file and leaves the replica as it was', async () => {
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database at all'.repeat(100));
    await expect(restoreBackup(db, { file: bad }, { actor })).rejects.toBeInstanceOf(BadBackupError);
    const other = path.join(dir, 'other.sqlite');
    new BetterSqlite3(other).exec('CREATE TABLE t (x)');
    await expect(restoreBackup(db, { file: other }, { actor })).rejects.toThrow(/not a UniDesk replica/);
    await expect(restoreBackup(db, { name: '../unidesk.sqlite' }, { actor })).rejects.toThrow(/no backup named/);
    expect(lastName()).toBe('26-0001');
    expect(listBackupFiles(backupDirOf(db.file))).toEqual([]);
  });

  it('copies an existing replica before migrations change it', async () => {
    const old = path.join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(old);
    migrate(raw, MIGRATIONS.slice(0, 9));
    raw.close();
    const opened = openDatabase(old);
    await opened.close();
    const made = listBackupFiles(backupDirOf(old));
    expect(made.map((m) => m.reason)).toEqual(['migration']);
    const copy = new BetterSqlite3(made[0]!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(9);
    copy.close();
    // opening it again migrates nothing and copies nothing
    await openDatabase(old).close();
    expect(listBackupFiles(backupDirOf(old))).toHaveLength(1);
  });
});
