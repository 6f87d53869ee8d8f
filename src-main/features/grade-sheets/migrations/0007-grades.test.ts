import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';

function withOffering() {
  const db = databaseAt(7);
  seedStructure(db);
  db.exec(`
    INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-1-26', 'full_time', 2026, 1, 'ky', '${T}');
    INSERT INTO student (id, last_name, first_name, sex, birth_date, citizenship, record_book_no, group_id, course, funding, base_education, admission_year, status, search_text, created_at, updated_at)
      VALUES ('st', 'Үсөнов', 'Үмүт', 'M', '2007-01-01', 'KG', '1', 'g', 1, 'budget', 'school', 2026, 'active', '', '${T}', '${T}');
    INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz', '${T}');
    INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('c', 's', 2026, 'full_time', '${T}');
    INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at) VALUES ('ci', 'c', 'd', 1, 5, 150, 'exam', '${T}');
    INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31');
    INSERT INTO academic_session (id, academic_year_id, faculty_id, term, starts_on, ends_on, entry_opens_on, entry_closes_on, updated_at)
      VALUES ('ses', '2026-2027', 'f', 'autumn', '2026-12-20', '2027-01-20', '2026-12-15', '2027-01-31', '${T}');
    INSERT INTO grading_scale (id, from_academic_year_id, scale_json, created_at) VALUES ('sc', '2026-2027', '{}', '${T}');
  `);
  return db;
}
const sheet = (db: ReturnType<typeof withOffering>, id: string, seq: number, kind = 'main', parent: string | null = null, attempt = 1) =>
  db.prepare(`INSERT INTO grade_sheet (id, academic_year_id, seq, number, session_id, faculty_id, group_id, curriculum_item_id, kind, attempt, parent_sheet_id, scale_id, created_at, updated_at)
    VALUES (?, '2026-2027', ?, ?, 'ses', 'f', 'g', 'ci', ?, ?, ?, 'sc', ?, ?)`).run(id, seq, String(seq), kind, attempt, parent, T, T);

describe('migration 0007 grades', () => {
  it('keeps one main sheet per group, discipline and year, and numbers unique per year', () => {
    const db = withOffering();
    sheet(db, 'a', 1);
    expect(() => sheet(db, 'b', 2)).toThrow(/UNIQUE/);
    expect(() => sheet(db, 'c', 1, 'retake', 'a', 2)).toThrow(/UNIQUE/);
    expect(() => sheet(db, 'd', 3, 'retake', 'a', 2)).not.toThrow();
  });

  it('links every retake or individual sheet to its original', () => {
    const db = withOffering();
    expect(() => sheet(db, 'r', 1, 'retake', null, 2)).toThrow(/CHECK/);
  });

  it('keeps one grade per student per sheet, totals within 0–100, and only the two marks', () => {
    const db = withOffering();
    sheet(db, 'a', 1);
    const g = db.prepare(`INSERT INTO grade (id, sheet_id, student_id, position, parts_json, mark, total, updated_at) VALUES (?, 'a', 'st', 1, '{}', ?, ?, ?)`);
    expect(() => g.run('1', null, 101, T)).toThrow(/CHECK/);
    expect(() => g.run('2', 'sick', null, T)).toThrow(/CHECK/);
    g.run('3', 'absent', null, T);
    expect(() => g.run('4', null, 50, T)).toThrow(/UNIQUE/);
  });

  it('registers a student once per discipline and year, and needs a reason for an entry exception', () => {
    const db = withOffering();
    const r = db.prepare(`INSERT INTO registration (id, student_id, curriculum_item_id, academic_year_id, term, group_id, source, created_at) VALUES (?, 'st', 'ci', '2026-2027', 'autumn', 'g', 'group', ?)`);
    r.run('r1', T);
    expect(() => r.run('r2', T)).toThrow(/UNIQUE/);
    sheet(db, 'a', 1);
    expect(() => db.prepare(`INSERT INTO grade_entry_exception (id, sheet_id, opens_on, closes_on, reason, created_at) VALUES ('e', 'a', '2027-02-01', '2027-02-03', '', ?)`).run(T)).toThrow(/CHECK/);
  });
});
