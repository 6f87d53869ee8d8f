/**
 * The orders behind the demo students' history (DOMAIN.md §4): every history row comes from
 * a signed order, written the way the app's signing writes it (orders/order-signing.ts):
 * the order with its number, one item per student with the state before and after as
 * StudentStateView JSON, and the history row linked to both.
 *
 * Students' events are grouped into realistic orders while the students are planned
 * (`OrderBook`): one enrolment, promotion and graduation order per faculty and year, one
 * return order per faculty for those whose year's leave ends on 01.09, one transfer-to-budget
 * order per faculty after the winter session, and small orders (at most SMALL_ORDER_MAX
 * students, mostly one) for leave, other returns, expulsion and group changes. Numbers are
 * given at the end, in order-date order, per (year, type) series, as signing gives them.
 */
import type { Insert } from './demo.repository';
import { kyDateOf } from '../../../src-shared/domain/ky-dates';
import type { Funding, StudentStatus } from '../../../src-shared/domain/enums';
import { formatOrderNumber, type ExpulsionReason, type OrderType } from '../../../src-shared/domain/orders';
import type { NameParts } from '../../../src-shared/domain/person';
import { addDays, stampOf } from './demo-calendar';
import type { DemoContext, FacultyRow, GroupRow } from './demo-structure';
import type { Rng } from './demo.random';

/** the order types the demo history uses (a history row's kind is its order's type) */
export type DemoOrderType = Extract<
  OrderType,
  'enrolment' | 'promotion' | 'transfer' | 'academic_leave' | 'return_from_leave' | 'expulsion' | 'graduation'
>;

/** what the order says about one student besides the type (student_order_item parameters) */
export interface ItemPlan {
  readonly targetGroup?: GroupRow;
  readonly targetCourse?: number;
  readonly targetFunding?: Funding;
  readonly leaveFrom?: string;
  readonly leaveTo?: string;
  readonly honours?: boolean;
}

/** One history row: the student's state from `effective` on, and the order that made it. */
export interface StudentEvent {
  readonly effective: string;
  readonly status: StudentStatus;
  readonly group: GroupRow;
  readonly course: number;
  readonly funding: Funding;
  readonly order: PlannedOrder;
  readonly item: ItemPlan;
  /** student_order_item.id, given when the orders are written */
  itemId?: string;
  /** the StudentStateView JSON of this state, computed once */
  json?: string;
}

/** What the order writer needs of a student. */
export interface OrderStudent {
  readonly id: string;
  readonly name: NameParts;
  readonly events: readonly StudentEvent[];
  /** position in the Kyrgyz alphabetical order of all students (items are listed by group, then name) */
  nameRank: number;
}

type Basis =
  | 'admission'
  | 'council'
  | 'state_commission'
  | 'budget_contest'
  | 'application'
  | 'leave_medical'
  | 'leave_family'
  | 'leave_military'
  | 'leave_end'
  | ExpulsionReason;

