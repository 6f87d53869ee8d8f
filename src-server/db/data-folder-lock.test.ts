import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from './data-folder-lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('one server per data folder', () => {
  it('refuses a second holder while the first lives, and lets the next one in after release', () => {
    const data = path.join(dir, 'server-data');
    const release = lockDataFolder(data);
    expect(fs.statSync(`${data}.lock`).mode & 0o777).toBe(0o600);
    // another process holding it: simulated by a live pid other than ours
    const child = fork('-e', ['setInterval(() => {}, 1000)'], { execArgv: [] });
    try {
      release();
      fs.writeFileSync(`${data}.lock`, String(child.pid));
      expect(() => lockDataFolder(data)).toThrow(DataFolderInUse);
      expect(() => lockDataFolder(data)).toThrow(`the data folder ${data} is in use by another UniDesk server (process ${child.pid})`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone (kill -9)', async () => {
    const data = path.join(dir, 'server-data');
    const child = fork('-e', ['0'], { execArgv: [] });
    const pid = child.pid!;
    await new Promise((r) => child.once('exit', r));
    fs.writeFileSync(`${data}.lock`, String(pid));
    const release = lockDataFolder(data);
    expect(fs.readFileSync(`${data}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${data}.lock`)).toBe(false);
  });
});
