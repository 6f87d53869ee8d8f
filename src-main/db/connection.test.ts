import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, openDatabase } from './connection';
import { resolveDbFile, userDataDir } from './data-dir';
import { SCHEMA_VERSION } from './migrations';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('opening the local replica', () => {
  it('creates the folder and file, in WAL mode with foreign keys and full sync, migrated to the latest schema', async () => {
    const file = path.join(tmp(), 'nested', 'unidesk.sqlite');
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await db.close();
  });

  it.skipIf(process.platform === 'win32')('keeps the replica readable by its owner only, new or made world-readable before', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-mode-'));
    const fresh = path.join(dir, 'new.sqlite');
    await openDatabase(fresh).close();
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    const old = path.join(dir, 'old.sqlite');
    fs.writeFileSync(old, '');
    fs.chmodSync(old, 0o644);
    await openDatabase(old).close();
    expect(fs.statSync(old).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a damaged file with a clear message and leaves its bytes as they were', () => {
    const file = path.join(tmp(), 'unidesk.sqlite');
    const garbage = Buffer.alloc(8192, 7);
    fs.writeFileSync(file, garbage);
    expect(() => openDatabase(file)).toThrow(CorruptDatabaseError);
    expect(() => openDatabase(file)).toThrow(/is damaged .* UniDesk did not open it/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a file whose pages are corrupt although its header is fine', async () => {
    const file = path.join(tmp(), 'unidesk.sqlite');
    const db = openDatabase(file);
    db.sqlite.pragma('journal_mode = DELETE');
    db.sqlite.exec(`CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT hex(randomblob(500)) FROM n;`);
    await db.close();
    const bytes = fs.readFileSync(file);
    // Overwrite a stretch of B-tree pages in the middle of the file, keeping the 100-byte header.
    bytes.fill(0xab, 4096 * 3, 4096 * 6);
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(CorruptDatabaseError);
  });
});

describe('where the data lives', () => {
  it('prefers --db, then UNIDESK_DATA_DIR, then the user-data folder', () => {
    expect(resolveDbFile({ dbFlag: '/x/my.sqlite', env: { UNIDESK_DATA_DIR: '/d' } })).toBe('/x/my.sqlite');
    expect(resolveDbFile({ env: { UNIDESK_DATA_DIR: '/d' } })).toBe('/d/unidesk.sqlite');
    expect(resolveDbFile({ env: {}, platform: 'linux', home: '/home/a' })).toBe('/home/a/.config/UniDesk/unidesk.sqlite');
  });
  it('follows each OS convention', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Roaming\\UniDesk');
    expect(userDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/UniDesk');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/UniDesk');
  });
});
