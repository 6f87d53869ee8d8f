import { uuidv7 } from 'uuidv7';
import type { OrderDetail, OrderItemInput, OrderSummary, OrderToSign, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import type { ExpulsionReason, OrderState, OrderType } from '../../../src-shared/domain/orders';
import { fullName } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import { facultyLimit, type ScopeAction } from '../../../src-shared/domain/scope-policy';
import { assertInScope, isInScope, scopeFor } from '../scope';
import { translate, type Locale, type MessageKey, type MessageValues } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { evaluateItems, itemParams, paramsView, withGroupName } from './order-preview';
import { deleteItems, deleteOrder, findOrder, insertItems, insertOrder, listOrders, loadGroups, loadStudentsNow, orderItems, updateOrder, type ItemRow, type OrderRow } from './orders.repository';
import { displayNames } from '../auth/users.repository';

type CreateRequest = ParsedRequestOf<'orders.create'>;
type UpdateRequest = ParsedRequestOf<'orders.update'>;
type FieldError = { path: string; key: MessageKey; values?: MessageValues };

/** more drafts than this waiting at once is not an in-tray but a backlog; the list shows them */
const TO_SIGN_MAX = 200;

export function requireOrders(session: SessionUser, permission: 'orders.read' | 'orders.draft' | 'orders.sign'): void {
  if (!can(session.role, permission)) throw forbidden();
}

/** An order in the caller's scope (the policy's 'orders'): a clerk's faculty, or all. */
export function assertOrderInScope(session: SessionUser, order: { faculty_id: string | null }, action: ScopeAction = 'read'): void {
  assertInScope(session, 'orders', action, { facultyId: order.faculty_id }, 'error.forbidden.orderScope');
}

export function loadOrder(db: Database, id: string): OrderRow {
  const order = findOrder(db, id);
  if (!order) throw new AppError('not_found', 'error.order.notFound');
  return order;
}

export function assertDraft(order: OrderRow, version?: number): void {
  if (order.state !== 'draft') throw new AppError('conflict', 'error.order.notDraft', { number: order.number ?? '' });
  if (version !== undefined && order.version !== version) throw new AppError('conflict', 'error.conflict.staleVersion');
}

/** Which basis a draft still lacks: each language's paper prints its own, so an order is signed with both. */
export function missingBasis(o: Pick<OrderRow, 'reason' | 'reason_ru'>): ('reason' | 'reasonRu')[] {
  return [...(o.reason.trim() ? [] : (['reason'] as const)), ...((o.reason_ru ?? '').trim() ? [] : (['reasonRu'] as const))];
}

function summary(o: OrderRow, studentCount: number, names: Map<string, string>): OrderSummary {
  return {
    id: o.id,
    type: o.type as OrderType,
    state: o.state as OrderState,
    number: o.number,
    orderDate: o.order_date,
    effectiveDate: o.effective_date,
    reason: o.reason,
    reasonRu: o.reason_ru,
    facultyId: o.faculty_id,
    studentCount,
    createdBy: o.created_by ? (names.get(o.created_by) ?? null) : null,
    signedBy: o.signed_by ? (names.get(o.signed_by) ?? null) : null,
    cancelsOrderId: o.cancels_order_id,
    cancelledByOrderId: o.cancelled_by_order_id,
    version: o.version,
  };
}


function toItemRows(orderId: string, items: OrderItemInput[]): ItemRow[] {
  return items.map((i, position) => ({
    id: uuidv7(),
    order_id: orderId,
    student_id: i.studentId,
    position: position + 1,
    target_group_id: i.targetGroupId ?? null,
    target_course: i.targetCourse ?? null,
    target_funding: i.targetFunding ?? null,
    leave_from: i.leaveFrom ?? null,
    leave_to: i.leaveTo ?? null,
    honours: i.honours ? 1 : 0,
    new_last_name: i.newLastName ?? null,
    new_first_name: i.newFirstName ?? null,
    new_patronymic: i.newPatronymic ?? null,
    before_json: null,
    after_json: null,
  }));
}

/**
 * Checks what can be checked when a draft is saved: students exist, appear once, and (for a
 * clerk) belong to the clerk's faculty, as do target groups. The order rules run on preview
 * and signing, when the students' state is the one that counts.
 */
function checkItems(db: Database, session: SessionUser, items: OrderItemInput[]): { facultyId: string | null } {
  const students = loadStudentsNow(db, items.map((i) => i.studentId));
  const groups = loadGroups(db);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const faculties = new Set<string>();
  items.forEach((item, i) => {
    const s = students.get(item.studentId);
    if (!s) return problems.push({ path: `items.${i}.studentId`, key: 'error.notFound.student' });
    faculties.add(s.facultyId);
    const name = fullName(s.state);
    if (seen.has(item.studentId)) problems.push({ path: `items.${i}.studentId`, key: 'order.problem', values: { position: i + 1, name, problem: { msg: 'error.order.duplicate' } } });
    seen.add(item.studentId);
    if (!isInScope(session, 'orders', 'write', { facultyId: s.facultyId })) {
      problems.push({ path: `items.${i}.studentId`, key: 'order.problem', values: { position: i + 1, name, problem: { msg: 'order.rule.notInScope' } } });
    }
    const target = item.targetGroupId ? groups.get(item.targetGroupId) : undefined;
    if (item.targetGroupId && !target) problems.push({ path: `items.${i}.targetGroupId`, key: 'order.rule.unknownGroup' });
    if (target && !isInScope(session, 'orders', 'write', { facultyId: target.facultyId })) {
      problems.push({ path: `items.${i}.targetGroupId`, key: 'order.rule.targetNotInScope', values: { group: target.name } });
    }
  });
  if (problems.length) throw new AppError('validation', 'error.validation', {}, problems);
  // a user limited to one faculty drafts that faculty's orders, even an empty one
  const own = facultyLimit(session, 'orders', 'write');
  if (own) return { facultyId: own };
  return { facultyId: faculties.size === 1 ? [...faculties][0]! : null };
}

function orderPayload(o: OrderRow, items: ItemRow[]) {
  return { order: o, items };
}

export function createOrdersService(db: Database) {
  function detail(session: SessionUser, id: string, locale: Locale): OrderDetail {
    requireOrders(session, 'orders.read');
    const order = loadOrder(db, id);
    assertOrderInScope(session, order);
    const items = orderItems(db, id);
    const names = displayNames(db);
    let views: OrderDetail['items'];
    if (order.state === 'draft' && order.type !== 'cancellation') {
      const { outcomes } = evaluateItems(db, order.type as Exclude<OrderType, 'cancellation'>, order.effective_date, items);
      views = outcomes.map((o) => ({
        id: o.item.id,
        position: o.item.position,
        studentId: o.item.student_id,
        lastName: o.student?.state.lastName ?? '',
        firstName: o.student?.state.firstName ?? '',
        patronymic: o.student?.state.patronymic ?? null,
        recordBookNo: o.student?.recordBookNo ?? '',
        params: paramsView(itemParams(o.item), o.item.student_id),
        before: o.before,
        after: o.after,
        problem: o.problem ? translate(locale, o.problem.key, o.problem.values) : null,
      }));
    } else {
      // signed (or cancellation) orders show the states fixed at signing, not today's
      const groups = loadGroups(db);
      const studentInfo = loadStudentsNow(db, items.map((i) => i.student_id));
      views = items.map((i) => {
        const s = studentInfo.get(i.student_id);
        const before = i.before_json ? JSON.parse(i.before_json) : s ? withGroupName(s.state, groups) : null;
        const person = before ?? s?.state;
        return {
          id: i.id,
          position: i.position,
          studentId: i.student_id,
          lastName: person?.lastName ?? '',
          firstName: person?.firstName ?? '',
          patronymic: person?.patronymic ?? null,
          recordBookNo: s?.recordBookNo ?? '',
          params: paramsView(itemParams(i), i.student_id),
          before,
          after: i.after_json ? JSON.parse(i.after_json) : null,
          problem: null,
        };
      });
    }
    const cancels = order.cancels_order_id ? findOrder(db, order.cancels_order_id) : undefined;
    const cancelledBy = order.cancelled_by_order_id ? findOrder(db, order.cancelled_by_order_id) : undefined;
    return {
      ...summary(order, items.length, names),
      expulsionReason: order.expulsion_reason as ExpulsionReason | null,
      cancels: cancels ? { id: cancels.id, number: cancels.number, orderDate: cancels.order_date, type: cancels.type as OrderType } : null,
      cancelledBy: cancelledBy
        ? { id: cancelledBy.id, number: cancelledBy.number, orderDate: cancelledBy.order_date, signedBy: cancelledBy.signed_by ? (names.get(cancelledBy.signed_by) ?? null) : null }
        : null,
      items: views,
      canEdit: order.state === 'draft' && can(session.role, 'orders.draft'),
      canSign: order.state === 'draft' && can(session.role, 'orders.sign'),
    };
  }

  return {
    detail,

    async list(session: SessionUser, req: ParsedRequestOf<'orders.list'>): Promise<{ total: number; rows: OrderSummary[] }> {
      requireOrders(session, 'orders.read');
      const { total, rows } = listOrders(db, scopeFor(session, 'orders', 'read'), req);
      const names = displayNames(db);
      return { total, rows: rows.map((r) => summary(r as OrderRow, Number(r.student_count ?? 0), names)) };
    },

    /**
     * The drafts waiting for the caller's signature, longest-waiting first, each with what still
     * stands in the way (students the order cannot apply to, a missing basis) — the signer's
     * in-tray, so a draft prepared by a dean's office is not found only by chance.
     */
    toSign(session: SessionUser): { rows: OrderToSign[] } {
      requireOrders(session, 'orders.sign');
      const { rows } = listOrders(db, scopeFor(session, 'orders', 'read'), { state: 'draft', offset: 0, limit: TO_SIGN_MAX });
      const names = displayNames(db);
      const out = rows.map((r): OrderToSign => {
        const o = r as OrderRow;
        const items = orderItems(db, o.id);
        const problems = o.type === 'cancellation' ? 0 : evaluateItems(db, o.type as Exclude<OrderType, 'cancellation'>, o.effective_date, items).outcomes.filter((x) => x.problem).length;
        return { ...summary(o, items.length, names), createdAt: o.created_at, updatedAt: o.updated_at, problems, missingBasis: missingBasis(o) };
      });
      out.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
      return { rows: out };
    },

    create(session: SessionUser, req: CreateRequest, locale: Locale): OrderDetail {
      requireOrders(session, 'orders.draft');
      let items = req.items;
      let facultyId: string | null;
      if (req.type === 'cancellation') {
        if (!req.cancelsOrderId) throw new AppError('validation', 'error.validation', {}, [{ path: 'cancelsOrderId', key: 'field.required' }]);
        if (items.length) throw new AppError('validation', 'error.validation', {}, [{ path: 'items', key: 'error.order.cancelItems' }]);
        const target = loadOrder(db, req.cancelsOrderId);
        assertOrderInScope(session, target);
        if (target.state !== 'signed' || target.type === 'cancellation') throw new AppError('conflict', 'error.order.cancelTarget');
        items = orderItems(db, target.id).map((i) => ({ studentId: i.student_id }));
        facultyId = target.faculty_id;
      } else {
        if (req.type === 'expulsion' && !req.expulsionReason) {
          throw new AppError('validation', 'error.validation', {}, [{ path: 'expulsionReason', key: 'field.required' }]);
        }
        if (items.length === 0) throw new AppError('validation', 'error.order.empty');
        facultyId = checkItems(db, session, items).facultyId;
      }
      const id = uuidv7();
      withWrite(db, session, (w) => {
        const order: OrderRow = {
          id,
          type: req.type,
          state: 'draft',
          faculty_id: facultyId,
          year: null,
          seq: null,
          number: null,
          order_date: null,
          effective_date: req.effectiveDate,
          reason: req.reason,
          reason_ru: req.reasonRu,
          expulsion_reason: req.type === 'expulsion' ? (req.expulsionReason ?? null) : null,
          cancels_order_id: req.type === 'cancellation' ? (req.cancelsOrderId ?? null) : null,
          cancelled_by_order_id: null,
          created_by: session.id,
          signed_by: null,
          signed_at: null,
          version: 1,
          created_at: w.now,
          updated_at: w.now,
        };
        insertOrder(w, order);
        const rows = toItemRows(id, items);
        insertItems(w, rows);
        w.audit({ action: 'order.create', entity: 'student_order', entityId: id, oldValue: null, newValue: { type: order.type, effectiveDate: order.effective_date, students: rows.length } });
        w.outbox({ name: 'order.save', entity: 'student_order', entityId: id, payload: orderPayload(order, rows), baseVersion: null });
      });
      return detail(session, id, locale);
    },

    update(session: SessionUser, req: UpdateRequest, locale: Locale): OrderDetail {
      requireOrders(session, 'orders.draft');
      const order = loadOrder(db, req.id);
      assertOrderInScope(session, order);
      assertDraft(order, req.version);
      if (req.items && order.type === 'cancellation') {
        throw new AppError('validation', 'error.validation', {}, [{ path: 'items', key: 'error.order.cancelItems' }]);
      }
      if (req.items?.length === 0) throw new AppError('validation', 'error.order.empty');
      const facultyId = req.items ? checkItems(db, session, req.items).facultyId : order.faculty_id;
      if (order.type === 'expulsion' && req.expulsionReason === null) {
        throw new AppError('validation', 'error.validation', {}, [{ path: 'expulsionReason', key: 'field.required' }]);
      }
      withWrite(db, session, (w) => {
        const next: OrderRow = {
          ...order,
          faculty_id: facultyId,
          effective_date: req.effectiveDate ?? order.effective_date,
          reason: req.reason ?? order.reason,
          reason_ru: req.reasonRu ?? order.reason_ru,
          expulsion_reason: order.type === 'expulsion' ? (req.expulsionReason ?? order.expulsion_reason) : null,
          version: order.version + 1,
          updated_at: w.now,
        };
        updateOrder(w, order.id, order.version, next);
        let rows = orderItems(db, order.id);
        if (req.items) {
          deleteItems(w, order.id);
          rows = toItemRows(order.id, req.items);
          insertItems(w, rows);
        }
        w.audit({
          action: 'order.update',
          entity: 'student_order',
          entityId: order.id,
          oldValue: { effectiveDate: order.effective_date, reason: order.reason, reasonRu: order.reason_ru, expulsionReason: order.expulsion_reason },
          newValue: { effectiveDate: next.effective_date, reason: next.reason, reasonRu: next.reason_ru, expulsionReason: next.expulsion_reason, students: rows.length },
        });
        w.outbox({ name: 'order.save', entity: 'student_order', entityId: order.id, payload: orderPayload(next, rows), baseVersion: order.version });
      });
      return detail(session, order.id, locale);
    },

    remove(session: SessionUser, req: ParsedRequestOf<'orders.delete'>): null {
      requireOrders(session, 'orders.draft');
      const order = loadOrder(db, req.id);
      assertOrderInScope(session, order);
      assertDraft(order, req.version);
      withWrite(db, session, (w) => {
        deleteItems(w, order.id);
        deleteOrder(w, order.id);
        w.audit({ action: 'order.delete', entity: 'student_order', entityId: order.id, oldValue: { type: order.type, effectiveDate: order.effective_date }, newValue: null });
        w.outbox({ name: 'order.delete', entity: 'student_order', entityId: order.id, payload: { id: order.id }, baseVersion: order.version });
      });
      return null;
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
