import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';

function withGroup() {
  const db = databaseAt(2);
  seedStructure(db);
  db.prepare(`INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-1-26', 'full_time', 2026, 1, 'ky', ?)`).run(T);
  return db;
}
const insertStudent = (db: ReturnType<typeof databaseAt>, id: string, pin: string | null, book: string, patronymic: string | null = 'Асан уулу') =>
  db.prepare(`INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no, group_id, funding, base_education, admission_year, status, search_text, created_at, updated_at)
    VALUES (?, 'Үсөнов', 'Үмүт', ?, 'M', '2005-11-02', ?, 'KG', ?, 'g', 'budget', 'school', 2026, 'active', '', ?, ?)`).run(id, patronymic, pin, book, T, T);

describe('migration 0002 students', () => {
  it('stores a two-word Kyrgyz patronymic as one value and allows none at all', () => {
    const db = withGroup();
    insertStudent(db, 'a', '20211200500456', '1');
    insertStudent(db, 'b', null, '2', null);
    expect(db.prepare(`SELECT patronymic FROM student ORDER BY id`).all()).toEqual([{ patronymic: 'Асан уулу' }, { patronymic: null }]);
  });

  it('refuses a ПИН that is not 14 digits, and a duplicate record-book number', () => {
    const db = withGroup();
    expect(() => insertStudent(db, 'a', '2021120050045', '1')).toThrow(/CHECK/);
    expect(() => insertStudent(db, 'b', '2021120050045x', '2')).toThrow(/CHECK/);
    insertStudent(db, 'c', '20211200500456', '3');
    expect(() => insertStudent(db, 'd', null, '3')).toThrow(/UNIQUE/);
  });

  it('keeps history rows only for existing students and known statuses', () => {
    const db = withGroup();
    insertStudent(db, 'a', null, '1');
    const hist = db.prepare(`INSERT INTO student_status_history (id, student_id, effective_date, kind, status, group_id, course, form, funding, last_name, first_name, patronymic, order_no, order_date, created_at)
      VALUES (?, ?, '2026-09-01', 'enrolment', ?, 'g', 1, 'full_time', 'budget', 'Үсөнов', 'Үмүт', NULL, '1-к', '2026-08-25', ?)`);
    hist.run('h1', 'a', 'active', T);
    expect(() => hist.run('h2', 'ghost', 'active', T)).toThrow(/FOREIGN KEY/);
    expect(() => hist.run('h3', 'a', 'sleeping', T)).toThrow(/CHECK/);
  });
});
