import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { enrol, F1, F2, grade, insert, order as studentOrder, sheet, storedData, student, update, serverSuite } from '../test/sync-test-kit';
import { SERVER_SCHEMA_VERSION } from './schema-version';

describe.each(TEST_BACKENDS)('push ($name)', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  serverSuite(backend, (s) => ({ db, app } = s), { university: true });

  const logCount = async (id: string) => (await db.kysely.selectFrom('change_log').select('seq').where('id', '=', id).execute()).length;
  const setMark = (mark: string, old = grade('gr1', 'sh1', null)) => [{ name: 'grade.set', entity: 'grade', entityId: String(old.id), baseVersion: Number(old.version) }, update('grade', old, { mark })] as const;

  it('applies a batch once when the same batch is delivered twice', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const [m, row] = setMark('absent');
    const tx = d.tx([m], [row]);
    const first = await d.push([tx]);
    expect(first.results).toEqual([expect.objectContaining({ seq: 1, status: 'applied' })]);
    expect(first.lastSeq).toBe(1);
    const again = await d.push([tx]);
    expect(again.results).toEqual(first.results);
    expect(again.lastSeq).toBe(1);
    expect(await logCount('gr1')).toBe(1);
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ mark: 'absent', version: 2 });
  });

  it('stops at a gap and tells the device where to resend from', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const [m, row] = setMark('absent');
    await d.push([d.tx([m], [row])]);
    d.seq += 1; // seq 2 never reaches the server
    const late = d.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1', baseVersion: 2 }], [update('grade', { ...grade('gr1', 'sh1', 'absent'), version: 2 }, { mark: 'not_admitted' })]);
    const r = await d.push([late]);
    expect(r).toMatchObject({ results: [], lastSeq: 1, gapAt: 2 });
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ mark: 'absent' });
  });

  it('rejects a refused transaction without blocking the ones after it, and answers it the same when resent', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const bad = d.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr2' }], [update('grade', grade('gr2', 'sh2', null), { mark: 'absent' })]);
    const [m, row] = setMark('not_admitted');
    const good = d.tx([m], [row]);
    const r = await d.push([bad, good]);
    expect(r.results.map((x) => [x.seq, x.status, x.code])).toEqual([
      [1, 'rejected', 'out_of_scope'],
      [2, 'applied', undefined],
    ]);
    expect(r.lastSeq).toBe(2);
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ mark: 'not_admitted' });
    const again = await d.push([bad, good]);
    expect(again.results).toEqual(r.results);
    expect(await logCount('gr1')).toBe(1);
  });

  it("refuses a faculty device's change to another faculty's grade and does not show it the row", async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const r = await d.push([d.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr2' }], [update('grade', grade('gr2', 'sh2', null), { mark: 'absent' })])]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'out_of_scope' });
    expect(r.restore).toEqual([{ table: 'grade', id: 'gr2', op: 'delete', values: null }]);
    expect(await storedData(db.kysely, 'grade', 'gr2')).toMatchObject({ mark: null, version: 1 });
    // nor may it move a row of its own faculty into another's sheet
    const move = await d.push([d.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1' }], [update('grade', grade('gr1', 'sh1', null), { sheet_id: 'sh2' })])]);
    expect(move.results[0]).toMatchObject({ status: 'rejected', code: 'out_of_scope' });
  });

  it('finds a new row’s faculty through a parent inserted earlier in the same transaction', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    // the grade comes first in the list: the server orders rows by SYNC_TABLES
    const own = d.tx([{ name: 'gradeSheet.create', entity: 'grade_sheet', entityId: 'sh3' }], [insert('grade', grade('gr3', 'sh3', null)), insert('grade_sheet', sheet('sh3', F1))]);
    const foreign = d.tx([{ name: 'gradeSheet.create', entity: 'grade_sheet', entityId: 'sh4' }], [insert('grade_sheet', sheet('sh4', F2)), insert('grade', grade('gr4', 'sh4', null))]);
    const orphan = d.tx([{ name: 'grade.add', entity: 'grade', entityId: 'gr5' }], [insert('grade', grade('gr5', 'no-such-sheet', null))]);
    const r = await d.push([own, foreign, orphan]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'out_of_scope', 'unknown_parent']);
    const tags = await db.kysely.selectFrom('sync_row').select(['id', 'faculty_id']).where('id', 'in', ['sh3', 'gr3', 'sh4', 'gr4']).orderBy('id').execute();
    expect(tags).toEqual([
      { id: 'gr3', faculty_id: F1 },
      { id: 'sh3', faculty_id: F1 },
    ]);
  });

  it("refuses what the device's role may not do, and rows outside the mutation's tables", async () => {
    const accountant = await enrol(app, 'accountant', { kind: 'contract' });
    const r1 = await accountant.push([accountant.tx([{ name: 'student.update', entity: 'student', entityId: 's2' }], [update('student', student('s2', 'g2', 'contract'), { pin: '12345678901234' })])]);
    expect(r1.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', message: expect.stringContaining('student.update') });
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const r2 = await clerk.push([clerk.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1' }], [update('student', student('s1', 'g1', 'budget'), { status: 'expelled' })])]);
    expect(r2.results[0]).toMatchObject({ status: 'rejected', code: 'table_not_allowed' });
    const r3 = await clerk.push([clerk.tx([{ name: 'student.delete_all', entity: 'student', entityId: 's1' }], [])]);
    expect(r3.results[0]).toMatchObject({ status: 'rejected', code: 'unknown_mutation' });
    expect(await storedData(db.kysely, 'student', 's1')).toMatchObject({ status: 'active', version: 1 });
  });

  it('accepts the current and the previous schema version and asks older apps to update', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const txAt = (schemaVersion: number, mark: string, version: number) =>
      d.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1', schemaVersion }], [update('grade', { ...grade('gr1', 'sh1', null), version }, { mark })]);
    const r = await d.push([txAt(SERVER_SCHEMA_VERSION - 1, 'absent', 1), txAt(SERVER_SCHEMA_VERSION - 2, 'not_admitted', 2), txAt(SERVER_SCHEMA_VERSION + 1, 'absent', 2)]);
    expect(r.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'update_required', 'server_outdated']);
    expect(r.results[1]!.message).toMatch(/Update the app/);
  });

  it('turns two devices changing the same grade into one conflict with both values, keeping the server’s', async () => {
    const a = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 }, 'Dean office PC 1');
    const b = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 }, 'Dean office PC 2');
    const [ma, rowA] = setMark('absent');
    expect((await a.push([a.tx([ma], [rowA])])).results[0]!.status).toBe('applied');
    const [mb, rowB] = setMark('not_admitted');
    const r = await b.push([b.tx([mb], [rowB])]);
    expect(r.results[0]).toMatchObject({ status: 'conflict', code: 'conflict' });
    const view = r.results[0]!.conflicts![0]!;
    expect(view).toMatchObject({ table: 'grade', rowId: 'gr1', fields: [{ field: 'mark', server: 'absent', device: 'not_admitted' }], serverChangedBy: 'user-1' });
    expect(Date.parse(view.serverChangedAt!)).not.toBeNaN();
    expect(r.restore).toEqual([{ table: 'grade', id: 'gr1', op: 'upsert', values: expect.objectContaining({ mark: 'absent', version: 2 }) }]);
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ mark: 'absent', version: 2 });
    const conflicts = await db.kysely.selectFrom('conflict').selectAll().execute();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ tbl: 'grade', row_id: 'gr1', device_id: b.id, mutation_name: 'grade.set', base_version: 1, server_version: 2 });
    expect(conflicts[0]!.server_values).toMatchObject({ mark: 'absent' });
    expect(conflicts[0]!.device_values).toMatchObject({ mark: 'not_admitted' });
    // the same value from a stale base is no conflict
    const [mc, rowC] = setMark('absent');
    expect((await b.push([b.tx([mc], [rowC])])).results[0]!.status).toBe('applied');
    // the dean's office keeps B's value: a resolve against the server's version applies and settles the conflict
    const current = { ...grade('gr1', 'sh1', 'absent'), version: 2 };
    const resolve = await b.push([b.tx([{ name: 'sync.resolve', entity: 'grade', entityId: 'gr1', baseVersion: 2 }], [update('grade', current, { mark: 'not_admitted' })])]);
    expect(resolve.results[0]!.status).toBe('applied');
    expect(await storedData(db.kysely, 'grade', 'gr1')).toMatchObject({ mark: 'not_admitted', version: 3 });
    expect((await db.kysely.selectFrom('conflict').select('resolved_at').executeTakeFirstOrThrow()).resolved_at).not.toBeNull();
  });

  it('merges different fields of a student changed on two devices, and the later push wins the same field', async () => {
    const hr = await enrol(app, 'students_hr', { kind: 'all' });
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const s1 = student('s1', 'g1', 'budget');
    const m = { name: 'student.update', entity: 'student', entityId: 's1', baseVersion: 1 };
    await hr.push([hr.tx([m], [update('student', s1, { pin: '21203200050017', patronymic: 'Асанович' })])]);
    const r = await clerk.push([clerk.tx([m], [update('student', s1, { flag_dormitory: 1, patronymic: 'Асан уулу' })])]);
    expect(r.results[0]!.status).toBe('applied');
    expect(await storedData(db.kysely, 'student', 's1')).toMatchObject({ pin: '21203200050017', flag_dormitory: 1, patronymic: 'Асан уулу', version: 3 });
  });

  it('refuses a stale change to a versioned order', async () => {
    const a = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const b = await enrol(app, 'students_hr', { kind: 'all' });
    const order = studentOrder('o1', F1, { reason: 'x' });
    const save = { name: 'order.save', entity: 'student_order', entityId: 'o1' };
    expect((await a.push([a.tx([save], [insert('student_order', order)])])).results[0]!.status).toBe('applied');
    await a.push([a.tx([save], [update('student_order', order, { reason: 'first' })])]);
    const r = await b.push([b.tx([save], [update('student_order', order, { reason: 'second' })])]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', code: 'stale' });
    expect(r.restore[0]).toMatchObject({ op: 'upsert', values: { reason: 'first', version: 2 } });
  });

  it('answers a malformed push with 400 naming the field, and a seq going backwards too', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const r = await d.post('/v1/push', { protocol: 1, transactions: [{ txId: 'nope', mutations: [], rows: [] }] });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/^transactions\.0\.txId/) });
    const [m, row] = setMark('absent');
    const t1 = d.tx([m], [row]);
    const r2 = await d.post('/v1/push', { protocol: 1, transactions: [t1, t1] });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toMatch(/does not follow/);
  });
});
