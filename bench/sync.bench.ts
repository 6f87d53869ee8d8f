/**
 * Sync figures (issue #5), over loopback HTTP to the real server code: a faculty's bootstrap
 * (5,000 students, 250,000 grades) into an empty replica through the device's own code; 100,000
 * grade changes pushed by one device; 50 devices pushing at once. PostgreSQL when
 * UNIDESK_BENCH_DATABASE_URL is set (a fresh schema, dropped afterwards), else PGlite.
 */
import { DEFAULT_SCALE, gradeRow } from '../src-shared/domain/grading';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../src-main/db/connection';
import { bootstrap } from '../src-main/features/sync/sync-pull';
import { createSyncHttp } from '../src-main/features/sync/sync-http';
import { readSyncState } from '../src-main/features/sync/sync-state.repository';
import { SCHEMA_VERSION } from '../src-main/db/migrations';
import { PROTOCOL_VERSION, type PushedTransaction, type PushResponse, type RowChange } from '../src-shared/sync/protocol';
import { upsertAdmin } from '../src-server/auth/server-user.repository';
import { enrolDevice } from '../src-server/devices/device.repository';
import { openServerDb, type ServerDb } from '../src-server/db/connection';
import { scratchSchema } from '../src-server/db/scratch-schema';
import { migrateServerDb } from '../src-server/db/migrate';
import { buildServerApp } from '../src-server/http/server-app';
import { analyzeStore, importTableRows } from '../src-server/import/row-import';
import type { BenchRow } from './grade-sheets.bench';

const T0 = '2026-11-01T09:00:00.000Z';
const FACULTY = '00000000-0000-7000-8000-00000000fac1';
const ADMIN = { username: 'bench-admin', password: 'bench-password-123' };

type Row = Record<string, unknown>;

/** 25 + 25 + 30 under the default scale: the total and letter the server re-computes and checks. */
const POINTS_80 = (() => {
  const parts = { m1: 25, m2: 25, exam: 30 };
  const r = gradeRow(DEFAULT_SCALE, { parts, mark: null });
  return { parts_json: JSON.stringify(parts), total: r.total, letter: r.band?.letter ?? null };
})();

async function openStore(dir: string): Promise<{ db: ServerDb; backend: string; drop(): Promise<void> }> {
  const url = process.env.UNIDESK_BENCH_DATABASE_URL;
  if (!url) {
    const db = await openServerDb({ dataDir: path.join(dir, 'server-pglite') });
    await migrateServerDb(db.kysely);
    return { db, backend: 'PGlite', drop: async () => undefined };
  }
  const scratch = await scratchSchema(url, 'bench');
  const db = await openServerDb({ databaseUrl: scratch.url });
  await migrateServerDb(db.kysely);
  const version = (await sql<{ server_version: string }>`SHOW server_version`.execute(db.kysely)).rows[0]!.server_version;
  return { db, backend: `PostgreSQL ${version}`, drop: scratch.drop };
}

const gradeOf = (id: string, sheetId: string, studentId: string, position: number): Row => ({
  id, sheet_id: sheetId, student_id: studentId, position, parts_json: '{}', mark: null, total: null, letter: null, version: 1, updated_at: T0, updated_by: null,
});

