/**
 * A small university in the store and simulated devices talking to the server through
 * Fastify's inject (no socket): enrol, build local transactions with consecutive seqs, push, pull.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DeviceScope, PullResponse, PushedTransaction, PushResponse, RowChange, BootstrapPage } from '../../src-shared/sync/protocol';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import { DEFAULT_SCALE, gradeRow } from '../../src-shared/domain/grading';
import { sampleRow } from '../../src-shared/sync/row-schema';
import { syncTable } from '../../src-shared/sync/tables';
import { upsertAdmin } from '../auth/server-user.repository';
import type { ServerDb, ServerKysely } from '../db/connection';
import { buildServerApp } from '../http/server-app';
import { importTableRows } from '../import/row-import';
import { SERVER_SCHEMA_VERSION } from '../sync/schema-version';
import { OPEN_TIMEOUT_MS, truncateAll, type TestBackend } from './server-test-kit';

export const ADMIN = { username: 'itadmin', password: 'correct horse battery' };
export const F1 = 'fac-econ';
export const F2 = 'fac-law';
export const T0 = '2026-01-10T09:00:00.000Z';

type Row = Record<string, unknown>;

function rowOf(table: string, id: string, overrides: Row): Row {
  const schema = syncTable(table)!.row;
  return sampleRow(schema, id, { ...('updated_at' in schema.columns ? { version: 1, updated_at: T0 } : {}), ...overrides });
}

export const student = (id: string, groupId: string, funding: 'budget' | 'contract'): Row =>
  rowOf('student', id, { last_name: 'Асанов', first_name: 'Бакыт', record_book_no: `rb-${id}`, group_id: groupId, funding, status: 'active', created_at: T0 });
/** A live history row of student `studentId` as `student()` makes them, with `overrides` (the order's change). */
export const history = (id: string, studentId: string, overrides: Row): Row => {
  const s = student(studentId, 'g1', 'budget');
  return rowOf('student_status_history', id, {
    student_id: studentId, kind: 'academic_leave', status: s.status, group_id: s.group_id, course: s.course, funding: s.funding, last_name: s.last_name, first_name: s.first_name,
    patronymic: s.patronymic, order_id: null, order_item_id: null, voided_by_order_id: null, created_at: T0, ...overrides,
  });
};
export const staff = (id: string): Row => rowOf('staff', id, { last_name: 'Козлов', first_name: 'Сергей', patronymic: 'Борисович' });
export const grade = (id: string, sheetId: string, mark: 'absent' | 'not_admitted' | null): Row =>
  rowOf('grade', id, { sheet_id: sheetId, student_id: 's1', mark, total: null, letter: null, parts_json: '{}' });
export const sheet = (id: string, facultyId: string, groupId = facultyId === F1 ? 'g1' : 'g2'): Row =>
  rowOf('grade_sheet', id, { faculty_id: facultyId, group_id: groupId, number: id, session_id: 'ses', curriculum_item_id: 'ci', academic_year_id: YEAR, scale_id: 'scale', state: 'open', created_at: T0 });
export const order = (id: string, facultyId: string | null, overrides: Row = {}): Row =>
  rowOf('student_order', id, { type: 'promotion', state: 'draft', faculty_id: facultyId, reason: 'Студенттин арызы', reason_ru: 'Заявление студента', created_at: T0, ...overrides });

/** A grade's points adding up to `total` under the default scale (modules first), with the scale's letter. */
export function points(total: number): Row {
  const m1 = Math.min(30, total);
  const m2 = Math.min(30, total - m1);
  const parts = { m1, m2, exam: total - m1 - m2 };
  const r = gradeRow(DEFAULT_SCALE, { parts, mark: null });
  if (r.problems.length > 0) throw new Error(`points(${total}): not a valid grade under the default scale`);
  return { parts_json: JSON.stringify(parts), mark: null, total: r.total, letter: r.band?.letter ?? null };
}

const YEAR = '2025-2026';

/** Two faculties, a group and a sheet in each, a budget student in F1 and a contract student in F2. */
export async function seedUniversity(db: ServerKysely): Promise<void> {
  const importRows = async (table: string, rows: Row[]) => {
    const r = await importTableRows(db, table, rows);
    if (r.problems.length > 0) throw new Error(`seed ${table}: ${JSON.stringify(r.problems)}`);
  };
  await importRows('university', [rowOf('university', 'uni', {})]);
  await importRows('faculty', [rowOf('faculty', F1, { university_id: 'uni', code: 'ECON' }), rowOf('faculty', F2, { university_id: 'uni', code: 'LAW' })]);
  await importRows('specialty', [rowOf('specialty', 'spec', { faculty_id: F1 })]);
  await importRows('discipline', [rowOf('discipline', 'disc', {})]);
  await importRows('curriculum', [rowOf('curriculum', 'cur', { specialty_id: 'spec' })]);
  await importRows('curriculum_item', [rowOf('curriculum_item', 'ci', { curriculum_id: 'cur', discipline_id: 'disc' })]);
  await importRows('academic_year', [rowOf('academic_year', YEAR, { starts_on: '2025-09-01', ends_on: '2026-08-31' })]);
  await importRows('academic_session', [rowOf('academic_session', 'ses', { academic_year_id: YEAR })]);
  await importRows('grading_scale', [rowOf('grading_scale', 'scale', { from_academic_year_id: YEAR, scale_json: JSON.stringify(DEFAULT_SCALE), created_at: T0 })]);
  await importRows('student_group', [
    rowOf('student_group', 'g1', { faculty_id: F1, specialty_id: 'spec', name: 'ЭК-1-25' }),
    rowOf('student_group', 'g2', { faculty_id: F2, specialty_id: 'spec', name: 'ЮР-1-25' }),
  ]);
  await importRows('student', [student('s1', 'g1', 'budget'), student('s2', 'g2', 'contract')]);
  await importRows('grade_sheet', [sheet('sh1', F1), sheet('sh2', F2)]);
  await importRows('grade', [grade('gr1', 'sh1', null), grade('gr2', 'sh2', null)]);
}

