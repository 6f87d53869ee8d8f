import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser, StudentStateView } from '../../../src-shared/contract';
import type { Funding, StudentStatus, StudyForm } from '../../../src-shared/domain/enums';
import { formatOrderNumber, type OrderType, type StudentState } from '../../../src-shared/domain/orders';
import type { Role } from '../../../src-shared/domain/roles';
import { openDatabase, type Database } from '../../db/connection';
import { applyOrderRule, type GroupInfo } from '../orders/order-rules';
import { signOrder } from '../orders/order-signing';
import { loadGroups } from '../orders/orders.repository';
import { createOrdersService } from '../orders/orders.service';
import { allStatesOn } from '../orders/student-state.repository';
import { SMALL_ORDER_MAX } from './demo-orders';
import { generateDemo, type DemoSummary } from './demo.generator';

interface OrderRow {
  id: string;
  type: OrderType;
  state: string;
  faculty_id: string | null;
  year: number | null;
  seq: number | null;
  number: string | null;
  order_date: string | null;
  effective_date: string;
  reason: string;
  reason_ru: string | null;
  expulsion_reason: string | null;
  created_by: string | null;
  signed_by: string | null;
  signed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface ItemRow {
  id: string;
  order_id: string;
  student_id: string;
  position: number;
  target_group_id: string | null;
  target_course: number | null;
  target_funding: 'budget' | 'contract' | null;
  leave_from: string | null;
  leave_to: string | null;
  honours: number;
  before_json: string | null;
  after_json: string | null;
}

interface HistoryRow {
  id: string;
  student_id: string;
  effective_date: string;
  kind: string;
  status: StudentStatus;
  group_id: string;
  course: number;
  form: StudyForm;
  funding: Funding;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  order_no: string | null;
  order_date: string | null;
  created_at: string;
  order_id: string | null;
  order_item_id: string | null;
  voided_by_order_id: string | null;
}

function sessionOf(db: Database, username: string): SessionUser {
  const u = db.sqlite.prepare('SELECT id, username, display_name, role, faculty_id FROM app_user WHERE username = ?').get(username) as {
    id: string;
    username: string;
    display_name: string;
    role: Role;
    faculty_id: string | null;
  };
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, facultyId: u.faculty_id };
}

const stateOfRow = (h: HistoryRow): StudentState => ({
  status: h.status,
  groupId: h.group_id,
  course: h.course,
  form: h.form,
  funding: h.funding,
  lastName: h.last_name,
  firstName: h.first_name,
  patronymic: h.patronymic,
});

/** every student's current state as the student row (and its group) says */
function currentStates(db: Database): Map<string, StudentState & { studentId: string }> {
  const rows = db.sqlite
    .prepare(
      `SELECT s.id, s.status, s.group_id, s.course, g.form, s.funding, s.last_name, s.first_name, s.patronymic
       FROM student s JOIN student_group g ON g.id = s.group_id`,
    )
    .all() as (Omit<HistoryRow, 'student_id'> & { id: string })[];
  return new Map(rows.map((r) => [r.id, { studentId: r.id, ...stateOfRow({ ...r, student_id: r.id }) }]));
}

const STATE_KEYS = ['status', 'groupId', 'course', 'form', 'funding', 'lastName', 'firstName', 'patronymic'] as const;

/**
 * allStatesOn(db, D) for a late D must say what the student rows say, for every student with
 * history (it answers at least status, group, course, form and funding; names when it has them).
 */
function expectStatesAgree(db: Database): void {
  const asOf = allStatesOn(db, '2099-01-01');
  const now = currentStates(db);
  const withHistory = db.sqlite.prepare('SELECT DISTINCT student_id FROM student_status_history').pluck().all() as string[];
  expect(asOf.size).toBe(withHistory.length);
  for (const id of withHistory) {
    const s = asOf.get(id) as unknown as Record<string, unknown> | undefined;
    const cur = now.get(id) as unknown as Record<string, unknown>;
    expect(s, `no state for ${id}`).toBeDefined();
    for (const k of STATE_KEYS.slice(0, 5)) expect(k in s!).toBe(true);
    const answered = STATE_KEYS.filter((k) => k in s!);
    expect(Object.fromEntries(answered.map((k) => [k, s![k]]))).toEqual(Object.fromEntries(answered.map((k) => [k, cur[k]])));
  }
}