/** One faculty: 5,000 students in 200 groups, 50 disciplines a student → 10,000 sheets, 250,000 grades. */
async function seedFaculty(db: ServerDb): Promise<Row[]> {
  await importTableRows(db.kysely, 'university', [{ id: 'u', name_ky: 'У', name_ru: 'У', name_en: 'U', okpo: null, version: 1, updated_at: T0 }]);
  await importTableRows(db.kysely, 'faculty', [{ id: FACULTY, university_id: 'u', code: 'BENCH', name_ky: 'Ф', name_ru: 'Ф', name_en: 'F', version: 1, updated_at: T0 }]);
  // the rows the pushed grades are checked against (the sheets' scale) and point at
  await importTableRows(db.kysely, 'specialty', [{ id: 'sp', faculty_id: FACULTY, code: '580100', name_ky: 'Э', name_ru: 'Э', name_en: 'E', level: 'bachelor', duration_years: 4, version: 1, updated_at: T0 }]);
  await importTableRows(db.kysely, 'academic_year', [{ id: '2026-2027', starts_on: '2026-09-01', ends_on: '2027-08-31' }]);
  await importTableRows(db.kysely, 'grading_scale', [{ id: 'scale', from_academic_year_id: '2026-2027', version: 1, scale_json: JSON.stringify(DEFAULT_SCALE), created_by: null, created_at: T0 }]);
  const groups = Array.from({ length: 200 }, (_, g) => ({ id: `grp-${g}`, faculty_id: FACULTY, specialty_id: 'sp', name: `БН-${g}`, form: 'full_time', intake_year: 2024, course: 3, language: 'ky', version: 1, updated_at: T0 }));
  await importTableRows(db.kysely, 'student_group', groups);
  const students: Row[] = [];
  for (let i = 0; i < 5000; i++) {
    students.push({
      id: `stu-${i}`, last_name: `Асанов${i}`, first_name: 'Бакыт', patronymic: 'Асан уулу', sex: 'M', birth_date: '2005-01-01', pin: null, citizenship: 'KG',
      record_book_no: `24-${String(i).padStart(5, '0')}`, group_id: `grp-${i % 200}`, funding: i % 3 ? 'budget' : 'contract', base_education: 'school', admission_year: 2024,
      status: 'active', flag_disability: 0, flag_orphan: 0, flag_targeted: 0, flag_dormitory: 0, flag_quota_foreigner: 0, search_text: `асанов${i}`, version: 1, created_at: T0, updated_at: T0, course: 3,
    });
  }
  await importTableRows(db.kysely, 'student', students);
  const sheets: Row[] = [];
  for (let g = 0; g < 200; g++) {
    for (let d = 0; d < 50; d++) {
      sheets.push({
        id: `sh-${g}-${d}`, academic_year_id: '2026-2027', seq: g * 50 + d + 1, number: `26-${String(g * 50 + d + 1).padStart(5, '0')}`, session_id: 'ses', faculty_id: FACULTY,
        group_id: `grp-${g}`, curriculum_item_id: `ci-${d}`, kind: 'main', attempt: 1, parent_sheet_id: null, examiner_staff_id: null, exam_date: null, scale_id: 'scale',
        state: 'open', closed_at: null, closed_by: null, version: 1, created_at: T0, updated_at: T0,
      });
    }
  }
  await importTableRows(db.kysely, 'grade_sheet', sheets);
  const grades: Row[] = [];
  for (let i = 0; i < 5000; i++) {
    const g = i % 200;
    for (let d = 0; d < 50; d++) grades.push(gradeOf(`gr-${i}-${d}`, `sh-${g}-${d}`, `stu-${i}`, Math.floor(i / 200) + 1));
  }
  for (let i = 0; i < grades.length; i += 25_000) await importTableRows(db.kysely, 'grade', grades.slice(i, i + 25_000));
  // as unidesk-server import-replica does after loading
  await analyzeStore(db.kysely);
  return grades;
}

class BenchDevice {
  seq = 0;
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  /** Local transactions of `perTx` grade changes each (a clerk's save), the way a device groups them. */
  txs(grades: Row[], perTx: number): PushedTransaction[] {
    const out: PushedTransaction[] = [];
    for (let i = 0; i < grades.length; i += perTx) {
      const slice = grades.slice(i, i + perTx);
      const txId = uuidv7();
      const rows: RowChange[] = slice.map((g) => ({
        table: 'grade', id: String(g.id), op: 'update',
        old: { id: g.id, version: 1, parts_json: '{}', total: null, letter: null },
        values: { ...g, ...POINTS_80, version: 2, updated_at: T0 },
      }));
      out.push({
        txId,
        mutations: slice.map((g) => ({
          seq: ++this.seq, mutationId: uuidv7(), name: 'grade.set', entity: 'grade', entityId: String(g.id), baseVersion: 1, userId: null,
          schemaVersion: SCHEMA_VERSION, createdAt: T0, payload: { sheetId: g.sheet_id },
        })),
        rows,
      });
    }
    return out;
  }

