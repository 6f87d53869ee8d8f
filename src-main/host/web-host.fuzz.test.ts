/**
 * The browser host never crashes on a request (issue 11, item 8): a few thousand random
 * requests — bad addresses, escapes, methods, headers, bodies, valid and invalid keys — each
 * get an answer below 500, and the host still serves the app afterwards. Seeded: a failure
 * names the request, and the same seed replays it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../app/handlers';
import type { Database } from '../db/connection';
import { createFixtureDb } from '../testing/fixture';
import { createDispatcher, memorySessionStore } from './dispatcher';
import { startWebHost, type WebHost } from './web-host';

let db: Database;
let host: WebHost;
const KEY = 'f'.repeat(43);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-fuzz-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>UniDesk</title>');
  db = await createFixtureDb();
  host = await startWebHost({ dispatch: createDispatcher(createHandlers(db, 'test'), memorySessionStore(), { error: () => {} }), rendererDir: dir, key: KEY });
});
afterAll(async () => {
  await host.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: small, seeded, good enough to pick requests */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const PATHS = ['/', '/api/call', '/api/call/', '/index.html', '/..%2F..%2Fetc%2Fpasswd', '/%E0%A4%A', '/%', '/%%', '/%00', '/a%2', '/%D1%8B', '/assets/../../x', '//', '/api/%63all', '/?x=%ZZ', '/api/call?%'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
const OPS = ['app.info', 'session.signIn', 'session.me', 'students.list', 'gradeSheets.get', 'orders.save', 'no.such', '', '__proto__', 'constructor'];

function randomText(r: ReturnType<typeof rng>, max: number): string {
  const n = Math.floor(r.next() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.pick([0x20 + Math.floor(r.next() * 95), 0x400 + Math.floor(r.next() * 0x60), Math.floor(r.next() * 0xd7ff)]));
  return s;
}

function randomBody(r: ReturnType<typeof rng>): string {
  switch (Math.floor(r.next() * 6)) {
    case 0:
      return randomText(r, 200);
    case 1:
      return JSON.stringify({ op: r.pick(OPS), payload: { id: randomText(r, 10), cells: [{ studentId: 1, parts: { m1: 'x' } }] }, locale: r.pick(['en', 'ky', 'ru', 'xx', 5]) });
    case 2:
      return JSON.stringify({ op: r.pick(OPS), payload: r.pick([null, [], 'x', 1, { __proto__: { admin: true } }, { username: 'clerk', password: randomText(r, 20) }]), locale: 'en' });
    case 3:
      return JSON.stringify(r.pick([null, [], 1, 'op', { op: {} }, { op: 'app.info' }]));
    case 4:
      return '{"op":"app.info","payload":' + '['.repeat(Math.floor(r.next() * 5000)) + '}';
    default:
      return '';
  }
}

function send(r: ReturnType<typeof rng>): Promise<{ status: number; what: string }> {
  const url = new URL(host.url);
  const method = r.pick(METHODS);
  const p = r.pick(PATHS) + (r.next() < 0.3 ? encodeURI(randomText(r, 20)).replace(/%../, '%G') : '');
  const headers: Record<string, string> = {};
  if (r.next() < 0.6) headers['x-unidesk-key'] = r.pick([KEY, 'guess', '', KEY + 'x']);
  if (r.next() < 0.5) headers['content-type'] = r.pick(['application/json', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data']);
  if (r.next() < 0.3) headers.origin = r.pick(['null', 'http://evil.example', host.url.replace(/\/$/, ''), '%%%']);
  if (r.next() < 0.2) headers.cookie = r.pick(['unidesk_session=' + randomText(r, 30).replace(/[^\x21-\x7e]/g, ''), 'x=%E0%A4%A', '=;=;=']);
  const body = method === 'GET' || method === 'HEAD' ? '' : randomBody(r);
  const what = `${method} ${p} ${JSON.stringify(headers)} ${body.slice(0, 80)}`;
  return new Promise((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: url.hostname, port: url.port, method, path: p, headers: { ...headers, host: url.host }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, what }));
    });
    } catch {
      // a request node itself refuses to send (an unescaped path) is no request at all
      resolve({ status: 0, what });
      return;
    }
    req.on('error', (e) => resolve({ status: /ECONNRESET|socket hang up/.test(e.message) ? 599 : 0, what: `${what} (${e.message})` }));
    req.end(body);
  });
}

describe('the browser host under random requests', () => {
  it('answers every one below 500 and still serves the app', async () => {
    const r = rng(20261203);
    const bad: string[] = [];
    let answered = 0;
    for (let round = 0; round < 60; round++) {
      const results = await Promise.all(Array.from({ length: 50 }, () => send(r)));
      for (const x of results) {
        if (x.status === 0) continue;
        answered++;
        if (x.status >= 500 && bad.length < 5) bad.push(`${x.status}: ${x.what}`);
      }
    }
    expect(bad).toEqual([]);
    expect(answered).toBeGreaterThan(2500);
    expect((await fetch(host.url)).status).toBe(200);
  }, 120_000);
});
