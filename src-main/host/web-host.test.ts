import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../app/handlers';
import type { Database } from '../db/connection';
import { createFixtureDb, FIXTURE_PASSWORD, IDS } from '../testing/fixture';
import { createDispatcher, memorySessionStore } from './dispatcher';
import { startWebHost, type WebHost } from './web-host';

let db: Database;
let host: WebHost;
const KEY = 'k'.repeat(43);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>UniDesk</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'unidesk-outside.txt'), 'secret');
  db = await createFixtureDb();
  host = await startWebHost({
    dispatch: createDispatcher(createHandlers(db, 'test'), memorySessionStore(), { error: () => {} }),
    rendererDir: dir,
    key: KEY,
  });
});
afterAll(async () => {
  await host.close();
  await db.close();
});

function call(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.url}api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-unidesk-key': KEY, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and gives the key in the URL fragment, never in a query', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toBe(`${host.url}#key=${KEY}`);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const r = await fetch(host.url);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>UniDesk</title>');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe');
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await fetch(`${host.url}..%2Funidesk-outside.txt`);
    expect(r.status).toBe(404);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    const r = await fetch(`${host.url}%E0%A4%A`);
    expect(r.status).toBe(400);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('refuses calls without the per-launch key', async () => {
    const r = await call({ op: 'app.info', payload: {}, locale: 'en' }, { 'x-unidesk-key': 'guess' });
    expect(r.status).toBe(401);
    // marked, so the page words it in its own language
    expect(r.headers.get('x-unidesk-refusal')).toBe('key');
    expect((await r.json()).ok).toBe(false);
  });

  it('refuses calls from a foreign origin or under a foreign Host name', async () => {
    const r = await call({ op: 'app.info', payload: {}, locale: 'en' }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(`${host.url}api/call`, { method: 'POST', headers: { host: 'rebind.example:80', 'x-unidesk-key': KEY } }, (res) => resolve(res.statusCode!));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('answers bad JSON with a clear refusal', async () => {
    const r = await call('{not json');
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toMatch(/not valid JSON/);
  });

  it('issues a session on first call and keeps the caller signed in with it', async () => {
    const first = await call({ op: 'session.signIn', payload: { username: 'clerk', password: FIXTURE_PASSWORD }, locale: 'en' });
    expect(first.status).toBe(200);
    const session = first.headers.get('x-unidesk-session')!;
    expect(session).toBeTruthy();
    const search = await call({ op: 'students.search', payload: {}, locale: 'en' }, { 'x-unidesk-session': session });
    const body = await search.json();
    expect(body.ok).toBe(true);
    expect(body.data.total).toBe(3);
    const forged = await call({ op: 'students.get', payload: { id: IDS.studentOmur }, locale: 'ru' }, { 'x-unidesk-session': session });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.message).toMatch(/^Не разрешено/);
    const invented = await call({ op: 'students.search', payload: {}, locale: 'en' }, { 'x-unidesk-session': 'made-up' });
    expect(invented.status).toBe(401);
    expect(invented.headers.get('x-unidesk-session')).not.toBe('made-up');
  });
});
