import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { ADMIN, basicAuth, enrol, F1, serverSuite } from '../test/sync-test-kit';
import { importTableRows } from '../import/row-import';
import { ADMIN_RATE_LIMIT } from './auth.hooks';
import { buildServerApp } from './server-app';

describe.each(TEST_BACKENDS)('server endpoints: enrolment, tokens, admin, limits ($name)', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  serverSuite(backend, (s) => ({ db, app } = s));

  const enrolBody = (over: Record<string, unknown> = {}) => ({
    protocol: PROTOCOL_VERSION, username: ADMIN.username, password: ADMIN.password, deviceName: 'Dean office PC', role: 'clerk', scope: { kind: 'faculty', facultyId: F1 }, ...over,
  });
  const heartbeat = { protocol: PROTOCOL_VERSION, pending: 3, oldestPendingAt: '2026-01-10T09:00:00.000Z', appVersion: '0.1.0', lastError: null };

  it('enrols a device with an admin’s credentials, shows its token once and keeps only a hash', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody() });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ role: 'clerk', scope: { kind: 'faculty', facultyId: F1 }, token: expect.stringMatching(/^udt_/) });
    const stored = await db.kysely.selectFrom('device').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(body.token.slice(4));
    expect(stored[0]!.enrolled_by).toBe(ADMIN.username);
  });

  it('lists the faculties a workstation can be connected to, for an administrator only', async () => {
    await importTableRows(db.kysely, 'university', [{ id: 'u', name_ky: 'У', name_ru: 'У', name_en: 'U', okpo: null, version: 1, updated_at: '2026-01-01T00:00:00.000Z' }]);
    await importTableRows(db.kysely, 'faculty', [
      { id: 'f2', university_id: 'u', code: 'LAW', name_ky: 'Юридика', name_ru: 'Юридический', name_en: 'Law', version: 1, updated_at: '2026-01-01T00:00:00.000Z' },
      { id: 'f1', university_id: 'u', code: 'ECON', name_ky: 'Экономика', name_ru: 'Экономический', name_en: 'Economics', version: 1, updated_at: '2026-01-01T00:00:00.000Z' },
    ]);
    const ok = await app.inject({ method: 'POST', url: '/v1/faculties', payload: { protocol: PROTOCOL_VERSION, username: ADMIN.username, password: ADMIN.password } });
    expect(ok.json().faculties.map((f: { code: string }) => f.code)).toEqual(['ECON', 'LAW']);
    const wrong = await app.inject({ method: 'POST', url: '/v1/faculties', payload: { protocol: PROTOCOL_VERSION, username: ADMIN.username, password: 'guess' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('refuses enrolment with a wrong password, by a non-admin, or for an unknown role', async () => {
    expect((await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody({ password: 'guess' }) })).json()).toEqual({
      error: 'invalid_credentials', message: 'wrong username or password',
    });
    await db.kysely.insertInto('server_user').values({ username: 'viewer', password_hash: (await db.kysely.selectFrom('server_user').select('password_hash').executeTakeFirstOrThrow()).password_hash, role: 'viewer' }).execute();
    expect((await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody({ username: 'viewer' }) })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody({ role: 'rector' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^role:/);
    const noFaculty = await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody({ scope: { kind: 'all' } }) });
    expect(noFaculty.json().message).toMatch(/^scope:/);
    const old = await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody({ protocol: PROTOCOL_VERSION - 2 }) });
    expect([old.statusCode, old.json().error]).toEqual([426, 'update_required']);
  });

  it('answers 401 to a missing or unknown token, and device_revoked once the admin revokes the device', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    expect((await d.post('/v1/heartbeat', heartbeat)).json()).toMatchObject({ lastSeq: 0 });
    const none = await app.inject({ method: 'POST', url: '/v1/pull', payload: { protocol: 1, cursor: '0' } });
    expect([none.statusCode, none.json().error]).toEqual([401, 'unauthenticated']);
    const forged = await app.inject({ method: 'POST', url: '/v1/pull', headers: { authorization: 'Bearer udt_forged' }, payload: { protocol: 1, cursor: '0' } });
    expect([forged.statusCode, forged.json().error]).toEqual([401, 'unauthenticated']);
    const revoke = await app.inject({ method: 'POST', url: `/v1/devices/${d.id}/revoke`, headers: { authorization: basicAuth() } });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().device.revokedAt).not.toBeNull();
    for (const path of ['/v1/push', '/v1/pull', '/v1/bootstrap', '/v1/heartbeat']) {
      const r = await d.post(path, heartbeat);
      expect([path, r.statusCode, r.json().error]).toEqual([path, 401, 'device_revoked']);
    }
  });

  it('lists devices with what their heartbeats said, for an admin only', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    await d.post('/v1/heartbeat', { ...heartbeat, lastError: 'network unreachable' });
    const r = await app.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: basicAuth() } });
    expect(r.json().devices).toEqual([
      expect.objectContaining({ id: d.id, name: 'clerk PC', role: 'clerk', pending: 3, oldestPendingAt: '2026-01-10T09:00:00.000Z', lastError: 'network unreachable', lastSeq: 0, revokedAt: null }),
    ]);
    const wrong = await app.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: basicAuth(ADMIN.username, 'nope') } });
    expect([wrong.statusCode, wrong.headers['www-authenticate']]).toEqual([401, expect.stringMatching(/^Basic/)]);
    expect((await app.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: `Bearer ${d.token}` } })).statusCode).toBe(401);
    const missing = await app.inject({ method: 'POST', url: '/v1/devices/nope/revoke', headers: { authorization: basicAuth() } });
    expect(missing.statusCode).toBe(404);
  });

  it('validates every body and names the field', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const r = await d.post('/v1/pull', { protocol: 1, cursor: 'abc' });
    expect([r.statusCode, r.json().error, r.json().message]).toEqual([400, 'bad_request', expect.stringMatching(/^cursor:/)]);
    // a position beyond bigint is the device's mistake, not the server's
    for (const cursor of ['99999999999999999999', '9223372036854775808']) {
      const big = await d.post('/v1/pull', { protocol: 1, cursor });
      expect([big.statusCode, big.json().error], cursor).toEqual([400, 'bad_request']);
    }
    expect((await d.post('/v1/pull', { protocol: 1, cursor: '9223372036854775807' })).statusCode).toBe(200);
    const notJson = await app.inject({ method: 'POST', url: '/v1/heartbeat', headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' }, payload: '{"protocol":' });
    expect([notJson.statusCode, notJson.json().error]).toEqual([400, 'bad_request']);
    expect((await app.inject({ method: 'GET', url: '/v1/nothing' })).json().error).toBe('not_found');
  });

  it('reports health from the database', async () => {
    const r = await app.inject({ method: 'GET', url: '/health' });
    expect([r.statusCode, r.json()]).toEqual([200, { ok: true }]);
  });

  it('answers 413 to a body over the limit and 429 past the rate limit', async () => {
    const small = await buildServerApp({ db: db.kysely, bodyLimit: 10_000, pushBodyLimit: 10_000, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const big = await small.inject({ method: 'POST', url: '/v1/push', headers: { authorization: 'Bearer udt_x' }, payload: { protocol: 1, transactions: [], pad: 'x'.repeat(20_000) } });
      expect([big.statusCode, big.json().error]).toEqual([413, 'payload_too_large']);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await small.inject({ method: 'POST', url: '/v1/pull', headers: { authorization: 'Bearer udt_y' }, payload: { protocol: 1, cursor: '0' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // another token has its own allowance
      const other = await small.inject({ method: 'POST', url: '/v1/pull', headers: { authorization: 'Bearer udt_z' }, payload: { protocol: 1, cursor: '0' } });
      expect(other.statusCode).toBe(401);
      const limited = await small.inject({ method: 'POST', url: '/v1/pull', headers: { authorization: 'Bearer udt_y' }, payload: { protocol: 1, cursor: '0' } });
      expect(limited.json()).toMatchObject({ error: 'rate_limited' });
      // password checks have their own, tighter limit per address
      const guesses: number[] = [];
      for (let i = 0; i <= ADMIN_RATE_LIMIT.max; i++) guesses.push((await small.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: basicAuth(ADMIN.username, `guess${i}`) } })).statusCode);
      expect(guesses.slice(-2)).toEqual([401, 429]);
    } finally {
      await small.close();
    }
    // a lab server (the soak) may set its own password-check limit
    const lab = await buildServerApp({ db: db.kysely, adminRateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const tries: number[] = [];
      for (let i = 0; i < 3; i++) tries.push((await lab.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: basicAuth(ADMIN.username, 'wrong') } })).statusCode);
      expect(tries).toEqual([401, 401, 429]);
    } finally {
      await lab.close();
    }
  });
  it('takes a gzip-compressed body (a large local transaction) and refuses an unknown encoding', async () => {
    const d = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const body = JSON.stringify({ protocol: PROTOCOL_VERSION, cursor: '0', limit: 10 });
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(body),
    });
    expect([ok.statusCode, ok.json().cursor]).toEqual([200, '0']);
    const odd = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json', 'content-encoding': 'br' },
      payload: body,
    });
    expect([odd.statusCode, odd.json().error]).toEqual([415, 'unsupported_encoding']);
  });
});
