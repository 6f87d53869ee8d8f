/**
 * Sync never loses a clerk's work (issue 11): a replica restored from a backup, a replica
 * copied to a second PC, re-enrolment with unsent grades, and two servers on one data folder.
 * The server is the built program in its own process; the devices are replicas this test opens
 * and types into through the real grade-sheet service, syncing with the real engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src-main/db/connection';
import { createGradeSheetsService } from '../src-main/features/grade-sheets/grade-sheets.service';
import { syncOnce } from '../src-main/features/sync/sync-engine';
import { SyncHttpError } from '../src-main/features/sync/sync-http';
import type { SessionUser } from '../src-shared/contract';
import type { Role } from '../src-shared/domain/roles';
import { ADMIN, cli, openEntrySeed, serverCommand, serverStore, startServer, tempDir, type ServerProcess } from './support/sync-world';

let dir: string;
let seed: string;
let store: Awaited<ReturnType<typeof serverStore>>;
let server: ServerProcess;
let sheetId: string;
const file = (name: string) => path.join(dir, `${name}.sqlite`);

/** Types points for the students at the given positions of the sheet, as the clerk would. */
async function typeGrades(dbFile: string, points: Record<number, { m1: number; m2: number; exam: number }>): Promise<void> {
  const db = openDatabase(dbFile);
  try {
    const u = db.sqlite.prepare(`SELECT id, username, display_name, role, faculty_id FROM app_user WHERE username = 'clerk'`).get() as { id: string; username: string; display_name: string; role: Role; faculty_id: string };
    const user: SessionUser = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, facultyId: u.faculty_id };
    const sheets = createGradeSheetsService(db);
    const rows = sheets.detail(user, sheetId, 'ru').rows;
    const cells = Object.entries(points).map(([pos, parts]) => ({ studentId: rows.find((r) => r.position === Number(pos))!.studentId, parts }));
    sheets.setGrades(user, { id: sheetId, cells }, 'ru');
  } finally {
    await db.close();
  }
}

async function withDb<T>(dbFile: string, fn: (db: Database) => Promise<T> | T): Promise<T> {
  const db = openDatabase(dbFile);
  try {
    return await fn(db);
  } finally {
    // closed for real (checkpointed) before a test copies or replaces the file
    await db.close();
  }
}

const totalAt = (dbFile: string, position: number) =>
  withDb(dbFile, (db) => db.sqlite.prepare('SELECT total FROM grade WHERE sheet_id = ? AND position = ?').pluck().get(sheetId, position) as number | null);

/** Copies a closed replica as a file backup would: the database and its write-ahead log together. */
const copyReplica = (from: string, to: string) => {
  for (const ext of ['-wal', '-shm']) fs.rmSync(to + ext, { force: true });
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
};

/** IT's enrolment, the password piped in as a script would (never on the command line). */
async function enrol(name: string, extra: string[] = []): Promise<string> {
  return cli(['sync', 'enrol', '--db', file(name), '--server', server.url, '--user', ADMIN.username, '--password-stdin', '--role', 'clerk', '--scope', 'faculty:ECON', '--name', name, ...extra], {}, `${ADMIN.password}\n`);
}

