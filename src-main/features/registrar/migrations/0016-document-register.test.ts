import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt } from '../../../db/migrations/migration-test-kit';

const T = '2026-12-04T08:00:00.000Z';

describe('migration 0016 document register', () => {
  it('numbers once per series, wants a reason for a revocation, and an enrolled replica sends each issue', () => {
    const db = databaseAt(15);
    migrate(db, MIGRATIONS);
    db.exec(`
      INSERT INTO university (id, name_ky, name_ru, name_en, okpo, updated_at) VALUES ('u', 'У', 'У', 'U', '1', '${T}');
      INSERT INTO faculty (id, university_id, code, name_ky, name_ru, name_en, updated_at) VALUES ('f', 'u', 'F', 'Ф', 'Ф', 'F', '${T}');
      INSERT INTO specialty (id, faculty_id, code, name_ky, name_ru, name_en, level, duration_years, updated_at) VALUES ('sp', 'f', '580100', 'С', 'С', 'S', 'bachelor', 4, '${T}');
      INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 'sp', 'Г-1-26', 'full_time', 2026, 1, 'ky', '${T}');
      INSERT INTO student (id, last_name, first_name, sex, birth_date, citizenship, record_book_no, group_id, course, funding, base_education, admission_year, status, search_text, created_at, updated_at)
        VALUES ('s', 'Асанова', 'Айгерим', 'F', '2006-03-14', 'KG', '26-1', 'g', 1, 'budget', 'school', 2026, 'active', 'асанова', '${T}', '${T}');
      UPDATE sync_control SET capture = 1;
    `);
    const issue = (id: string, seq: number, series = 'A1') =>
      db
        .prepare(
          `INSERT INTO issued_document (id, number, series, seq, type, student_id, faculty_id, issued_on, lang, fields_json, content_hash, key_id, code, workstation, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'study', 's', 'f', '2026-12-04', 'ru', '{}', ?, 'k', 'c', 'w', '${T}', '${T}')`,
        )
        .run(id, `${series}-${String(seq).padStart(6, '0')}`, series, seq, '0'.repeat(64));
    issue('d1', 1);
    issue('d2', 1, 'B1');
    expect(() => issue('d3', 1)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE issued_document SET revoked_at = '${T}', revoke_reason = '' WHERE id = 'd1'`).run()).toThrow(/CHECK/);
    const sent = db.prepare(`SELECT row_id FROM sync_change WHERE table_name = 'issued_document' ORDER BY row_id`).pluck().all();
    expect(sent).toEqual(['d1', 'd2']);
  });
});
