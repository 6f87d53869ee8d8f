import { DEFAULT_SCALE } from '../../../src-shared/domain/grading';
import type { DemoContext } from './demo-structure';

const REGISTERED_AT = '2026-09-05T08:00:00.000Z';

/**
 * The current autumn semester's registrations (each studying student to every discipline of
 * their group's curriculum for that semester, as the dean's office does in September) and
 * the default grading scale (from the first year of the grade history), so the demo is ready to generate grade sheets.
 */
export function insertRegistrations(
  ctx: DemoContext,
  academicYearId: string,
  scaleFromYear: number,
): { registrations: number; scaleId: string; offerings: ReturnType<DemoContext['store']['firstTermOfferings']> } {
  // one scale version since the first year of the grade history
  const scaleId = ctx.ids.next();
  ctx.store.gradingScale(scaleId, `${scaleFromYear}-${scaleFromYear + 1}`, JSON.stringify(DEFAULT_SCALE), null, REGISTERED_AT);
  const rows = ctx.store.firstTermOfferings();
  for (const r of rows) ctx.store.registration(ctx.ids.next(), r.student_id, r.item_id, academicYearId, 'autumn', r.group_id, 'group', REGISTERED_AT);
  // the rows themselves too: the current session's sheets are made from the same registrations
  return { registrations: rows.length, scaleId, offerings: rows };
}