export interface PlannedOrder {
  readonly key: string;
  readonly type: DemoOrderType;
  readonly faculty: FacultyRow;
  readonly orderDate: string;
  readonly effective: string;
  readonly expulsionReason: ExpulsionReason | null;
  readonly basis: Basis;
  readonly items: { student: OrderStudent; event: StudentEvent }[];
  id?: string;
  seq?: number;
  number?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** DD.MM.YYYY, as a Russian basis writes a protocol's date. */
function ruDateOf(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** The basis an order states, in Kyrgyz and in Russian: a protocol, a commission, the students' applications. */
export interface BasisText {
  readonly ky: string;
  readonly ru: string;
}

const NON_PAYMENT: BasisText = {
  ky: 'Бухгалтериянын маалымкаты: келишим боюнча окуу акысы төлөнгөн эмес',
  ru: 'Справка бухгалтерии: не оплачено обучение по контракту',
};

function reasonText(o: PlannedOrder): BasisText {
  const one = o.items.length === 1;
  const application = one ? 'Студенттин арызы' : 'Студенттердин арыздары';
  const applicationRu = one ? 'Заявление студента' : 'Заявления студентов';
  const fi = o.faculty.index;
  const day = (offset: number) => addDays(o.orderDate, offset);
  switch (o.basis) {
    case 'admission':
      return {
        ky: `Кабыл алуу комиссиясынын ${kyDateOf(day(-2))} №${7 + fi} протоколу`,
        ru: `Протокол приёмной комиссии от ${ruDateOf(day(-2))} №${7 + fi}`,
      };
    case 'council':
      return { ky: `Окумуштуулар кеңешинин ${kyDateOf(day(-1))} №1 протоколу`, ru: `Протокол учёного совета от ${ruDateOf(day(-1))} №1` };
    case 'state_commission':
      return {
        ky: `Мамлекеттик аттестациялык комиссиянын ${kyDateOf(day(-3))} №${3 + fi} протоколу`,
        ru: `Протокол государственной аттестационной комиссии от ${ruDateOf(day(-3))} №${3 + fi}`,
      };
    case 'budget_contest':
      return {
        ky: `Окумуштуулар кеңешинин ${kyDateOf(day(-1))} №6 протоколу; бюджеттик бош орундарга конкурстун жыйынтыгы`,
        ru: `Протокол учёного совета от ${ruDateOf(day(-1))} №6; итоги конкурса на вакантные бюджетные места`,
      };
    case 'application':
      return { ky: `${application}; деканаттын сунуштамасы`, ru: `${applicationRu}; представление деканата` };
    case 'leave_medical':
      return {
        ky: `${application}; дарыгерлик-консультациялык комиссиянын корутундусу`,
        ru: `${applicationRu}; заключение врачебно-консультационной комиссии`,
      };
    case 'leave_family':
      return { ky: `${application} (үй-бүлөлүк жагдайларга байланыштуу)`, ru: `${applicationRu} (по семейным обстоятельствам)` };
    case 'leave_military':
      return { ky: `${application}; аскер комиссариатынын чакыруу кагазы`, ru: `${applicationRu}; повестка военного комиссариата` };
    case 'leave_end':
      return {
        ky: `${application}; академиялык өргүүнүн мөөнөтү бүткөндүгүнө байланыштуу`,
        ru: `${applicationRu}; в связи с окончанием академического отпуска`,
      };
    case 'own_wish':
      return { ky: `${application} (өз каалоосу боюнча)`, ru: `${applicationRu} (по собственному желанию)` };
    case 'academic_failure':
      return {
        ky: 'Деканаттын сунуштамасы: академиялык карыздар белгиленген мөөнөттө жоюлган эмес',
        ru: 'Представление деканата: академическая задолженность не ликвидирована в установленный срок',
      };
    case 'non_payment':
      return NON_PAYMENT;
    case 'attendance':
      return {
        ky: 'Деканаттын сунуштамасы: сабактарга себепсиз катышпагандыгы үчүн',
        ru: 'Представление деканата: за пропуски занятий без уважительной причины',
      };
    case 'transfer_out':
      return { ky: `${application}; кабыл алуучу жогорку окуу жайынын маалымкаты`, ru: `${applicationRu}; справка принимающего вуза` };
  }
}

/** The basis of a late admission commission's protocol (the demo's draft enrolment). */
export function lateAdmissionBasis(iso: string): BasisText {
  return {
    ky: `Кабыл алуу комиссиясынын ${kyDateOf(iso)} №15 протоколу (кошумча кабыл алуу)`,
    ru: `Протокол приёмной комиссии от ${ruDateOf(iso)} №15 (дополнительный приём)`,
  };
}

/** The accounting office's note behind a non-payment expulsion, dated. */
export function nonPaymentBasis(iso: string): BasisText {
  return {
    ky: `Бухгалтериянын ${kyDateOf(iso)} маалымкаты: келишим боюнча окуу акысы төлөнгөн эмес`,
    ru: `Справка бухгалтерии от ${ruDateOf(iso)}: не оплачено обучение по контракту`,
  };
}

/**
 * The faculty-wide orders of a year: enrolment, promotion and the return of those whose
 * year's leave ends, in late August; graduation in late June; vacant budget places after the
 * winter session.
 */
type FacultyOrderType = 'enrolment' | 'promotion' | 'return_from_leave' | 'graduation' | 'transfer';
const FACULTY_ORDER: Record<FacultyOrderType, { date: (year: number, fi: number) => string; effective: (year: number) => string; basis: Basis }> = {
  enrolment: { date: (y, fi) => `${y}-08-${pad2(22 + fi)}`, effective: (y) => `${y}-09-01`, basis: 'admission' },
  promotion: { date: (y, fi) => `${y}-08-${pad2(26 + fi)}`, effective: (y) => `${y}-09-01`, basis: 'council' },
  return_from_leave: { date: (y, fi) => `${y}-08-${pad2(25 + fi)}`, effective: (y) => `${y}-09-01`, basis: 'leave_end' },
  graduation: { date: (y, fi) => `${y}-06-${pad2(24 + fi)}`, effective: (y) => `${y}-06-30`, basis: 'state_commission' },
  transfer: { date: (y, fi) => `${y}-01-${pad2(26 + fi)}`, effective: (y) => `${y}-02-01`, basis: 'budget_contest' },
};

const LEAVE_BASES: readonly (readonly [Basis, number])[] = [
  ['leave_medical', 5],
  ['leave_family', 4],
  ['leave_military', 1],
];

/** a small order lists at most this many students; more on one day make another order */
export const SMALL_ORDER_MAX = 5;

/** Collects the students' events into orders as the students are planned. */
export class OrderBook {
  private readonly orders = new Map<string, PlannedOrder>();
  /** small-order bucket → its latest order, the students given to it, how many orders the bucket has */
  private readonly open = new Map<string, { order: PlannedOrder; count: number; parts: number }>();

  /** `rng` is the book's own stream: dates and bases of the small orders */
  constructor(private readonly rng: Rng) {}

  /** The one order of its kind for a faculty and year. */
  facultyOrder(type: FacultyOrderType, year: number, faculty: FacultyRow): PlannedOrder {
    const key = `${type}|${year}|${faculty.index}`;
    let order = this.orders.get(key);
    if (!order) {
      const spec = FACULTY_ORDER[type];
      order = {
        key,
        type,
        faculty,
        orderDate: spec.date(year, faculty.index),
        effective: spec.effective(year),
        expulsionReason: null,
        basis: spec.basis,
        items: [],
      };
      this.orders.set(key, order);
    }
    return order;
  }

  /**
   * A small order for one student's event: students of one faculty whose event of this type
   * (and expulsion reason) takes effect on the same day share it, up to SMALL_ORDER_MAX of
   * them. Signed up to `maxDaysBefore` days earlier. Call once per event.
   */
  smallOrder(
    type: 'transfer' | 'academic_leave' | 'return_from_leave' | 'expulsion',
    faculty: FacultyRow,
    effective: string,
    maxDaysBefore: number,
    expulsionReason: ExpulsionReason | null = null,
  ): PlannedOrder {
    const bucket = `${type}|${faculty.index}|${effective}|${expulsionReason ?? ''}`;
    const current = this.open.get(bucket);
    if (current && current.count < SMALL_ORDER_MAX) {
      current.count++;
      return current.order;
    }
    const parts = (current?.parts ?? 0) + 1;
    const key = `${bucket}|${parts}`;
    let basis: Basis;
    if (type === 'expulsion') basis = expulsionReason!;
    else if (type === 'academic_leave') basis = this.rng.weighted(LEAVE_BASES);
    else if (type === 'return_from_leave') basis = 'leave_end';
    else basis = 'application';
    const order: PlannedOrder = {
      key,
      type,
      faculty,
      orderDate: addDays(effective, -this.rng.int(0, maxDaysBefore)),
      effective,
      expulsionReason,
      basis,
      items: [],
    };
    this.orders.set(key, order);
    this.open.set(bucket, { order, count: 1, parts });
    return order;
  }

  /** The signed orders in the order they were signed, numbered per (year, type) series. */
  numbered(): PlannedOrder[] {
    const list = [...this.orders.values()].filter((o) => o.items.length > 0);
    list.sort(
      (a, b) =>
        (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0) ||
        a.faculty.index - b.faculty.index ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    const seqs = new Map<string, number>();
    for (const o of list) {
      const series = `${o.orderDate.slice(0, 4)}|${o.type}`;
      const seq = (seqs.get(series) ?? 0) + 1;
      seqs.set(series, seq);
      o.seq = seq;
      o.number = formatOrderNumber(o.type, seq);
    }
    return list;
  }
}

/** A row stamp of the signature: signed at noon of the order date. */
export function signedAtOf(orderDate: string): string {
  return `${orderDate}T12:00:00.000Z`;
}

/** The StudentStateView JSON, in the key order the app writes it. */
export function stateJson(
  name: NameParts,
  status: StudentStatus,
  group: GroupRow,
  course: number,
  funding: Funding,
): string {
  return JSON.stringify({
    status,
    groupId: group.id,
    course,
    form: group.form,
    funding,
    lastName: name.lastName,
    firstName: name.firstName,
    patronymic: name.patronymic,
    groupName: group.name,
  });
}

export function eventJson(s: OrderStudent, e: StudentEvent): string {
  e.json ??= stateJson(s.name, e.status, e.group, e.course, e.funding);
  return e.json;
}

/** Items are listed by group, then alphabetically, as an order's appendix lists them. */
function sortItems(items: PlannedOrder['items']): void {
  items.sort((a, b) => {
    const ga = a.event.group.name;
    const gb = b.event.group.name;
    return (ga < gb ? -1 : ga > gb ? 1 : 0) || a.student.nameRank - b.student.nameRank;
  });
}

/**
 * Writes the signed orders and their items (the students must be written already), and
 * gives each event its item id for the history row. Returns the orders in signing order.
 */
export function insertSignedOrders(ctx: DemoContext, book: OrderBook, signerId: string): PlannedOrder[] {
  const insItem = ctx.store.orderItem;
  const orders = book.numbered();
  for (const o of orders) {
    o.id = ctx.ids.next();
    const signedAt = signedAtOf(o.orderDate);
    const basis = reasonText(o);
    ctx.store.order(
      o.id,
      o.type,
      'signed',
      o.faculty.id,
      Number(o.orderDate.slice(0, 4)),
      o.seq!,
      o.number!,
      o.orderDate,
      o.effective,
      basis.ky,
      basis.ru,
      o.expulsionReason,
      signerId,
      signerId,
      signedAt,
      // a draft starts at version 1; signing makes it 2
      2,
      stampOf(o.orderDate),
      signedAt,
    );
    sortItems(o.items);
    o.items.forEach(({ student, event }, i) => {
      const index = student.events.indexOf(event);
      const prev = index > 0 ? student.events[index - 1] : undefined;
      // an enrolment takes an applicant of the group into it
      const before = prev
        ? eventJson(student, prev)
        : stateJson(student.name, 'applicant', event.group, 1, event.funding);
      event.itemId = ctx.ids.next();
      writeItem(insItem, event.itemId, o.id!, student.id, i + 1, event.item, before, eventJson(student, event));
    });
  }
  return orders;
}

function writeItem(
  ins: Insert,
  id: string,
  orderId: string,
  studentId: string,
  position: number,
  item: ItemPlan,
  before: string | null,
  after: string | null,
): void {
  ins(
    id,
    orderId,
    studentId,
    position,
    item.targetGroup?.id ?? null,
    item.targetCourse ?? null,
    item.targetFunding ?? null,
    item.leaveFrom ?? null,
    item.leaveTo ?? null,
    item.honours ? 1 : 0,
    before,
    after,
  );
}

export interface DraftStudent {
  readonly id: string;
  readonly group: GroupRow;
  readonly funding: Funding;
  readonly nameRank: number;
}

export interface DraftOrderPlan {
  readonly type: 'enrolment' | 'expulsion';
  readonly faculty: FacultyRow;
  readonly effective: string;
  readonly reason: BasisText;
  readonly expulsionReason: ExpulsionReason | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly students: readonly DraftStudent[];
  /** item parameters per student */
  readonly item: (s: DraftStudent) => ItemPlan;
}

/** A draft as the app saves one: no number, no date, no before/after until it is signed. */
export function insertDraftOrder(ctx: DemoContext, d: DraftOrderPlan): string {
  const id = ctx.ids.next();
  ctx.store.order(id, d.type, 'draft', d.faculty.id, null, null, null, null, d.effective, d.reason.ky, d.reason.ru, d.expulsionReason, d.createdBy, null, null, 1, d.createdAt, d.createdAt);
  const insItem = ctx.store.orderItem;
  const students = [...d.students].sort((a, b) => (a.group.name < b.group.name ? -1 : a.group.name > b.group.name ? 1 : 0) || a.nameRank - b.nameRank);
  students.forEach((s, i) => writeItem(insItem, ctx.ids.next(), id, s.id, i + 1, d.item(s), null, null));
  return id;
}
