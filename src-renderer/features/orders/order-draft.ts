/**
 * The order editor as plain data: what the user typed (dates as DD.MM.YYYY, a course as text),
 * the students with the server's last preview of each, and the request built from it. Only the
 * parameters the order type uses are sent (order-type-params.ts).
 */
import type { OrderDetail, OrderItemInput, OrderItemView, StudentRow, StudentStateView } from '../../../src-shared/contract';
import { formatDate, parseDisplayDate } from '../../../src-shared/domain/dates';
import type { Funding } from '../../../src-shared/domain/enums';
import type { ExpulsionReason, OrderType } from '../../../src-shared/domain/orders';
import type { MessageKey } from '../../../src-shared/i18n';
import { needsExpulsionReason, showsParam, takesStudents, type ItemParam } from './order-type-params';

/** What the user types for one student; the names are the contract's (OrderItemInput). */
export interface ItemInputs {
  targetGroupId: string;
  targetCourse: string;
  targetFunding: Funding | '';
  leaveFrom: string;
  leaveTo: string;
  honours: boolean;
  newLastName: string;
  newFirstName: string;
  newPatronymic: string;
}

export interface DraftItem extends ItemInputs {
  /** stable within the editor (server item ids change on every save) */
  key: string;
  studentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  recordBookNo: string;
  /** the state before: the server's preview, or the search row of a student just added */
  before: StudentStateView | null;
  /** the state after, from the server's preview; null when it refuses or was not asked yet */
  after: StudentStateView | null;
  /** why signing would refuse this student (already in the UI language) */
  problem: string | null;
  /** the preview describes this item as it is now (saved, not edited since) */
  checked: boolean;
}

export interface OrderDraft {
  type: OrderType;
  /** DD.MM.YYYY as typed */
  effectiveDate: string;
  reason: string;
  /** the basis for the Russian paper; `reason` is the Kyrgyz one */
  reasonRu: string;
  expulsionReason: ExpulsionReason | '';
  cancelsOrderId: string;
  items: DraftItem[];
}

