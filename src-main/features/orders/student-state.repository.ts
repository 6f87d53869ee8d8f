/**
 * "What was true of this student on date D" (DOMAIN.md §4): the latest history row in force
 * on D, ignoring rows of cancelled orders. 3-НК, certificates and tuition all ask this.
 */
import type { Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import type { StudentState } from '../../../src-shared/domain/orders';
import type { Database } from '../../db/connection';
import { toStudentState, type StateColumns } from '../students/student-state.mapper';

export interface StateOn extends StudentState {
  studentId: string;
  effectiveDate: string;
  orderNo: string | null;
}

/** A history row as stored: the state from its effective date on, and the order that made it. */
export interface HistoryRow extends StateColumns {
  id: string;
  student_id: string;
  effective_date: string;
  order_no: string | null;
}

const COLUMNS = 'id, student_id, effective_date, status, group_id, course, form, funding, last_name, first_name, patronymic, order_no';

function toState(r: HistoryRow): StateOn {
  return { studentId: r.student_id, effectiveDate: r.effective_date, orderNo: r.order_no, ...toStudentState(r) };
}

/** The history row in force on `date`: the latest live one on or before it. */
export function historyRowOn(db: Database, studentId: string, date: string): HistoryRow | undefined {
  return db.sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM student_status_history
       WHERE student_id = ? AND voided_by_order_id IS NULL AND effective_date <= ?
       ORDER BY effective_date DESC, rowid DESC LIMIT 1`,
    )
    .get(studentId, date) as HistoryRow | undefined;
}

/** One student's state on `date`, or null if they had no status yet (not enrolled). */
export function studentStateOn(db: Database, studentId: string, date: string): StateOn | null {
  const row = historyRowOn(db, studentId, date);
  return row ? toState(row) : null;
}

/** The parts of a state that reports count by (3-НК, debtors' lists); names are left out for speed. */
export interface StatusOn {
  studentId: string;
  status: StudentStatus;
  groupId: string;
  course: number;
  form: StudyForm;
  funding: Funding;
}

/** Every student's status on `date` (students with no status yet on that date are absent). */
export function allStatesOn(db: Database, date: string): Map<string, StatusOn> {
  // One seek per student in the covering index of live rows, then one read per chosen row:
  // far faster than a window function over the whole history.
  const rows = db.sqlite
    .prepare(
      `WITH last AS MATERIALIZED (
         SELECT (SELECT h2.rowid FROM student_status_history h2
                 WHERE h2.student_id = s.id AND h2.effective_date <= ? AND h2.voided_by_order_id IS NULL
                 ORDER BY h2.effective_date DESC, h2.rowid DESC LIMIT 1) AS rid
         FROM student s)
       SELECT h.student_id, h.status, h.group_id, h.course, h.form, h.funding
       FROM last JOIN student_status_history h ON h.rowid = last.rid`,
    )
    .raw()
    .all(date) as [string, StudentStatus, string, number, StudyForm, Funding][];
  const out = new Map<string, StatusOn>();
  for (const [studentId, status, groupId, course, form, funding] of rows) out.set(studentId, { studentId, status, groupId, course, form, funding });
  return out;
}
