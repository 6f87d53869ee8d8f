import { uuidv7 } from 'uuidv7';
import { DEFAULT_SCALE, type GradingScale } from '../../../src-shared/domain/grading';
import type { Database } from '../../db/connection';

/**
 * The scale version in force for an academic year: the latest one that starts at or before
 * it. With none stored yet, the default of DOMAIN.md §3 is stored for that year, so every
 * sheet points at the exact version it was graded with.
 */
export function scaleForYear(db: Database, academicYearId: string, now: string): { id: string; scale: GradingScale } {
  const row = db.sync.first(
    db.kysely
      .selectFrom('grading_scale')
      .select(['id', 'scale_json'])
      .where('from_academic_year_id', '<=', academicYearId)
      .orderBy('from_academic_year_id', 'desc')
      .limit(1),
  );
  if (row) return { id: row.id, scale: JSON.parse(row.scale_json) as GradingScale };
  const id = uuidv7();
  db.sync.run(
    db.kysely.insertInto('grading_scale').values({ id, from_academic_year_id: academicYearId, scale_json: JSON.stringify(DEFAULT_SCALE), created_by: null, created_at: now }),
  );
  return { id, scale: DEFAULT_SCALE };
}

export function scaleById(db: Database, id: string): GradingScale {
  const row = db.sync.first(db.kysely.selectFrom('grading_scale').select('scale_json').where('id', '=', id));
  if (!row) throw new Error(`grading scale ${id} is missing`);
  return JSON.parse(row.scale_json) as GradingScale;
}
