import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { refusal } from '../../testing/refusal';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { addStudents, ordersHarness } from './orders.test-kit';
import { studentStateOn, allStatesOn } from './student-state.repository';

let db: Database;
let h: ReturnType<typeof ordersHarness>;
beforeEach(async () => {
  db = await createFixtureDb();
  h = ordersHarness(db);
});
afterEach(() => db.close());

const student = (id: string) => db.sqlite.prepare('SELECT status, group_id, course, funding, last_name, patronymic, version FROM student WHERE id = ?').get(id) as Record<string, unknown>;
const count = (sql: string, ...p: unknown[]) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...p) as { n: number }).n;

describe('a promotion order from draft to signature', () => {
  it('previews, then signs: number, new course, history with the order, audit and outbox in one go', () => {
    const d = h.draft(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }, { studentId: IDS.studentNurlan }]);
    expect(d.state).toBe('draft');
    expect(d.number).toBeNull();
    expect(d.items.map((i) => [i.before?.course, i.after?.course, i.problem])).toEqual([[1, 2, null], [1, 2, null]]);
    expect(student(IDS.studentAigerim).course).toBe(1);

    const s = h.sign(USERS.studhr, d.id, '2026-08-28');
    expect(s).toMatchObject({ state: 'signed', number: '1-п', orderDate: '2026-08-28', canEdit: false, canSign: false });
    expect(student(IDS.studentAigerim)).toMatchObject({ status: 'active', course: 2, version: 2 });
    const hist = db.sqlite.prepare(`SELECT kind, course, order_no, order_id FROM student_status_history WHERE student_id = ? ORDER BY rowid`).all(IDS.studentAigerim);
    expect(hist.at(-1)).toEqual({ kind: 'promotion', course: 2, order_no: '1-п', order_id: d.id });
    expect(count(`audit_log WHERE action = 'order.promotion'`)).toBe(2);
    expect(count(`audit_log WHERE action = 'order.sign'`)).toBe(1);
    expect(count(`outbox WHERE name = 'order.sign'`)).toBe(1);
    // the group moves up with its students
    expect(db.sqlite.prepare('SELECT course FROM student_group WHERE id = ?').get(IDS.groupEcon1)).toEqual({ course: 2 });
  });

  it('numbers orders per year and type series', () => {
    expect(h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }]).number).toBe('1-п');
    expect(h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentNurlan }]).number).toBe('2-п');
    expect(h.draftAndSign(USERS.studhr, 'transfer', '2026-09-02', [{ studentId: IDS.studentUmut, targetFunding: 'budget' }]).number).toBe('1-т');
    expect(h.draftAndSign(USERS.studhr, 'promotion', '2027-09-01', [{ studentId: IDS.studentOmur }], '2027-08-28').number).toBe('1-п');
  });

  it('fixes a signed order: no edit, no second signature, no delete', () => {
    const s = h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }]);
    expect(refusal(() => h.orders.update(USERS.studhr, { id: s.id, version: s.version, reason: 'x' }, 'ru')).key).toBe('error.order.notDraft');
    expect(refusal(() => h.sign(USERS.studhr, s.id)).key).toBe('error.order.notDraft');
    expect(refusal(() => h.orders.remove(USERS.studhr, { id: s.id, version: s.version })).key).toBe('error.order.notDraft');
  });

  it('signs only with its basis in Kyrgyz and in Russian, naming the missing one; nothing changes', () => {
    const d = h.draft(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }], { reasonRu: '  ' });
    const e = refusal(() => h.sign(USERS.studhr, d.id));
    expect(e.fields?.map((f) => [f.path, f.key])).toEqual([['reasonRu', 'error.order.basisRequired']]);
    expect(student(IDS.studentAigerim).course).toBe(1);
    expect(count(`audit_log WHERE action = 'order.sign'`)).toBe(0);
    const both = h.orders.update(USERS.studhr, { id: d.id, version: d.version, reason: '', reasonRu: 'Заявление студента' }, 'ru');
    expect(refusal(() => h.sign(USERS.studhr, both.id)).fields?.map((f) => f.path)).toEqual(['reason']);
    const fixed = h.orders.update(USERS.studhr, { id: d.id, version: both.version, reason: 'Студенттин арызы' }, 'ru');
    expect(h.sign(USERS.studhr, fixed.id)).toMatchObject({ state: 'signed', reason: 'Студенттин арызы', reasonRu: 'Заявление студента' });
  });

  it('refuses a stale draft version', () => {
    const d = h.draft(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }]);
    h.orders.update(USERS.studhr, { id: d.id, version: d.version, reason: 'Окумуштуулар кеңешинин чечими' }, 'ru');
    expect(refusal(() => h.orders.update(USERS.studhr, { id: d.id, version: d.version, reason: 'другое' }, 'ru')).code).toBe('conflict');
  });
});

