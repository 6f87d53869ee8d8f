import { describe, expect, it } from 'vitest';
import type { OrderDetail, OrderItemView, StudentRow } from '../../../src-shared/contract';
import { addStudents, buildOrderFields, draftCounts, draftFromDetail, newDraft, patchItem, signBlocker, type OrderDraft } from './order-draft';

const row = (id: string, over: Partial<StudentRow> = {}): StudentRow => ({
  id,
  lastName: 'Үсөнов',
  firstName: 'Нурлан',
  patronymic: null,
  recordBookNo: `26-${id}`,
  pin: null,
  groupId: 'g1',
  facultyId: 'f1',
  specialtyId: 's1',
  course: 1,
  form: 'full_time',
  funding: 'budget',
  status: 'active',
  citizenship: 'KG',
  ...over,
});

function withStudents(type: OrderDraft['type'], ids: string[]): OrderDraft {
  return { ...newDraft(type, '2026-11-22'), items: addStudents([], ids.map((i) => row(i)), () => 'ЭК-1-26').items };
}

describe('a new order', () => {
  it('starts with today as the effective date, shown DD.MM.YYYY', () => {
    expect(newDraft('promotion', '2026-11-22')).toMatchObject({ type: 'promotion', effectiveDate: '22.11.2026', items: [] });
    expect(newDraft('cancellation', '2026-11-22', 'o1').cancelsOrderId).toBe('o1');
  });

  it('adds a student once, whatever the way they were found', () => {
    const first = addStudents([], [row('1'), row('2')], () => 'ЭК-1-26');
    expect(first).toMatchObject({ added: 2, skipped: 0 });
    expect(first.items[0]!.before).toMatchObject({ groupName: 'ЭК-1-26', course: 1, status: 'active' });
    expect(first.items[0]!.checked).toBe(false);
    const again = addStudents(first.items, [row('2'), row('3'), row('3')], () => '');
    expect(again).toMatchObject({ added: 1, skipped: 2 });
    expect(again.items.map((i) => i.studentId)).toEqual(['1', '2', '3']);
  });
});

describe('the request built from the editor', () => {
  it('sends only the parameters the type reads, with ISO dates and numbers', () => {
    const d = withStudents('promotion', ['1', '2']);
    d.items[0] = patchItem(d.items[0]!, { targetCourse: '3', targetGroupId: 'g2', leaveFrom: '01.02.2026', targetFunding: 'contract' });
    d.reason = '  окумуштуулар кеңеши  ';
    d.reasonRu = '  учёный совет  ';
    const { fields, problems } = buildOrderFields(d);
    expect(problems.items.size).toBe(0);
    expect(fields).toEqual({
      effectiveDate: '2026-11-22',
      reason: 'окумуштуулар кеңеши',
      reasonRu: 'учёный совет',
      items: [
        { studentId: '1', targetGroupId: 'g2', targetCourse: 3 },
        { studentId: '2', targetGroupId: null, targetCourse: null },
      ],
    });
  });

  it('reads academic leave dates, honours and new names', () => {
    const leave = withStudents('academic_leave', ['1']);
    leave.items[0] = patchItem(leave.items[0]!, { leaveFrom: '1.2.2027', leaveTo: '01.02.2028' });
    expect(buildOrderFields(leave).fields!.items).toEqual([{ studentId: '1', leaveFrom: '2027-02-01', leaveTo: '2028-02-01' }]);

    const grad = withStudents('graduation', ['1']);
    grad.items[0] = patchItem(grad.items[0]!, { honours: true });
    expect(buildOrderFields(grad).fields!.items).toEqual([{ studentId: '1', honours: true }]);

    const name = withStudents('name_change', ['1']);
    name.items[0] = patchItem(name.items[0]!, { newLastName: ' Асанова ', newFirstName: 'Айгүл', newPatronymic: '' });
    expect(buildOrderFields(name).fields!.items).toEqual([
      { studentId: '1', newLastName: 'Асанова', newFirstName: 'Айгүл', newPatronymic: null },
    ]);
  });

  it('refuses before asking the server what cannot be sent', () => {
    const d = withStudents('academic_leave', ['1']);
    d.effectiveDate = '30.02.2026';
    d.items[0] = patchItem(d.items[0]!, { leaveTo: '2027-02-01' });
    const { fields, problems } = buildOrderFields(d);
    expect(fields).toBeNull();
    expect(problems.order).toEqual({ effectiveDate: 'orders.invalidDate' });
    expect(problems.items.get(d.items[0]!.key)).toEqual({ leaveTo: 'orders.invalidDate' });

    const bad = withStudents('transfer', ['1']);
    bad.items[0] = patchItem(bad.items[0]!, { targetCourse: '7' });
    expect(buildOrderFields(bad).problems.items.get(bad.items[0]!.key)).toEqual({ targetCourse: 'orders.invalidCourse' });
  });

  it('asks what the type needs as a whole', () => {
    expect(buildOrderFields(newDraft('promotion', '2026-11-22')).problems.order).toEqual({ items: 'orders.noStudents' });
    const exp = withStudents('expulsion', ['1']);
    expect(buildOrderFields(exp).problems.order).toEqual({ expulsionReason: 'orders.required' });
    exp.expulsionReason = 'own_wish';
    expect(buildOrderFields(exp).fields).toMatchObject({ expulsionReason: 'own_wish', items: [{ studentId: '1' }] });
    // a cancellation names the order, never students
    const c = newDraft('cancellation', '2026-11-22');
    expect(buildOrderFields(c).problems.order).toEqual({ cancelsOrderId: 'orders.required' });
    c.cancelsOrderId = 'o1';
    expect(buildOrderFields(c).fields).toEqual({ effectiveDate: '2026-11-22', reason: '', reasonRu: '', items: [] });
  });
});

