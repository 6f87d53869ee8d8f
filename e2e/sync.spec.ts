/**
 * Sync as a dean's office sees it (issue #5): grades typed while the server is down wait on
 * the device, go when it is back, and reach a second device of the faculty; the Sync section
 * shows pending, errors, success and a conflict that a person settles.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradesPage } from './pages/grades.page';
import { signInAs } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';
import { ADMIN, buildDriver, openEntrySeed, cli, serverCommand, serverStore, startDoor, startDriver, startServer, tempDir, type DeviceDoor, type ServerProcess } from './support/sync-world';

let dir: string;
let store: Awaited<ReturnType<typeof serverStore>>;
let server: ServerProcess | null = null;
let port: number;
/** device A reaches the server only through this door, so a test decides when A is online */
let doorA: DeviceDoor;
let app: RunningApp;
let page: Page;
const dbA = () => path.join(dir, 'a.sqlite');
const dbB = () => path.join(dir, 'b.sqlite');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const one = (db: string, sql: string, ...params: unknown[]) => {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d.prepare(sql).get(...params) as Record<string, unknown>;
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  dir = tempDir('unidesk-e2e-sync-');
  const seed = openEntrySeed(dir);
  store = await serverStore(dir);
  serverCommand(store.args, ['admin', 'create', '--username', ADMIN.username, '--password', ADMIN.password]);
  serverCommand(store.args, ['import-replica', '--replica', seed]);
  port = await freePort();
  server = await startServer(store.args, port);
  doorA = await startDoor(() => server?.url ?? null);
  for (const [db, name, url] of [[dbA(), 'A', doorA.url], [dbB(), 'B', server.url]] as const) {
    fs.copyFileSync(seed, db);
    await cli(['sync', 'enrol', '--db', db, '--server', url, '--user', ADMIN.username, '--password', ADMIN.password, '--role', 'clerk', '--scope', 'faculty:ECON', '--name', `dean office ${name}`]);
  }
  // the office goes offline
  await server.stop();
  server = null;
  await doorA.close();
  app = await startApp({ dbFile: dbA(), env: { UNIDESK_SYNC_INTERVAL_S: '2' } });
  page = await app.newPage();
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await server?.stop();
  await doorA?.stop();
  await store?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a dean’s office syncing with the university server', () => {
  it('keeps grades typed offline, sends them when the server is back, and a second device of the faculty gets them', async () => {
    await signInAs(page, app.openUrl, 'clerk', 'ru');
    const session = one(dbA(), `SELECT s.id FROM academic_session s JOIN faculty f ON f.id = s.faculty_id WHERE f.code = 'ECON' AND s.academic_year_id = '2026-2027' AND s.term = 'autumn'`).id as string;
    const grades = await new GradesPage(page).open();
    await grades.chooseSession(session);
    await grades.generate();
    const sheet = one(dbA(), `SELECT id FROM grade_sheet WHERE session_id = ? ORDER BY seq LIMIT 1`, session).id as string;
    const grid = await grades.openSheet(sheet);
    await grid.typeRow(0, ['25', '26', '30']);
    await grid.waitSaved();

    // offline: the change waits here, and the panel says why
    await page.getByTestId('nav-sync').click();
    await page.locator('[data-testid="sync-status"][data-error="true"]').waitFor({ timeout: 20_000 });
    const pending = Number(await page.getByTestId('sync-status').getAttribute('data-pending'));
    expect(pending).toBeGreaterThan(1);
    expect(await page.getByTestId('sync-last-error').textContent()).toContain(new URL(doorA.url).host);

    // the server is back: "Sync now" sends everything
    server = await startServer(store.args, port);
    await doorA.open();
    await page.getByTestId('sync-now').click();
    await page.locator('[data-testid="sync-status"][data-pending="0"][data-error="false"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sync-status').getAttribute('data-last-success')).not.toBe('');

    // the second device of the faculty pulls the sheets and the grade
    await cli(['sync', 'now', '--db', dbB()]);
    const onA = one(dbA(), `SELECT id, parts_json, total FROM grade WHERE sheet_id = ? AND position = 1`, sheet);
    expect(onA).toMatchObject({ parts_json: JSON.stringify({ m1: 25, m2: 26, exam: 30 }), total: 81 });
    expect(one(dbB(), `SELECT id, parts_json, total FROM grade WHERE id = ?`, onA.id)).toEqual(onA);
    expect(one(dbB(), `SELECT count(*) AS n FROM grade_sheet WHERE session_id = ?`, session).n).toBe(one(dbA(), `SELECT count(*) AS n FROM grade_sheet WHERE session_id = ?`, session).n);
  }, 180_000);

  it('shows a grade changed on both devices as a conflict with both values, and the clerk keeps hers', async () => {
    const session = one(dbA(), `SELECT s.id FROM academic_session s JOIN faculty f ON f.id = s.faculty_id WHERE f.code = 'ECON' AND s.academic_year_id = '2026-2027' AND s.term = 'autumn'`).id as string;
    const sheet = one(dbA(), `SELECT id FROM grade_sheet WHERE session_id = ? ORDER BY seq LIMIT 1`, session).id as string;
    // device A goes offline; meanwhile device B (its own process) types the first student's
    // points and syncs them: B reaches the server first, whatever A's background loop does
    await doorA.close();
    const b = startDriver(buildDriver(), [dbB(), 'clerk', sheet, '1']);
    expect(await b.done).toBe(0);
    expect(b.output()).toContain('round 0 synced');
    // … and on A the clerk types different ones
    const grades = await new GradesPage(page).open();
    await grades.chooseSession(session);
    const grid = await grades.openSheet(sheet);
    await grid.typeRow(0, ['20', '21', '12']);
    await grid.waitSaved();
    // A is back online
    await doorA.open();
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-now').click();
    const issue = page.locator('[data-testid="sync-issue"][data-kind="conflict"]').first();
    await issue.waitFor({ timeout: 30_000 });
    expect(await issue.textContent()).toContain(one(dbA(), `SELECT s.last_name FROM grade g JOIN student s ON s.id = g.student_id WHERE g.sheet_id = ? AND g.position = 1`, sheet).last_name as string);
    const partsRow = issue.getByTestId('sync-issue-field').filter({ hasText: 'parts_json' });
    expect(await partsRow.getByTestId('sync-mine').textContent()).toContain('m1: 20');
    expect(await partsRow.getByTestId('sync-theirs').textContent()).not.toContain('m1: 20');
    // the replica follows the server until the clerk decides; she keeps her value
    const gradeId = one(dbA(), `SELECT id FROM grade WHERE sheet_id = ? AND position = 1`, sheet).id as string;
    expect(one(dbA(), `SELECT parts_json FROM grade WHERE id = ?`, gradeId).parts_json).not.toContain('"m2":21');
    await issue.getByTestId('sync-keep-mine').click();
    await page.locator('[data-testid="sync-attention"][data-count="0"]').waitFor();
    await page.getByTestId('sync-now').click();
    await page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor({ timeout: 30_000 });
    await cli(['sync', 'now', '--db', dbB()]);
    for (const db of [dbA(), dbB()]) expect(one(db, `SELECT parts_json FROM grade WHERE id = ?`, gradeId).parts_json).toBe(JSON.stringify({ m1: 20, m2: 21, exam: 12 }));
  }, 180_000);
});
