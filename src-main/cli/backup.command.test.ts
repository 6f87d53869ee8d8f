import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/connection';
import { createFixtureDb, IDS } from '../testing/fixture';
import { runCli } from './unidesk';

let out: string[];
let err: string[];
let file: string;
beforeEach(async () => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-cli-backup-')), 'unidesk.sqlite');
  await (await createFixtureDb(file)).close();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

async function bookNo(set?: string): Promise<unknown> {
  const db = openDatabase(file);
  try {
    if (set) db.sqlite.prepare('UPDATE student SET record_book_no = ? WHERE id = ?').run(set, IDS.studentAigerim);
    return db.sqlite.prepare('SELECT record_book_no FROM student WHERE id = ?').pluck().get(IDS.studentAigerim);
  } finally {
    await db.close();
  }
}

describe('unidesk backup', () => {
  it('creates, lists and restores a backup, keeping the replaced state', async () => {
    expect(await runCli(['backup', 'create', '--db', file, '--lang', 'en'])).toBe(0);
    expect(out[0]).toMatch(/^backup written: .*backups\/unidesk-.*-manual\.sqlite \(\d+ KB\)$/);
    out = [];
    expect(await runCli(['backup', 'list', '--json', '--db', file])).toBe(0);
    const [made] = JSON.parse(out[0]!) as { name: string; reason: string }[];
    expect(made!.reason).toBe('manual');
    await bookNo('26-7777');
    out = [];
    expect(await runCli(['backup', 'restore', '--name', made!.name, '--db', file, '--lang', 'en'])).toBe(0);
    expect(out[0]).toMatch(/restored from unidesk-.*-manual\.sqlite: \d+ rows; the previous state is kept as unidesk-.*-restore\.sqlite$/);
    expect(await bookNo()).toBe('26-0001');
    out = [];
    expect(await runCli(['backup', 'list', '--db', file, '--lang', 'ru'])).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/перед восстановлением/);
  });

  it('says what is wrong: no source, an unknown name, a file that is not a replica', async () => {
    expect(await runCli(['backup', 'restore', '--db', file, '--lang', 'en'])).toBe(2);
    expect(err.join('\n')).toMatch(/--name NAME .* or --file PATH/);
    err = [];
    expect(await runCli(['backup', 'restore', '--name', 'nope.sqlite', '--db', file, '--lang', 'en'])).toBe(1);
    expect(err.join('\n')).toMatch(/There is no backup “nope\.sqlite”/);
    err = [];
    const junk = path.join(path.dirname(file), 'junk.sqlite');
    fs.writeFileSync(junk, 'x'.repeat(4096));
    expect(await runCli(['backup', 'restore', '--file', junk, '--db', file, '--lang', 'en'])).toBe(1);
    expect(err.join('\n')).toMatch(/This file cannot be restored \(.*junk\.sqlite\): file is not a database/);
    expect(await bookNo()).toBe('26-0001');
  });
});