const state = { status: 'active' as const, groupId: 'g1', groupName: 'ЭК-1-26', course: 1, form: 'full_time' as const, funding: 'budget' as const, lastName: 'Үсөнов', firstName: 'Нурлан', patronymic: null };
const view = (studentId: string, problem: string | null = null): OrderItemView => ({
  id: `server-${studentId}-${Math.random()}`,
  position: 1,
  studentId,
  lastName: 'Үсөнов',
  firstName: 'Нурлан',
  patronymic: null,
  recordBookNo: '26-1',
  params: { studentId, targetCourse: 2, leaveFrom: '2027-02-01' },
  before: state,
  after: problem ? null : { ...state, course: 2 },
  problem,
});
const detail = (items: OrderItemView[]): OrderDetail => ({
  id: 'o1',
  type: 'promotion',
  state: 'draft',
  number: null,
  orderDate: null,
  effectiveDate: '2026-11-20',
  reason: 'r',
  reasonRu: 'р',
  facultyId: 'f1',
  studentCount: items.length,
  createdBy: 'studhr',
  signedBy: null,
  cancelsOrderId: null,
  cancelledByOrderId: null,
  version: 2,
  expulsionReason: null,
  cancels: null,
  cancelledBy: null,
  items,
  canEdit: true,
  canSign: true,
});

describe('the server answer in the editor', () => {
  it('keeps the row keys of what was sent and shows the preview', () => {
    const sent = withStudents('promotion', ['1', '2']).items;
    const d = draftFromDetail(detail([view('1'), view('2', 'нужен статус «обучается»')]), sent);
    expect(d.items.map((i) => i.key)).toEqual(sent.map((i) => i.key));
    expect(d.effectiveDate).toBe('20.11.2026');
    expect(d.items[0]).toMatchObject({ targetCourse: '2', leaveFrom: '01.02.2027', checked: true, problem: null });
    expect(d.items[0]!.after!.course).toBe(2);
    expect(draftCounts(d.items)).toEqual({ total: 2, problems: 1, unchecked: 0 });
  });

  it('offers signing only for a saved draft with its basis in both languages and no problems', () => {
    const clean = draftFromDetail(detail([view('1')])).items;
    const basis = { reason: 'арыз', reasonRu: 'заявление' };
    expect(signBlocker({ canSign: true, dirty: false, items: clean, reason: 'арыз', reasonRu: ' ' })).toBe('orders.signHint.basis');
    expect(signBlocker({ canSign: true, dirty: false, items: clean, reason: '', reasonRu: 'заявление' })).toBe('orders.signHint.basis');
    expect(signBlocker({ canSign: true, dirty: false, items: clean, ...basis })).toBeNull();
    expect(signBlocker({ canSign: true, dirty: true, items: clean, ...basis })).toBe('orders.signHint.unsaved');
    expect(signBlocker({ canSign: true, dirty: false, items: [], ...basis })).toBe('orders.signHint.empty');
    expect(signBlocker({ canSign: true, dirty: false, items: [patchItem(clean[0]!, {})], ...basis })).toBe('orders.signHint.unsaved');
    expect(signBlocker({ canSign: true, dirty: false, items: draftFromDetail(detail([view('1', 'x')])).items, ...basis })).toBe('orders.signHint.problems');
    expect(signBlocker({ canSign: false, dirty: true, items: [], ...basis })).toBeNull();
  });
});
