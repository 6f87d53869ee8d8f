import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';
import { MIGRATIONS } from '../../../db/migrations';

function beforeWithSheet() {
  const db = databaseAt(8);
  seedStructure(db);
  db.exec(`
    INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-1-26', 'full_time', 2026, 1, 'ky', '${T}');
    INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz', '${T}');
    INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES ('c', 's', 2026, 'full_time', '${T}');
    INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at) VALUES ('ci', 'c', 'd', 1, 5, 150, 'exam', '${T}');
    INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31'), ('2027-2028', '2027-09-01', '2028-08-31');
    INSERT INTO academic_session (id, academic_year_id, faculty_id, term, starts_on, ends_on, entry_opens_on, entry_closes_on, updated_at)
      VALUES ('ses', '2026-2027', 'f', 'autumn', '2026-12-20', '2027-01-20', '2026-12-15', '2027-01-31', '${T}');
    INSERT INTO grading_scale (id, from_academic_year_id, scale_json, created_at) VALUES ('sc', '2026-2027', '{"v":1}', '${T}');
    INSERT INTO grade_sheet (id, academic_year_id, seq, number, session_id, faculty_id, group_id, curriculum_item_id, kind, attempt, scale_id, created_at, updated_at)
      VALUES ('sh', '2026-2027', 1, '26-00001', 'ses', 'f', 'g', 'ci', 'main', 1, 'sc', '${T}', '${T}');
  `);
  return db;
}

describe('migration 0009 grading scale versions', () => {
  it('keeps existing scales as version 1 and the sheets pointing at them', () => {
    const db = beforeWithSheet();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    expect(db.prepare(`SELECT id, from_academic_year_id, version, scale_json FROM grading_scale`).all()).toEqual([
      { id: 'sc', from_academic_year_id: '2026-2027', version: 1, scale_json: '{"v":1}' },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the sheet's reference still points at the rebuilt table
    expect(() => db.prepare(`DELETE FROM grading_scale WHERE id = 'sc'`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE grade_sheet SET scale_id = 'missing' WHERE id = 'sh'`).run()).toThrow(/FOREIGN KEY/);
  });

  it('allows several versions of one year, numbered uniquely, and never edits one', () => {
    const db = beforeWithSheet();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    const ins = db.prepare(`INSERT INTO grading_scale (id, from_academic_year_id, version, scale_json, created_at) VALUES (?, ?, ?, '{}', ?)`);
    expect(() => ins.run('sc2', '2026-2027', 2, T)).not.toThrow();
    expect(() => ins.run('sc3', '2026-2027', 2, T)).toThrow(/UNIQUE/);
    expect(() => ins.run('sc4', '2027-2028', 0, T)).toThrow(/CHECK/);
    expect(() => ins.run('sc5', '2099-2100', 1, T)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE grading_scale SET scale_json = '{"v":2}' WHERE id = 'sc'`).run()).toThrow(/immutable/);
  });

  it('rolls a table rebuild back when it would leave a broken reference, foreign keys on again', () => {
    const db = beforeWithSheet();
    const breaking = { version: 9, name: 'drops-a-scale', rebuildsTables: true, up: `DELETE FROM grading_scale;` };
    expect(() => migrate(db, [...MIGRATIONS.filter((m) => m.version <= 8), breaking])).toThrow(/foreign keys/);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM grading_scale`).get()).toEqual({ n: 1 });
  });
});
