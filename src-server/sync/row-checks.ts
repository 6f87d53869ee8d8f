/**
 * What the server re-checks in every pushed row before storing it — a device is never trusted:
 * 1. the row itself against the shared schema (src-shared/sync/*.rows.ts: types, required
 *    columns, vocabularies, ranges), and every row it points at is on the server;
 * 2. the rules that protect signed paper: a grade fits its sheet's scale and parts; a closed
 *    sheet's grades change only through "change after closing" with a reason and a document,
 *    and the sheet never reopens; a signed order and its students are never edited.
 * A broken rule refuses the whole local transaction (nothing of it is stored) with a reason
 * that names the table, the row and the column.
 */
import { gradeRow, scaleFor, type GradingScale } from '../../src-shared/domain/grading';
import { addDays } from '../../src-shared/domain/dates';
import { ORDER_STATE_COLUMNS } from '../../src-shared/domain/orders';
import { universityToday } from '../../src-main/platform/university-clock';
import type { PushedTransaction } from '../../src-shared/sync/protocol';
import { refsOf, rowProblem, type Row } from '../../src-shared/sync/row-schema';
import type { SyncTable } from '../../src-shared/sync/tables';
import { Refusal, type NetChange } from './row-rules';
import type { StoredWithTags } from './row-store.repository';

type Load = (table: string, id: string) => Promise<StoredWithTags | undefined>;
/** The stored row unless it is a deletion's tombstone. */
export const liveRow = (r: StoredWithTags | undefined) => (r && !r.deleted ? r : undefined);

/** The row as it would be stored: valid under its schema, and its parents on the server. */
export async function checkStoredRow(table: SyncTable, id: string, data: Row, before: Row | undefined, load: Load): Promise<void> {
  const problem = rowProblem(table.row, data);
  if (problem) throw new Refusal('invalid_row', `${table.name} ${id}: ${problem.column} ${problem.says}`);
  for (const ref of refsOf(table.row)) {
    const parent = data[ref.column];
    // an unchanged reference was checked when it was written
    if (parent === null || parent === undefined || (before && before[ref.column] === parent)) continue;
    if (parent === id && ref.table === table.name) continue;
    if (!liveRow(await load(ref.table, String(parent)))) {
      throw new Refusal('unknown_parent', `${table.name} ${id}: ${ref.column} points at ${ref.table} ${String(parent)}, which the server does not have`);
    }
  }
}

/** Orders and sheets as they stood before this local transaction, read before any of its writes. */
export type Before = ReadonlyMap<string, StoredWithTags | undefined>;
const key = (table: string, id: string) => `${table}\u0000${id}`;

/** The parents whose earlier state decides a change: the sheet of a grade, the order of an item. */
export async function readBefore(changes: readonly NetChange[], load: Load): Promise<Before> {
  const out = new Map<string, StoredWithTags | undefined>();
  const want = (table: string, id: unknown) => {
    if (typeof id === 'string' && !out.has(key(table, id))) out.set(key(table, id), undefined);
  };
  for (const n of changes) {
    const row = n.values ?? n.old;
    if (n.table === 'grade') want('grade_sheet', row?.sheet_id);
    if (n.table === 'student_order_item') want('student_order', row?.order_id);
    if (n.table === 'student_order' || n.table === 'grade_sheet') want(n.table, n.id);
  }
  for (const k of [...out.keys()]) {
    const [table, id] = k.split('\u0000') as [string, string];
    out.set(k, liveRow(await load(table, id)));
  }
  return out;
}

const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const FINAL_ORDER = new Set(['signed', 'cancelled']);
/** what signing a cancellation may still change on the order it cancels */
const CANCELLING = new Set(['state', 'cancelled_by_order_id', 'version', 'updated_at']);

/** The rules that protect documents, for one net change; `data` is the row as it would be stored. */
export async function checkDocumentRules(n: NetChange, stored: StoredWithTags | undefined, data: Row | null, before: Before, tx: PushedTransaction, load: Load): Promise<void> {
  const row = data ?? stored?.data ?? n.old ?? {};
  switch (n.table) {
    case 'grade': {
      const sheet = before.get(key('grade_sheet', String(row.sheet_id)));
      if (sheet?.data.state === 'closed' && !changesAfterClosing(tx)) {
        throw new Refusal('sheet_closed', `grade ${n.id}: sheet ${String(row.sheet_id)} is closed; its grades change only through "change after closing" with a reason and a document`);
      }
      if (data) await checkGrade(n.id, data, load);
      return;
    }
    case 'grade_sheet': {
      const was = before.get(key('grade_sheet', n.id));
      if (was?.data.state === 'closed' && (data === null || data.state !== 'closed')) {
        throw new Refusal('sheet_closed', `grade_sheet ${n.id}: state: a closed sheet cannot be reopened or deleted`);
      }
      // the closed sheet is the signed paper: it names who examined and when
      if (data?.state === 'closed' && was?.data.state !== 'closed') {
        const blank = !nonEmpty(data.examiner_staff_id) ? 'examiner_staff_id' : !nonEmpty(data.exam_date) ? 'exam_date' : null;
        if (blank) throw new Refusal('sheet_incomplete', `grade_sheet ${n.id}: ${blank}: a sheet is closed only with its examiner and exam date`);
      }
      return;
    }
    case 'student_order': {
      const was = before.get(key('student_order', n.id));
      if (data?.state === 'signed' && was?.data.state !== 'signed') checkBasis(n.id, data);
      if (!was || !FINAL_ORDER.has(String(was.data.state))) return;
      const changed = data === null ? ['(deleted)'] : Object.keys(data).filter((k) => (data[k] ?? null) !== (was.data[k] ?? null) && !CANCELLING.has(k));
      const cancels = data !== null && (data.state === was.data.state || (was.data.state === 'signed' && data.state === 'cancelled'));
      if (changed.length > 0 || !cancels) {
        throw new Refusal('order_signed', `student_order ${n.id}: ${changed[0] ?? 'state'}: a signed order cannot be changed (only cancelled by another order)`);
      }
      return;
    }
    case 'student': {
      const inForce = tx.mutations.find((m) => m.name === 'order.inForce');
      if (inForce && data) await checkInForce(n.id, data, inForce.payload, load);
      return;
    }
    case 'student_order_item': {
      const order = before.get(key('student_order', String(row.order_id)));
      if (order && FINAL_ORDER.has(String(order.data.state))) {
        throw new Refusal('order_signed', `student_order_item ${n.id}: order ${String(row.order_id)} is signed; its students cannot change`);
      }
      return;
    }
  }
}

