/**
 * Sync under failure (issue #5): two dean's-office devices of one faculty typing grades while
 * the devices and the server are killed with -9, answers are lost after the server committed,
 * and requests arrive twice — then everything settles: the server and both replicas hold the
 * same grades, each device's every change applied exactly once. And two devices changing the
 * same grade: one conflict each, recorded with both values, nothing lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ADMIN, buildDriver, openEntrySeed, cli, serverCommand, serverStore, startDriver, startFaultyProxy, startServer, tempDir, type FaultyProxy, type ServerProcess } from './support/sync-world';
import { pointsFor } from './support/sync-points';

let dir: string;
let store: Awaited<ReturnType<typeof serverStore>>;
let server: ServerProcess;
let proxy: FaultyProxy;
let driver: string;
let sheets: string[];
const dbA = () => path.join(dir, 'a.sqlite');
const dbB = () => path.join(dir, 'b.sqlite');

function rows(db: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    d.close();
  }
}
const gradesOf = (db: string, ids: string[]) =>
  rows(db, `SELECT id, sheet_id, position, parts_json, mark FROM grade WHERE sheet_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`, ...ids);
const status = async (db: string) => JSON.parse(await cli(['sync', 'status', '--json', '--db', db])) as { pending: number; needsAttention: number };

/** Syncs a device until nothing is pending (bounded: faults are off by then). */
async function settle(db: string) {
  for (let i = 0; i < 10 && (await status(db)).pending > 0; i++) {
    try {
      await cli(['sync', 'now', '--db', db]);
    } catch {
      // a restart may still be finishing; the loop tries again
    }
  }
  await cli(['sync', 'now', '--db', db]);
}

