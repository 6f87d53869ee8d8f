import { describe, expect, it } from 'vitest';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';

describe('migration 0004 curricula and calendar', () => {
  it('keeps one curriculum per specialty, intake year and form, with items per semester', () => {
    const db = databaseAt(4);
    seedStructure(db);
    db.prepare(`INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz', ?)`).run(T);
    const cur = db.prepare(`INSERT INTO curriculum (id, specialty_id, intake_year, form, updated_at) VALUES (?, 's', 2026, 'full_time', ?)`);
    cur.run('c', T);
    expect(() => cur.run('c2', T)).toThrow(/UNIQUE/);
    const item = db.prepare(`INSERT INTO curriculum_item (id, curriculum_id, discipline_id, semester, credits, hours, control_form, updated_at) VALUES (?, 'c', 'd', ?, 5, 150, ?, ?)`);
    expect(() => item.run('i1', 1, 'exam', T)).not.toThrow();
    expect(() => item.run('i2', 13, 'exam', T)).toThrow(/CHECK/);
    expect(() => item.run('i3', 2, 'essay', T)).toThrow(/CHECK/);
  });

  it('refuses an entry window that closes before it opens', () => {
    const db = databaseAt(4);
    seedStructure(db);
    db.prepare(`INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31')`).run();
    const s = db.prepare(`INSERT INTO academic_session (id, academic_year_id, faculty_id, term, starts_on, ends_on, entry_opens_on, entry_closes_on, updated_at) VALUES (?, '2026-2027', 'f', 'autumn', '2026-12-20', '2027-01-20', ?, ?, ?)`);
    expect(() => s.run('a', '2026-12-15', '2027-01-31', T)).not.toThrow();
    expect(() => s.run('b', '2027-01-31', '2026-12-15', T)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026/27', '2026-09-01', '2027-08-31')`).run()).toThrow(/CHECK/);
  });
});
