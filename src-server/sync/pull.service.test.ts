import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { importTableRows } from '../import/row-import';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { enrol, F1, F2, grade, points, student, update, type TestDevice, serverSuite } from '../test/sync-test-kit';

describe.each(TEST_BACKENDS)('pull and bootstrap ($name)', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  serverSuite(backend, (s) => ({ db, app } = s), { university: true });

  async function pullAll(d: TestDevice, limit: number) {
    const pages = [];
    let cursor = '0';
    for (let guard = 0; guard < 50; guard++) {
      const page = await d.pull(cursor, limit);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return pages;
  }

  it('pages in number order past 10, 100 (positions compare as numbers, never as text)', async () => {
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    for (let i = 0; i < 23; i++) {
      await clerk.push([clerk.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1' }], [update('grade', { ...grade('gr1', 'sh1', null), version: i + 1 }, points(30 + i))])]);
    }
    const pages = await pullAll(clerk, 5);
    const totals = pages.flatMap((p) => p.changes.map((c) => (c.values as { total: number }).total));
    expect(totals).toEqual(Array.from({ length: 23 }, (_, i) => 30 + i));
    expect(pages.map((p) => p.changes.length)).toEqual([5, 5, 5, 5, 3]);
  });

  it('pages through the change log in order, showing a faculty only its own rows', async () => {
    const f1 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const f2 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F2 });
    const admin = await enrol(app, 'admin', { kind: 'all' });
    for (let i = 0; i < 6; i++) {
      const d = i % 2 === 0 ? f1 : f2;
      const [id, sheet] = i % 2 === 0 ? ['gr1', 'sh1'] : ['gr2', 'sh2'];
      await d.push([d.tx([{ name: 'grade.set', entity: 'grade', entityId: id! }], [update('grade', { ...grade(id!, sheet!, null), version: Math.floor(i / 2) + 1 }, points(30 + i))])]);
    }
    const pages = await pullAll(f1, 2);
    const seen = pages.flatMap((p) => p.changes.map((c) => `${c.id}:${(c.values as { total: number }).total}`));
    expect(seen).toEqual(['gr1:30', 'gr1:32', 'gr1:34']);
    expect(pages.map((p) => p.hasMore)).toEqual([true, false]);
    // the last page is short: the cursor moves past F2's rows too, to the end of the log
    const top = await db.kysely.selectFrom('change_log').select((eb) => eb.fn.max('seq').as('top')).executeTakeFirstOrThrow();
    expect(pages[pages.length - 1]!.cursor).toBe(String(top.top));
    const nothingNew = await f1.pull(pages[pages.length - 1]!.cursor);
    expect(nothingNew).toMatchObject({ changes: [], cursor: String(top.top), hasMore: false });
    expect(nothingNew.restart).toBeUndefined();
    // an all-university device sees all six, in order
    const everything = (await pullAll(admin, 4)).flatMap((p) => p.changes.map((c) => (c.values as { total: number }).total));
    expect(everything).toEqual([30, 31, 32, 33, 34, 35]);
  });

  it('tells a device whose cursor this change log never reached, or reached with another change, to start again', async () => {
    const f1 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    for (let v = 1; v <= 2; v++) await f1.push([f1.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1' }], [update('grade', { ...grade('gr1', 'sh1', null), version: v }, points(30 + v))])]);
    const page = await f1.pull('0');
    expect(page.mark).toMatch(/^\d+$/);
    // the same cursor with its mark pages on; nothing is new
    expect(await f1.pull(page.cursor, 1000, page.mark!)).toMatchObject({ changes: [], hasMore: false, mark: page.mark });
    // a server restored from a backup: the log is shorter than what the device saw…
    expect(await f1.pull(String(BigInt(page.cursor) + 5n))).toEqual({ changes: [], cursor: String(BigInt(page.cursor) + 5n), hasMore: false, restart: true });
    // …or has grown again with other changes under the same numbers
    expect(await f1.pull(page.cursor, 1000, '123')).toMatchObject({ changes: [], restart: true });
  });

  it('gives a device the password hashes of the accounts that sign in on it, and no others', async () => {
    const account = (id: string, role: string, facultyId: string | null) =>
      ({ id, username: id, password_hash: `scrypt$hash-of-${id}`, role, faculty_id: facultyId, display_name: id, active: 1, version: 1, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' });
    const r = await importTableRows(db.kysely, 'app_user', [account('admin1', 'admin', null), account('clerk1', 'clerk', F1), account('clerk2', 'clerk', F2), account('hr1', 'students_hr', null)]);
    expect(r.problems).toEqual([]);
    const hashes = async (role: string, scope: Parameters<typeof enrol>[2]) => {
      const d = await enrol(app, role, scope);
      const rows = (await d.bootstrap('app_user')).rows;
      return Object.fromEntries(rows.map((u) => [u.id, u.password_hash]));
    };
    // every account reaches the faculty's workstation (grades and orders name who made them); only its clerks' hashes do
    expect(await hashes('clerk', { kind: 'faculty', facultyId: F1 })).toEqual({ admin1: 'elsewhere', clerk1: 'scrypt$hash-of-clerk1', clerk2: 'elsewhere', hr1: 'elsewhere' });
    expect(await hashes('students_hr', { kind: 'all' })).toMatchObject({ admin1: 'elsewhere', hr1: 'scrypt$hash-of-hr1' });
    expect((await hashes('admin', { kind: 'all' })).admin1).toBe('scrypt$hash-of-admin1');
  });

  it('advances the cursor over a page of rows the device cannot see', async () => {
    const f1 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const f2 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F2 });
    for (let v = 1; v <= 3; v++) await f2.push([f2.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr2' }], [update('grade', { ...grade('gr2', 'sh2', null), version: v }, points(30 + v))])]);
    const page = await f1.pull('0', 10);
    expect(page.changes).toEqual([]);
    expect(Number(page.cursor)).toBeGreaterThanOrEqual(3);
    expect(page.hasMore).toBe(false);
  });

  it('shows accounting the contract students and tells a faculty when a student leaves its sight', async () => {
    const accounting = await enrol(app, 'accountant', { kind: 'contract' });
    const f1 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const hr = await enrol(app, 'students_hr', { kind: 'all' });
    const s1 = student('s1', 'g1', 'budget');
    // students' HR moves s1 to a contract place in the other faculty's group
    await hr.push([hr.tx([{ name: 'order.sign', entity: 'student_order', entityId: 'o1' }], [update('student', s1, { group_id: 'g2', funding: 'contract' })])]);
    const f1View = await f1.pull('0');
    expect(f1View.changes).toEqual([{ table: 'student', id: 's1', op: 'delete', values: null }]);
    const accView = await accounting.pull('0');
    expect(accView.changes.map((c) => [c.id, c.op])).toEqual([['s1', 'upsert']]);
    const boot = await accounting.bootstrap('student');
    expect(boot.rows.map((r) => r.id)).toEqual(['s1', 's2']);
    expect((await f1.bootstrap('student')).rows).toEqual([]);
  });

  it('hands out a table in pages of ids with the cursor to pull from afterwards', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `st-${String(i).padStart(2, '0')}`);
    await importTableRows(db.kysely, 'student', ids.map((id) => student(id, 'g1', 'budget')));
    const f1 = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    await f1.push([f1.tx([{ name: 'grade.set', entity: 'grade', entityId: 'gr1' }], [update('grade', grade('gr1', 'sh1', null), { mark: 'absent' })])]);
    const got: string[] = [];
    let after = '';
    const cursors = new Set<string>();
    for (let guard = 0; guard < 10; guard++) {
      const page = await f1.bootstrap('student', after, 3);
      got.push(...page.rows.map((r) => String(r.id)));
      cursors.add(page.cursor);
      if (page.next === null) break;
      after = page.next;
    }
    expect(got).toEqual(['s1', ...ids]);
    expect([...cursors]).toHaveLength(1);
    const log = await f1.pull([...cursors][0]!);
    expect(log.changes).toEqual([]);
    // grades too come only from the device's faculty; a table that is not synced is a bad request
    expect((await f1.bootstrap('grade')).rows.map((r) => r.id)).toEqual(['gr1']);
    const bad = await f1.post('/v1/bootstrap', { protocol: 1, table: 'audit_log', after: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/^table:/) });
  });
});
