import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connection';
import { createGradeSheetsService } from '../grade-sheets/grade-sheets.service';
import { generateDemo } from './demo.generator';

let db: Database;
beforeAll(async () => {
  db = openDatabase(':memory:');
  await generateDemo(db, { students: 400 });
});
afterAll(() => db.close());

describe('the demo is ready for the exam session', () => {
  it('registers every studying student to their autumn disciplines, and nobody else', () => {
    const r = db.sqlite
      .prepare(`SELECT count(DISTINCT r.student_id) AS students, sum(s.status <> 'active') AS others FROM registration r JOIN student s ON s.id = r.student_id WHERE r.academic_year_id = '2026-2027'`)
      .get() as { students: number; others: number };
    const active = (db.sqlite.prepare(`SELECT count(*) AS n FROM student WHERE status = 'active'`).get() as { n: number }).n;
    expect(r.students).toBe(active);
    expect(r.others).toBe(0);
  });

  it('lets the clerk generate their faculty’s sheets with the default scale', () => {
    const clerk = db.sqlite.prepare(`SELECT id, username, display_name AS displayName, role, faculty_id AS facultyId FROM app_user WHERE username = 'clerk'`).get() as never;
    const service = createGradeSheetsService(db, () => '2026-11-22');
    const session = service.sessions(clerk).rows.find((s) => s.academicYearId === '2026-2027' && s.term === 'autumn')!;
    expect(session.entryOpensOn <= '2026-11-22').toBe(true);
    const made = service.generate(clerk, session.id);
    expect(made.created).toBeGreaterThan(10);
    const sheet = service.detail(clerk, made.sheets[0]!.id, 'ky');
    expect(sheet.entryOpen).toBe(true);
    expect(sheet.parts.map((p) => p.max)).toEqual([30, 30, 40]);
    expect(sheet.rows.length).toBeGreaterThan(0);
  });
});
