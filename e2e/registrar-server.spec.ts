/**
 * Documents anyone can verify, across workstations and the server (issue 13): two registrar
 * workstations get their keys certified at enrolment, issue certificates while the server is
 * down, and after syncing both registers hold every entry — no number twice. A revoked document
 * and a revoked workstation key fail the check online; the server's public /verify page checks
 * a code in Chromium, refuses a tampered one, and finds a document by its short code.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './support/app';
import { ADMIN, cli, openEntrySeed, serverCommand, serverStore, startServer, tempDir, type ServerProcess } from './support/sync-world';

let dir: string;
let store: Awaited<ReturnType<typeof serverStore>>;
let server: ServerProcess | null = null;
let port: number;
let browser: Browser;
const db = (name: string) => path.join(dir, `${name}.sqlite`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
function rows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const d = new BetterSqlite3(file, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}
/** `unidesk verify --json`, whose exit code is 1 for a document that is not valid. */
async function verifyOn(file: string, code: string): Promise<{ valid: boolean; problem: string | null; online: string | null }> {
  const out = await cli(['verify', code, '--json', '--db', file]).catch((e: { stdout?: string }) => e.stdout ?? '');
  return JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
}
const codeOf = (file: string, number: string) => rows<{ code: string }>(file, 'SELECT code FROM issued_document WHERE number = ?', number)[0]!.code;
const admin = { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };

beforeAll(async () => {
  dir = tempDir('unidesk-e2e-registrar-');
  const seed = openEntrySeed(dir);
  store = await serverStore(dir);
  serverCommand(store.args, ['admin', 'create', '--username', ADMIN.username, '--password', ADMIN.password]);
  serverCommand(store.args, ['import-replica', '--replica', seed]);
  port = await freePort();
  server = await startServer(store.args, port);
  for (const name of ['a', 'b']) {
    fs.copyFileSync(seed, db(name));
    await cli(['sync', 'enrol', '--db', db(name), '--server', server.url, '--user', ADMIN.username, '--password', ADMIN.password, '--role', 'registrar', '--scope', 'all', '--name', `registrar ${name}`]);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await store?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('registrar workstations and the university server', () => {
  it('issue offline on two workstations without a number twice, and revocations reach the other one', async () => {
    expect(rows<{ series: string }>(db('a'), 'SELECT series FROM signing_key WHERE retired_at IS NULL').map((r) => r.series)).toEqual(['S1']);
    expect(rows<{ series: string }>(db('b'), 'SELECT series FROM signing_key WHERE retired_at IS NULL').map((r) => r.series)).toEqual(['S2']);
    await server!.stop();
    server = null;
    const students = rows<{ id: string }>(db('a'), `SELECT id FROM student WHERE status = 'active' ORDER BY id LIMIT 4`);
    let n = 0;
    for (const name of ['a', 'b', 'a', 'b']) {
      const out = path.join(dir, `cert-${n}.pdf`);
      await cli(['certificate', 'issue', '--db', db(name), '--student', students[n++]!.id, '--type', 'study', '--purpose', 'в банк', '--lang', 'ru', '--out', out, '--user', 'registrar']);
    }
    server = await startServer(store.args, port);
    for (const name of ['a', 'b', 'a']) await cli(['sync', 'now', '--db', db(name)]);
    const numbers = (file: string) => rows<{ number: string }>(file, 'SELECT number FROM issued_document ORDER BY number').map((r) => r.number);
    expect(numbers(db('a'))).toEqual(['S1-000001', 'S1-000002', 'S2-000001', 'S2-000002']);
    expect(numbers(db('b'))).toEqual(numbers(db('a')));

    await cli(['register', 'revoke', '--db', db('a'), '--number', 'S1-000002', '--reason', 'выдана по ошибке', '--user', 'registrar']);
    await cli(['sync', 'now', '--db', db('a')]);
    await cli(['sync', 'now', '--db', db('b')]);
    expect(await verifyOn(db('b'), codeOf(db('b'), 'S1-000002'))).toMatchObject({ valid: false, problem: 'revoked' });
    expect(await verifyOn(db('b'), codeOf(db('b'), 'S1-000001'))).toMatchObject({ valid: true, online: 'valid' });
  });

  it('a workstation key IT revoked (a stolen laptop) fails the check online, though its signature is intact', async () => {
    const keys = (await (await fetch(`${server!.url}/v1/signing-keys`, { headers: admin })).json()) as { keys: { keyId: string; series: string }[] };
    const b = keys.keys.find((k) => k.series === 'S2')!;
    const r = await fetch(`${server!.url}/v1/signing-keys/${b.keyId}/revoke`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'ноутбук украден' }) });
    expect(r.status).toBe(200);
    expect(await verifyOn(db('a'), codeOf(db('a'), 'S2-000001'))).toMatchObject({ valid: false, problem: 'keyRevoked', online: 'revoked' });
  });

  it('the public /verify page checks a code in the browser, refuses a tampered one, and finds one by its short code', async () => {
    const page: Page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const verdict = page.getByTestId('verify-verdict');
    const good = codeOf(db('a'), 'S1-000001');
    await page.goto(`${server!.url}/verify?lang=ru#${good}`);
    await page.locator('[data-testid="verify-verdict"][data-valid="true"]').waitFor();
    await page.locator('[data-testid="verify-online"][data-online="valid"]').waitFor();
    expect(await page.getByTestId('verify-fields').textContent()).toContain('S1-000001');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'verify-page-valid.png') });

    const sealed = JSON.parse(Buffer.from(good, 'base64url').toString('utf8'));
    sealed.fields.lastName = 'Башкаев';
    // the same page with another fragment: the page renders again on hashchange
    await page.goto(`${server!.url}/verify?lang=ru#${Buffer.from(JSON.stringify(sealed)).toString('base64url')}`);
    await page.locator('[data-testid="verify-verdict"][data-valid="false"]').waitFor();
    expect(await verdict.textContent()).toContain('Подписанные данные изменены');

    // valid offline, revoked online: the verdict turns once the server answers
    await page.goto(`${server!.url}/verify?lang=en#${codeOf(db('a'), 'S1-000002')}`);
    await page.locator('[data-testid="verify-verdict"][data-valid="false"]').waitFor();
    expect(await verdict.textContent()).toContain('revoked this document: выдана по ошибке');
    await page.screenshot({ path: path.join(__dirname, '.artifacts', 'verify-page-revoked.png') });

    const check = rows<{ code: string }>(db('a'), `SELECT code FROM issued_document WHERE number = 'S1-000001'`)[0]!.code;
    const signature = JSON.parse(Buffer.from(check, 'base64url').toString('utf8')).signature as string;
    const { shortCheck } = await import('../src-shared/domain/document-code');
    await page.goto(`${server!.url}/verify?lang=ky`);
    await page.getByTestId('verify-number').fill('S1-000001');
    await page.getByTestId('verify-check').fill('AAAA-AAAA');
    await page.getByTestId('verify-submit').click();
    await page.getByText('Реестрде мындай номери').waitFor();
    await page.getByTestId('verify-check').fill(shortCheck(signature));
    await page.getByTestId('verify-submit').click();
    await page.locator('[data-testid="verify-verdict"][data-valid="true"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Университеттин документин текшерүү');
  });
});
