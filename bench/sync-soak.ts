/**
 * The randomized sync soak (issue 11, item 12): devices of one faculty type grades and correct
 * students while random faults hit them — a device killed between transactions, the server
 * killed before or after it commits (a request that never arrives, an answer that never comes
 * back), duplicate delivery, a workstation restored from its backup, the server restored from
 * its backup, a re-enrolment. Then the faults stop, everyone syncs, and the run is checked:
 * every replica holds the server's grades, every change typed reached the server (or Needs
 * attention) exactly once, no device is left with changes it cannot send.
 *
 * Everything is the product's own code over loopback HTTP: the device engine and services on
 * SQLite replicas, the Fastify server on PGlite or PostgreSQL (UNIDESK_SOAK_DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { SessionUser } from '../src-shared/contract';
import type { Role } from '../src-shared/domain/roles';
import { openDatabase, type Database } from '../src-main/db/connection';
import { generateDemo } from '../src-main/features/demo/demo.generator';
import { createBackup, restoreBackup, RestoreWouldLosePending } from '../src-main/features/backup/backup.service';
import { createGradeSheetsService } from '../src-main/features/grade-sheets/grade-sheets.service';
import { createStudentsService } from '../src-main/features/students/students.service';
import { enrol, syncOnce } from '../src-main/features/sync/sync-engine';
import { createSyncHttp, type SyncHttp } from '../src-main/features/sync/sync-http';
import { upsertAdmin } from '../src-server/auth/server-user.repository';
import { openServerDb, type ServerDb } from '../src-server/db/connection';
import { migrateServerDb } from '../src-server/db/migrate';
import { scratchSchema } from '../src-server/db/scratch-schema';
import { buildServerApp } from '../src-server/http/server-app';
import { importReplica } from '../src-server/import/replica-import';

const ADMIN = { username: 'soak-admin', password: 'soak-password-123' };
// in the order a restore inserts them: a signing key names its device
const SERVER_TABLES = ['sync_row', 'change_log', 'device', 'device_mutation', 'conflict', 'server_user', 'root_key', 'signing_key'] as const;
const DEVICES = ['A', 'B', 'C'];

export interface SoakOptions {
  runs: number;
  seed: number;
  /** steps per run (each a typing, a sync or a fault) */
  steps?: number;
  /** the first run's number: every run is its own (seed + run), so one can be replayed alone */
  first?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  backend: string;
  runs: number;
  steps: number;
  typed: number;
  faults: Record<string, number>;
  lost: number;
  duplicated: number;
  stuck: number;
  diverged: number;
  seconds: number;
  /** the first few problems, for a person to read */
  problems: string[];
}

/** mulberry32: a small PRNG, so a run is replayed exactly from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type FaultMode = 'none' | 'down' | 'lose-answer' | 'duplicate';

/** The network between the devices and the server, with the faults a run switches on. */
function faultyFetch(state: { mode: FaultMode }): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    switch (state.mode) {
      case 'down':
        // the server was killed before the request arrived
        throw new TypeError('fetch failed');
      case 'lose-answer': {
        // the server committed, then died before answering
        const res = await fetch(input, init);
        await res.text();
        throw new TypeError('fetch failed');
      }
      case 'duplicate': {
        // a proxy delivered the request twice; the device sees the second answer
        await (await fetch(input, init)).text();
        return fetch(input, init);
      }
      default:
        return fetch(input, init);
    }
  }) as typeof fetch;
}

async function openStore(dir: string): Promise<{ db: ServerDb; backend: string; drop(): Promise<void> }> {
  const url = process.env.UNIDESK_SOAK_DATABASE_URL;
  if (!url) {
    const db = await openServerDb({ dataDir: path.join(dir, 'server-pglite') });
    await migrateServerDb(db.kysely);
    return { db, backend: 'PGlite', drop: async () => undefined };
  }
  const scratch = await scratchSchema(url, 'soak');
  const db = await openServerDb({ databaseUrl: scratch.url });
  await migrateServerDb(db.kysely);
  const version = (await sql<{ server_version: string }>`SHOW server_version`.execute(db.kysely)).rows[0]!.server_version;
  return { db, backend: `PostgreSQL ${version}`, drop: scratch.drop };
}

