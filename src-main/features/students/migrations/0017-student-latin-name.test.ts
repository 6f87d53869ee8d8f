import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';
import { installCaptureTriggers } from '../../sync/migrations/0010-sync';

describe('migration 0017 student latin name', () => {
  it('leaves existing students without a Latin spelling, and an enrolled replica sends the new column', () => {
    const db = databaseAt(16);
    seedStructure(db);
    db.prepare(`INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-1-26', 'full_time', 2026, 1, 'ky', ?)`).run(T);
    db.prepare(
      `INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no, group_id, funding, base_education, admission_year, status, search_text, created_at, updated_at)
       VALUES ('st', 'Жеңишбеков', 'Нурлан', 'Асан уулу', 'M', '2006-03-08', NULL, 'KG', '26-0001', 'g', 'budget', 'school', 2026, 'active', '', ?, ?)`,
    ).run(T, T);
    const student = 'st';
    installCaptureTriggers(db);
    db.prepare('UPDATE sync_control SET capture = 1').run();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT name FROM pragma_table_info('student') WHERE name = 'latin_name'`).pluck().get()).toBe('latin_name');
    expect(db.prepare('SELECT latin_name FROM student WHERE id = ?').pluck().get(student)).toBeNull();
    db.prepare(`UPDATE student SET latin_name = 'ZHENISHBEKOV NURLAN' WHERE id = ?`).run(student);
    const sent = JSON.parse(db.prepare(`SELECT values_json FROM sync_change WHERE table_name = 'student'`).pluck().get() as string) as Record<string, unknown>;
    expect(sent).toMatchObject({ id: student, latin_name: 'ZHENISHBEKOV NURLAN' });
  });
});