describe('the demo history is made of signed orders', () => {
  let db: Database;
  let summary: DemoSummary;
  let orders: OrderRow[];
  let items: ItemRow[];
  let history: HistoryRow[];
  let orderById: Map<string, OrderRow>;
  let itemById: Map<string, ItemRow>;
  let studhrId: string;

  beforeAll(async () => {
    db = openDatabase(':memory:');
    summary = await generateDemo(db);
    orders = db.sqlite.prepare('SELECT * FROM student_order').all() as OrderRow[];
    items = db.sqlite.prepare('SELECT * FROM student_order_item').all() as ItemRow[];
    history = db.sqlite.prepare('SELECT * FROM student_status_history ORDER BY student_id, effective_date, rowid').all() as HistoryRow[];
    orderById = new Map(orders.map((o) => [o.id, o]));
    itemById = new Map(items.map((i) => [i.id, i]));
    studhrId = sessionOf(db, 'studhr').id;
  });
  afterAll(async () => {
    await db.close();
  });

  const signed = () => orders.filter((o) => o.state === 'signed');

  it('links every history row to a signed order, its number, date, type and one of its items', () => {
    expect(history.length).toBe(summary.historyRows);
    for (const h of history) {
      expect(h.voided_by_order_id).toBeNull();
      const o = orderById.get(h.order_id!);
      expect(o, `history row ${h.id} has no order`).toBeDefined();
      expect(o!.state).toBe('signed');
      expect(h.order_no).toBe(o!.number);
      expect(h.order_date).toBe(o!.order_date);
      expect(h.kind).toBe(o!.type);
      expect(h.effective_date).toBe(o!.effective_date);
      expect(h.created_at).toBe(o!.signed_at);
      const item = itemById.get(h.order_item_id!);
      expect(item?.order_id).toBe(o!.id);
      expect(item?.student_id).toBe(h.student_id);
    }
    // one history row per item of a signed order, and the other way round
    const signedIds = new Set(signed().map((o) => o.id));
    const signedItems = items.filter((i) => signedIds.has(i.order_id));
    expect(new Set(history.map((h) => h.order_item_id)).size).toBe(history.length);
    expect(signedItems.length).toBe(history.length);
  });

  it('numbers orders as signing does: per (year of the order date, type) series, in date order', () => {
    const seen = new Set<string>();
    for (const o of signed()) {
      expect(o.year).toBe(Number(o.order_date!.slice(0, 4)));
      expect(o.number).toBe(formatOrderNumber(o.type, o.seq!));
      const key = `${o.year}|${o.type}|${o.number}`;
      expect(seen.has(key), `${key} twice`).toBe(false);
      seen.add(key);
      expect(o.order_date! <= o.effective_date).toBe(true);
      expect(o.effective_date <= '2026-10-01').toBe(true);
    }
    const series = new Map<string, OrderRow[]>();
    for (const o of signed()) series.set(`${o.year}|${o.type}`, [...(series.get(`${o.year}|${o.type}`) ?? []), o]);
    for (const list of series.values()) {
      list.sort((a, b) => a.seq! - b.seq!);
      expect(list.map((o) => o.seq)).toEqual(list.map((_, i) => i + 1));
      for (let i = 1; i < list.length; i++) expect(list[i]!.order_date! >= list[i - 1]!.order_date!).toBe(true);
    }
  });

  it('signs every order by students’ HR, for one faculty, with its basis in Kyrgyz and in Russian', () => {
    for (const o of signed()) {
      expect(o.created_by).toBe(studhrId);
      expect(o.signed_by).toBe(studhrId);
      expect(o.faculty_id).not.toBeNull();
      expect(o.reason).toMatch(/[а-яөүң]/);
      // a Russian order prints its own basis, never the Kyrgyz one
      expect(o.reason_ru).toMatch(/^[А-Я][а-яё]/);
      expect(o.reason_ru).not.toMatch(/[өүң]/);
      expect(o.version).toBe(2);
      expect(o.created_at <= o.signed_at!).toBe(true);
      expect(o.updated_at).toBe(o.signed_at);
      expect(o.expulsion_reason === null).toBe(o.type !== 'expulsion');
    }
    // every item of an order belongs to the order's faculty
    const facultyOf = new Map(
      (db.sqlite.prepare('SELECT s.id, g.faculty_id FROM student s JOIN student_group g ON g.id = s.group_id').all() as { id: string; faculty_id: string }[]).map(
        (r) => [r.id, r.faculty_id],
      ),
    );
    for (const i of items) expect(facultyOf.get(i.student_id)).toBe(orderById.get(i.order_id)!.faculty_id);
  });

  it('groups events into realistic orders', () => {
    const byType = (t: OrderType) => signed().filter((o) => o.type === t);
    const itemsOf = (o: OrderRow) => items.filter((i) => i.order_id === o.id);
    // one enrolment per faculty and intake year, late August, in force on 01.09
    const enrolments = byType('enrolment');
    expect(new Set(enrolments.map((o) => `${o.faculty_id}|${o.effective_date}`)).size).toBe(enrolments.length);
    for (const o of enrolments) {
      expect(o.effective_date).toMatch(/^\d{4}-09-01$/);
      expect(o.order_date).toMatch(/^\d{4}-08-(2\d|3[01])$/);
      expect(o.order_date!.slice(0, 4)).toBe(o.effective_date.slice(0, 4));
    }
    expect(new Set(enrolments.map((o) => o.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024, 2025, 2026]));
    // one promotion per faculty and year
    const promotions = byType('promotion');
    expect(new Set(promotions.map((o) => `${o.faculty_id}|${o.year}`)).size).toBe(promotions.length);
    expect(promotions.filter((o) => o.year === 2026)).toHaveLength(5);
    expect(promotions.filter((o) => o.year === 2025)).toHaveLength(5);
    for (const o of promotions) expect(o.effective_date).toMatch(/^\d{4}-09-01$/);
    // graduation in late June, about a tenth with honours
    const graduations = byType('graduation');
    expect(graduations).toHaveLength(5);
    const graduates = graduations.flatMap(itemsOf);
    for (const o of graduations) expect(o.order_date).toMatch(/^2026-06-2\d$/);
    expect(graduates.filter((i) => i.honours === 1).length / graduates.length).toBeGreaterThan(0.03);
    expect(graduates.filter((i) => i.honours === 1).length / graduates.length).toBeLessThan(0.2);
    expect(items.filter((i) => i.honours === 1).every((i) => orderById.get(i.order_id)!.type === 'graduation')).toBe(true);
    // leave with its dates; small orders for the personal events
    for (const o of byType('academic_leave')) {
      for (const i of itemsOf(o)) {
        expect(i.leave_from).toBe(o.effective_date);
        expect(i.leave_to! > i.leave_from!).toBe(true);
      }
    }
    // a year's leave ends with the faculty's return order of 01.09; other returns are personal
    const yearReturns = byType('return_from_leave').filter((o) => o.effective_date === '2026-09-01');
    expect(new Set(yearReturns.map((o) => o.faculty_id)).size).toBe(yearReturns.length);
    const budget = byType('transfer').filter((o) => itemsOf(o).every((i) => i.target_funding === 'budget'));
    for (const o of budget) expect(o.effective_date).toBe('2026-02-01');
    expect(new Set(budget.map((o) => o.faculty_id)).size).toBe(budget.length);
    for (const t of ['academic_leave', 'return_from_leave', 'expulsion', 'transfer'] as const) {
      const list = byType(t).filter((o) => !yearReturns.includes(o) && !budget.includes(o));
      expect(list.length).toBeGreaterThan(t === 'transfer' ? 3 : 10);
      expect(list.filter((o) => itemsOf(o).length === 1).length / list.length).toBeGreaterThan(0.6);
      expect(list.every((o) => itemsOf(o).length <= SMALL_ORDER_MAX)).toBe(true);
    }
    expect(new Set(byType('expulsion').map((o) => o.expulsion_reason))).toEqual(
      new Set(['own_wish', 'academic_failure', 'non_payment', 'attendance', 'transfer_out']),
    );
    expect(byType('expulsion').some((o) => /арыз/.test(o.reason))).toBe(true);
    // transfers: to the budget (funding) and between parallel groups
    const transfers = byType('transfer').flatMap(itemsOf);
    expect(transfers.some((i) => i.target_funding === 'budget')).toBe(true);
    expect(transfers.some((i) => i.target_group_id !== null)).toBe(true);
    // items are numbered 1..n in each order
    const positions = new Map<string, number[]>();
    for (const i of items) positions.set(i.order_id, [...(positions.get(i.order_id) ?? []), i.position]);
    for (const list of positions.values()) expect(list.sort((a, b) => a - b)).toEqual(list.map((_, k) => k + 1));
  });

  it('fixes each signed item’s state before and after; after is its history row, before the previous one', () => {
    const groupName = new Map((db.sqlite.prepare('SELECT id, name FROM student_group').all() as { id: string; name: string }[]).map((g) => [g.id, g.name]));
    const view = (h: HistoryRow): StudentStateView => ({ ...stateOfRow(h), groupName: groupName.get(h.group_id)! });
    for (let k = 0; k < history.length; k++) {
      const h = history[k]!;
      const item = itemById.get(h.order_item_id!)!;
      expect(item.before_json).not.toBeNull();
      expect(item.after_json).not.toBeNull();
      expect(JSON.parse(item.after_json!)).toEqual(view(h));
      const prev = k > 0 && history[k - 1]!.student_id === h.student_id ? history[k - 1]! : null;
      const before = JSON.parse(item.before_json!) as StudentStateView;
      if (prev) expect(before).toEqual(view(prev));
      else expect(before).toEqual({ ...view(h), status: 'applicant', course: 1 });
    }
    // the key order is the app's: StudentState, then groupName
    expect(Object.keys(JSON.parse(items[0]!.after_json!))).toEqual([
      'status',
      'groupId',
      'course',
      'form',
      'funding',
      'lastName',
      'firstName',
      'patronymic',
      'groupName',
    ]);
  });

  it('gives only what the app’s order rules would give, step by step', () => {
    const groups: Map<string, GroupInfo> = loadGroups(db);
    for (let k = 0; k < history.length; k++) {
      const h = history[k]!;
      const item = itemById.get(h.order_item_id!)!;
      const prev = k > 0 && history[k - 1]!.student_id === h.student_id ? history[k - 1]! : null;
      const before = JSON.parse(item.before_json!) as StudentStateView;
      const { groupName: _n, ...state } = before;
      const r = applyOrderRule({
        type: h.kind as Exclude<OrderType, 'cancellation'>,
        effectiveDate: h.effective_date,
        state,
        lastChange: prev ? { date: prev.effective_date, orderNo: prev.order_no } : null,
        item: {
          targetGroupId: item.target_group_id,
          targetCourse: item.target_course,
          targetFunding: item.target_funding,
          leaveFrom: item.leave_from,
          leaveTo: item.leave_to,
          honours: item.honours === 1,
          newLastName: null,
          newFirstName: null,
          newPatronymic: null,
        },
        group: (id) => groups.get(id),
      });
      expect(r.ok ? r.after : r.problem, `${h.kind} of ${h.student_id} on ${h.effective_date}`).toEqual(stateOfRow(h));
    }
  });

  it('keeps each student row equal to their state as of any later date', () => {
    expectStatesAgree(db);
    // nothing takes effect after the snapshot date: as of it, everybody with history is there
    expect(allStatesOn(db, '2026-10-01').size).toBe(new Set(history.map((h) => h.student_id)).size);
  });

  it('has about 1% applicants of 2026: first-course groups, no history, no signed order', () => {
    const applicants = db.sqlite
      .prepare(
        `SELECT s.id, s.course, s.admission_year, g.course AS group_course FROM student s JOIN student_group g ON g.id = s.group_id
         WHERE s.status = 'applicant'`,
      )
      .all() as { id: string; course: number; admission_year: number; group_course: number }[];
    expect(applicants.length).toBe(summary.applicants);
    expect(applicants.length / summary.students).toBeGreaterThan(0.005);
    expect(applicants.length / summary.students).toBeLessThan(0.02);
    const withHistory = new Set(history.map((h) => h.student_id));
    for (const a of applicants) {
      expect(a).toMatchObject({ course: 1, admission_year: 2026, group_course: 1 });
      expect(withHistory.has(a.id)).toBe(false);
    }
    expect(db.sqlite.prepare(`SELECT count(*) FROM student WHERE status <> 'applicant'`).pluck().get()).toBe(withHistory.size);
  });

  it('leaves two drafts to sign: an enrolment of applicants by students’ HR, an expulsion by a clerk of their faculty', () => {
    const drafts = orders.filter((o) => o.state === 'draft');
    expect(drafts.map((o) => o.type).sort()).toEqual(['enrolment', 'expulsion']);
    expect(summary.draftOrders).toBe(2);
    for (const d of drafts) {
      expect(d).toMatchObject({ year: null, seq: null, number: null, order_date: null, signed_by: null, signed_at: null, version: 1 });
      expect(d.effective_date > '2026-10-01').toBe(true);
      for (const i of items.filter((x) => x.order_id === d.id)) expect([i.before_json, i.after_json]).toEqual([null, null]);
    }
    const status = db.sqlite.prepare('SELECT s.status, g.faculty_id FROM student s JOIN student_group g ON g.id = s.group_id WHERE s.id = ?');
    const enrolment = drafts.find((o) => o.type === 'enrolment')!;
    expect(enrolment.created_by).toBe(studhrId);
    const enrolled = items.filter((i) => i.order_id === enrolment.id);
    expect(enrolled.length).toBeGreaterThanOrEqual(3);
    expect(enrolled.length).toBeLessThanOrEqual(6);
    for (const i of enrolled) expect(status.get(i.student_id)).toEqual({ status: 'applicant', faculty_id: enrolment.faculty_id });

    const expulsion = drafts.find((o) => o.type === 'expulsion')!;
    const clerk = sessionOf(db, 'clerk');
    expect(expulsion).toMatchObject({ created_by: clerk.id, faculty_id: clerk.facultyId, expulsion_reason: 'non_payment' });
    const expelled = items.filter((i) => i.order_id === expulsion.id);
    expect(expelled.length).toBeGreaterThanOrEqual(1);
    expect(expelled.length).toBeLessThanOrEqual(2);
    for (const i of expelled) expect(status.get(i.student_id)).toEqual({ status: 'active', faculty_id: clerk.facultyId });
  });

  it('counts the orders in the summary', () => {
    expect(summary.orders).toBe(signed().length);
    const byType: Record<string, number> = {};
    for (const o of signed()) byType[o.type] = (byType[o.type] ?? 0) + 1;
    expect(summary.ordersByType).toEqual(byType);
  });
});

