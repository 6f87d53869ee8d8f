import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, gradeRow, scaleFor } from '../../../src-shared/domain/grading';
import { compareNames } from '../../../src-shared/domain/person';
import { openDatabase, type Database } from '../../db/connection';
import { generateDemo, type DemoSummary } from './demo.generator';

let db: Database;
let summary: DemoSummary;
const all = <T>(sql: string, ...args: unknown[]) => db.sqlite.prepare(sql).all(...args) as T[];

beforeAll(async () => {
  db = openDatabase(':memory:');
  summary = await generateDemo(db, { students: 1200, seed: 11 });
});
afterAll(() => db.close());

/** semesters with a counting (latest) result per student */
function semestersOf(studentId: string): number[] {
  return all<{ semester: number }>(
    `SELECT DISTINCT ci.semester FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id
     WHERE g.student_id = ? AND gs.state = 'closed' ORDER BY ci.semester`,
    studentId,
  ).map((r) => r.semester);
}

describe('the demo grade history', () => {
  it('gives every studying student of course 2 and above every past semester, and first-years none', () => {
    // students whose history is an enrolment and yearly promotions only
    const plain = all<{ id: string; course: number; n: number; kinds: string }>(
      `SELECT s.id, s.course, count(*) AS n, group_concat(DISTINCT h.kind) AS kinds FROM student s JOIN student_status_history h ON h.student_id = s.id
       WHERE s.status = 'active' GROUP BY s.id HAVING count(*) = s.course`,
    );
    expect(plain.length).toBeGreaterThan(500);
    for (const s of plain.slice(0, 400)) {
      const expected = Array.from({ length: (s.course - 1) * 2 }, (_, i) => i + 1);
      expect(semestersOf(s.id), `${s.id} course ${s.course}`).toEqual(expected);
    }
  });

  it('gives last year’s graduates their whole programme and the expelled what they studied', () => {
    const graduates = all<{ id: string; duration: number }>(
      `SELECT s.id, sp.duration_years AS duration FROM student s JOIN student_group g ON g.id = s.group_id JOIN specialty sp ON sp.id = g.specialty_id WHERE s.status = 'graduated'`,
    );
    expect(graduates.length).toBeGreaterThan(5);
    for (const g of graduates) expect(semestersOf(g.id)).toEqual(Array.from({ length: g.duration * 2 }, (_, i) => i + 1));
    const expelled = all<{ id: string; course: number }>(`SELECT id, course FROM student WHERE status = 'expelled' AND course >= 2`);
    expect(expelled.length).toBeGreaterThan(0);
    for (const e of expelled) expect(semestersOf(e.id).length).toBe((e.course - 1) * 2);
  });

  it('stores each total and letter exactly as the grade sheet rules compute them, on closed sheets only', () => {
    const rows = all<{ parts_json: string; mark: 'absent' | null; total: number | null; letter: string | null; control_form: string; state: string }>(
      `SELECT g.parts_json, g.mark, g.total, g.letter, ci.control_form, gs.state FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id
       JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id WHERE gs.academic_year_id < '2026-2027'`,
    );
    expect(rows.length).toBe(summary.grades);
    const statuses = new Map<string, number>();
    for (const r of rows) {
      expect(r.state).toBe('closed');
      const res = gradeRow(scaleFor(DEFAULT_SCALE, r.control_form), { parts: JSON.parse(r.parts_json), mark: r.mark });
      const key = res.status === 'graded' ? res.band!.letter : res.status;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      expect(res.status).not.toBe('incomplete');
      expect([r.total, r.letter]).toEqual([res.total, res.band?.letter ?? null]);
    }
    // a real spread: top marks, fails that are retaken, absences, students not admitted
    for (const k of ['A', 'B', 'C', 'D', 'FX', 'absent', 'not_admitted']) expect(statuses.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  it('retakes exactly those who may retake, linked to the sheet they retake, within the attempt limit', () => {
    expect(summary.retakeSheets).toBeGreaterThan(0);
    expect(summary.individualSheets).toBeGreaterThan(0);
    const retakes = all<{ id: string; attempt: number; kind: string; parent: string; p_attempt: number; same: number }>(
      `SELECT r.id, r.attempt, r.kind, p.id AS parent, p.attempt AS p_attempt,
              (r.group_id = p.group_id AND r.curriculum_item_id = p.curriculum_item_id AND r.academic_year_id = p.academic_year_id AND r.session_id = p.session_id) AS same
       FROM grade_sheet r JOIN grade_sheet p ON p.id = r.parent_sheet_id`,
    );
    expect(retakes.length).toBe(summary.retakeSheets + summary.individualSheets);
    for (const r of retakes.slice(0, 300)) {
      expect(r.same).toBe(1);
      expect(r.attempt).toBe(r.p_attempt + 1);
      expect(r.attempt).toBeLessThanOrEqual(DEFAULT_SCALE.attemptLimit);
      const previous = all<{ student_id: string; parts_json: string; mark: 'absent' | null; control_form: string }>(
        `SELECT g.student_id, g.parts_json, g.mark, ci.control_form FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id WHERE g.sheet_id = ?`,
        r.parent,
      );
      const retakers = new Set(all<{ student_id: string }>('SELECT student_id FROM grade WHERE sheet_id = ?', r.id).map((g) => g.student_id));
      const due = previous.filter((p) => gradeRow(scaleFor(DEFAULT_SCALE, p.control_form), { parts: JSON.parse(p.parts_json), mark: p.mark }).outcome === 'retake');
      expect(new Set(due.map((p) => p.student_id))).toEqual(retakers);
      if (r.kind === 'individual') expect(retakers.size).toBe(1);
    }
  });
});

describe('the demo’s current session', () => {
  const sheets = () =>
    all<{ id: string; code: string; state: string; year: string; term: string; typed: number; rows: number }>(
      `SELECT gs.id, f.code, gs.state, gs.academic_year_id AS year, ses.term,
              sum(g.parts_json <> '{}') AS typed, count(*) AS rows
       FROM grade_sheet gs JOIN faculty f ON f.id = gs.faculty_id JOIN academic_session ses ON ses.id = gs.session_id JOIN grade g ON g.sheet_id = gs.id
       WHERE gs.academic_year_id = '2026-2027' GROUP BY gs.id`,
    );

  it('has open autumn sheets for the medical and IT faculties only, with the first module typed on some of them', () => {
    const current = sheets();
    expect(current.length).toBe(summary.currentSheets);
    expect(new Set(current.map((s) => s.code))).toEqual(new Set(['MED', 'IT']));
    for (const s of current) expect([s.state, s.term]).toEqual(['open', 'autumn']);
    const typed = current.filter((s) => s.typed > 0);
    expect(typed.length).toBe(summary.currentTypedSheets);
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.length).toBeLessThan(current.length);
    // typed, not finished: module points, no exam, no result
    const parts = all<{ parts_json: string; total: number | null; letter: string | null }>(
      `SELECT g.parts_json, g.total, g.letter FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id WHERE gs.academic_year_id = '2026-2027' AND g.parts_json <> '{}'`,
    );
    for (const p of parts) {
      expect(Object.keys(JSON.parse(p.parts_json) as object)).toEqual(['m1']);
      expect(p.letter).toBeNull();
    }
    // typed while their faculty's entry window was open (it opened in September for them)
    const outside = all<{ n: number }>(
      `SELECT count(*) AS n FROM grade g JOIN grade_sheet gs ON gs.id = g.sheet_id JOIN academic_session ses ON ses.id = gs.session_id
       WHERE gs.academic_year_id = '2026-2027' AND g.parts_json <> '{}' AND (substr(g.updated_at, 1, 10) < ses.entry_opens_on OR substr(g.updated_at, 1, 10) > ses.entry_closes_on)`,
    );
    expect(outside[0]!.n).toBe(0);
  });

  it('seats every student registered for the discipline, in Kyrgyz alphabetical order, once', () => {
    const [sheet] = sheets().filter((s) => s.rows > 10);
    const rows = all<{ position: number; last_name: string; first_name: string; patronymic: string | null; student_id: string }>(
      `SELECT g.position, s.last_name, s.first_name, s.patronymic, g.student_id FROM grade g JOIN student s ON s.id = g.student_id WHERE g.sheet_id = ? ORDER BY g.position`,
      sheet!.id,
    );
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    const sorted = [...rows].sort((a, b) => compareNames({ lastName: a.last_name, firstName: a.first_name, patronymic: a.patronymic }, { lastName: b.last_name, firstName: b.first_name, patronymic: b.patronymic }));
    expect(rows.map((r) => r.student_id)).toEqual(sorted.map((r) => r.student_id));
    const registered = all<{ student_id: string }>(
      `SELECT r.student_id FROM registration r JOIN grade_sheet gs ON gs.group_id = r.group_id AND gs.curriculum_item_id = r.curriculum_item_id WHERE gs.id = ?`,
      sheet!.id,
    );
    expect(new Set(rows.map((r) => r.student_id))).toEqual(new Set(registered.map((r) => r.student_id)));
  });
});
