/**
 * Issue 12, item 18: academic leave signed on 03.12 with effect from 07.12 must not show "on
 * leave" before 07.12 — and must on 07.12, on every workstation that keeps the student.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { createHandlers } from '../../app/handlers';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createStudentsService } from '../students/students.service';
import { bringOrdersIntoForce } from './order-in-force';
import { ordersHarness } from './orders.test-kit';
import type { RequestContext } from '../../host/dispatcher';

let db: Database;
let h: ReturnType<typeof ordersHarness>;
const SIGNED_ON = '2026-12-03';
const A = IDS.studentAigerim;
beforeEach(async () => {
  db = await createFixtureDb();
  h = ordersHarness(db, () => SIGNED_ON);
});
afterEach(() => db.close());

const row = (id: string) => db.sqlite.prepare('SELECT status, course, group_id, version FROM student WHERE id = ?').get(id) as { status: string; course: number; group_id: string; version: number };
const count = (sql: string, ...p: unknown[]) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...p) as { n: number }).n;
const leaveFrom7th = () => h.draftAndSign(USERS.studhr, 'academic_leave', '2026-12-07', [{ studentId: A, leaveTo: '2027-06-30' }], SIGNED_ON);

describe('an order signed ahead of its date', () => {
  it('leaves the student as they are today, and the card says what comes and when', async () => {
    const before = row(A);
    const o = leaveFrom7th();
    expect(o.state).toBe('signed');
    expect(row(A)).toEqual(before);
    expect(count(`outbox WHERE name = 'order.sign'`)).toBe(1);

    const card = await createStudentsService(db, () => SIGNED_ON).get(USERS.studhr, A);
    expect(card.status).toBe('active');
    const leave = card.history.at(-1)!;
    expect(leave).toMatchObject({ kind: 'academic_leave', status: 'on_leave', pending: true, leave: { from: '2026-12-07', to: '2027-06-30' } });
    expect(card.history.filter((e) => e.pending)).toHaveLength(1);
    // seen on the day itself, the same entry is history like any other
    expect((await createStudentsService(db, () => '2026-12-07').get(USERS.studhr, A)).history.at(-1)!.pending).toBe(false);
  });

  it('comes into force on its date: the row, the audit and one synced change; once', () => {
    leaveFrom7th();
    const v = row(A).version;
    expect(bringOrdersIntoForce(db, USERS.studhr, '2026-12-06')).toEqual([]);
    expect(row(A).status).toBe('active');

    const changed = bringOrdersIntoForce(db, USERS.studhr, '2026-12-07');
    expect(changed.map((c) => c.studentId)).toEqual([A]);
    expect(row(A)).toMatchObject({ status: 'on_leave', version: v + 1 });
    expect(count(`audit_log WHERE action = 'order.inForce' AND entity_id = ?`, A)).toBe(1);
    const m = db.sqlite.prepare(`SELECT payload_json FROM outbox WHERE name = 'order.inForce'`).all() as { payload_json: string }[];
    expect(m).toHaveLength(1);
    const history = db.sqlite.prepare(`SELECT id FROM student_status_history WHERE student_id = ? AND kind = 'academic_leave'`).get(A) as { id: string };
    expect(JSON.parse(m[0]!.payload_json)).toEqual({ date: '2026-12-07', students: [{ studentId: A, historyId: history.id }] });

    // another day, another user: the row already is its history, nothing more is written
    expect(bringOrdersIntoForce(db, USERS.studhr, '2026-12-08')).toEqual([]);
    expect(bringOrdersIntoForce(db, USERS.clerkEcon, '2026-12-09')).toEqual([]);
    expect(count(`outbox WHERE name = 'order.inForce'`)).toBe(1);
  });

  it('a later order builds on it, and the day of each decides the row', () => {
    leaveFrom7th();
    const ret = h.draft(USERS.studhr, 'return_from_leave', '2027-07-01', [{ studentId: A }]);
    expect(ret.items[0]).toMatchObject({ problem: null, before: { status: 'on_leave' }, after: { status: 'active' } });
    h.sign(USERS.studhr, ret.id, SIGNED_ON);
    expect(row(A).status).toBe('active');
    bringOrdersIntoForce(db, USERS.studhr, '2027-01-15');
    expect(row(A).status).toBe('on_leave');
    bringOrdersIntoForce(db, USERS.studhr, '2027-07-01');
    expect(row(A).status).toBe('active');
  });

  it('cancelled before its date, it never takes effect', () => {
    const leave = leaveFrom7th();
    const cancel = h.draft(USERS.studhr, 'cancellation', SIGNED_ON, [], { cancelsOrderId: leave.id });
    h.sign(USERS.studhr, cancel.id, SIGNED_ON);
    expect(row(A).status).toBe('active');
    expect(bringOrdersIntoForce(db, USERS.studhr, '2026-12-07')).toEqual([]);
    expect(row(A).status).toBe('active');
  });

  it('only a workstation that keeps the student writes it: not another faculty, not a reader', () => {
    leaveFrom7th();
    expect(bringOrdersIntoForce(db, USERS.clerkLaw, '2026-12-07')).toEqual([]);
    expect(bringOrdersIntoForce(db, USERS.accountant, '2026-12-07')).toEqual([]);
    expect(row(A).status).toBe('active');
    expect(bringOrdersIntoForce(db, USERS.clerkEcon, '2026-12-07').map((c) => c.studentId)).toEqual([A]);
  });

  it('a promotion dated ahead moves the student and the group up on its date', () => {
    h.draftAndSign(USERS.studhr, 'promotion', '2026-12-20', [{ studentId: A }, { studentId: IDS.studentNurlan }], SIGNED_ON);
    expect(row(A).course).toBe(1);
    bringOrdersIntoForce(db, USERS.studhr, '2026-12-20');
    expect(row(A).course).toBe(2);
    expect(db.sqlite.prepare('SELECT course FROM student_group WHERE id = ?').get(IDS.groupEcon1)).toEqual({ course: 2 });
  });

  it('any request of a signed-in user brings due orders into force (the app runs it, not a person)', async () => {
    // signed on 30.11 with effect from 01.12: by the real today it is due
    ordersHarness(db, () => '2026-11-30').draftAndSign(USERS.studhr, 'academic_leave', '2026-12-01', [{ studentId: A, leaveTo: '2027-06-30' }], '2026-11-30');
    expect(row(A).status).toBe('active');
    // as it was written on the 30th (the test's clock only fakes the university's date)
    db.sqlite.prepare(`UPDATE student_status_history SET created_at = '2026-11-30T09:00:00.000Z' WHERE kind = 'academic_leave'`).run();
    const handlers = createHandlers(db, 'test');
    const ctx = { session: USERS.clerkEcon, locale: 'ru' } as unknown as RequestContext;
    const card = await handlers['students.get']({ id: A }, ctx);
    expect(card.status).toBe('on_leave');
  });
});