describe('the demo drafts sign through the app’s own service', () => {
  it('enrols the applicants and expels the non-payer, numbering after the demo orders', async () => {
    const db = openDatabase(':memory:');
    try {
      await generateDemo(db, { students: 1500, seed: 7 });
      const service = createOrdersService(db);
      const studhr = sessionOf(db, 'studhr');
      const draftOf = (type: string) =>
        db.sqlite.prepare(`SELECT id, version FROM student_order WHERE state = 'draft' AND type = ?`).get(type) as { id: string; version: number };
      const maxSeq = (type: string) =>
        db.sqlite.prepare(`SELECT max(seq) FROM student_order WHERE year = 2026 AND type = ?`).pluck().get(type) as number;

      const enrolment = draftOf('enrolment');
      const applicants = db.sqlite.prepare('SELECT student_id FROM student_order_item WHERE order_id = ?').pluck().all(enrolment.id) as string[];
      const preview = service.detail(studhr, enrolment.id, 'ky');
      expect(preview.canSign).toBe(true);
      expect(preview.items.map((i) => i.problem)).toEqual(applicants.map(() => null));

      const nextEnrolment = maxSeq('enrolment') + 1;
      const signed = signOrder(db, service, studhr, { id: enrolment.id, version: enrolment.version, orderDate: '2026-10-02' }, 'ky');
      expect(signed).toMatchObject({ state: 'signed', number: `${nextEnrolment}-з`, orderDate: '2026-10-02' });
      for (const i of signed.items) {
        expect(i.before?.status).toBe('applicant');
        expect(i.after).toMatchObject({ status: 'active', course: 1 });
      }
      const now = db.sqlite.prepare('SELECT status, course FROM student WHERE id = ?');
      for (const id of applicants) expect(now.get(id)).toEqual({ status: 'active', course: 1 });
      const rows = db.sqlite
        .prepare('SELECT kind, status, order_id, order_no FROM student_status_history WHERE student_id = ?')
        .all(applicants[0]) as { kind: string; status: string; order_id: string; order_no: string }[];
      expect(rows).toEqual([{ kind: 'enrolment', status: 'active', order_id: enrolment.id, order_no: `${nextEnrolment}-з` }]);

      const expulsion = draftOf('expulsion');
      const expelledIds = db.sqlite.prepare('SELECT student_id FROM student_order_item WHERE order_id = ?').pluck().all(expulsion.id) as string[];
      const nextExpulsion = maxSeq('expulsion') + 1;
      const expelled = signOrder(db, service, studhr, { id: expulsion.id, version: expulsion.version, orderDate: '2026-10-02' }, 'ky');
      expect(expelled).toMatchObject({ state: 'signed', number: `${nextExpulsion}-ч`, expulsionReason: 'non_payment' });
      for (const id of expelledIds) expect(db.sqlite.prepare('SELECT status FROM student WHERE id = ?').pluck().get(id)).toBe('expelled');

      // the demo and the app's signatures agree on every student's state
      expectStatesAgree(db);
    } finally {
      await db.close();
    }
  }, 60_000);
});
