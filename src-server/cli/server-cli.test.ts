import { sql } from 'kysely';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS, truncateAll } from '../test/server-test-kit';
import { sampleRow } from '../../src-shared/sync/row-schema';
import { syncTable } from '../../src-shared/sync/tables';
import { F1, F2, T0 } from '../test/sync-test-kit';
import { runServerCli, UsageError, type CliIo } from './server-cli';

/** A device replica with a few synced tables (the real one has them all; missing ones are reported) and some that never sync. */
function makeReplica(file: string): void {
  const r = new Database(file);
  r.exec(`
    CREATE TABLE country (code TEXT PRIMARY KEY, name_en TEXT NOT NULL);
    CREATE TABLE audit_log (id TEXT PRIMARY KEY, action TEXT);
    INSERT INTO country VALUES ('KG', 'Kyrgyzstan');
    INSERT INTO audit_log VALUES ('a1', 'login');
  `);
  const table = (name: string, rows: Record<string, unknown>[]) => {
    const cols = Object.keys(syncTable(name)!.row.columns);
    r.exec(`CREATE TABLE ${name} (${cols.map((c) => (c === 'id' ? 'id TEXT PRIMARY KEY' : c)).join(', ')})`);
    const ins = r.prepare(`INSERT INTO ${name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (const row of rows) ins.run(sampleRow(syncTable(name)!.row, String(row.id), { updated_at: T0, ...row }));
  };
  table('faculty', [{ id: F1, code: 'ECON', version: 1 }, { id: F2, code: 'LAW', version: 3 }]);
  table('student_group', [{ id: 'g1', faculty_id: F1, name: 'ЭК-1-25', version: 1 }, { id: 'g2', faculty_id: F2, name: 'ЮР-1-25', version: 1 }]);
  table('student', [
    { id: 's1', group_id: 'g1', funding: 'budget', last_name: 'Асанов', version: 1 },
    { id: 's2', group_id: 'g2', funding: 'contract', last_name: 'Үсөнова', version: 2 },
    { id: 's3', group_id: 'gone', funding: 'budget', last_name: 'Жок', version: 1 },
    { id: 's4', group_id: 'g1', funding: 'free', last_name: 'Бекер', version: 1 },
  ]);
  r.close();
}

describe.each(TEST_BACKENDS)('unidesk-server command ($name)', (backend) => {
  let db: ServerDb;
  let dir: string;
  let lines: string[];
  let io: CliIo;
  beforeAll(async () => {
    db = await backend.open();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-server-cli-'));
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(db);
    lines = [];
    io = { out: (l) => lines.push(l), env: {}, open: async () => ({ ...db, close: async () => {} }) };
  });

  it('bootstraps an admin, and sets a new password when run again', async () => {
    await runServerCli(['admin', 'create', '--username', 'it', '--password', 'long enough secret'], io);
    await runServerCli(['admin', 'create', '--username', 'it', '--password', 'another long secret'], io);
    expect(lines).toEqual(['admin it created', 'admin it updated']);
    const users = await db.kysely.selectFrom('server_user').select(['username', 'role']).execute();
    expect(users).toEqual([{ username: 'it', role: 'admin' }]);
    await expect(runServerCli(['admin', 'create', '--username', 'it', '--password', 'short'], io)).rejects.toThrow(/at least 10/);
  });

  it('takes the admin password from a pipe or the environment, never requiring it on the command line', async () => {
    await runServerCli(['admin', 'create', '--username', 'ops', '--password-stdin'], { ...io, secret: async () => 'piped long secret' });
    await runServerCli(['admin', 'create', '--username', 'ops2'], { ...io, env: { UNIDESK_SERVER_PASSWORD: 'env long secret' } });
    expect(lines).toEqual(['admin ops created', 'admin ops2 created']);
    await expect(runServerCli(['admin', 'create', '--username', 'ops3'], io)).rejects.toThrow(/type it when asked, pipe it with --password-stdin, or set UNIDESK_SERVER_PASSWORD/);
  });

  it('imports a replica with each row’s faculty and contract flag, and reports what it skipped', async () => {
    const file = path.join(dir, 'replica.sqlite');
    makeReplica(file);
    await runServerCli(['import-replica', '--replica', file], io);
    expect(lines).toContain('student: 2');
    expect(lines).toContain('skipped student s3: its parent row is missing');
    expect(lines).toContain('skipped student s4: funding must be one of budget, contract');
    expect(lines.find((l) => l.startsWith('not in the replica:'))).toMatch(/grade_sheet/);
    expect(lines[lines.length - 1]).toBe('imported 6 rows');
    const rows = await db.kysely.selectFrom('sync_row').select(['tbl', 'id', 'faculty_id', 'contract', 'version']).orderBy('tbl').orderBy('id').execute();
    expect(rows).toEqual([
      { tbl: 'faculty', id: F1, faculty_id: null, contract: false, version: 1 },
      { tbl: 'faculty', id: F2, faculty_id: null, contract: false, version: 3 },
      { tbl: 'student', id: 's1', faculty_id: F1, contract: false, version: 1 },
      { tbl: 'student', id: 's2', faculty_id: F2, contract: true, version: 2 },
      { tbl: 'student_group', id: 'g1', faculty_id: F1, contract: false, version: 1 },
      { tbl: 'student_group', id: 'g2', faculty_id: F2, contract: false, version: 1 },
    ]);
    expect(await db.kysely.selectFrom('change_log').select('seq').execute()).toEqual([]);
    // the store's statistics are fresh, so the first pushes are planned for its real size
    const stats = await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE oid = to_regclass('sync_row')`.execute(db.kysely);
    expect(stats.rows[0]!.n).toBe(6);
    await expect(runServerCli(['import-replica', '--replica', path.join(dir, 'none.sqlite')], io)).rejects.toThrow(/no replica at/);
  });

  it('lists devices, serves HTTP on a port, and refuses unknown commands and options', async () => {
    await runServerCli(['devices'], io);
    expect(lines).toEqual(['no devices enrolled']);
    const running = await runServerCli(['serve', '--port', '0'], io);
    try {
      const res = await fetch(`${running!.url}/health`);
      expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
      expect(lines[1]).toMatch(/^unidesk-server: listening on http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      await running!.close();
    }
    await expect(runServerCli(['frobnicate'], io)).rejects.toThrow(UsageError);
    await expect(runServerCli(['serve', '--prot', '1'], io)).rejects.toThrow(/^unknown option --prot \(see unidesk-server --help\)$/);
    await expect(runServerCli(['serve', '--port'], io)).rejects.toThrow(/^option --port needs a value/);
    await expect(runServerCli(['devices', '--data', dir, '--database-url', 'postgres://x'], io)).rejects.toThrow(/not both/);
  });
});
