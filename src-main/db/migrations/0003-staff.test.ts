import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from './migration-test-kit';

describe('migration 0003 staff', () => {
  it('keeps positions with a rate between 0.25 and 1.5 and a known employment type', () => {
    const db = databaseAt(3);
    seedStructure(db);
    db.prepare(`INSERT INTO position (id, category, name_ky, name_ru, name_en) VALUES ('p', 'docent', 'доцент', 'доцент', 'associate professor')`).run();
    db.prepare(`INSERT INTO staff (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, degree, title, hire_date, updated_at)
      VALUES ('st', 'Токтогулова', 'Гүлнара', 'Асан кызы', 'F', '1975-04-12', NULL, 'KG', 'candidate', 'docent', '2005-09-01', ?)`).run(T);
    const sp = db.prepare(`INSERT INTO staff_position (id, staff_id, position_id, faculty_id, rate, employment_type, start_date, updated_at) VALUES (?, 'st', 'p', 'f', ?, ?, '2005-09-01', ?)`);
    expect(() => sp.run('a', 100, 'main', T)).not.toThrow();
    expect(() => sp.run('b', 25, 'external_part_time', T)).not.toThrow();
    expect(() => sp.run('c', 20, 'main', T)).toThrow(/CHECK/);
    expect(() => sp.run('d', 175, 'main', T)).toThrow(/CHECK/);
    expect(() => sp.run('e', 50, 'volunteer', T)).toThrow(/CHECK/);
  });

  it('accepts only the degrees and titles 3-НК counts', () => {
    const db = databaseAt(3);
    const ins = db.prepare(`INSERT INTO staff (id, last_name, first_name, sex, birth_date, citizenship, degree, title, hire_date, updated_at) VALUES (?, 'А', 'Б', 'M', '1970-01-01', 'KG', ?, ?, '2000-01-01', ?)`);
    expect(() => ins.run('a', 'doctor', 'professor', T)).not.toThrow();
    expect(() => ins.run('b', 'master', null, T)).toThrow(/CHECK/);
    expect(() => ins.run('c', null, 'lecturer', T)).toThrow(/CHECK/);
  });
});