beforeAll(async () => {
  dir = tempDir('unidesk-e2e-integrity-');
  seed = openEntrySeed(dir);
  await cli(['gradesheet', 'generate', '--db', seed, '--faculty', 'ECON', '--session', '2026-2027/autumn', '--user', 'clerk']);
  sheetId = await withDb(seed, (db) => db.sqlite.prepare(`SELECT gs.id FROM grade_sheet gs JOIN faculty f ON f.id = gs.faculty_id WHERE f.code = 'ECON' AND gs.academic_year_id = '2026-2027' ORDER BY gs.seq LIMIT 1`).pluck().get() as string);
  store = await serverStore(dir);
  serverCommand(store.args, ['admin', 'create', '--username', ADMIN.username, '--password', ADMIN.password]);
  serverCommand(store.args, ['import-replica', '--replica', seed]);
  server = await startServer(store.args);
  for (const name of ['a', 'witness']) {
    fs.copyFileSync(seed, file(name));
    await enrol(name);
  }
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await store?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('sync that loses nothing', () => {
  it('a dean’s office workstation holds its clerks’ password hashes only, never the administrator’s', async () => {
    const hashes = await withDb(file('a'), (db) => db.sqlite.prepare(`SELECT username, role, password_hash FROM app_user ORDER BY username`).all() as { username: string; role: string; password_hash: string }[]);
    expect(hashes.find((u) => u.username === 'admin')!.password_hash).toBe('elsewhere');
    expect(hashes.find((u) => u.username === 'clerk')!.password_hash).toMatch(/^scrypt\$/);
    expect(hashes.filter((u) => u.password_hash.startsWith('scrypt$')).every((u) => u.role === 'clerk')).toBe(true);
  });

  it('a replica restored from a backup: work typed after the restore reaches the server or Needs attention, never nowhere', async () => {
    copyReplica(file('a'), file('a-backup'));
    await typeGrades(file('a'), { 1: { m1: 20, m2: 20, exam: 20 } });
    await withDb(file('a'), (db) => syncOnce(db));
    // the PC is restored from last night's copy; the clerk types again, and more
    copyReplica(file('a-backup'), file('a'));
    await typeGrades(file('a'), { 1: { m1: 30, m2: 30, exam: 39 }, 2: { m1: 25, m2: 25, exam: 20 } });
    const run = await withDb(file('a'), (db) => syncOnce(db));
    expect(run.push.renumbered).toBeGreaterThan(0);
    expect(run.pending).toBe(0);
    // the student typed only after the restore reached the server; the one typed twice is a conflict a person settles
    await withDb(file('witness'), (db) => syncOnce(db));
    expect(await totalAt(file('witness'), 2)).toBe(70);
    expect(await totalAt(file('witness'), 1)).toBe(60);
    const issue = await withDb(file('a'), (db) => db.sqlite.prepare(`SELECT kind, device_json FROM sync_issue WHERE resolved_at IS NULL`).all() as { kind: string; device_json: string }[]);
    expect(issue.map((i) => i.kind)).toEqual(['conflict']);
    expect(issue[0]!.device_json).toContain('"total":99');
    // every change typed after the restore: on the server, or in Needs attention
    const left = await withDb(file('a'), (db) => db.sqlite.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent') AND seq > (SELECT baseline_seq FROM sync_state)`).pluck().get());
    expect(left).toBe(0);
  }, 120_000);

  it('a replica copied to a second PC cannot go on pushing as the first once the first renumbered', async () => {
    copyReplica(file('a'), file('a-copy'));
    await typeGrades(file('a-copy'), { 3: { m1: 20, m2: 20, exam: 21 } });
    await withDb(file('a-copy'), (db) => syncOnce(db));
    await typeGrades(file('a'), { 4: { m1: 20, m2: 20, exam: 22 } });
    const run = await withDb(file('a'), (db) => syncOnce(db));
    expect(run.push.renumbered).toBe(1);
    await typeGrades(file('a-copy'), { 5: { m1: 20, m2: 20, exam: 23 } });
    const refused = await withDb(file('a-copy'), (db) => syncOnce(db).then(() => null, (e: unknown) => e));
    expect(refused).toBeInstanceOf(SyncHttpError);
    expect((refused as SyncHttpError).code).toBe('replica_superseded');
    await withDb(file('witness'), (db) => syncOnce(db));
    expect([await totalAt(file('witness'), 3), await totalAt(file('witness'), 4), await totalAt(file('witness'), 5)]).toEqual([61, 62, null]);
  }, 120_000);

  it('enrolling again keeps unsent grades and sends them; another role refuses with the count unless told to discard', async () => {
    fs.copyFileSync(seed, file('c'));
    await enrol('c');
    const deviceId = await withDb(file('c'), (db) => db.sqlite.prepare('SELECT device_id FROM sync_state').pluck().get() as string);
    const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    expect((await fetch(`${server.url}/v1/devices/${deviceId}/revoke`, { method: 'POST', headers: { authorization: auth } })).status).toBe(200);
    await typeGrades(file('c'), { 6: { m1: 30, m2: 30, exam: 17 } });
    await expect(withDb(file('c'), (db) => syncOnce(db))).rejects.toThrow();
    const other = await enrol('c', ['--force', '--role', 'admin', '--scope', 'all']).then(() => null, (e: { stderr?: string }) => e.stderr ?? String(e));
    expect(other).toMatch(/1 change\(s\) typed here are not on the server yet/);
    expect(await enrol('c', ['--force'])).toMatch(/1 change\(s\) not yet on the server were kept/);
    expect(await totalAt(file('c'), 6)).toBe(77);
    await withDb(file('c'), (db) => syncOnce(db));
    await withDb(file('witness'), (db) => syncOnce(db));
    expect(await totalAt(file('witness'), 6)).toBe(77);
  }, 120_000);

  it('restoring a backup in the app: what the server confirmed since comes back, what is typed after goes out', async () => {
    const made = await cli(['backup', 'create', '--db', file('a'), '--lang', 'en']);
    const name = /backups\/(unidesk-\S+\.sqlite)/.exec(made)![1]!;
    await typeGrades(file('a'), { 7: { m1: 20, m2: 20, exam: 24 } });
    await withDb(file('a'), (db) => syncOnce(db));
    await typeGrades(file('witness'), { 8: { m1: 20, m2: 20, exam: 25 } });
    await withDb(file('witness'), (db) => syncOnce(db));
    expect(await cli(['backup', 'restore', '--name', name, '--db', file('a'), '--lang', 'en'])).toMatch(/the next sync brings back what the server confirmed later/);
    expect(await totalAt(file('a'), 7)).toBeNull();
    await typeGrades(file('a'), { 9: { m1: 20, m2: 20, exam: 26 } });
    const run = await withDb(file('a'), (db) => syncOnce(db));
    expect(run.pending).toBe(0);
    // this workstation's own confirmed grade and the other's are back; the new one reached the other
    expect([await totalAt(file('a'), 7), await totalAt(file('a'), 8)]).toEqual([64, 65]);
    await withDb(file('witness'), (db) => syncOnce(db));
    expect(await totalAt(file('witness'), 9)).toBe(66);
  }, 120_000);

  it('a server restored from a backup: devices send again what it lost, reload, and say what happened', async () => {
    if (process.env.UNIDESK_TEST_DATABASE_URL) return; // the copy is of PGlite's folder; PostgreSQL's restore is the DBA's tool
    const data = store.args[1]!;
    const port = Number(new URL(server.url).port);
    await server.stop();
    fs.cpSync(data, `${data}-backup`, { recursive: true });
    server = await startServer(store.args, port);
    await typeGrades(file('a'), { 10: { m1: 20, m2: 20, exam: 27 } });
    await withDb(file('a'), (db) => syncOnce(db));
    await withDb(file('witness'), (db) => syncOnce(db));
    // the other clerk corrects a's grade (10) and types another (11); a hears of both
    await typeGrades(file('witness'), { 10: { m1: 20, m2: 20, exam: 29 }, 11: { m1: 20, m2: 20, exam: 28 } });
    await withDb(file('witness'), (db) => syncOnce(db));
    await withDb(file('a'), (db) => syncOnce(db));
    expect(await totalAt(file('a'), 10)).toBe(69);
    // last night's copy of the server comes back: all three changes are gone from it
    await server.stop();
    fs.rmSync(data, { recursive: true, force: true });
    fs.cpSync(`${data}-backup`, data, { recursive: true });
    server = await startServer(store.args, port);
    // the correction goes again first, on top of a grade the server lost: a conflict a person settles
    const w = await withDb(file('witness'), (db) => syncOnce(db));
    expect([w.push.resent, w.push.conflicts]).toEqual([2, 1]);
    const a = await withDb(file('a'), (db) => syncOnce(db));
    expect(a.push.resent).toBe(1);
    await withDb(file('witness'), (db) => syncOnce(db));
    // a held the lost correction (69) while sending its own grade again: it ends as the server has it
    for (const device of ['a', 'witness']) expect([await totalAt(file(device), 10), await totalAt(file(device), 11)]).toEqual([67, 68]);
    const open = await withDb(file('witness'), (db) => db.sqlite.prepare(`SELECT device_json FROM sync_issue WHERE resolved_at IS NULL AND kind = 'conflict'`).pluck().all() as string[]);
    expect(open.some((j) => j.includes('"total":69'))).toBe(true);
    const noticed = await withDb(file('witness'), (db) => db.sqlite.prepare('SELECT server_restored_at, resent, too_old FROM sync_state').get() as Record<string, unknown>);
    expect(noticed).toMatchObject({ resent: 2, too_old: 0 });
    expect(noticed.server_restored_at).not.toBeNull();
    expect(server.output()).toMatch(/was the server restored from a backup\?/);
  }, 120_000);

  it('refuses a second server on a data folder in use, in one line', async () => {
    if (process.env.UNIDESK_TEST_DATABASE_URL) return; // PostgreSQL has its own lock; this is PGlite's
    const second = await startServer(store.args).then(
      async (s) => {
        await s.stop();
        return 'started';
      },
      (e: Error) => e.message,
    );
    expect(second).toMatch(/unidesk-server: the data folder .* is in use by another UniDesk server \(process \d+\)/);
  }, 60_000);
});
