import { universityToday } from '../../platform/university-clock';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { OrderDetail, ParsedRequestOf, SessionUser, StudentStateView } from '../../../src-shared/contract';
import { formatOrderNumber, type OrderType, type StudentState } from '../../../src-shared/domain/orders';
import { fullName } from '../../../src-shared/domain/person';
import type { Locale, MessageKey, MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { studentSearchText } from '../students/student-search-text';
import { withWrite, type WriteScope } from '../write-transaction';
import { evaluateItems, withGroupName } from './order-preview';
import { groupsQuery, itemsQuery, loadStudentsNow, orderQuery, toGroupMap, type ItemRow, type OrderRow } from './orders.repository';
import { assertDraft, assertOrderInScope, loadOrder, requireOrders, type OrdersService } from './orders.service';
import { formatDate } from '../../../src-shared/domain/dates';

type FieldError = { path: string; key: MessageKey; values?: MessageValues };

interface Effect {
  item: ItemRow;
  studentVersion: number;
  recordBookNo: string;
  pin: string | null;
  before: StudentStateView;
  after: StudentStateView;
}

function refuseAll(problems: FieldError[]): never {
  throw new AppError('validation', 'error.order.problems', {}, problems);
}

/** Writes one student's new state, the history row behind it, and its audit entry. */
function applyEffect(w: WriteScope, order: OrderRow, e: Effect): void {
  const a: StudentState = e.after;
  w.sql.run(
    w.q
      .updateTable('student')
      .set({
        status: a.status,
        group_id: a.groupId,
        course: a.course,
        funding: a.funding,
        last_name: a.lastName,
        first_name: a.firstName,
        patronymic: a.patronymic,
        search_text: studentSearchText({ last_name: a.lastName, first_name: a.firstName, patronymic: a.patronymic, pin: e.pin, record_book_no: e.recordBookNo }),
        version: e.studentVersion + 1,
        updated_at: w.now,
      })
      .where('id', '=', e.item.student_id),
  );
  w.sql.run(
    w.q.insertInto('student_status_history').values({
      id: uuidv7(),
      student_id: e.item.student_id,
      effective_date: order.effective_date,
      kind: order.type,
      status: a.status,
      group_id: a.groupId,
      course: a.course,
      form: a.form,
      funding: a.funding,
      last_name: a.lastName,
      first_name: a.firstName,
      patronymic: a.patronymic,
      order_no: order.number,
      order_date: order.order_date,
      created_at: w.now,
      order_id: order.id,
      order_item_id: e.item.id,
      voided_by_order_id: null,
    }),
  );
  w.sql.run(
    w.q
      .updateTable('student_order_item')
      .set({ before_json: JSON.stringify(e.before), after_json: JSON.stringify(e.after) })
      .where('id', '=', e.item.id),
  );
  w.audit({ action: `order.${order.type}`, entity: 'student', entityId: e.item.student_id, oldValue: e.before, newValue: { ...e.after, order: order.number } });
}

/** A group's course follows its studying students (a promoted group moves up with them). */
function followGroupCourses(w: WriteScope, groupIds: Set<string>): void {
  for (const groupId of groupIds) {
    const g = w.sql.first(w.q.selectFrom('student_group').select(['course', 'version']).where('id', '=', groupId));
    const top = w.sql.first(
      w.q.selectFrom('student').select(({ fn }) => fn.max('course').as('c')).where('group_id', '=', groupId).where('status', '=', 'active'),
    );
    const course = top?.c ?? null;
    if (!g || course === null || course === g.course) continue;
    w.sql.run(w.q.updateTable('student_group').set({ course, version: g.version + 1, updated_at: w.now }).where('id', '=', groupId));
    w.audit({ action: 'group.course', entity: 'student_group', entityId: groupId, oldValue: { course: g.course }, newValue: { course } });
  }
}

function nextSeq(w: WriteScope, year: number, type: OrderType): number {
  const r = w.sql.first(
    w.q.selectFrom('student_order').select(({ fn }) => fn.max('seq').as('m')).where('year', '=', year).where('type', '=', type),
  );
  return (r?.m ?? 0) + 1;
}

function effectsOfOrder(db: Database, order: OrderRow, items: ItemRow[]): Effect[] {
  const { outcomes } = evaluateItems(db, order.type as Exclude<OrderType, 'cancellation'>, order.effective_date, items);
  const problems: FieldError[] = [];
  const effects: Effect[] = [];
  outcomes.forEach((o, i) => {
    if (!o.student || !o.before) {
      problems.push({ path: `items.${i}.studentId`, key: 'error.notFound.student' });
    } else if (o.problem || !o.after) {
      problems.push({
        path: `items.${i}`,
        key: 'order.problem',
        values: { position: o.item.position, name: fullName(o.student.state), problem: { msg: o.problem!.key, values: o.problem!.values } },
      });
    } else {
      effects.push({ item: o.item, studentVersion: o.student.version, recordBookNo: o.student.recordBookNo, pin: o.student.pin, before: o.before, after: o.after });
    }
  });
  if (problems.length) refuseAll(problems);
  return effects;
}

/**
 * Cancelling an order voids the history it wrote (it no longer counts in as-of answers) and
 * puts each student back as they were, provided nothing happened to them since.
 */
function effectsOfCancellation(db: Database, target: OrderRow): Effect[] {
  const items = db.sync.all(itemsQuery(db.kysely, target.id));
  const students = loadStudentsNow(db, items.map((i) => i.student_id));
  const groups = toGroupMap(db.sync.all(groupsQuery(db.kysely)));
  const problems: FieldError[] = [];
  const effects: Effect[] = [];
  items.forEach((item, i) => {
    const s = students.get(item.student_id);
    if (!s) return problems.push({ path: `items.${i}.studentId`, key: 'error.notFound.student' });
    const latest = db.sync.first(
      db.kysely
        .selectFrom('student_status_history')
        .select(['order_item_id', 'effective_date', 'order_no'])
        .where('student_id', '=', item.student_id)
        .where('voided_by_order_id', 'is', null)
        .orderBy('effective_date', 'desc')
        .orderBy(sql`rowid`, 'desc')
        .limit(1),
    );
    if (!latest || latest.order_item_id !== item.id) {
      return problems.push({
        path: `items.${i}`,
        key: 'order.problem',
        values: {
          position: item.position,
          name: fullName(s.state),
          problem: { msg: 'order.rule.cancelLater', values: { date: formatDate(latest?.effective_date), orderNo: latest?.order_no ?? '—' } },
        },
      });
    }
    const before: StudentStateView = JSON.parse(item.before_json!);
    effects.push({ item, studentVersion: s.version, recordBookNo: s.recordBookNo, pin: s.pin, before: withGroupName(s.state, groups), after: { ...before, groupName: groups.get(before.groupId)?.name ?? before.groupName } });
  });
  if (problems.length) refuseAll(problems);
  return effects;
}

export function signOrder(
  db: Database,
  orders: OrdersService,
  session: SessionUser,
  req: ParsedRequestOf<'orders.sign'>,
  locale: Locale,
  today: () => string = () => universityToday(),
): OrderDetail {
  requireOrders(session, 'orders.sign');
  withWrite(db, session, (w) => {
    const order = loadOrder(db, req.id);
    assertOrderInScope(session, order);
    assertDraft(order, req.version);
    const items = db.sync.all(itemsQuery(db.kysely, order.id));
    if (items.length === 0) throw new AppError('validation', 'error.order.empty');
    let target: OrderRow | undefined;
    if (order.type === 'cancellation') {
      target = db.sync.first(orderQuery(db.kysely, order.cancels_order_id!));
      if (!target || target.state !== 'signed' || target.type === 'cancellation') throw new AppError('conflict', 'error.order.cancelTarget');
    }
    const effects = target ? effectsOfCancellation(db, target) : effectsOfOrder(db, order, items);

    const orderDate = req.orderDate ?? today();
    const year = Number(orderDate.slice(0, 4));
    const seq = nextSeq(w, year, order.type as OrderType);
    const signed: OrderRow = {
      ...order,
      state: 'signed',
      year,
      seq,
      number: formatOrderNumber(order.type as OrderType, seq),
      order_date: orderDate,
      signed_by: session.id,
      signed_at: w.now,
      version: order.version + 1,
      updated_at: w.now,
    };
    w.sql.run(w.q.updateTable('student_order').set(signed).where('id', '=', order.id).where('version', '=', order.version));

    if (target) {
      w.sql.run(w.q.updateTable('student_status_history').set({ voided_by_order_id: order.id }).where('order_id', '=', target.id));
      w.sql.run(
        w.q
          .updateTable('student_order')
          .set({ state: 'cancelled', cancelled_by_order_id: order.id, version: target.version + 1, updated_at: w.now })
          .where('id', '=', target.id),
      );
      w.audit({ action: 'order.cancelled', entity: 'student_order', entityId: target.id, oldValue: { state: 'signed' }, newValue: { state: 'cancelled', by: signed.number } });
    }
    // Cancellation items are the cancelled order's students; map effects onto this order's items.
    const own = new Map(items.map((i) => [i.student_id, i]));
    const touchedGroups = new Set<string>();
    for (const e of effects) {
      const item = own.get(e.item.student_id)!;
      applyEffect(w, signed, { ...e, item });
      touchedGroups.add(e.before.groupId).add(e.after.groupId);
    }
    followGroupCourses(w, touchedGroups);
    w.audit({ action: 'order.sign', entity: 'student_order', entityId: order.id, oldValue: { state: 'draft' }, newValue: { state: 'signed', number: signed.number, orderDate, students: effects.length } });
    w.outbox({
      name: 'order.sign',
      entity: 'student_order',
      entityId: order.id,
      payload: { id: order.id, number: signed.number, year, seq, orderDate, effects: effects.map((e) => ({ studentId: e.item.student_id, after: e.after })) },
      baseVersion: order.version,
    });
  });
  return orders.detail(session, req.id, locale);
}