/**
 * An order is signed with its basis: in Kyrgyz, and in Russian from the schema that asks for it
 * (a device one version behind sends no `reason_ru` at all and is let through).
 */
function checkBasis(id: string, data: Row): void {
  const blank = !nonEmpty(data.reason) ? 'reason' : 'reason_ru' in data && !nonEmpty(data.reason_ru) ? 'reason_ru' : null;
  if (blank) throw new Refusal('order_basis', `student_order ${id}: ${blank}: an order is signed only with its basis`);
}

function changesAfterClosing(tx: PushedTransaction): boolean {
  return tx.mutations.some((m) => {
    const p = m.payload as { reason?: unknown; documentNo?: unknown } | null;
    return m.name === 'grade.changeClosed' && p !== null && typeof p === 'object' && nonEmpty(p.reason) && nonEmpty(p.documentNo);
  });
}

/** The grade's points fit its sheet's scale, and its total and letter are what the scale makes of them. */
async function checkGrade(id: string, data: Row, load: Load): Promise<void> {
  const sheet = liveRow(await load('grade_sheet', String(data.sheet_id)));
  const scaleRow = sheet && liveRow(await load('grading_scale', String(sheet.data.scale_id)));
  if (!scaleRow) throw new Refusal('unknown_parent', `grade ${id}: sheet_id: the sheet or its grading scale is not on the server`);
  // course work, practice and state exam have the parts the scale gives their form
  const item = liveRow(await load('curriculum_item', String(sheet.data.curriculum_item_id)));
  let scale: GradingScale;
  let parts: Record<string, number | null>;
  try {
    scale = scaleFor(JSON.parse(String(scaleRow.data.scale_json)) as GradingScale, String(item?.data.control_form ?? 'exam'));
    parts = JSON.parse(String(data.parts_json)) as Record<string, number | null>;
  } catch {
    throw new Refusal('invalid_row', `grade ${id}: parts_json is not valid JSON`);
  }
  if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) throw new Refusal('invalid_row', `grade ${id}: parts_json must be an object of points`);
  const r = gradeRow(scale, { parts, mark: (data.mark ?? null) as 'absent' | 'not_admitted' | null });
  const p = r.problems[0];
  if (p) throw new Refusal('invalid_grade', `grade ${id}: ${p.part}: ${p.code} under the sheet's scale`);
  if ((data.total ?? null) !== r.total) throw new Refusal('invalid_grade', `grade ${id}: total: ${String(data.total)} is not the sum of its points (${String(r.total)})`);
  const letter = r.band?.letter ?? null;
  if ((data.letter ?? null) !== letter) throw new Refusal('invalid_grade', `grade ${id}: letter: ${String(data.letter)} is not the scale's letter for ${String(r.total)} (${String(letter)})`);
}

/**
 * "An order came into force" (src-main/features/orders/order-in-force.ts) may only make the
 * student row a live history row of that student whose date has come — a day's grace for a
 * workstation's clock a time zone ahead.
 */
async function checkInForce(id: string, data: Row, payload: unknown, load: Load): Promise<void> {
  const list = (payload as { students?: unknown } | null)?.students;
  const entry = Array.isArray(list) ? (list as { studentId?: unknown; historyId?: unknown }[]).find((e) => e?.studentId === id) : undefined;
  const history = typeof entry?.historyId === 'string' ? liveRow(await load('student_status_history', entry.historyId)) : undefined;
  if (!history || history.data.student_id !== id || history.data.voided_by_order_id != null) {
    throw new Refusal('invalid_row', `student ${id}: order.inForce names no live history row of this student`);
  }
  const due = String(history.data.effective_date);
  if (due > addDays(universityToday(), 1)) throw new Refusal('invalid_row', `student ${id}: effective_date: the order comes into force on ${due}, not yet`);
  const wrong = ORDER_STATE_COLUMNS.find((c) => (data[c] ?? null) !== (history.data[c] ?? null));
  if (wrong) throw new Refusal('invalid_row', `student ${id}: ${wrong}: not the value of the order in force (history ${entry!.historyId as string})`);
}