/** A logical backup of the server's tables (as pg_dump would take), and its restore with the sequences. */
async function serverBackup(db: ServerDb, name: string): Promise<void> {
  for (const t of SERVER_TABLES) {
    await sql.raw(`DROP TABLE IF EXISTS ${name}_${t}`).execute(db.kysely);
    await sql.raw(`CREATE TABLE ${name}_${t} AS TABLE ${t}`).execute(db.kysely);
  }
}
async function serverRestore(db: ServerDb, name: string): Promise<void> {
  await sql.raw(`TRUNCATE ${SERVER_TABLES.join(', ')}`).execute(db.kysely);
  for (const t of SERVER_TABLES) await sql.raw(`INSERT INTO ${t} SELECT * FROM ${name}_${t}`).execute(db.kysely);
  await sql.raw(`SELECT setval(pg_get_serial_sequence('change_log', 'seq'), coalesce((SELECT max(seq) FROM change_log), 0) + 1, false)`).execute(db.kysely);
  // a series handed out before the backup is never handed out again ("S7" → the next is S8)
  await sql.raw(`SELECT setval('key_series_seq', coalesce((SELECT max(substr(series, 2)::int) FROM signing_key), 0) + 1, false)`).execute(db.kysely);
}

function userOf(db: Database, username: string): SessionUser {
  const u = db.sqlite.prepare(`SELECT id, username, display_name, role, faculty_id FROM app_user WHERE username = ?`).get(username) as { id: string; username: string; display_name: string; role: Role; faculty_id: string } | undefined;
  // a replica whose (re-)enrolment was cut before its data arrived: the next sync finishes it, nobody types meanwhile
  if (!u) throw new NotReady();
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, facultyId: u.faculty_id };
}

class NotReady extends Error {}

interface Device {
  name: string;
  file: string;
  db: Database;
  http: SyncHttp;
}

