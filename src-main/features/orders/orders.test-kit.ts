/** Helpers shared by the orders tests: more students in a group, and sign-in-and-sign shortcuts. */
import { studentSearchText } from '../../../src-shared/domain/search-text';
import type { Database } from '../../db/connection';
import type { OrderItemInput, SessionUser } from '../../../src-shared/contract';
import type { OrderType } from '../../../src-shared/domain/orders';
import { createOrdersService } from './orders.service';
import { signOrder } from './order-signing';

export function addStudents(db: Database, groupId: string, n: number, course = 1): string[] {
  const ids: string[] = [];
  const ins = db.sqlite.prepare(`INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no, group_id, course, funding, base_education, admission_year, status, search_text, created_at, updated_at)
    VALUES (?, ?, ?, NULL, 'F', '2007-01-01', NULL, 'KG', ?, ?, ?, 'budget', 'school', 2026, 'active', ?, '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')`);
  const hist = db.sqlite.prepare(`INSERT INTO student_status_history (id, student_id, effective_date, kind, status, group_id, course, form, funding, last_name, first_name, patronymic, order_no, order_date, created_at)
    VALUES (?, ?, '2026-09-01', 'enrolment', 'active', ?, ?, 'full_time', 'budget', ?, 'Айзада', NULL, '1-з', '2026-08-25', '2026-09-01T00:00:00Z')`);
  for (let i = 1; i <= n; i++) {
    const id = `00000000-0000-7000-9000-${String(i).padStart(12, '0')}`;
    const last = `Студент-${String(i).padStart(2, '0')}`;
    const book = `T-${i}`;
    ins.run(id, last, 'Айзада', book, groupId, course, studentSearchText({ last_name: last, first_name: 'Айзада', patronymic: null, pin: null, record_book_no: book }));
    hist.run(`00000000-0000-7000-a000-${String(i).padStart(12, '0')}`, id, groupId, course, last);
    ids.push(id);
  }
  return ids;
}

/**
 * `today` is the university's date the orders are signed on: far ahead by default, so every
 * order is in force at once; tests of orders dated ahead pass their own.
 */
export function ordersHarness(db: Database, today: () => string = () => '2099-12-31') {
  const orders = createOrdersService(db);
  const draft = (user: SessionUser, type: OrderType, effectiveDate: string, items: OrderItemInput[], extra: Record<string, unknown> = {}) =>
    orders.create(user, { type, effectiveDate, reason: 'Студенттин арызы', reasonRu: 'Заявление студента', items, ...extra }, 'ru');
  const sign = (user: SessionUser, id: string, orderDate = '2026-08-28') => {
    const o = orders.detail(user, id, 'ru');
    return signOrder(db, orders, user, { id, version: o.version, orderDate }, 'ru', today);
  };
  const draftAndSign = (user: SessionUser, type: OrderType, effectiveDate: string, items: OrderItemInput[], orderDate = effectiveDate, extra: Record<string, unknown> = {}) =>
    sign(user, draft(user, type, effectiveDate, items, extra).id, orderDate);
  return { orders, draft, sign, draftAndSign };
}