beforeAll(async () => {
  dir = tempDir('unidesk-sync-faults-');
  const seed = openEntrySeed(dir);
  await cli(['gradesheet', 'generate', '--db', seed, '--faculty', 'ECON', '--session', '2026-2027/autumn', '--user', 'clerk']);
  sheets = rows(seed, `SELECT gs.id FROM grade_sheet gs JOIN faculty f ON f.id = gs.faculty_id WHERE f.code = 'ECON' AND gs.academic_year_id = '2026-2027' ORDER BY gs.seq LIMIT 12`).map((r) => String(r.id));
  store = await serverStore(dir);
  serverCommand(store.args, ['admin', 'create', '--username', ADMIN.username, '--password', ADMIN.password]);
  serverCommand(store.args, ['import-replica', '--replica', seed]);
  server = await startServer(store.args);
  proxy = await startFaultyProxy(server.url, 7);
  for (const [db, name] of [[dbA(), 'A'], [dbB(), 'B']] as const) {
    fs.copyFileSync(seed, db);
    await cli(['sync', 'enrol', '--db', db, '--server', proxy.url, '--user', ADMIN.username, '--password', ADMIN.password, '--role', 'clerk', '--scope', 'faculty:ECON', '--name', name]);
  }
  driver = buildDriver();
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await server?.stop().catch(() => undefined);
  await store?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('sync when processes and the network fail', () => {
  it('ends with identical data and every change applied exactly once', async () => {
    const ROUNDS = 5;
    // A: sheets 0–1 whole and the even half of 4; B: sheets 2–3 and the odd half of 4
    const argsA = [dbA(), 'clerk', `${sheets[0]},${sheets[1]},${sheets[4]}:even`, String(ROUNDS)];
    const argsB = [dbB(), 'clerk', `${sheets[2]},${sheets[3]},${sheets[4]}:odd`, String(ROUNDS)];
    proxy.dropAnswer = 0.25;
    proxy.duplicate = 0.25;
    let a = startDriver(driver, argsA);
    let b = startDriver(driver, argsB);
    const kills = { devices: 0, server: 0 };
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    // bounded chaos: a dozen faults, a second or so apart
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 400 + random() * 900));
      const pick = random();
      if (pick < 0.35) {
        a.proc.kill('SIGKILL');
        await a.done;
        a = startDriver(driver, argsA);
        kills.devices++;
      } else if (pick < 0.7) {
        b.proc.kill('SIGKILL');
        await b.done;
        b = startDriver(driver, argsB);
        kills.devices++;
      } else {
        const port = new URL(server.url).port;
        await server.kill9();
        await new Promise((r) => setTimeout(r, 300));
        server = await startServer(store.args, Number(port));
        proxy.setTarget(server.url);
        kills.server++;
      }
    }
    // let both finish their rounds (faults continue on the wire meanwhile)
    expect(await a.done, a.output()).toBe(0);
    expect(await b.done, b.output()).toBe(0);
    proxy.dropAnswer = 0;
    proxy.duplicate = 0;
    await settle(dbA());
    await settle(dbB());
    await settle(dbA());
    expect(kills.devices + kills.server).toBe(12);
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    expect(proxy.stats.duplicated).toBeGreaterThan(0);

    const touched = sheets.slice(0, 5);
    const onA = gradesOf(dbA(), touched);
    const onB = gradesOf(dbB(), touched);
    expect(onA.length).toBeGreaterThan(20);
    expect(onB).toEqual(onA);
    // every grade holds its device's final round: nothing lost, nothing stale
    const index = (sheetId: unknown) => {
      const i = sheets.indexOf(String(sheetId));
      return i < 2 ? i : i === 4 ? 2 : i - 2;
    };
    for (const g of onA) {
      expect(JSON.parse(String(g.parts_json)), `grade ${String(g.id)}`).toEqual(pointsFor(ROUNDS - 1, index(g.sheet_id), Number(g.position)));
    }
    // exactly once: the server's mark for each device is the number of changes it made, all applied, no conflicts
    const res = await fetch(`${server.url}/v1/devices`, { headers: { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` } });
    const body = (await res.json()) as { devices?: { name: string; lastSeq: number }[] } | { name: string; lastSeq: number }[];
    const devices = Array.isArray(body) ? body : body.devices!;
    for (const [db, name] of [[dbA(), 'A'], [dbB(), 'B']] as const) {
      const baseline = Number(rows(db, 'SELECT baseline_seq FROM sync_state')[0]!.baseline_seq);
      const made = rows(db, 'SELECT state, count(*) AS n FROM outbox WHERE seq > ? GROUP BY state', baseline);
      expect(made, name).toEqual([{ state: 'applied', n: expect.any(Number) }]);
      expect(devices.find((d) => d.name === name)!.lastSeq, name).toBe(made[0]!.n);
      expect((await status(db)).needsAttention, name).toBe(0);
    }
    // a third device starting now gets the same grades from the server's snapshot
    const dbC = path.join(dir, 'c.sqlite');
    fs.copyFileSync(inject('demoDb'), dbC);
    await cli(['sync', 'enrol', '--db', dbC, '--server', server.url, '--user', ADMIN.username, '--password', ADMIN.password, '--role', 'clerk', '--scope', 'faculty:ECON', '--name', 'C']);
    expect(gradesOf(dbC, touched)).toEqual(onA);
  }, 300_000);

  it('two devices changing the same grades offline: one conflict each, both values kept, the server’s value everywhere', async () => {
    const sheet = sheets[6]!;
    const port = new URL(server.url).port;
    await server.stop();
    // offline: A gives round 0 of "sheet index 0", B the values of "sheet index 1" — different points
    expect(await startDriver(driver, [dbA(), 'clerk', sheet, '1']).done).toBe(0);
    expect(await startDriver(driver, [dbB(), 'clerk', `${sheets[7]},${sheet}`, '1']).done).toBe(0);
    server = await startServer(store.args, Number(port));
    proxy.setTarget(server.url);
    await settle(dbA());
    await settle(dbB());
    await settle(dbA());
    const students = rows(dbA(), 'SELECT count(*) AS n FROM grade WHERE sheet_id = ?', sheet)[0]!.n as number;
    const issues = rows(dbB(), `SELECT kind, table_name, device_json, server_json FROM sync_issue WHERE resolved_at IS NULL`);
    expect(issues).toHaveLength(students);
    expect(issues.every((i) => i.kind === 'conflict' && i.table_name === 'grade')).toBe(true);
    expect((await status(dbA())).needsAttention).toBe(0);
    // the server kept A's values, and so do both replicas now
    expect(gradesOf(dbB(), [sheet])).toEqual(gradesOf(dbA(), [sheet]));
    for (const g of gradesOf(dbA(), [sheet])) expect(JSON.parse(String(g.parts_json))).toEqual(pointsFor(0, 0, Number(g.position)));
    // B's values are not lost: each conflict holds them, with the server's
    const first = issues[0]!;
    const conflict = JSON.parse(String(first.server_json))[0] as { fields: { field: string; server: unknown; device: unknown }[] };
    const parts = conflict.fields.find((f) => f.field === 'parts_json')!;
    expect(parts.server).not.toEqual(parts.device);
    const mine = JSON.parse(String(first.device_json)) as { values: { position: number; parts_json: string } }[];
    expect(JSON.parse(mine[0]!.values.parts_json)).toEqual(pointsFor(0, 1, mine[0]!.values.position));
  }, 180_000);
});