describe('signing is all or nothing', () => {
  it('a rule refusal on student 57 of 60 names that student and changes nobody', () => {
    const ids = addStudents(db, IDS.groupEcon1, 60);
    db.sqlite.prepare(`UPDATE student SET status = 'expelled' WHERE id = ?`).run(ids[56]);
    db.sqlite.prepare(`UPDATE student_status_history SET status = 'expelled' WHERE student_id = ?`).run(ids[56]);
    const d = h.draft(USERS.studhr, 'promotion', '2026-09-01', ids.map((studentId) => ({ studentId })));
    expect(d.items[56]!.problem).toMatch(/^нужен статус «обучается», а сейчас «Отчислен»/);
    const e = refusal(() => h.sign(USERS.studhr, d.id));
    expect(e.fields).toEqual([expect.objectContaining({ path: 'items.56', key: 'order.problem', values: expect.objectContaining({ position: 57, name: 'Студент-57 Айзада' }) })]);
    expect(count(`student WHERE group_id = ? AND course = 2`, IDS.groupEcon1)).toBe(0);
    expect(h.orders.detail(USERS.studhr, d.id, 'ru').state).toBe('draft');
  });

  it('a failure while writing student 57 of 60 rolls back all 60, the number and the audit', () => {
    const ids = addStudents(db, IDS.groupEcon1, 60);
    db.sqlite.exec(`CREATE TRIGGER boom BEFORE INSERT ON student_status_history WHEN NEW.student_id = '${ids[56]}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`);
    const d = h.draft(USERS.studhr, 'promotion', '2026-09-01', ids.map((studentId) => ({ studentId })));
    const auditBefore = count('audit_log');
    expect(() => h.sign(USERS.studhr, d.id)).toThrow('disk I/O error');
    expect(ids.map((id) => student(id).course)).toEqual(ids.map(() => 1));
    expect(count(`student_status_history WHERE kind = 'promotion'`)).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
    expect(count(`outbox WHERE name = 'order.sign'`)).toBe(0);
    expect(h.orders.detail(USERS.studhr, d.id, 'ru')).toMatchObject({ state: 'draft', number: null });
  });
});

describe('history answers “what was true on date D”', () => {
  it('follows leave → return → transfer → expulsion → reinstatement', () => {
    const A = IDS.studentAigerim;
    h.draftAndSign(USERS.studhr, 'academic_leave', '2026-10-01', [{ studentId: A, leaveTo: '2027-08-31' }]);
    h.draftAndSign(USERS.studhr, 'return_from_leave', '2027-09-01', [{ studentId: A }]);
    h.draftAndSign(USERS.studhr, 'transfer', '2027-09-15', [{ studentId: A, targetGroupId: IDS.groupEcon2 }]);
    h.draftAndSign(USERS.studhr, 'expulsion', '2028-01-10', [{ studentId: A }], '2028-01-10', { expulsionReason: 'academic_failure' });
    h.draftAndSign(USERS.studhr, 'reinstatement', '2028-09-01', [{ studentId: A, targetGroupId: IDS.groupEcon2, targetCourse: 2 }]);
    const on = (d: string) => {
      const s = studentStateOn(db, A, d);
      return s && [s.status, s.groupId === IDS.groupEcon2 ? 'ЭК-2' : 'ЭК-1', s.course, s.orderNo];
    };
    expect(on('2026-08-31')).toBeNull();
    expect(on('2026-09-30')).toEqual(['active', 'ЭК-1', 1, '12-к']);
    expect(on('2026-10-01')).toEqual(['on_leave', 'ЭК-1', 1, '1-а']);
    expect(on('2027-09-01')).toEqual(['active', 'ЭК-1', 1, '1-к']);
    expect(on('2027-12-31')).toEqual(['active', 'ЭК-2', 2, '1-т']);
    expect(on('2028-05-01')).toEqual(['expelled', 'ЭК-2', 2, '1-ч']);
    expect(on('2030-01-01')).toEqual(['active', 'ЭК-2', 2, '1-р']);
    const all = allStatesOn(db, '2028-05-01');
    expect(all.get(A)?.status).toBe('expelled');
    expect(all.size).toBe(5);
  });

  it('a cancelled order no longer counts, and the student is back as before', () => {
    const A = IDS.studentAigerim;
    const exp = h.draftAndSign(USERS.studhr, 'expulsion', '2026-11-01', [{ studentId: A }], '2026-11-01', { expulsionReason: 'non_payment' });
    expect(student(A).status).toBe('expelled');
    const cancel = h.draft(USERS.studhr, 'cancellation', '2026-11-20', [], { cancelsOrderId: exp.id });
    expect(cancel.items.map((i) => i.studentId)).toEqual([A]);
    const signed = h.sign(USERS.studhr, cancel.id, '2026-11-20');
    expect(signed.number).toBe('1-ж');
    expect(student(A)).toMatchObject({ status: 'active', course: 1 });
    expect(studentStateOn(db, A, '2026-11-10')?.status).toBe('active');
    expect(h.orders.detail(USERS.studhr, exp.id, 'ru')).toMatchObject({ state: 'cancelled', cancelledByOrderId: cancel.id });
    expect(count(`student_status_history WHERE voided_by_order_id = ?`, cancel.id)).toBe(1);
  });

  it('refuses to cancel an order when the student changed again since', () => {
    const A = IDS.studentAigerim;
    const leave = h.draftAndSign(USERS.studhr, 'academic_leave', '2026-10-01', [{ studentId: A, leaveTo: '2027-08-31' }]);
    h.draftAndSign(USERS.studhr, 'expulsion', '2026-12-01', [{ studentId: A }], '2026-12-01', { expulsionReason: 'own_wish' });
    const cancel = h.draft(USERS.studhr, 'cancellation', '2026-12-05', [], { cancelsOrderId: leave.id });
    const e = refusal(() => h.sign(USERS.studhr, cancel.id, '2026-12-05'));
    expect(e.key).toBe('error.order.problems');
    expect(student(A).status).toBe('expelled');
  });
});

