import { DEFAULT_SCALE } from '../../../src-shared/domain/grading';
import type { DemoContext } from './demo-structure';

const REGISTERED_AT = '2026-09-05T08:00:00.000Z';

/**
 * The current autumn semester's registrations (each studying student to every discipline of
 * their group's curriculum for that semester, as the dean's office does in September) and
 * the default grading scale, so the demo is ready to generate grade sheets.
 */
export function insertRegistrations(ctx: DemoContext, academicYearId: string): number {
  ctx.sqlite
    .prepare(`INSERT INTO grading_scale (id, from_academic_year_id, scale_json, created_by, created_at) VALUES (?, ?, ?, NULL, ?)`)
    .run(ctx.ids.next(), academicYearId.replace(/^(\d{4})-(\d{4})$/, (_m, a: string, b: string) => `${Number(a) - 1}-${Number(b) - 1}`), JSON.stringify(DEFAULT_SCALE), REGISTERED_AT);
  const rows = ctx.sqlite
    .prepare(
      `SELECT s.id AS student_id, ci.id AS item_id, g.id AS group_id
       FROM student s
       JOIN student_group g ON g.id = s.group_id
       JOIN curriculum c ON c.specialty_id = g.specialty_id AND c.intake_year = g.intake_year AND c.form = g.form
       JOIN curriculum_item ci ON ci.curriculum_id = c.id AND ci.semester = (s.course - 1) * 2 + 1
       WHERE s.status = 'active'
       ORDER BY s.id, ci.semester, ci.id`,
    )
    .all() as { student_id: string; item_id: string; group_id: string }[];
  const ins = ctx.sqlite.prepare(
    `INSERT INTO registration (id, student_id, curriculum_item_id, academic_year_id, term, group_id, source, created_at)
     VALUES (?, ?, ?, ?, 'autumn', ?, 'group', ?)`,
  );
  for (const r of rows) ins.run(ctx.ids.next(), r.student_id, r.item_id, academicYearId, r.group_id, REGISTERED_AT);
  return rows.length;
}
