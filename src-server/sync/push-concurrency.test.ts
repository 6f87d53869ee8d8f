import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDb } from '../db/connection';
import { buildServerApp } from '../http/server-app';
import { importTableRows } from '../import/row-import';
import { OPEN_TIMEOUT_MS, TEST_BACKENDS, truncateAll } from '../test/server-test-kit';
import { createAdmin, enrol, F1, F2, grade, points, seedUniversity, update, type TestDevice } from '../test/sync-test-kit';

/**
 * Two server instances on one database, four devices pushing at once while a fifth pulls:
 * what the puller ends with is exactly the server's rows (the cursor skipped nothing), and
 * every mutation is in the log once.
 */
describe.each(TEST_BACKENDS)('concurrent pushes through two instances ($name)', (backend) => {
  let db: ServerDb;
  let apps: FastifyInstance[];
  beforeAll(async () => {
    db = await backend.open();
    apps = [await buildServerApp({ db: db.kysely }), await buildServerApp({ db: db.kysely })];
    await truncateAll(db);
    await createAdmin(db.kysely);
    await seedUniversity(db.kysely);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    for (const a of apps ?? []) await a.close();
    await db?.close();
  });

  it('keeps the pull cursor from skipping rows and applies every mutation once', async () => {
    const ROUNDS = 8;
    const devices: { d: TestDevice; rowId: string; sheet: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const [facultyId, sheet] = i % 2 === 0 ? [F1, 'sh1'] : [F2, 'sh2'];
      const rowId = `cc-${i}`;
      await importTableRows(db.kysely, 'grade', [grade(rowId, sheet, null)]);
      devices.push({ d: await enrol(apps[i % 2]!, 'clerk', { kind: 'faculty', facultyId }, `PC ${i}`), rowId, sheet });
    }
    const reader = await enrol(apps[1]!, 'registrar', { kind: 'all' });
    const seen = new Map<string, Record<string, unknown>>();
    let cursor = '0';
    const pullOnce = async () => {
      for (let guard = 0; guard < 100; guard++) {
        const page = await reader.pull(cursor, 5);
        for (const c of page.changes) seen.set(c.id, c.values!);
        cursor = page.cursor;
        if (!page.hasMore) return;
      }
    };
    let pushing = true;
    const writers = devices.map(async ({ d, rowId, sheet }) => {
      for (let v = 1; v <= ROUNDS; v++) {
        const r = await d.push([d.tx([{ name: 'grade.set', entity: 'grade', entityId: rowId }], [update('grade', { ...grade(rowId, sheet, null), version: v }, points(30 + v))])]);
        expect(r.results[0]!.status).toBe('applied');
      }
    });
    const puller = (async () => {
      while (pushing) await pullOnce();
    })();
    await Promise.all(writers);
    pushing = false;
    await puller;
    await pullOnce();
    for (const { rowId } of devices) expect(seen.get(rowId)).toMatchObject({ total: 30 + ROUNDS, version: ROUNDS + 1 });
    const log = await db.kysely.selectFrom('change_log').select(['id']).execute();
    expect(log).toHaveLength(devices.length * ROUNDS);
    const marks = await db.kysely.selectFrom('device').select('last_seq').where('name', 'like', 'PC %').execute();
    expect(marks.map((m) => Number(m.last_seq))).toEqual([ROUNDS, ROUNDS, ROUNDS, ROUNDS]);
  });
});
