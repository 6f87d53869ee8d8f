/**
 * An order dated ahead comes into force on the workstations (src-main/features/orders/
 * order-in-force.ts); the server lets that change through only when it copies a live history
 * row of the same student whose date has come (issue 12, item 18).
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { importTableRows } from '../import/row-import';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { enrol, F1, history, serverSuite, storedData, student, update } from '../test/sync-test-kit';

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
});
