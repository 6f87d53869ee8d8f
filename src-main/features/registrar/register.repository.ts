/** The register of issued documents and what a certificate is computed from: their SQL. */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import { inScope } from '../../db/scope-query';
import { searchFold } from '../../../src-shared/domain/person';
import type { RowScope } from '../../../src-shared/domain/scope-policy';
import type { WriteScope } from '../write-transaction';

export function nextSeq(w: WriteScope, series: string): number {
  return (w.sql.first(w.q.selectFrom('issued_document').select((eb) => eb.fn.max('seq').as('m')).where('series', '=', series))?.m ?? 0) + 1;
}

export function insertIssued(w: WriteScope, row: Insertable<DB['issued_document']>): void {
  w.sql.run(w.q.insertInto('issued_document').values(row));
}

export function revokeIssued(w: WriteScope, id: string, version: number, by: string, reason: string): boolean {
  const r = w.sql.run(
    w.q
      .updateTable('issued_document')
      .set({ revoked_at: w.now, revoked_by: by, revoke_reason: reason, version: version + 1, updated_at: w.now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('revoked_at', 'is', null),
  );
  return r.changes === 1;
}

function listQuery(db: Database) {
  return db.kysely
    .selectFrom('issued_document as d')
    .innerJoin('student as s', 's.id', 'd.student_id')
    .leftJoin('app_user as u', 'u.id', 'd.issued_by')
    .leftJoin('app_user as r', 'r.id', 'd.revoked_by')
    .leftJoin('issued_document as o', 'o.id', 'd.duplicate_of');
}

const COLUMNS = [
  'd.id', 'd.number', 'd.type', 'd.student_id', 'd.faculty_id', 'd.issued_on', 'd.lang', 'd.purpose', 'd.workstation', 'd.revoked_at', 'd.revoke_reason', 'd.version', 'd.code',
  'd.fields_json', 'd.series', 'd.duplicate_of', 's.last_name', 's.first_name', 's.patronymic', 's.record_book_no', 'u.display_name as issued_by', 'r.display_name as revoked_by',
  'o.number as original_number',
] as const;

export type IssuedRow = NonNullable<ReturnType<typeof issuedById>>;

export function issuedById(db: Database, id: string) {
  return db.sync.first(listQuery(db).select(COLUMNS).where('d.id', '=', id));
}

export function issuedByNumber(db: Database, number: string) {
  return db.sync.first(listQuery(db).select(COLUMNS).where('d.number', '=', number));
}

/** The register newest first, within the caller's scope; `query` matches a number, a name or a record book. */
export function listIssued(db: Database, scope: RowScope, f: { query?: string; studentId?: string; offset: number; limit: number }) {
  let q = inScope(listQuery(db), scope, { faculty: 'd.faculty_id' });
  if (f.studentId) q = q.where('d.student_id', '=', f.studentId);
  if (f.query) {
    // folded as student search folds its index (ё → е, NFC, spaces), so a name is found however typed
    const like = `%${searchFold(f.query)}%`;
    q = q.where((eb) => eb.or([eb('d.number', 'like', `%${f.query}%`), eb('s.search_text', 'like', like), eb('s.record_book_no', 'like', `%${f.query}%`)]));
  }
  const total = db.sync.first(q.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = db.sync.all(q.select(COLUMNS).orderBy('d.created_at', 'desc').orderBy('d.number', 'desc').offset(f.offset).limit(f.limit));
  return { total, rows };
}

/** The student's enrolment: the first live history row made by an enrolment order. */
export function enrolmentOf(db: Database, studentId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student_status_history')
      .select(['order_no', 'order_date', 'effective_date'])
      .where('student_id', '=', studentId)
      .where('kind', '=', 'enrolment')
      .where('voided_by_order_id', 'is', null)
      .orderBy('effective_date'),
  );
}

/** A history row's leave dates (its order item's), for a student on academic leave. */
export function leaveOf(db: Database, historyId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student_status_history as h')
      .leftJoin('student_order_item as i', 'i.id', 'h.order_item_id')
      .select(['i.leave_from', 'i.leave_to', 'h.order_no', 'h.effective_date'])
      .where('h.id', '=', historyId),
  );
}

/** The group a history row names, with its specialty and faculty. */
export function groupWithSpecialty(db: Database, groupId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student_group as g')
      .innerJoin('specialty as sp', 'sp.id', 'g.specialty_id')
      .innerJoin('faculty as f', 'f.id', 'g.faculty_id')
      .select(['g.faculty_id', 'g.form', 'sp.code', 'sp.name_ky', 'sp.name_ru', 'sp.name_en', 'sp.duration_years', 'f.code as faculty_code', 'f.name_ky as f_ky', 'f.name_ru as f_ru', 'f.name_en as f_en'])
      .where('g.id', '=', groupId),
  );
}

/** A history row's leaving order (an expulsion's number, date, reason and basis). */
export function leavingOf(db: Database, historyId: string) {
  return db.sync.first(
    db.kysely
      .selectFrom('student_status_history as h')
      .leftJoin('student_order as o', 'o.id', 'h.order_id')
      .select(['h.effective_date', 'h.order_no', 'h.order_date', 'o.expulsion_reason', 'o.reason', 'o.reason_ru'])
      .where('h.id', '=', historyId),
  );
}
