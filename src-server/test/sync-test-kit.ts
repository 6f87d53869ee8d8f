/**
 * A small university in the store and simulated devices talking to the server through
 * Fastify's inject (no socket): enrol, build local transactions with consecutive seqs, push, pull.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DeviceScope, PullResponse, PushedTransaction, PushResponse, RowChange, BootstrapPage } from '../../src-shared/sync/protocol';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
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

export const student = (id: string, groupId: string, funding: 'budget' | 'contract'): Row => ({
  id, last_name: 'Асанов', first_name: 'Бакыт', patronymic: null, pin: null, group_id: groupId, funding, status: 'active', flag_dormitory: 0, version: 1, updated_at: T0,
});
export const grade = (id: string, sheetId: string, mark: string | null): Row => ({
  id, sheet_id: sheetId, student_id: 's1', mark, total: null, version: 1, updated_at: T0, updated_by: null,
});

/** Two faculties, a group and a sheet in each, a budget student in F1 and a contract student in F2. */
export async function seedUniversity(db: ServerKysely): Promise<void> {
  await importTableRows(db, 'faculty', [
    { id: F1, code: 'ECON', version: 1, updated_at: T0 },
    { id: F2, code: 'LAW', version: 1, updated_at: T0 },
  ]);
  await importTableRows(db, 'student_group', [
    { id: 'g1', faculty_id: F1, name: 'ЭК-1-25', course: 1, version: 1, updated_at: T0 },
    { id: 'g2', faculty_id: F2, name: 'ЮР-1-25', course: 1, version: 1, updated_at: T0 },
  ]);
  await importTableRows(db, 'student', [student('s1', 'g1', 'budget'), student('s2', 'g2', 'contract')]);
  await importTableRows(db, 'grade_sheet', [
    { id: 'sh1', faculty_id: F1, group_id: 'g1', state: 'open', examiner_staff_id: null, version: 1, updated_at: T0 },
    { id: 'sh2', faculty_id: F2, group_id: 'g2', state: 'open', examiner_staff_id: null, version: 1, updated_at: T0 },
  ]);
  await importTableRows(db, 'grade', [grade('gr1', 'sh1', null), grade('gr2', 'sh2', null)]);
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

  async pull(cursor: string, limit = 1000): Promise<PullResponse> {
    const r = await this.post('/v1/pull', { protocol: PROTOCOL_VERSION, cursor, limit });
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
