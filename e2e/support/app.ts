import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import BetterSqlite3 from 'better-sqlite3';
import { inject } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.UNIDESK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RunningApp {
  /** the address with the per-launch key, as printed by the host */
  openUrl: string;
  origin: string;
  dbFile: string;
  /** where the host writes session prints */
  exportsDir: string;
  browser: Browser;
  newPage(): Promise<Page>;
  /** read-only look at the replica, to pick test data without hard-coding the generator's output */
  query<T>(sql: string, ...params: unknown[]): T[];
  stop(): Promise<void>;
}

/**
 * Opens every session's grade-entry window wide in a replica file: the demo's windows are real
 * calendar dates, and the tests must not depend on today's.
 */
export function openEntryWindows(file: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.exec(`UPDATE academic_session SET entry_opens_on = '2000-01-01', entry_closes_on = '2999-12-31'`);
  } finally {
    db.close();
  }
}

/** Starts `node dist/main/web.cjs` on a private copy of the demo database and a headless Chromium. */
export async function startApp(opts: { prepareDb?: (file: string) => void; dbFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-e2e-run-'));
  // a given replica is used as it is (an enrolled device); otherwise a private copy of the demo
  const dbFile = opts.dbFile ?? path.join(dir, 'unidesk.sqlite');
  if (!opts.dbFile) fs.copyFileSync(inject('demoDb'), dbFile);
  opts.prepareDb?.(dbFile);
  const host: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'main', 'web.cjs'), '--db', dbFile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // session prints land in the run's own folder, never in the tester's Documents
    env: { ...process.env, UNIDESK_EXPORTS_DIR: path.join(dir, 'exports'), ...opts.env },
  });
  let stderr = '';
  host.stderr!.on('data', (d) => (stderr += String(d)));
  const openUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.stdout!.on('data', (d) => {
      out += String(d);
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#key=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    host.once('exit', (code) => reject(new Error(`browser host exited (${code}): ${stderr}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const reader = new BetterSqlite3(dbFile, { readonly: true });
  return {
    openUrl,
    origin: new URL(openUrl).origin,
    dbFile,
    exportsDir: path.join(dir, 'exports'),
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      return context.newPage();
    },
    query: <T>(sql: string, ...params: unknown[]) => reader.prepare(sql).all(...params) as T[],
    async stop() {
      reader.close();
      await browser.close();
      host.kill('SIGTERM');
      await new Promise((r) => host.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
