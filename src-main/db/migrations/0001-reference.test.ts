import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from './migration-test-kit';

describe('migration 0001 reference', () => {
  it('creates the university structure with the four forms of study and the countries students come from', () => {
    const db = databaseAt(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const forms = db.prepare('SELECT code, name_ky FROM study_form ORDER BY code').all();
    expect(forms).toContainEqual({ code: 'correspondence', name_ky: 'сырттан' });
    expect(forms).toHaveLength(4);
    const countries = (db.prepare('SELECT code FROM country').all() as { code: string }[]).map((c) => c.code);
    expect(countries).toEqual(expect.arrayContaining(['KG', 'UZ', 'KZ', 'IN', 'PK']));
  });

  it('accepts only 6-digit specialty codes and known levels', () => {
    const db = databaseAt(1);
    seedStructure(db);
    const ins = db.prepare(`INSERT INTO specialty (id, faculty_id, code, name_ky, name_ru, name_en, level, duration_years, updated_at) VALUES (?, 'f', ?, 'x', 'x', 'x', ?, 4, ?)`);
    expect(() => ins.run('a', '58010', 'bachelor', T)).toThrow(/CHECK/);
    expect(() => ins.run('b', '58010A', 'bachelor', T)).toThrow(/CHECK/);
    expect(() => ins.run('c', '530500', 'doctorate', T)).toThrow(/CHECK/);
    expect(() => ins.run('d', '530500', 'master', T)).not.toThrow();
  });

  it('refuses a faculty of a university that does not exist', () => {
    const db = databaseAt(1);
    expect(() =>
      db.prepare(`INSERT INTO faculty (id, university_id, code, name_ky, name_ru, name_en, updated_at) VALUES ('f', 'nope', 'F', 'Ф', 'Ф', 'F', ?)`).run(T),
    ).toThrow(/FOREIGN KEY/);
  });
});
