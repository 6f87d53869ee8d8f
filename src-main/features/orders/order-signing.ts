import { universityToday } from '../../platform/university-clock';
import type { OrderDetail, ParsedRequestOf, SessionUser, StudentStateView } from '../../../src-shared/contract';
import { formatOrderNumber, type OrderType, type StudentState } from '../../../src-shared/domain/orders';
import { fullName } from '../../../src-shared/domain/person';
import type { Locale, MessageKey, MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { withWrite, type WriteScope } from '../write-transaction';
import { followGroupCourses, refreshStudentRows } from './order-in-force';
import { evaluateItems, withGroupName } from './order-preview';
import {
  findOrder,
  latestLiveHistory,
  loadGroups,
  loadStudentsNow,
  nextOrderSeq,
  orderItems,
  updateOrder,
  voidOrder,
  writeOrderEffect,
  type ItemRow,
  type OrderRow,
} from './orders.repository';
import { assertDraft, assertOrderInScope, loadOrder, missingBasis, requireOrders, type OrdersService } from './orders.service';
import { formatDate } from '../../../src-shared/domain/dates';

type FieldError = { path: string; key: MessageKey; values?: MessageValues };

interface Effect {
  item: ItemRow;
  before: StudentStateView;
  after: StudentStateView;
}

function refuseAll(problems: FieldError[]): never {
  throw new AppError('validation', 'error.order.problems', {}, problems);
}

/** Writes one student's history row behind the order, and its audit entry. */
function applyEffect(w: WriteScope, order: OrderRow, e: Effect): void {
  const a: StudentState = e.after;
  writeOrderEffect(w, order, {
    studentId: e.item.student_id,
    itemId: e.item.id,
    history: {
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
    },
    before: e.before,
    after: e.after,
  });
  w.audit({ action: `order.${order.type}`, entity: 'student', entityId: e.item.student_id, oldValue: e.before, newValue: { ...e.after, order: order.number, effectiveDate: order.effective_date } });
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
      effects.push({ item: o.item, before: o.before, after: o.after });
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
  const items = orderItems(db, target.id);
  const students = loadStudentsNow(db, items.map((i) => i.student_id));
  const groups = loadGroups(db);
  const problems: FieldError[] = [];
  const effects: Effect[] = [];
  items.forEach((item, i) => {
    const s = students.get(item.student_id);
    if (!s) return problems.push({ path: `items.${i}.studentId`, key: 'error.notFound.student' });
    const latest = latestLiveHistory(db, item.student_id);
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
    effects.push({ item, before: withGroupName(s.state, groups), after: { ...before, groupName: groups.get(before.groupId)?.name ?? before.groupName } });
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
    const items = orderItems(db, order.id);
    if (items.length === 0) throw new AppError('validation', 'error.order.empty');
    const noBasis = missingBasis(order);
    if (noBasis.length) throw new AppError('validation', 'error.validation', {}, noBasis.map((path) => ({ path, key: 'error.order.basisRequired' as const })));
    let target: OrderRow | undefined;
    if (order.type === 'cancellation') {
      target = findOrder(db, order.cancels_order_id!);
      if (!target || target.state !== 'signed' || target.type === 'cancellation') throw new AppError('conflict', 'error.order.cancelTarget');
    }
    const effects = target ? effectsOfCancellation(db, target) : effectsOfOrder(db, order, items);

    const orderDate = req.orderDate ?? today();
    const year = Number(orderDate.slice(0, 4));
    const seq = nextOrderSeq(w, year, order.type);
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
    updateOrder(w, order.id, order.version, signed);

    if (target) {
      voidOrder(w, target, order.id);
      w.audit({ action: 'order.cancelled', entity: 'student_order', entityId: target.id, oldValue: { state: 'signed' }, newValue: { state: 'cancelled', by: signed.number } });
    }
    // Cancellation items are the cancelled order's students; map effects onto this order's items.
    const own = new Map(items.map((i) => [i.student_id, i]));
    for (const e of effects) applyEffect(w, signed, { ...e, item: own.get(e.item.student_id)! });
    // the rows follow the history in force today: an order dated ahead changes them on its date
    const { groups } = refreshStudentRows(w, db, effects.map((e) => e.item.student_id), today(), null);
    followGroupCourses(w, groups);
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
