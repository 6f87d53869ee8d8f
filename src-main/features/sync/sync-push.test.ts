import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { IDS, USERS } from '../../testing/fixture';
import { sheetsFixture } from '../grade-sheets/grade-sheets.test-kit';
import { createGradeSheetsService } from '../grade-sheets/grade-sheets.service';
import { enrolLocally } from './sync.test-kit';
import { withServerRows } from './sync-apply.repository';
import { applyPushResponse, nextBatch } from './sync-push';
import { markServerRestored, readSyncState, requeueForResend, sentMutationIds } from './sync-state.repository';
import { KEEP_SENT_DAYS, settleAnswers } from './outbox.repository';

let db: Database;
let sheets: ReturnType<typeof createGradeSheetsService>;
let f: Awaited<ReturnType<typeof sheetsFixture>>;

beforeEach(async () => {
  f = await sheetsFixture();
  ({ db, sheets } = f);
});
afterEach(() => db.close());

describe('push', () => {
  it('sends only what was written after enrolment, grouped by local transaction, with the rows each wrote', () => {
    const micro = f.prepared();
    expect(readSyncState(db)).toBeNull();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const state = readSyncState(db)!;
    expect(nextBatch(db, state)).toBeNull();
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }, { studentId: IDS.studentNurlan, parts: { m1: 20 } }] }, 'ru');
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m2: 20 } }] }, 'ru');
    const batch = nextBatch(db, state)!;
    expect(batch.transactions).toHaveLength(2);
    const [first, second] = batch.transactions as [typeof batch.transactions[0], typeof batch.transactions[0]];
    expect(first.mutations.map((m) => [m.seq, m.name])).toEqual([[1, 'grade.set'], [2, 'grade.set']]);
    expect(second.mutations.map((m) => m.seq)).toEqual([3]);
    const update = second.rows.find((r) => r.table === 'grade')!;
    expect(update.op).toBe('update');
    expect(JSON.parse(String(update.values!.parts_json))).toEqual({ m1: 25, m2: 20 });
    // an update carries the fields it changed and the version it was based on, not the whole row twice
    expect(update.old).toHaveProperty('parts_json');
    expect(update.old).not.toHaveProperty('sheet_id');
    expect(update.old).not.toHaveProperty('student_id');
    expect(update.old!.version).toBe((update.values!.version as number) - 1);
  });

  it('records the answers: applied leaves nothing behind; a conflict keeps both values for a person and follows the server', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const state = readSyncState(db)!;
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }] }, 'ru');
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentNurlan, parts: { m1: 10 } }] }, 'ru');
    const batch = nextBatch(db, state)!;
    const nurlanRow = batch.transactions[1]!.rows.find((r) => r.table === 'grade')!;
    const serverRow = { ...nurlanRow.values!, parts_json: '{"m1":30}', version: 7 };
    const res: PushResponse = {
      lastSeq: 2,
      results: [
        { seq: 1, mutationId: batch.transactions[0]!.mutations[0]!.mutationId, status: 'applied' },
        {
          seq: 2,
          mutationId: batch.transactions[1]!.mutations[0]!.mutationId,
          status: 'conflict',
          conflicts: [{ id: 'c1', table: 'grade', rowId: nurlanRow.id, fields: [{ field: 'parts_json', server: '{"m1":30}', device: '{"m1":10}' }], serverChangedBy: 'clerk (ЭФ-2)', serverChangedAt: '2026-11-22T05:00:00Z' }],
        },
      ],
      restore: [{ table: 'grade', id: nurlanRow.id, op: 'upsert', values: serverRow }],
    };
    const out = applyPushResponse(db, state, batch, res);
    expect(out).toMatchObject({ applied: 1, conflicts: 1, rejected: 0 });
    expect(db.sqlite.prepare(`SELECT state FROM outbox WHERE seq > ? ORDER BY seq`).pluck().all(state.baselineSeq)).toEqual(['applied', 'conflict']);
    expect(f.count('sync_change')).toBe(0);
    expect(nextBatch(db, state)).toBeNull();
    // the replica holds the server's value now; the person sees both
    expect(db.sqlite.prepare('SELECT parts_json, version FROM grade WHERE id = ?').get(nurlanRow.id)).toEqual({ parts_json: '{"m1":30}', version: 7 });
    const issue = db.sqlite.prepare('SELECT kind, mutation_name, table_name, row_id, server_json FROM sync_issue').get() as Record<string, string>;
    expect(issue).toMatchObject({ kind: 'conflict', mutation_name: 'grade.set', table_name: 'grade', row_id: nurlanRow.id });
    expect(JSON.parse(issue.server_json!)[0].fields[0]).toEqual({ field: 'parts_json', server: '{"m1":30}', device: '{"m1":10}' });
    // restoring came from the server: it is not captured to be sent back
    expect(f.count('sync_change')).toBe(0);
  });

  it('leaves a transaction the server did not answer (a gap, a cut connection) to be sent again, whole', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const state = readSyncState(db)!;
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }] }, 'ru');
    const batch = nextBatch(db, state)!;
    const out = applyPushResponse(db, state, batch, { lastSeq: 0, results: [], restore: [], gapAt: 1 });
    expect(out.gap).toBe(true);
    expect(nextBatch(db, state)!.transactions).toEqual(batch.transactions);
  });

  it('keeps what the server confirmed, and sends it again when a restored server lacks it', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const state = readSyncState(db)!;
    const answerAll = (b: ReturnType<typeof nextBatch>) =>
      applyPushResponse(db, readSyncState(db)!, b!, { lastSeq: 0, restore: [], results: b!.transactions.flatMap((t) => t.mutations.map((m) => ({ seq: m.seq, mutationId: m.mutationId, status: 'applied' as const }))) });
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }] }, 'ru');
    answerAll(nextBatch(db, state));
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentNurlan, parts: { m1: 21 } }] }, 'ru');
    const second = nextBatch(db, state)!;
    answerAll(second);
    expect(nextBatch(db, state)).toBeNull();
    expect(readSyncState(db)!.confirmedSeq).toBe(2);
    // the server was restored to a copy holding only the first change: it does not know the second
    expect(sentMutationIds(db, 10)).toEqual([second.transactions[0]!.mutations[0]!.mutationId, expect.any(String)]);
    expect(requeueForResend(db, state.baselineSeq, [second.transactions[0]!.mutations[0]!.mutationId])).toBe(1);
    markServerRestored(db, 1, new Date(), 1, KEEP_SENT_DAYS);
    const again = nextBatch(db, readSyncState(db)!)!;
    expect(again.transactions.map((t) => t.mutations.map((m) => m.seq))).toEqual([[2]]);
    expect(again.transactions[0]!.rows).toEqual(second.transactions[0]!.rows);
    expect(readSyncState(db)).toMatchObject({ bootstrapped: false, cursor: '0', resent: 1, tooOld: 0 });
    expect(readSyncState(db)!.serverRestoredAt).not.toBeNull();
  });

  it('forgets confirmed rows after the keeping period, and counts what it could no longer send again', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const state = readSyncState(db)!;
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }] }, 'ru');
    const b = nextBatch(db, state)!;
    applyPushResponse(db, state, b, { lastSeq: 1, restore: [], results: [{ seq: 1, mutationId: b.transactions[0]!.mutations[0]!.mutationId, status: 'applied' }] });
    expect(f.count('sync_sent')).toBeGreaterThan(0);
    const later = new Date(Date.now() + (KEEP_SENT_DAYS + 1) * 86_400_000);
    settleAnswers(db, later, 1);
    expect(f.count('sync_sent')).toBe(0);
    expect(sentMutationIds(db, 10)).toEqual([]);
    markServerRestored(db, 0, later, 0, KEEP_SENT_DAYS);
    expect(readSyncState(db)).toMatchObject({ resent: 0, tooOld: 1 });
    expect(nextBatch(db, readSyncState(db)!)).toBeNull();
  });

  it('a pulled row never overwrites a local change the server has not acknowledged', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    sheets.setGrades(USERS.clerkEcon, { id: micro.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 25 } }] }, 'ru');
    const mine = db.sqlite.prepare('SELECT * FROM grade WHERE sheet_id = ? AND student_id = ?').get(micro.id, IDS.studentAigerim) as Record<string, unknown>;
    const other = db.sqlite.prepare('SELECT * FROM grade WHERE sheet_id = ? AND student_id = ?').get(micro.id, IDS.studentNurlan) as Record<string, unknown>;
    const applied = withServerRows(db, (w) => [
      w.apply({ table: 'grade', id: String(mine.id), op: 'upsert', values: { ...mine, parts_json: '{"m1":1}' } }, { respectPending: true }),
      w.apply({ table: 'grade', id: String(other.id), op: 'upsert', values: { ...other, parts_json: '{"m1":2}', version: 5 } }, { respectPending: true }),
    ]);
    expect(applied).toEqual([false, true]);
    expect(db.sqlite.prepare('SELECT parts_json FROM grade WHERE id = ?').pluck().get(mine.id)).toBe('{"m1":25}');
    expect(db.sqlite.prepare('SELECT parts_json FROM grade WHERE id = ?').pluck().get(other.id)).toBe('{"m1":2}');
  });

  it('a pull replaying history never takes a row back to an older version than the replica holds', () => {
    const micro = f.prepared();
    enrolLocally(db, { role: 'clerk', enrolledAt: '2026-11-22T00:00:00Z' });
    const row = db.sqlite.prepare('SELECT * FROM grade WHERE sheet_id = ? AND student_id = ?').get(micro.id, IDS.studentAigerim) as Record<string, unknown>;
    withServerRows(db, (w) => w.apply({ table: 'grade', id: String(row.id), op: 'upsert', values: { ...row, parts_json: '{"m1":30}', version: 5 } }, { respectPending: true, monotonic: true }));
    const older = withServerRows(db, (w) =>
      w.apply({ table: 'grade', id: String(row.id), op: 'upsert', values: { ...row, parts_json: '{"m1":10}', version: 3 } }, { respectPending: true, monotonic: true }),
    );
    expect(older).toBe(false);
    expect(db.sqlite.prepare('SELECT parts_json, version FROM grade WHERE id = ?').get(row.id)).toEqual({ parts_json: '{"m1":30}', version: 5 });
  });
});
