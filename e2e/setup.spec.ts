/**
 * First start (issue 11, item 11): a workstation with no data offers the demo university or
 * connecting to the university's server. Connecting takes the server administrator's sign-in,
 * lists the faculties, enrols the workstation for a dean's office, loads its data, and then
 * only that office's accounts can sign in here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/shell.page';
import { SignInPage } from './pages/sign-in.page';
import { startApp, type RunningApp } from './support/app';
import { ADMIN, openEntrySeed, serverCommand, serverStore, startServer, tempDir, type ServerProcess } from './support/sync-world';

let dir: string;
let store: Awaited<ReturnType<typeof serverStore>>;
let server: ServerProcess;
const apps: RunningApp[] = [];

beforeAll(async () => {
  dir = tempDir('unidesk-e2e-setup-');
  const seed = openEntrySeed(dir);
  store = await serverStore(dir);
  serverCommand(store.args, ['admin', 'create', '--username', ADMIN.username, '--password', ADMIN.password]);
  serverCommand(store.args, ['import-replica', '--replica', seed]);
  server = await startServer(store.args);
}, 240_000);

afterAll(async () => {
  for (const a of apps) await a.stop();
  await server?.stop();
  await store?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyWorkstation(name: string) {
  const app = await startApp({ dbFile: path.join(dir, `${name}.sqlite`) });
  apps.push(app);
  const page = await app.newPage();
  await page.goto(app.openUrl);
  await page.getByTestId('setup-screen').waitFor();
  return { app, page };
}

describe('the first start of a workstation', () => {
  it('connects to the university server for a dean’s office, with the faculty chosen from the server’s list', async () => {
    const { app, page } = await emptyWorkstation('connect');
    await page.getByTestId('lang-ru').click();
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'setup-first-start.png') });
    await page.getByTestId('setup-server').fill(server.url);
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-password').fill('wrong password');
    await page.getByTestId('setup-check').click();
    expect(await page.getByTestId('setup-error').textContent()).toMatch(/Неверное имя или пароль администратора сервера/);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-check').click();
    const faculty = page.getByTestId('setup-faculty');
    await faculty.waitFor();
    const econ = await faculty.locator('option', { hasText: /^ECON — / }).getAttribute('value');
    await faculty.selectOption(econ!);
    await page.getByTestId('setup-device-name').fill('Деканат ЭФ-2');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'setup-connect-form.png') });
    await page.getByTestId('setup-connect-start').click();
    // the data arrives, then sign-in: the faculty's clerk may sign in, the administrator may not
    await page.getByTestId('signin-username').waitFor({ timeout: 120_000 });
    await new SignInPage(page).signIn('admin', 'unidesk-admin');
    expect(await new SignInPage(page).error()).toMatch(/работает на рабочем месте другого отдела/);
    await new SignInPage(page).signIn('clerk', 'unidesk-clerk');
    await new ShellPage(page).waitUntilSignedIn();
    await page.getByTestId('nav-sync').click();
    expect(await page.getByTestId('sync-server').textContent()).toContain('Деканат ЭФ-2');
    expect(await page.getByTestId('sync-scope').textContent()).toMatch(/Роль: Деканат · видит: .*экономи/i);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'setup-connected-sync.png') });

    // IT revokes the workstation; the office connects it again from the Sync screen
    const revoked = app.query<{ device_id: string }>('SELECT device_id FROM sync_state')[0]!.device_id;
    const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    expect((await fetch(`${server.url}/v1/devices/${revoked}/revoke`, { method: 'POST', headers: { authorization: auth } })).status).toBe(200);
    await page.getByTestId('sync-reenrol').locator('summary').click();
    await page.getByTestId('sync-reenrol-username').fill(ADMIN.username);
    await page.getByTestId('sync-reenrol-password').fill(ADMIN.password);
    await page.getByTestId('sync-reenrol-start').click();
    expect(await page.getByTestId('sync-reenrol-notice').textContent()).toMatch(/Рабочее место подключено заново/);
    expect(app.query<{ device_id: string }>('SELECT device_id FROM sync_state')[0]!.device_id).not.toBe(revoked);
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'sync-reenrolled.png') });

    // and disconnects it: the server revokes it, the data stays, sync stops
    const current = app.query<{ device_id: string }>('SELECT device_id FROM sync_state')[0]!.device_id;
    await page.getByTestId('sync-reenrol-password').fill(ADMIN.password);
    await page.getByTestId('sync-unenrol-start').click();
    // the Sync screen now says the workstation is not connected
    await page.getByTestId('sync-not-enrolled').waitFor();
    expect(app.query('SELECT 1 FROM sync_state')).toEqual([]);
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM student')[0]!.n).toBeGreaterThan(0);
    const devices = (await (await fetch(`${server.url}/v1/devices`, { headers: { authorization: auth } })).json()) as { devices: { id: string; revokedAt: string | null }[] };
    expect(devices.devices.find((d) => d.id === current)!.revokedAt).not.toBeNull();
  }, 180_000);

  it('makes the demo university when asked, then signs in as usual', async () => {
    const { page } = await emptyWorkstation('demo');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('setup-demo-start').click();
    await page.getByTestId('signin-username').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('signin-university').textContent()).not.toBe('');
    await new SignInPage(page).signIn('clerk', 'unidesk-clerk');
    await new ShellPage(page).waitUntilSignedIn();
  }, 180_000);
});