export async function createAdmin(db: ServerKysely): Promise<void> {
  await upsertAdmin(db, ADMIN.username, ADMIN.password);
}

export const basicAuth = (u = ADMIN.username, p = ADMIN.password) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

export interface MutationSpec {
  name: string;
  entity: string;
  entityId: string;
  baseVersion?: number | null;
  schemaVersion?: number;
}

export const update = (table: string, old: Row, changes: Row): RowChange => ({
  table, id: String(old.id), op: 'update', old, values: { ...old, ...changes, ...('version' in old ? { version: Number(old.version) + 1 } : {}) },
});
export const insert = (table: string, values: Row): RowChange => ({ table, id: String(values.id), op: 'insert', values, old: null });
export const remove = (table: string, old: Row): RowChange => ({ table, id: String(old.id), op: 'delete', values: null, old });

export class TestDevice {
  /** the device's outbox sequence, as its replica numbers it */
  seq = 0;

  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    readonly token: string,
  ) {}

  /** A local transaction with the next seqs. */
  tx(mutations: MutationSpec[], rows: RowChange[]): PushedTransaction {
    return {
      txId: randomUUID(),
      rows,
      mutations: mutations.map((m) => ({
        seq: ++this.seq,
        mutationId: randomUUID(),
        name: m.name,
        entity: m.entity,
        entityId: m.entityId,
        baseVersion: m.baseVersion ?? null,
        userId: 'user-1',
        schemaVersion: m.schemaVersion ?? SERVER_SCHEMA_VERSION,
        createdAt: T0,
        payload: {},
      })),
    };
  }

  async post(path: string, body: unknown) {
    return this.app.inject({ method: 'POST', url: path, headers: { authorization: `Bearer ${this.token}` }, payload: body as object });
  }

  async push(transactions: PushedTransaction[]): Promise<PushResponse> {
    const r = await this.post('/v1/push', { protocol: PROTOCOL_VERSION, transactions });
    if (r.statusCode !== 200) throw new Error(`push: ${r.statusCode} ${r.body}`);
    return r.json();
  }

  async pull(cursor: string, limit = 1000, mark?: string): Promise<PullResponse> {
    const r = await this.post('/v1/pull', { protocol: PROTOCOL_VERSION, cursor, limit, ...(mark ? { mark } : {}) });
    if (r.statusCode !== 200) throw new Error(`pull: ${r.statusCode} ${r.body}`);
    return r.json();
  }

  async bootstrap(table: string, after = '', limit = 2000): Promise<BootstrapPage> {
    const r = await this.post('/v1/bootstrap', { protocol: PROTOCOL_VERSION, table, after, limit });
    if (r.statusCode !== 200) throw new Error(`bootstrap: ${r.statusCode} ${r.body}`);
    return r.json();
  }
}

export async function enrol(app: FastifyInstance, role: string, scope: DeviceScope, deviceName = `${role} PC`): Promise<TestDevice> {
  const r = await app.inject({
    method: 'POST',
    url: '/v1/enrol',
    payload: { protocol: PROTOCOL_VERSION, username: ADMIN.username, password: ADMIN.password, deviceName, role, scope },
  });
  if (r.statusCode !== 201) throw new Error(`enrol: ${r.statusCode} ${r.body}`);
  const body = r.json<{ deviceId: string; token: string }>();
  return new TestDevice(app, body.deviceId, body.token);
}

/** The store's current row, for assertions. */
export async function storedData(db: ServerKysely, table: string, id: string): Promise<Row | undefined> {
  const r = await db.selectFrom('sync_row').select(['data', 'deleted']).where('tbl', '=', table).where('id', '=', id).executeTakeFirst();
  return r && !r.deleted ? (r.data as Row) : undefined;
}

/**
 * The hooks every server suite needs: the backend opened once with an app on it (handed to
 * `use`), and before each test every table emptied and the administrator created — and the
 * test university, when asked.
 */
export function serverSuite(backend: TestBackend, use: (s: { db: ServerDb; app: FastifyInstance }) => void, opts: { university?: boolean } = {}): void {
  let db: ServerDb | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = await backend.open();
    app = await buildServerApp({ db: db.kysely });
    use({ db, app });
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  beforeEach(async () => {
    await truncateAll(db!);
    await createAdmin(db!.kysely);
    if (opts.university) await seedUniversity(db!.kysely);
  });
}
