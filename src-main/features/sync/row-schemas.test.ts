/**
 * The shared row schemas (src-shared/sync/*.rows.ts) against the replica's own tables: every
 * column, NOT NULL, FOREIGN KEY and CHECK of a synced table has its twin, so a row the server
 * accepts is a row every replica can store — and the demo's rows are all valid.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowProblem, sampleRow, type Row } from '../../../src-shared/sync/row-schema';
import { SYNC_TABLE_NAMES, SYNC_TABLES } from '../../../src-shared/sync/tables';
import { openDatabase, type Database } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { generateDemo } from '../demo/demo.generator';

const replica = new BetterSqlite3(':memory:');
migrate(replica, MIGRATIONS);
replica.pragma('foreign_keys = OFF');

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
const infoOf = (t: string) => replica.prepare(`PRAGMA table_info(${t})`).all() as ColumnInfo[];
const fksOf = (t: string) => replica.prepare(`PRAGMA foreign_key_list(${t})`).all() as { from: string; table: string }[];
const sqlOf = (t: string) => (replica.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(t) as string) ?? '';

/** The table's complete valid row, under an id its own id rule takes (an academic year's is "2026-2027"). */
const sampleOf = (t: (typeof SYNC_TABLES)[number]) => sampleRow(t.row, String(t.row.columns.id!.sample));

/** Whether SQLite stores the row (foreign keys off: a CHECK, NOT NULL or type refuses it). */
function sqliteTakes(table: string, row: Row): boolean {
  const cols = Object.keys(row);
  replica.exec('SAVEPOINT probe');
  try {
    replica.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    return true;
  } catch {
    return false;
  } finally {
    replica.exec('ROLLBACK TO probe');
    replica.exec('RELEASE probe');
  }
}

/** Values to try in a column: the usual suspects and every literal its table's CHECKs name, nudged. */
function probesFor(table: string): unknown[] {
  const sqlText = sqlOf(table);
  const strings = [...sqlText.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const numbers = [...sqlText.matchAll(/\b(\d+)\b/g)].map((m) => Number(m[1]));
  return [
    null, '', ' ', 'x', '2026-13-45', '1.5', 0, 1, -1, 1.5, 7, 13, 61, 101, 999, 2 ** 53,
    ...strings, ...strings.map((s) => `${s}x`), ...strings.map((s) => s.slice(1)),
    ...numbers, ...numbers.map((n) => n + 1), ...numbers.map((n) => n - 1),
  ];
}

describe('row schemas are the replica’s twins', () => {
  for (const t of SYNC_TABLES) {
    describe(t.name, () => {
      const info = infoOf(t.name);
      it('has exactly the replica’s columns, with the same type and NOT NULL', () => {
        expect(Object.keys(t.row.columns).sort()).toEqual(info.map((c) => c.name).sort());
        for (const c of info) {
          const spec = t.row.columns[c.name]!;
          expect({ column: c.name, type: spec.type }).toEqual({ column: c.name, type: c.type.toLowerCase() });
          expect({ column: c.name, required: !spec.nullable }).toEqual({ column: c.name, required: c.notnull === 1 || c.pk === 1 });
        }
      });
      it('names each foreign key: a synced parent as a reference, a local vocabulary as a check', () => {
        const fks = fksOf(t.name);
        for (const fk of fks) {
          const spec = t.row.columns[fk.from]!;
          if (SYNC_TABLE_NAMES.has(fk.table)) expect({ column: fk.from, ref: spec.ref }).toEqual({ column: fk.from, ref: fk.table });
          else expect({ column: fk.from, checks: spec.checks.length > 0 }).toEqual({ column: fk.from, checks: true });
        }
        const refs = Object.entries(t.row.columns).filter(([, c]) => c.ref).map(([name]) => name);
        expect(refs.sort()).toEqual(fks.filter((f) => SYNC_TABLE_NAMES.has(f.table)).map((f) => f.from).sort());
      });
      it('its sample row is valid on both sides', () => {
        const row = sampleOf(t);
        expect(rowProblem(t.row, row)).toBeNull();
        expect(sqliteTakes(t.name, row)).toBe(true);
      });
      it('refuses every value a CHECK, NOT NULL or type of the replica refuses', () => {
        const base = sampleOf(t);
        const missed: string[] = [];
        let refusedBySqlite = 0;
        for (const c of info) {
          for (const v of probesFor(t.name)) {
            const row = { ...base, [c.name]: v };
            if (sqliteTakes(t.name, row)) continue;
            refusedBySqlite++;
            if (rowProblem(t.row, row) === null) missed.push(`${c.name} = ${JSON.stringify(v)}`);
          }
        }
        expect(missed).toEqual([]);
        expect(refusedBySqlite).toBeGreaterThan(0);
      });
    });
  }
});

describe('the demo university’s rows', () => {
  let db: Database;
  beforeAll(async () => {
    db = openDatabase(':memory:');
    await generateDemo(db, { students: 300 });
  }, 120_000);
  afterAll(() => db.close());

  it('are all valid under the shared schemas', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const t of SYNC_TABLES) {
      for (const row of db.sqlite.prepare(`SELECT * FROM ${t.name}`).all() as Row[]) {
        checked++;
        const p = rowProblem(t.row, row);
        if (p && bad.length < 10) bad.push(`${t.name} ${String(row.id)}: ${p.column} ${p.says}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
