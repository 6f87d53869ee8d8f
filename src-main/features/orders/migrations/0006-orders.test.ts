import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';
import { MIGRATIONS } from '../../../db/migrations';

describe('migration 0006 orders', () => {
  it('gives existing students their group’s course', () => {
    const db = databaseAt(5);
    seedStructure(db);
    db.prepare(`INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-3-24', 'full_time', 2024, 3, 'ky', ?)`).run(T);
    db.prepare(`INSERT INTO student (id, last_name, first_name, sex, birth_date, citizenship, record_book_no, group_id, funding, base_education, admission_year, status, search_text, created_at, updated_at)
      VALUES ('st', 'Үсөнов', 'Үмүт', 'M', '2005-01-01', 'KG', '1', 'g', 'budget', 'school', 2024, 'active', '', ?, ?)`).run(T, T);
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT course FROM student`).get()).toEqual({ course: 3 });
  });

  it('numbers signed orders uniquely per year and type, and requires what each type needs', () => {
    const db = databaseAt(6);
    const ins = db.prepare(`INSERT INTO student_order (id, type, state, year, seq, number, order_date, effective_date, expulsion_reason, cancels_order_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, '2026-09-01', ?, ?, ?, ?)`);
    ins.run('a', 'promotion', 'signed', 2026, 1, '1-п', '2026-08-28', null, null, T, T);
    expect(() => ins.run('b', 'promotion', 'signed', 2026, 1, '1-п', '2026-08-28', null, null, T, T)).toThrow(/UNIQUE/);
    expect(() => ins.run('c', 'transfer', 'signed', 2026, 1, '1-т', '2026-08-28', null, null, T, T)).not.toThrow();
    expect(() => ins.run('d', 'promotion', 'signed', 2026, null, null, null, null, null, T, T)).toThrow(/CHECK/);
    expect(() => ins.run('e', 'promotion', 'draft', null, null, null, null, null, null, T, T)).not.toThrow();
    expect(() => ins.run('f', 'expulsion', 'draft', null, null, null, null, null, null, T, T)).toThrow(/CHECK/);
    expect(() => ins.run('g', 'expulsion', 'draft', null, null, null, null, 'own_wish', null, T, T)).not.toThrow();
    expect(() => ins.run('h', 'cancellation', 'draft', null, null, null, null, null, null, T, T)).toThrow(/CHECK/);
    expect(() => ins.run('i', 'cancellation', 'draft', null, null, null, null, null, 'a', T, T)).not.toThrow();
  });
});
