/**
 * The backend in its own process, driven through the fake `electron` module's utilityProcess
 * (a real child process running the bundled backend entry): calls go there and back, sign-ins
 * and writes survive a crash of the backend, and main keeps running while the backend works.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFixtureDb, FIXTURE_PASSWORD, IDS } from '../testing/fixture';
import { startBackend } from './backend-client';
import { FakeUtilityProcess, utilityProcess } from './electron.fake';
import type { ShellServices } from './shell';

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'dist', 'test', 'backend.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-backend-'));
const log = { info: vi.fn(), error: vi.fn() };

beforeAll(() => {
  buildSync({
    entryPoints: [path.join(root, 'src-main', 'host', 'backend.main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: entry,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
}, 60_000);
afterAll(() => {
  for (const p of FakeUtilityProcess.instances) if (!p.exited) p.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fork = (m: string, a: string[], o: { serviceName: string; env: NodeJS.ProcessEnv }) => utilityProcess.fork(m, a, o);
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many operations, read field by field */
type Answer = { ok: boolean; data?: any; error?: any };
const call = (s: ShellServices, key: string, op: string, payload: unknown, locale = 'en') => s.dispatch(key, { op, payload, locale }) as Promise<Answer>;

async function fixtureFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  const db = await createFixtureDb(file);
  await db.close();
  return file;
}

describe('the backend utility process', () => {
  it('answers calls over the message channel, with the sign-in kept per window', async () => {
    const services = await startBackend({ fork, entry, dbFile: await fixtureFile('a.sqlite'), env: process.env, log });
    try {
      expect(services.dbFile).toBe(path.join(dir, 'a.sqlite'));
      const info = await call(services, 'ipc:1', 'app.info', {});
      expect(info).toMatchObject({ ok: true, data: { timeZone: 'Asia/Bishkek' } });
      expect((await call(services, 'ipc:1', 'session.signIn', { username: 'clerk', password: FIXTURE_PASSWORD })).ok).toBe(true);
      expect((await call(services, 'ipc:1', 'session.current', {})).data).toMatchObject({ username: 'clerk' });
      expect((await call(services, 'ipc:2', 'session.current', {})).data).toBeNull();
      // the contract is still checked first, in the backend
      const bad = await call(services, 'ipc:1', 'students.get', { id: 42 }, 'ru');
      expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    } finally {
      await services.close();
    }
  }, 60_000);

  it('restarts after a crash, reports the call it was doing, and loses neither a saved write nor the sign-in', async () => {
    const services = await startBackend({ fork, entry, dbFile: await fixtureFile('b.sqlite'), env: process.env, log });
    try {
      await call(services, 'ipc:1', 'session.signIn', { username: 'studhr', password: FIXTURE_PASSWORD });
      const before = await call(services, 'ipc:1', 'students.get', { id: IDS.studentAigerim });
      const saved = await call(services, 'ipc:1', 'students.update', { id: IDS.studentAigerim, version: before.data.version, changes: { recordBookNo: 'RB-SAVED-1' } });
      expect(saved.ok).toBe(true);

      // the backend dies; the call sent meanwhile (before main hears of the exit) is lost
      FakeUtilityProcess.instances.at(-1)!.kill();
      const lost = await call(services, 'ipc:1', 'students.search', { query: '', offset: 0, limit: 50 }, 'ky');
      expect(lost.ok).toBe(false);
      expect(lost.error.message).toContain('UniDesk’тин кызматы');

      // the next call reaches a fresh backend: still signed in, the write is there
      const after = await call(services, 'ipc:1', 'students.get', { id: IDS.studentAigerim });
      expect(after).toMatchObject({ ok: true, data: { recordBookNo: 'RB-SAVED-1' } });
      expect(FakeUtilityProcess.instances.filter((p) => !p.exited)).toHaveLength(1);
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('stopped unexpectedly'));
    } finally {
      await services.close();
    }
  }, 60_000);

  it('keeps main free while the backend works: main’s timers run all through making the demo university', async () => {
    const services = await startBackend({ fork, entry, dbFile: path.join(dir, 'demo.sqlite'), env: process.env, log });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    try {
      // the first start's choice: the demo, made in the backend while main goes on
      expect((await call(services, 'ipc:1', 'setup.demo', {})).ok).toBe(true);
      let state = await call(services, 'ipc:1', 'setup.state', {});
      while (state.ok && (state.data as { needsSetup: boolean }).needsSetup) {
        await new Promise((r) => setTimeout(r, 50));
        state = await call(services, 'ipc:1', 'setup.state', {});
      }
      clearInterval(timer);
      // the demo takes seconds of SQLite work; main's 20 ms timer kept firing meanwhile
      expect(ticks).toBeGreaterThan(20);
      expect((await call(services, 'ipc:1', 'app.info', {})).ok).toBe(true);
    } finally {
      clearInterval(timer);
      await services.close();
    }
  }, 120_000);

  it('tells the user why it could not start (a damaged replica), and starts nothing', async () => {
    const file = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(file, 'this is not a database'.repeat(200));
    await expect(startBackend({ fork, entry, dbFile: file, env: process.env, log })).rejects.toThrow(/damaged/);
  }, 60_000);
});

