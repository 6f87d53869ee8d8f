/**
 * `unidesk-server import-replica`: the university's starting data from one device's replica
 * (a UniDesk SQLite file with everything in it, e.g. the registrar's or the admin's). Every
 * synced table is copied into the store with its faculty and contract flag computed; the
 * change log stays empty, so devices get these rows from their bootstrap snapshot.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { LOCAL_COLUMNS, SYNC_TABLES } from '../../src-shared/sync/tables';
import type { ServerKysely } from '../db/connection';
import { analyzeStore, importTableRows, type ImportProblem } from './row-import';

export interface ReplicaImportReport {
  tables: { table: string; rows: number }[];
  missingTables: string[];
  problems: ImportProblem[];
}

const READ_CHUNK = 5_000;

export async function importReplica(db: ServerKysely, file: string): Promise<ReplicaImportReport> {
  if (!fs.existsSync(file)) throw new Error(`no replica at ${file}`);
  const replica = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const present = new Set((replica.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const report: ReplicaImportReport = { tables: [], missingTables: [], problems: [] };
    for (const t of SYNC_TABLES) {
      if (!present.has(t.name)) {
        report.missingTables.push(t.name);
        continue;
      }
      const local = new Set(LOCAL_COLUMNS[t.name] ?? []);
      // rowid order keeps memory flat on big tables (a faculty's 250,000 grades)
      const select = replica.prepare(`SELECT rowid AS _rowid, * FROM "${t.name}" WHERE rowid > ? ORDER BY rowid LIMIT ${READ_CHUNK}`);
      let last = 0;
      let count = 0;
      for (;;) {
        const rows = select.all(last) as Record<string, unknown>[];
        if (rows.length === 0) break;
        last = Number(rows[rows.length - 1]!._rowid);
        const clean = rows.map((r) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r)) if (k !== '_rowid' && !local.has(k)) out[k] = typeof v === 'bigint' ? Number(v) : v;
          return out;
        });
        const r = await importTableRows(db, t.name, clean);
        count += r.imported;
        report.problems.push(...r.problems);
      }
      report.tables.push({ table: t.name, rows: count });
    }
    await analyzeStore(db);
    return report;
  } finally {
    replica.close();
  }
}
