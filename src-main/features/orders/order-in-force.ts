/**
 * An order takes effect on its effective date, not when it is signed (DOMAIN.md §4).
 *
 * The history (`student_status_history`) is the truth; a student row's status, group, course,
 * funding and names are its copy of the history row in force *today* in the university's time
 * zone. Only orders change those columns, so "today's row" is a pure function of the history
 * and the date: signing writes the history and then refreshes the row (nothing changes yet for
 * an order dated ahead), and on or after the date the first workstation that keeps the student
 * refreshes it again. Two workstations doing that on the same day write the same values, which
 * the server's field-merge takes as one change, and it re-checks that the values are a live
 * history row of that student whose date has come (src-server/sync/row-checks.ts).
 */
import type { SessionUser } from '../../../src-shared/contract';
import { ORDER_STATE_COLUMNS } from '../../../src-shared/domain/orders';
import { studentSearchText } from '../../../src-shared/domain/search-text';
import { scopeOf } from '../../../src-shared/domain/scope-policy';
import type { Database } from '../../db/connection';
import { universityToday } from '../../platform/university-clock';
import { withWrite, type WriteScope } from '../write-transaction';
import {
  historyTop,
  setStudentState,
  studentRowNow,
  studentsBehindHistory,
  type Looked,
  type StateRow,
} from './order-in-force.repository';
import { groupCourses, setGroupCourse } from './orders.repository';
import { historyRowOn } from './student-state.repository';

/** One student brought up to their history: which history row it now copies. */
export interface InForce {
  studentId: string;
  historyId: string;
}

const sameState = (a: StateRow, b: StateRow) => ORDER_STATE_COLUMNS.every((c) => (a[c] ?? null) === (b[c] ?? null));
const pick = (h: StateRow): StateRow => Object.fromEntries(ORDER_STATE_COLUMNS.map((c) => [c, h[c]])) as unknown as StateRow;

/**
 * Makes each student's row the history row in force on `today`; returns those it changed and
 * the groups they left or joined. `audit` names the action when the change is not already
 * audited by the caller (signing audits its own effects).
 */
export function refreshStudentRows(w: WriteScope, db: Database, studentIds: Iterable<string>, today: string, audit: string | null): { changed: InForce[]; groups: Set<string> } {
  const changed: InForce[] = [];
  const groups = new Set<string>();
  for (const id of new Set(studentIds)) {
    const row = studentRowNow(db, id);
    const h = row && historyRowOn(db, id, today);
    if (!row || !h || sameState(row, h)) continue;
    const next = pick(h);
    setStudentState(w, row, next, studentSearchText({ ...next, pin: row.pin, record_book_no: row.record_book_no }));
    groups.add(row.group_id).add(next.group_id);
    changed.push({ studentId: id, historyId: h.id });
    if (audit) w.audit({ action: audit, entity: 'student', entityId: id, oldValue: pick(row), newValue: { ...next, effectiveDate: h.effective_date } });
  }
  return { changed, groups };
}

/** A group's course follows its studying students (a promoted group moves up with them). */
export function followGroupCourses(w: WriteScope, groupIds: Set<string>): void {
  for (const groupId of groupIds) {
    const g = groupCourses(w, groupId);
    const course = g?.topCourse ?? null;
    if (!g || course === null || course === g.course) continue;
    setGroupCourse(w, groupId, course, g.version);
    w.audit({ action: 'group.course', entity: 'student_group', entityId: groupId, oldValue: { course: g.course }, newValue: { course } });
  }
}

/** Per replica: how far the last look went, and for whom (another user's scope starts afresh). */
const looked = new WeakMap<Database, Looked & { userId: string }>();

/**
 * Brings into force every order whose date has come, for the students the caller keeps
 * (their write scope). Cheap when nothing changed: it looks again only on a new day, after
 * history rows arrive (signed here or pulled) or for another user, and then only at the rows
 * that can have come due since.
 */
export function bringOrdersIntoForce(db: Database, session: SessionUser, today: string = universityToday()): InForce[] {
  const scope = scopeOf(session, 'students', 'write');
  if (scope.kind === 'none') return [];
  const top = historyTop(db);
  const last = looked.get(db);
  const since = last && last.userId === session.id && last.day <= today ? last : null;
  if (since && since.day === today && since.rowid === top) return [];
  const ids = studentsBehindHistory(db, today, scope, since);
  const changed = ids.length === 0 ? [] : withWrite(db, session, (w) => {
    const r = refreshStudentRows(w, db, ids, today, 'order.inForce');
    if (r.changed.length === 0) return r.changed;
    followGroupCourses(w, r.groups);
    w.outbox({ name: 'order.inForce', entity: 'student', entityId: r.changed[0]!.studentId, payload: { date: today, students: r.changed }, baseVersion: null });
    return r.changed;
  });
  looked.set(db, { rowid: top, day: today, userId: session.id });
  return changed;
}