export const ORDER_FIELDS = ['type', 'effectiveDate', 'reason', 'reasonRu', 'expulsionReason', 'cancelsOrderId', 'items'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
export type ItemField = ItemParam | 'studentId';

const NO_INPUTS: ItemInputs = {
  targetGroupId: '',
  targetCourse: '',
  targetFunding: '',
  leaveFrom: '',
  leaveTo: '',
  honours: false,
  newLastName: '',
  newFirstName: '',
  newPatronymic: '',
};

let keySeq = 0;
export function nextItemKey(): string {
  keySeq += 1;
  return `i${keySeq}`;
}

export function newDraft(type: OrderType, todayIso: string, cancelsOrderId = ''): OrderDraft {
  return { type, effectiveDate: formatDate(todayIso), reason: '', reasonRu: '', expulsionReason: '', cancelsOrderId, items: [] };
}

function inputsOf(v: OrderItemView): ItemInputs {
  const p = v.params;
  return {
    targetGroupId: p.targetGroupId ?? '',
    targetCourse: p.targetCourse ? String(p.targetCourse) : '',
    targetFunding: p.targetFunding ?? '',
    leaveFrom: formatDate(p.leaveFrom),
    leaveTo: formatDate(p.leaveTo),
    honours: p.honours ?? false,
    newLastName: p.newLastName ?? '',
    newFirstName: p.newFirstName ?? '',
    newPatronymic: p.newPatronymic ?? '',
  };
}

/**
 * The editor's state from the server's answer. Items keep the keys of `previous` (what was
 * sent, same positions), so rows are not rebuilt and focus stays where it was after a save.
 */
export function draftFromDetail(d: OrderDetail, previous: readonly DraftItem[] = []): OrderDraft {
  return {
    type: d.type,
    effectiveDate: formatDate(d.effectiveDate),
    reason: d.reason,
    reasonRu: d.reasonRu ?? '',
    expulsionReason: d.expulsionReason ?? '',
    cancelsOrderId: d.cancelsOrderId ?? '',
    items: d.items.map((v, i) => {
      const prev = previous[i];
      return {
        ...inputsOf(v),
        key: prev && prev.studentId === v.studentId ? prev.key : nextItemKey(),
        studentId: v.studentId,
        lastName: v.lastName,
        firstName: v.firstName,
        patronymic: v.patronymic,
        recordBookNo: v.recordBookNo,
        before: v.before,
        after: v.after,
        problem: v.problem,
        checked: true,
      };
    }),
  };
}

/** A student found by search or by group, not yet checked by the server. */
export function itemFromStudent(row: StudentRow, groupName: string): DraftItem {
  return {
    ...NO_INPUTS,
    key: nextItemKey(),
    studentId: row.id,
    lastName: row.lastName,
    firstName: row.firstName,
    patronymic: row.patronymic,
    recordBookNo: row.recordBookNo,
    before: {
      status: row.status,
      groupId: row.groupId,
      groupName,
      course: row.course,
      form: row.form,
      funding: row.funding,
      lastName: row.lastName,
      firstName: row.firstName,
      patronymic: row.patronymic,
    },
    after: null,
    problem: null,
    checked: false,
  };
}

/** Appends the students not in the order yet; a student appears in an order once. */
export function addStudents(
  items: readonly DraftItem[],
  rows: readonly StudentRow[],
  groupName: (groupId: string) => string,
): { items: DraftItem[]; added: number; skipped: number } {
  const present = new Set(items.map((i) => i.studentId));
  const next = [...items];
  let skipped = 0;
  for (const row of rows) {
    if (present.has(row.id)) {
      skipped += 1;
      continue;
    }
    present.add(row.id);
    next.push(itemFromStudent(row, groupName(row.groupId)));
  }
  return { items: next, added: next.length - items.length, skipped };
}

/** An edited item: its preview no longer says what signing would do. */
export function patchItem(item: DraftItem, patch: Partial<ItemInputs>): DraftItem {
  return { ...item, ...patch, checked: false };
}

export interface LocalProblems {
  order: Partial<Record<OrderField, MessageKey>>;
  items: Map<string, Partial<Record<ItemField, MessageKey>>>;
}

export interface OrderFields {
  effectiveDate: string;
  reason: string;
  reasonRu: string;
  expulsionReason?: ExpulsionReason | null;
  items: OrderItemInput[];
}

function parseCourse(text: string): number | null | 'bad' {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 'bad';
}

function optionalDate(text: string): string | null | 'bad' {
  if (!text.trim()) return null;
  return parseDisplayDate(text) ?? 'bad';
}

const trimmedOrNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The request fields, or what must be fixed before asking the server: a date that does not
 * exist, a course that is not 1..6. The order rules (is this student active? is the course
 * beyond the programme?) are the server's and come back as the preview's problems.
 */
export function buildOrderFields(draft: OrderDraft): { fields: OrderFields | null; problems: LocalProblems } {
  const problems: LocalProblems = { order: {}, items: new Map() };
  const effectiveDate = parseDisplayDate(draft.effectiveDate);
  if (!effectiveDate) problems.order.effectiveDate = 'orders.invalidDate';
  if (needsExpulsionReason(draft.type) && !draft.expulsionReason) problems.order.expulsionReason = 'orders.required';
  if (draft.type === 'cancellation' && !draft.cancelsOrderId) problems.order.cancelsOrderId = 'orders.required';
  if (takesStudents(draft.type) && draft.items.length === 0) problems.order.items = 'orders.noStudents';

  const shows = (p: ItemParam) => showsParam(draft.type, p);
  const items: OrderItemInput[] = [];
  for (const item of takesStudents(draft.type) ? draft.items : []) {
    const bad: Partial<Record<ItemField, MessageKey>> = {};
    const input: OrderItemInput = { studentId: item.studentId };
    if (shows('targetGroupId')) input.targetGroupId = item.targetGroupId || null;
    if (shows('targetCourse')) {
      const course = parseCourse(item.targetCourse);
      if (course === 'bad') bad.targetCourse = 'orders.invalidCourse';
      else input.targetCourse = course;
    }
    if (shows('targetFunding')) input.targetFunding = item.targetFunding || null;
    for (const f of ['leaveFrom', 'leaveTo'] as const) {
      if (!shows(f)) continue;
      const d = optionalDate(item[f]);
      if (d === 'bad') bad[f] = 'orders.invalidDate';
      else input[f] = d;
    }
    if (shows('honours')) input.honours = item.honours;
    if (shows('newLastName')) input.newLastName = trimmedOrNull(item.newLastName);
    if (shows('newFirstName')) input.newFirstName = trimmedOrNull(item.newFirstName);
    if (shows('newPatronymic')) input.newPatronymic = trimmedOrNull(item.newPatronymic);
    if (Object.keys(bad).length > 0) problems.items.set(item.key, bad);
    items.push(input);
  }

  const clean = Object.keys(problems.order).length === 0 && problems.items.size === 0;
  if (!clean || !effectiveDate) return { fields: null, problems };
  const fields: OrderFields = { effectiveDate, reason: draft.reason.trim(), reasonRu: draft.reasonRu.trim(), items };
  if (needsExpulsionReason(draft.type)) fields.expulsionReason = draft.expulsionReason || null;
  return { fields, problems };
}

/** Counts for the summary line: students, and how many of them signing would refuse. */
export function draftCounts(items: readonly DraftItem[]): { total: number; problems: number; unchecked: number } {
  let problems = 0;
  let unchecked = 0;
  for (const i of items) {
    if (!i.checked) unchecked += 1;
    else if (i.problem) problems += 1;
  }
  return { total: items.length, problems, unchecked };
}

/** Why signing is not offered yet (a catalog key), or null when it may be. */
export function signBlocker(s: { canSign: boolean; dirty: boolean; items: readonly DraftItem[]; reason: string; reasonRu: string }): MessageKey | null {
  if (!s.canSign) return null;
  if (s.dirty) return 'orders.signHint.unsaved';
  if (!s.reason.trim() || !s.reasonRu.trim()) return 'orders.signHint.basis';
  const counts = draftCounts(s.items);
  if (counts.total === 0) return 'orders.signHint.empty';
  if (counts.unchecked > 0) return 'orders.signHint.unsaved';
  if (counts.problems > 0) return 'orders.signHint.problems';
  return null;
}