describe('who may draft, sign and see orders', () => {
  it('a clerk drafts for their own faculty only and cannot sign', () => {
    const d = h.draft(USERS.clerkEcon, 'expulsion', '2026-10-01', [{ studentId: IDS.studentNurlan }], { expulsionReason: 'own_wish' });
    expect(d.facultyId).toBe(IDS.facEcon);
    expect(d.canSign).toBe(false);
    const e = refusal(() => h.draft(USERS.clerkEcon, 'expulsion', '2026-10-01', [{ studentId: IDS.studentOmur }], { expulsionReason: 'own_wish' }));
    expect(e.fields?.[0]).toMatchObject({ path: 'items.0.studentId', values: expect.objectContaining({ name: 'Өмүралиева Мөлмөл Таалайбековна' }) });
    expect(refusal(() => h.sign(USERS.clerkEcon, d.id)).code).toBe('forbidden');
    expect(h.sign(USERS.studhr, d.id).state).toBe('signed');
  });

  it('gives the signer the drafts waiting for a signature, each with what still stands in the way', () => {
    const ready = h.draft(USERS.clerkEcon, 'expulsion', '2026-10-01', [{ studentId: IDS.studentNurlan }], { expulsionReason: 'own_wish' });
    const unready = h.draft(USERS.studhr, 'academic_leave', '2026-10-01', [{ studentId: IDS.studentAigerim }, { studentId: IDS.studentUmut, leaveTo: '2027-08-31' }], { reasonRu: '' });
    h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentOmur }]);
    const tray = new Map(h.orders.toSign(USERS.studhr).rows.map((r) => [r.id, r]));
    expect([...tray.keys()].sort()).toEqual([ready.id, unready.id].sort());
    expect(tray.get(ready.id)).toMatchObject({ problems: 0, missingBasis: [], studentCount: 1, createdBy: expect.any(String) });
    // Aigerim has no end date for her leave; the Russian basis is empty
    expect(tray.get(unready.id)).toMatchObject({ problems: 1, missingBasis: ['reasonRu'], studentCount: 2 });
    // only those who sign have an in-tray
    expect(refusal(() => h.orders.toSign(USERS.clerkEcon)).code).toBe('forbidden');
  });

  it('a clerk of another faculty neither lists nor opens it', async () => {
    const s = h.draftAndSign(USERS.studhr, 'promotion', '2026-09-01', [{ studentId: IDS.studentAigerim }]);
    expect(s.facultyId).toBe(IDS.facEcon);
    expect((await h.orders.list(USERS.clerkLaw, { offset: 0, limit: 100 })).total).toBe(0);
    expect((await h.orders.list(USERS.clerkEcon, { offset: 0, limit: 100 })).rows.map((r) => r.id)).toEqual([s.id]);
    expect(refusal(() => h.orders.detail(USERS.clerkLaw, s.id, 'ru')).key).toBe('error.forbidden.orderScope');
    expect(refusal(() => h.orders.detail(USERS.hr, s.id, 'ru')).code).toBe('forbidden');
  });

  it('an expulsion needs its reason; an order needs students', () => {
    expect(refusal(() => h.draft(USERS.studhr, 'expulsion', '2026-10-01', [{ studentId: IDS.studentNurlan }])).fields?.[0]?.path).toBe('expulsionReason');
    expect(refusal(() => h.draft(USERS.studhr, 'promotion', '2026-10-01', [])).key).toBe('error.order.empty');
  });
});