/** The soak's university: a small demo with the economics faculty's autumn sheets made, every entry window open. */
async function makeSeed(dir: string): Promise<{ seed: string; sheets: { id: string; students: string[] }[]; students: string[] }> {
  const seed = path.join(dir, 'seed.sqlite');
  const db = openDatabase(seed);
  await generateDemo(db, { seed: 7, students: 300 });
  db.sqlite.exec(`UPDATE academic_session SET entry_opens_on = '2000-01-01', entry_closes_on = '2999-12-31'`);
  const session = db.sqlite
    .prepare(`SELECT s.id FROM academic_session s JOIN faculty f ON f.id = s.faculty_id WHERE f.code = 'ECON' AND s.academic_year_id = '2026-2027' AND s.term = 'autumn'`)
    .pluck()
    .get() as string;
  createGradeSheetsService(db).generate(userOf(db, 'clerk'), session);
  await db.close();
  const r = openDatabase(seed);
  try {
    // sheets graded by modules and an exam (the soak types m1, m2, exam), not course work or practice
    const sheetIds = r.sqlite
      .prepare(`SELECT gs.id FROM grade_sheet gs JOIN faculty f ON f.id = gs.faculty_id JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id
                WHERE f.code = 'ECON' AND gs.academic_year_id = '2026-2027' AND ci.control_form IN ('exam', 'credit', 'graded_credit') ORDER BY gs.seq LIMIT 6`)
      .pluck()
      .all() as string[];
    const sheets = sheetIds.map((id) => ({ id, students: r.sqlite.prepare('SELECT student_id FROM grade WHERE sheet_id = ? ORDER BY position LIMIT 8').pluck().all(id) as string[] }));
    const students = r.sqlite.prepare(`SELECT s.id FROM student s JOIN student_group g ON g.id = s.group_id JOIN faculty f ON f.id = g.faculty_id WHERE f.code = 'ECON' ORDER BY s.id LIMIT 10`).pluck().all() as string[];
    return { seed, sheets, students };
  } finally {
    await r.close();
  }
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const steps = opts.steps ?? 40;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-soak-'));
  const store = await openStore(dir);
  // the soak re-enrols far more often than any office would: the password-check limit is lifted with the rest
  const app = await buildServerApp({ db: store.db.kysely, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 }, adminRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const net = { mode: 'none' as FaultMode };
  const http = createSyncHttp(url, { fetchImpl: faultyFetch(net), timeoutMs: 30_000 });
  const report: SoakReport = { backend: store.backend, runs: 0, steps: 0, typed: 0, faults: {}, lost: 0, duplicated: 0, stuck: 0, diverged: 0, seconds: 0, problems: [] };
  const fault = (name: string) => (report.faults[name] = (report.faults[name] ?? 0) + 1);
  const problem = (text: string) => report.problems.length < 20 && report.problems.push(text);
  try {
    const { seed, sheets, students } = await makeSeed(dir);
    const econ = await (async () => {
      const d = openDatabase(seed);
      try {
        return facultyOf(d);
      } finally {
        await d.close();
      }
    })();
    await upsertAdmin(store.db.kysely, ADMIN.username, ADMIN.password);
    await importReplica(store.db.kysely, seed);
    // the starting point of every run: enrolled replicas and the server as it was right then
    for (const name of DEVICES) {
      const file = path.join(dir, `start-${name}.sqlite`);
      fs.copyFileSync(seed, file);
      const db = openDatabase(file);
      await enrol(db, { serverUrl: url, username: ADMIN.username, password: ADMIN.password, deviceName: name, role: 'clerk', scope: { kind: 'faculty', facultyId: econ }, http });
      await db.close();
    }
    await serverBackup(store.db, 'soak_start');

    for (let run = opts.first ?? 0; run < (opts.first ?? 0) + opts.runs; run++) {
      const rnd = prng(opts.seed + run * 7919);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      await serverRestore(store.db, 'soak_start');
      const devices: Device[] = DEVICES.map((name) => {
        const file = path.join(dir, `run-${name}.sqlite`);
        fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
        for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
        fs.copyFileSync(path.join(dir, `start-${name}.sqlite`), file);
        return { name, file, db: openDatabase(file), http };
      });
      const typed = new Map<string, string>();
      const trace: string[] = [];
      const serverBackups: string[] = [];
      let deviceBackup: { device: Device; name: string } | null = null;
      const noteTyped = (d: Device, before: number) => {
        for (const id of d.db.sqlite.prepare('SELECT mutation_id FROM outbox WHERE seq > ?').pluck().all(before) as string[]) typed.set(id, `${d.name} at step ${report.steps % steps}`);
      };
      const top = (d: Device) => d.db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;

      for (let step = 0; step < steps; step++) {
        const d = pick(devices);
        const r = rnd();
        try {
          const user = r < 0.45 ? userOf(d.db, 'clerk') : null;
          if (r < 0.35) {
            const sheet = pick(sheets);
            const before = top(d);
            const parts = { m1: 15 + Math.floor(rnd() * 16), m2: 15 + Math.floor(rnd() * 16), exam: 20 + Math.floor(rnd() * 21) };
            createGradeSheetsService(d.db).setGrades(user!, { id: sheet.id, cells: [{ studentId: pick(sheet.students), parts }] }, 'en');
            noteTyped(d, before);
          } else if (r < 0.45) {
            const id = pick(students);
            const before = top(d);
            const row = d.db.sqlite.prepare('SELECT version, flag_dormitory FROM student WHERE id = ?').get(id) as { version: number; flag_dormitory: number };
            await createStudentsService(d.db).update(user!, { id, version: row.version, changes: { flags: { dormitory: row.flag_dormitory !== 1 } } });
            noteTyped(d, before);
          } else if (r < 0.7) {
            net.mode = rnd() < 0.6 ? 'none' : pick(['down', 'lose-answer', 'duplicate'] as const);
            if (net.mode !== 'none') fault(net.mode === 'down' ? 'server killed before commit' : net.mode === 'lose-answer' ? 'server killed after commit (answer lost)' : 'duplicate delivery');
            const out = await syncOnce(d.db, d.http).then((x) => `ok ${JSON.stringify(x.push)}`, (e: Error) => `failed ${e.message}`);
            if (process.env.SOAK_TRACE) trace.push(`   sync ${net.mode}: ${out} confirmed=${String(d.db.sqlite.prepare('SELECT confirmed_seq FROM sync_state').pluck().get())}`);
            net.mode = 'none';
          } else if (r < 0.78) {
            // kill -9 between transactions: every write is one SQLite transaction, nothing else is held
            fault('device killed');
            d.db.sqlite.close();
            d.db = openDatabase(d.file);
          } else if (r < 0.84) {
            if (!deviceBackup) {
              deviceBackup = { device: d, name: (await createBackup(d.db, 'manual', new Date(Date.now() + step))).name };
            } else {
              fault('workstation restored from its backup');
              const target = deviceBackup.device;
              await restoreBackup(target.db, { name: deviceBackup.name }, { actor: null }).catch((e: unknown) => {
                if (!(e instanceof RestoreWouldLosePending)) throw e;
                fault('restore refused: changes not yet sent');
              });
              deviceBackup = null;
            }
          } else if (r < 0.9) {
            if (serverBackups.length === 0) {
              await serverBackup(store.db, 'soak_run');
              serverBackups.push('soak_run');
            } else {
              fault('server restored from its backup');
              await serverRestore(store.db, serverBackups.pop()!);
            }
          } else if (r < 0.94) {
            fault('workstation enrolled again');
            await enrol(d.db, { serverUrl: url, username: ADMIN.username, password: ADMIN.password, deviceName: d.name, role: 'clerk', scope: { kind: 'faculty', facultyId: econ }, force: true, http: d.http }).catch((e: Error) => {
              fault('enrolment cut short');
              if (process.env.SOAK_TRACE) trace.push(`   enrol failed: ${e.message}`);
            });
          }
        } catch (e) {
          if (e instanceof NotReady) fault('typing skipped: replica still loading');
          else problem(`run ${run} step ${step} (${d.name}): ${(e as Error).message}`);
        }
        report.steps++;
        if (process.env.SOAK_TRACE) {
          const what = r < 0.35 ? 'grade' : r < 0.45 ? 'student' : r < 0.7 ? 'sync' : r < 0.78 ? 'kill' : r < 0.84 ? 'replica-backup/restore' : r < 0.9 ? 'server-backup/restore' : r < 0.94 ? 'enrol' : '-';
          const st = d.db.sqlite.prepare('SELECT incarnation, confirmed_seq, needs_rebase FROM sync_state').get();
          trace.push(`${step} ${d.name} ${what} ${JSON.stringify(st)}`);
        }
      }
      if (process.env.SOAK_TRACE && (process.env.SOAK_TRACE_RUN === undefined || Number(process.env.SOAK_TRACE_RUN) === run)) log(trace.join('\n'));

      // the faults stop: everyone syncs until nothing is left, then once more to hear the others
      net.mode = 'none';
      for (let round = 0; round < 4; round++) {
        for (const d of devices) {
          const out = await syncOnce(d.db, d.http).then((x) => `ok ${JSON.stringify(x.push)} pulled ${JSON.stringify(x.pull)}`).catch(async (e: { code?: string; message?: string }) => {
            if (process.env.SOAK_TRACE) trace.push(`   final ${d.name} failed ${e.code}: ${e.message}`);
            // a device the restored server never knew (enrolled after its backup): IT enrols it again, keeping its work
            if (e.code === 'unauthenticated' || e.code === 'device_revoked' || e.code === 'replica_superseded') {
              fault('enrolled again after a server restore');
              await enrol(d.db, { serverUrl: url, username: ADMIN.username, password: ADMIN.password, deviceName: d.name, role: 'clerk', scope: { kind: 'faculty', facultyId: econ }, force: true, http: d.http }).catch(() => undefined);
            }
            return 'failed';
          });
          if (process.env.SOAK_TRACE) trace.push(`   final ${d.name}: ${out}`);
        }
      }
      if (process.env.SOAK_TRACE && (process.env.SOAK_TRACE_RUN === undefined || Number(process.env.SOAK_TRACE_RUN) === run)) log(trace.splice(0).join('\n'));
      await check(store.db, devices, typed, report, (t) => {
        problem(`run ${run}: ${t}`);
        if (process.env.SOAK_TRACE) log(`problem: run ${run}: ${t}`);
      });
      report.typed += typed.size;
      for (const d of devices) await d.db.close();
      report.runs++;
      if (report.runs % 10 === 0 || report.runs === opts.runs) log(`soak: ${report.runs}/${opts.runs} runs, lost ${report.lost}, duplicated ${report.duplicated}, stuck ${report.stuck}, diverged ${report.diverged}`);
    }
  } finally {
    await app.close();
    await store.db.close();
    await store.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

function facultyOf(db: Database): string {
  return db.sqlite.prepare(`SELECT id FROM faculty WHERE code = 'ECON'`).pluck().get() as string;
}

/** The run's verdict: lost, duplicated, stuck, diverged. */
async function check(server: ServerDb, devices: Device[], typed: Map<string, string>, report: SoakReport, problem: (t: string) => void): Promise<void> {
  const answers = await server.kysely.selectFrom('device_mutation').select(['mutation_id']).execute();
  const answered = new Set(answers.map((a) => a.mutation_id));
  // applied twice: one local transaction's row written to the change log more than once
  const twice = await sql<{ tx_id: string; tbl: string; id: string; n: string }>`SELECT tx_id, tbl, id, count(*)::text AS n FROM change_log WHERE tx_id IS NOT NULL GROUP BY tx_id, tbl, id HAVING count(*) > 1`.execute(server.kysely);
  for (const r of twice.rows) {
    report.duplicated++;
    problem(`transaction ${r.tx_id} wrote ${r.tbl} ${r.id} ${r.n} times`);
  }
  for (const [id, where0] of typed) {
    if (!answered.has(id)) {
      report.lost++;
      const where = devices
        .map((d) => ({ d: d.name, r: d.db.sqlite.prepare('SELECT seq, state, pushed_seq, name FROM outbox WHERE mutation_id = ?').get(id) as Record<string, unknown> | undefined }))
        .filter((x) => x.r)
        .map((x) => `${x.d}: ${JSON.stringify(x.r)}`);
      if (process.env.SOAK_TRACE) {
        for (const d of devices) {
          const st = d.db.sqlite.prepare('SELECT device_id, confirmed_seq, server_restored_at, resent, seq_shift, baseline_seq FROM sync_state').get();
          const j = d.db.sqlite.prepare('SELECT count(*) FROM sync_sent_mutation WHERE mutation_id = ?').pluck().get(id);
          problem(`  ${d.name}: ${JSON.stringify(st)} journal has it: ${String(j)}`);
        }
        const devs = await server.kysely.selectFrom('device').select(['id', 'name', 'last_seq']).execute();
        problem(`  server devices: ${JSON.stringify(devs)}`);
      }
      problem(`mutation ${id} typed on ${where0} but never reached the server (${where.join('; ') || 'on no device any more'})`);
    }
  }
  const serverGrades = new Map<string, string>();
  for (const r of await server.kysely.selectFrom('sync_row').select(['id', 'data']).where('tbl', '=', 'grade').where('deleted', '=', false).execute()) {
    const g = r.data as { parts_json: string; mark: string | null };
    serverGrades.set(r.id, `${g.parts_json}|${g.mark}`);
  }
  for (const d of devices) {
    const pending = d.db.sqlite.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent') AND seq > coalesce((SELECT baseline_seq FROM sync_state), 0)`).pluck().get() as number;
    if (pending > 0) {
      report.stuck++;
      problem(`device ${d.name} still has ${pending} change(s) it cannot send: ${String(d.db.sqlite.prepare('SELECT last_error FROM sync_state').pluck().get())}`);
    }
    let differ = 0;
    for (const g of d.db.sqlite.prepare('SELECT id, parts_json, mark FROM grade').all() as { id: string; parts_json: string; mark: string | null }[]) {
      const s = serverGrades.get(g.id);
      if (s !== undefined && s !== `${g.parts_json}|${g.mark}`) {
        differ++;
        if (process.env.SOAK_TRACE) {
          const log = await sql<{ seq: string; device_id: string | null; data: unknown }>`SELECT seq::text, device_id, data FROM change_log WHERE tbl = 'grade' AND id = ${g.id} ORDER BY seq`.execute(server.kysely);
          const mine = devices.map((x) => `${x.name}: ${JSON.stringify(x.db.sqlite.prepare(`SELECT seq, state, name, base_version, mutation_id, substr(payload_json, 1, 200) AS p FROM outbox WHERE name <> 'gradeSheet.create' AND payload_json LIKE ? ORDER BY seq`).all(`%${(d.db.sqlite.prepare('SELECT student_id FROM grade WHERE id = ?').pluck().get(g.id) as string)}%`))} version=${String(x.db.sqlite.prepare('SELECT version FROM grade WHERE id = ?').pluck().get(g.id))}`).join('\n');
          problem(`  grade ${g.id}: device ${g.parts_json}|${g.mark} server ${s}\n  log ${JSON.stringify(log.rows)}\n  outbox ${mine}`);
        }
      }
    }
    if (differ > 0) {
      report.diverged++;
      problem(`device ${d.name} holds ${differ} grade(s) unlike the server's`);
    }
  }
}