  async push(transactions: PushedTransaction[]): Promise<PushResponse> {
    const res = await fetch(`${this.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, transactions }),
    });
    if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
    return (await res.json()) as PushResponse;
  }
}

/** Enrolment over HTTP is rate-limited per address (password checks); the bench enrols its 52 devices in the store. */
async function enrol(db: ServerDb, url: string, name: string): Promise<BenchDevice> {
  const d = await enrolDevice(db.kysely, { name, role: 'clerk', scope: { kind: 'faculty', facultyId: FACULTY }, enrolledBy: ADMIN.username });
  return new BenchDevice(url, d.token);
}

/** A new device of the faculty: its whole scope into an empty replica, through the device's code. */
async function bootstrapFigure(store: { db: ServerDb; backend: string }, url: string, dir: string): Promise<BenchRow> {
  const device = await enrol(store.db, url, 'bench bootstrap');
  const replica = openDatabase(path.join(dir, 'bootstrap.sqlite'));
  replica.sqlite
    .prepare(`INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at) VALUES (1, ?, 'bench', 'bench', ?, 'clerk', ?, 0, ?)`)
    .run(url, device.token, JSON.stringify({ kind: 'faculty', facultyId: FACULTY }), T0);
  replica.sqlite.exec('UPDATE sync_control SET capture = 1');
  const b0 = Date.now();
  const loaded = await bootstrap(replica, createSyncHttp(url), readSyncState(replica)!);
  const bootMs = Date.now() - b0;
  const onDevice = replica.sqlite.prepare('SELECT count(*) FROM grade').pluck().get() as number;
  await replica.close();
  return {
    scenario: 'sync bootstrap: a faculty of 5,000 students, 250,000 grades, into an empty replica',
    figure: `${(bootMs / 1000).toFixed(1)} s`,
    note: `${loaded.toLocaleString('en')} rows (${onDevice.toLocaleString('en')} grades) over loopback HTTP, ${store.backend}; target ≤ 30 s`,
  };
}

export async function syncBench(dir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = await openStore(dir);
  const app = await buildServerApp({ db: store.db.kysely, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  try {
    await upsertAdmin(store.db.kysely, ADMIN.username, ADMIN.password);
    const t0 = Date.now();
    const grades = await seedFaculty(store.db);
    console.log(`sync bench: seeded ${grades.length} grades in ${((Date.now() - t0) / 1000).toFixed(1)} s (${store.backend})`);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // a new device of the faculty: its whole scope into an empty replica, through the device's code
    // (BENCH_SYNC_BOOTSTRAP=0 skips it, to measure pushes alone)
    if (process.env.BENCH_SYNC_BOOTSTRAP !== '0') rows.push(await bootstrapFigure(store, url, dir));

    // one device pushes 100,000 grade changes: batches of 500 mutations in local transactions of 25
    const pusher = await enrol(store.db, url, 'bench push');
    const txs = pusher.txs(grades.slice(0, Number(process.env.BENCH_SYNC_PUSH ?? 100_000)), 25);
    const p0 = Date.now();
    let applied = 0;
    for (let i = 0; i < txs.length; i += 20) {
      const r = await pusher.push(txs.slice(i, i + 20));
      applied += r.results.filter((x) => x.status === 'applied').length;
    }
    const pushMs = Date.now() - p0;
    rows.push({
      scenario: 'sync push: 100,000 grade changes from one device',
      figure: `${Math.round(applied / (pushMs / 1000)).toLocaleString('en')} mutations/s`,
      note: `${(pushMs / 1000).toFixed(1)} s; ${applied.toLocaleString('en')} applied; batches of 500 in local transactions of 25; ${store.backend}; target ≥ 5,000/s`,
    });

    // 50 devices at once, each 10 batches of 100 changes to its own grades
    const devices = await Promise.all(Array.from({ length: 50 }, (_, i) => enrol(store.db, url, `bench device ${i}`)));
    const latencies: number[] = [];
    const c0 = Date.now();
    const results = await Promise.all(
      devices.map(async (d, i) => {
        const own = grades.slice(100_000 + i * 1000, 100_000 + (i + 1) * 1000);
        const batches = d.txs(own, 25);
        let ok = 0;
        for (let b = 0; b < batches.length; b += 4) {
          const s = Date.now();
          const r = await d.push(batches.slice(b, b + 4));
          latencies.push(Date.now() - s);
          ok += r.results.filter((x) => x.status === 'applied').length;
        }
        return ok;
      }),
    );
    const concMs = Date.now() - c0;
    const total = results.reduce((a, b) => a + b, 0);
    latencies.sort((a, b) => a - b);
    rows.push({
      scenario: 'sync: 50 devices pushing at once',
      figure: `${Math.round(total / (concMs / 1000)).toLocaleString('en')} mutations/s`,
      note: `${total.toLocaleString('en')} applied of 50,000 in ${(concMs / 1000).toFixed(1)} s; push p50 ${latencies[Math.floor(latencies.length / 2)]} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]} ms; ${store.backend}`,
    });
  } finally {
    await app.close();
    await store.drop();
    await store.db.close();
  }
  return rows;
}
