import { uuidv7 } from 'uuidv7';
import { DEFAULT_SCALE, scaleFor, type GradingScale } from '../../../src-shared/domain/grading';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { WriteScope } from '../write-transaction';

/**
 * The scale version in force for an academic year: the latest version of the latest year at
 * or before it. With none stored yet, the default of DOMAIN.md §3 is stored for that year, so
 * every sheet points at the exact version it was graded with.
 */
export function scaleForYear(db: Database, academicYearId: string, now: string): { id: string; scale: GradingScale } {
  const row = versionInForce(db, academicYearId);
  if (row) return { id: row.id, scale: JSON.parse(row.scale_json) as GradingScale };
  const id = uuidv7();
  db.sync.run(
    db.kysely.insertInto('grading_scale').values({ id, from_academic_year_id: academicYearId, version: 1, scale_json: JSON.stringify(DEFAULT_SCALE), created_by: null, created_at: now }),
  );
  return { id, scale: DEFAULT_SCALE };
}

/**
 * The scale a sheet's grades follow: its version, with the parts of the sheet's control form
 * (course work, practice and state exam have their own: GradingScale.formParts).
 */
export function sheetScale(db: Database, sheet: { scale_id: string; curriculum_item_id: string }): GradingScale {
  const item = db.sync.first(db.kysely.selectFrom('curriculum_item').select('control_form').where('id', '=', sheet.curriculum_item_id));
  return scaleFor(scaleById(db, sheet.scale_id), item?.control_form ?? 'exam');
}

export function scaleById(db: Database, id: string): GradingScale {
  const row = db.sync.first(db.kysely.selectFrom('grading_scale').select('scale_json').where('id', '=', id));
  if (!row) throw new Error(`grading scale ${id} is missing`);
  return JSON.parse(row.scale_json) as GradingScale;
}

export interface ScaleVersionRow {
  id: string;
  from_academic_year_id: string;
  version: number;
  scale_json: string;
  created_at: string;
  created_by: string | null;
  sheets: number;
}

/** Versions with who saved them and how many sheets use each; newest year, then newest version first. */
function versionsQuery(db: Database) {
  return db.kysely
    .selectFrom('grading_scale as gs')
    .leftJoin('app_user as u', 'u.id', 'gs.created_by')
    .select((eb) => [
      'gs.id',
      'gs.from_academic_year_id',
      'gs.version',
      'gs.scale_json',
      'gs.created_at',
      'u.display_name as created_by',
      eb.selectFrom('grade_sheet as sh').select((e) => e.fn.countAll<number>().as('n')).whereRef('sh.scale_id', '=', 'gs.id').as('sheets'),
    ])
    .orderBy('gs.from_academic_year_id', 'desc')
    .orderBy('gs.version', 'desc');
}

const withCount = (r: Omit<ScaleVersionRow, 'sheets'> & { sheets: number | null }): ScaleVersionRow => ({ ...r, sheets: Number(r.sheets ?? 0) });

export function listVersions(db: Database): ScaleVersionRow[] {
  return db.sync.all(versionsQuery(db)).map(withCount);
}

export function versionById(db: Database, id: string): ScaleVersionRow | null {
  const r = db.sync.first(versionsQuery(db).where('gs.id', '=', id));
  return r ? withCount(r) : null;
}

export function versionInForce(db: Database, academicYearId: string): ScaleVersionRow | null {
  const r = db.sync.first(versionsQuery(db).where('gs.from_academic_year_id', '<=', academicYearId).limit(1));
  return r ? withCount(r) : null;
}

/** The highest version stored for exactly this year; 0 when the year has none of its own. */
export function latestVersionOfYear(db: Database, academicYearId: string): number {
  const r = db.sync.first(
    db.kysely.selectFrom('grading_scale').select((eb) => eb.fn.max('version').as('v')).where('from_academic_year_id', '=', academicYearId),
  );
  return r?.v ?? 0;
}

export function academicYearIds(db: Database): string[] {
  return db.sync.all(db.kysely.selectFrom('academic_year').select('id').orderBy('id')).map((y) => y.id);
}

export function hasAcademicYear(db: Database, id: string): boolean {
  return !!db.sync.first(db.kysely.selectFrom('academic_year').select('id').where('id', '=', id));
}

export function insertAcademicYear(w: WriteScope, row: Insertable<DB['academic_year']>): void {
  w.sql.run(w.q.insertInto('academic_year').values(row));
}

export function insertScaleVersion(w: WriteScope, row: Insertable<DB['grading_scale']>): void {
  w.sql.run(w.q.insertInto('grading_scale').values(row));
}
