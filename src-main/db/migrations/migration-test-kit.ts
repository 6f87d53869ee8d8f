import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

/** A fresh in-memory database migrated up to `version` (inclusive), foreign keys on. */
export function databaseAt(version: number): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  return db;
}

export function columnsOf(db: BetterSqlite3.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

export const T = '2026-09-01T00:00:00Z';

/** Inserts the minimal university → faculty → specialty chain later migrations' tests need. */
export function seedStructure(db: BetterSqlite3.Database) {
  db.prepare(`INSERT INTO university (id, name_ky, name_ru, name_en, updated_at) VALUES ('u', 'У', 'У', 'U', ?)`).run(T);
  db.prepare(`INSERT INTO faculty (id, university_id, code, name_ky, name_ru, name_en, updated_at) VALUES ('f', 'u', 'F', 'Ф', 'Ф', 'F', ?)`).run(T);
  db.prepare(`INSERT INTO specialty (id, faculty_id, code, name_ky, name_ru, name_en, level, duration_years, updated_at) VALUES ('s', 'f', '580100', 'Э', 'Э', 'E', 'bachelor', 4, ?)`).run(T);
}
