/**
 * Orders' settings and effects that workstations push (issue 12): an order dated ahead comes
 * into force on the workstations (src-main/features/orders/order-in-force.ts) and the server
 * lets that change through only when it copies a live history row of the same student whose
 * date has come; the visas every order carries are set by the administrator alone.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { importTableRows } from '../import/row-import';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { enrol, F1, history, serverSuite, storedData, student, update } from '../test/sync-test-kit';
import { sampleRow } from '../../src-shared/sync/row-schema';
import { syncTable } from '../../src-shared/sync/tables';

describe.each(TEST_BACKENDS)('an order coming into force ($name)', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  serverSuite(backend, (s) => ({ db, app } = s), { university: true });

  const inForce = (historyId: string, changes: Record<string, unknown>) => ({
    mutation: { name: 'order.inForce', entity: 'student', entityId: 's1', baseVersion: null },
    payload: { date: '2026-12-07', students: [{ studentId: 's1', historyId }] },
    row: update('student', student('s1', 'g1', 'budget'), changes),
  });
  type Change = ReturnType<typeof inForce>;
  const tx = (d: Awaited<ReturnType<typeof enrol>>, c: Change) => {
    const t = d.tx([c.mutation], [c.row]);
    t.mutations[0]!.payload = c.payload;
    return t;
  };

  it('takes the history row whose date has come; refuses another state, a row not yet due, or one of another student', async () => {
    await importTableRows(db.kysely, 'student_status_history', [
      history('h-due', 's1', { effective_date: '2026-01-05', status: 'on_leave' }),
      history('h-ahead', 's1', { effective_date: '2099-09-01', status: 'expelled' }),
      history('h-other', 's2', { effective_date: '2026-01-05', status: 'on_leave' }),
    ]);
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const forged = inForce('h-due', { status: 'expelled' });
    const early = inForce('h-ahead', { status: 'expelled' });
    const foreign = inForce('h-other', { status: 'on_leave' });
    const r = await clerk.push([early, forged, foreign].map((c) => tx(clerk, c)));
    expect(r.results.map((x) => [x.code, x.message])).toEqual([
      ['invalid_row', 'student s1: effective_date: the order comes into force on 2099-09-01, not yet'],
      ['invalid_row', 'student s1: status: not the value of the order in force (history h-due)'],
      ['invalid_row', 'student s1: order.inForce names no live history row of this student'],
    ]);
    expect(await storedData(db.kysely, 'student', 's1')).toMatchObject({ status: 'active', version: 1 });

    const ok = inForce('h-due', { status: 'on_leave' });
    expect((await clerk.push([tx(clerk, ok)])).results[0]!.status).toBe('applied');
    expect(await storedData(db.kysely, 'student', 's1')).toMatchObject({ status: 'on_leave' });
  });

  it('takes the visas of orders from the administrator’s workstation only', async () => {
    const position = sampleRow(syncTable('position')!.row, 'p-vice', { category: 'administrative', order_visa: null });
    await importTableRows(db.kysely, 'position', [position]);
    const change = (d: Awaited<ReturnType<typeof enrol>>) => d.tx([{ name: 'orders.visas', entity: 'position', entityId: 'p-vice', baseVersion: null }], [update('position', position, { order_visa: 1 })]);
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    expect((await clerk.push([change(clerk)])).results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const admin = await enrol(app, 'admin', { kind: 'all' });
    expect((await admin.push([change(admin)])).results[0]!.status).toBe('applied');
    expect(await storedData(db.kysely, 'position', 'p-vice')).toMatchObject({ order_visa: 1 });
  });
});
