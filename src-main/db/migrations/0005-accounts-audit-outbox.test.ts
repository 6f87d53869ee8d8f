import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from './migration-test-kit';

describe('migration 0005 accounts, audit, outbox', () => {
  it('ships the eight roles with names in three languages', () => {
    const db = databaseAt(5);
    const roles = db.prepare('SELECT code FROM role ORDER BY code').all() as { code: string }[];
    expect(roles.map((r) => r.code)).toEqual(['accountant', 'admin', 'clerk', 'hr', 'planning_finance', 'registrar', 'students_hr', 'teaching']);
  });

  it('binds every dean’s office clerk to a faculty and keeps usernames unique regardless of case', () => {
    const db = databaseAt(5);
    seedStructure(db);
    const u = db.prepare(`INSERT INTO app_user (id, username, password_hash, role, faculty_id, display_name, created_at, updated_at) VALUES (?, ?, 'h', ?, ?, 'n', ?, ?)`);
    expect(() => u.run('1', 'clerk', 'clerk', null, T, T)).toThrow(/CHECK/);
    u.run('2', 'clerk', 'clerk', 'f', T, T);
    expect(() => u.run('3', 'CLERK', 'admin', null, T, T)).toThrow(/UNIQUE/);
    expect(() => u.run('4', 'boss', 'superuser', null, T, T)).toThrow(/FOREIGN KEY/);
  });

  it('numbers outbox mutations in increasing order and never reuses a mutation id', () => {
    const db = databaseAt(5);
    const o = db.prepare(`INSERT INTO outbox (mutation_id, tx_id, name, entity, entity_id, payload_json, base_version, user_id, schema_version, created_at) VALUES (?, 't', 'student.update', 'student', 'x', '{}', 1, NULL, 5, ?)`);
    const a = o.run('m1', T).lastInsertRowid;
    const b = o.run('m2', T).lastInsertRowid;
    expect(Number(b)).toBeGreaterThan(Number(a));
    expect(() => o.run('m1', T)).toThrow(/UNIQUE/);
    expect(db.prepare(`SELECT state FROM outbox WHERE mutation_id = 'm1'`).get()).toEqual({ state: 'pending' });
  });
});
