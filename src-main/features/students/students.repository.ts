import { sql, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { WriteScope } from '../write-transaction';
import type { StudentRow, StatusHistoryEntry } from '../../../src-shared/contract';
import type { StudentStatus, StudyForm, Funding } from '../../../src-shared/domain/enums';
import type { RowScope } from '../../../src-shared/domain/scope-policy';
import { inScope } from '../../db/scope-query';
import { looseFold, searchFold } from '../../../src-shared/domain/person';
import { EXACT_MARK } from '../../../src-shared/domain/search-text';
import type { DB } from '../../db/schema';
import type { Database } from '../../db/connection';

export interface StudentFilter {
  query?: string | undefined;
  facultyId?: string | undefined;
  specialtyId?: string | undefined;
  groupId?: string | undefined;
  course?: number | undefined;
  form?: StudyForm | undefined;
  funding?: Funding | undefined;
  status?: StudentStatus | undefined;
}

type Joined = SelectQueryBuilder<DB & { s: DB['student']; g: DB['student_group'] }, 's' | 'g', object>;

function base(db: Kysely<DB>): Joined {
  return db
    .selectFrom('student as s')
    .innerJoin('student_group as g', 'g.id', 's.group_id') as unknown as Joined;
}

/** Narrows a query to what the caller may see (the scope policy, src-shared/domain/scope-policy.ts). */
function applyScope(q: Joined, scope: RowScope): Joined {
  return inScope(q, scope, { faculty: 'g.faculty_id', funding: 's.funding' });
}

function applyFilter(q: Joined, f: StudentFilter): Joined {
  if (f.facultyId) q = q.where('g.faculty_id', '=', f.facultyId);
  if (f.specialtyId) q = q.where('g.specialty_id', '=', f.specialtyId);
  if (f.groupId) q = q.where('s.group_id', '=', f.groupId);
  if (f.course) q = q.where('s.course', '=', f.course);
  if (f.form) q = q.where('g.form', '=', f.form);
  if (f.funding) q = q.where('s.funding', '=', f.funding);
  if (f.status) q = q.where('s.status', '=', f.status);
  // a loose token can only occur in the exact part where it occurs in the loose part too
  // (one character folds to one), so the whole text can be searched
  for (const token of tokens(looseFold, f.query)) {
    q = q.where(sql<boolean>`instr(s.search_text, ${token}) > 0`);
  }
  return q;
}

const tokens = (fold: (s: string) => string, query: string | undefined): string[] => fold(query ?? '').split(' ').filter(Boolean);

/**
 * Ids plucked straight from better-sqlite3 (40,000 of them without building row objects), and
 * which of them match the query as typed (ң as ң), so those can be listed first.
 */
export function findMatchingIds(db: Database, scope: RowScope, f: StudentFilter): { ids: string[]; exact: ReadonlySet<string> } {
  const q = applyFilter(applyScope(base(db.kysely), scope), f);
  const typed = tokens(searchFold, f.query);
  if (typed.length === 0) {
    const c = q.select('s.id').compile();
    const ids = db.sqlite.prepare(c.sql).pluck().all(...c.parameters) as string[];
    return { ids, exact: new Set(ids) };
  }
  // "жениш" also finds Жеңиш; the exact part says which matched as typed, in the same scan
  const exactPart = sql`substr(s.search_text, instr(s.search_text, ${EXACT_MARK}) + 1)`;
  const asTyped = typed.map((t) => sql`instr(${exactPart}, ${t}) > 0`);
  const c = q.select(['s.id', sql<number>`${sql.join(asTyped, sql` AND `)}`.as('exact')]).compile();
  const rows = db.sqlite.prepare(c.sql).raw().all(...c.parameters) as [string, number][];
  return { ids: rows.map((r) => r[0]), exact: new Set(rows.filter((r) => r[1] === 1).map((r) => r[0])) };
}

const rowColumns = [
  's.id',
  's.last_name',
  's.first_name',
  's.patronymic',
  's.record_book_no',
  's.pin',
  's.group_id',
  'g.faculty_id',
  'g.specialty_id',
  's.course',
  'g.form',
  's.funding',
  's.status',
  's.citizenship',
] as const;

export type StudentDbRow = {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  record_book_no: string;
  pin: string | null;
  group_id: string;
  faculty_id: string;
  specialty_id: string;
  course: number;
  form: string;
  funding: string;
  status: string;
  citizenship: string;
};

export function toStudentRow(r: StudentDbRow): StudentRow {
  return {
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    recordBookNo: r.record_book_no,
    pin: r.pin,
    groupId: r.group_id,
    facultyId: r.faculty_id,
    specialtyId: r.specialty_id,
    course: r.course,
    form: r.form as StudyForm,
    funding: r.funding as Funding,
    status: r.status as StudentStatus,
    citizenship: r.citizenship,
  };
}

export function loadRows(db: Database, ids: readonly string[]): StudentDbRow[] {
  if (ids.length === 0) return [];
  return db.sync.all(base(db.kysely).select(rowColumns).where('s.id', 'in', ids)) as unknown as StudentDbRow[];
}

function studentQuery(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('student as s')
    .innerJoin('student_group as g', 'g.id', 's.group_id')
    .selectAll('s')
    .select(['g.faculty_id', 'g.specialty_id', 'g.form'])
    .where('s.id', '=', id);
}

export function loadStudent(db: Database, id: string) {
  return db.sync.first(studentQuery(db.kysely, id));
}
export type StudentFull = NonNullable<ReturnType<typeof loadStudent>>;

/** A student's history, oldest first; `today` tells which changes are still to come. */
export function loadHistory(db: Database, studentId: string, today: string): StatusHistoryEntry[] {
  // The group's name travels with the entry: a former group may lie outside the reader's scope.
  const rows = db.sync.all(db.kysely
    .selectFrom('student_status_history as h')
    .innerJoin('student_group as g', 'g.id', 'h.group_id')
    .leftJoin('student_order_item as i', 'i.id', 'h.order_item_id')
    .selectAll('h')
    .select(['g.name as group_name', 'i.leave_from', 'i.leave_to'])
    .where('h.student_id', '=', studentId)
    .orderBy('h.effective_date')
    .orderBy('h.created_at')
    .orderBy('h.id'));
  return rows.map((h) => ({
    id: h.id,
    effectiveDate: h.effective_date,
    status: h.status as StudentStatus,
    groupId: h.group_id,
    groupName: h.group_name,
    course: h.course,
    form: h.form as StudyForm,
    funding: h.funding as Funding,
    orderNo: h.order_no,
    orderDate: h.order_date,
    kind: h.kind,
    orderId: h.order_id,
    voided: h.voided_by_order_id !== null,
    voidedByOrderId: h.voided_by_order_id,
    pending: h.voided_by_order_id === null && h.effective_date > today,
    leave: h.kind === 'academic_leave' && h.leave_to ? { from: h.leave_from ?? h.effective_date, to: h.leave_to } : null,
  }));
}

/** Every student's id and name parts — the input of the Kyrgyz-collation order. */
export async function loadAllNames(db: Database) {
  return db.sync.all(db.kysely.selectFrom('student').select(['id', 'last_name', 'first_name', 'patronymic']));
}

/** Whether another student already has this record-book number. */
export function recordBookTaken(db: Database, recordBookNo: string, exceptId: string): boolean {
  return !!db.sync.first(db.kysely.selectFrom('student').select('id').where('record_book_no', '=', recordBookNo).where('id', '<>', exceptId));
}

export function countryExists(db: Database, code: string): boolean {
  return !!db.sync.first(db.kysely.selectFrom('country').select('code').where('code', '=', code));
}

/** Writes corrected fields at the version they were read at. */
export function updateStudent(w: WriteScope, id: string, version: number, set: Updateable<DB['student']>): void {
  w.sql.run(w.q.updateTable('student').set(set).where('id', '=', id).where('version', '=', version));
}

/**
 * Changes whenever anything is written to the file, by this connection (total_changes) or
 * another one such as the CLI or sync (data_version); cheap enough to ask on every search.
 */
export function changeStamp(db: Database): string {
  const other = db.sqlite.pragma('data_version', { simple: true }) as number;
  const own = db.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${other}:${own}`;
}
