/**
 * The server's part of documents anyone can verify (issue 13): the root key certifies each
 * registrar workstation's key in a series of its own; IT revokes a key (or the whole device);
 * every pushed register entry is re-checked; the public status and short-code lookup answer.
 */
import type { FastifyInstance } from 'fastify';
import { randomUUID, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certifiedBy, encodeCode, shortCheck, verifyCode, type KeyCertificate } from '../../src-shared/domain/document-code';
import { PROTOCOL_VERSION, type VerifyStatusResponse } from '../../src-shared/sync/protocol';
import { newSigningKey, rawPublicKey, sealDocument } from '../../src-main/platform/document-seal';
import { universityToday } from '../../src-main/platform/university-clock';
import { TEST_BACKENDS } from '../test/server-test-kit';
import { basicAuth, enrol, F1, insert, serverSuite, T0, update, type TestDevice } from '../test/sync-test-kit';

interface Station {
  device: TestDevice;
  key: KeyObject;
  cert: KeyCertificate;
  root: string;
  seq: number;
}

const today = universityToday();

async function registrarStation(app: FastifyInstance, name: string): Promise<Station> {
  const device = await enrol(app, 'registrar', { kind: 'all' }, name);
  const made = newSigningKey();
  const r = await device.post('/v1/signing-key', { protocol: PROTOCOL_VERSION, publicKey: rawPublicKey(made.publicKey) });
  expect(r.statusCode, r.body).toBe(201);
  const body = r.json<{ certificate: KeyCertificate; rootPublicKey: string }>();
  return { device, key: made.privateKey, cert: body.certificate, root: body.rootPublicKey, seq: 0 };
}

/** A register entry as the workstation's replica writes it, its code sealed with the station's key. */
function entry(st: Station, over: { series?: string; number?: string; signedNumber?: string } = {}) {
  const seq = ++st.seq;
  const series = over.series ?? st.cert.series;
  const number = over.number ?? `${series}-${String(seq).padStart(6, '0')}`;
  const fields = { type: 'study', number: over.signedNumber ?? number, issuedOn: today, lastName: 'Асанов', firstName: 'Бакыт' };
  const code = encodeCode(sealDocument(st.key, st.cert, fields));
  return {
    id: randomUUID(), number, series, seq, type: 'study', student_id: 's1', faculty_id: F1, issued_on: today, lang: 'ru', purpose: 'в банк', fields_json: JSON.stringify(fields),
    content_hash: 'a'.repeat(64), key_id: st.cert.keyId, code, duplicate_of: null, issued_by: null, workstation: 'PC', revoked_at: null, revoked_by: null, revoke_reason: null,
    version: 1, created_at: T0, updated_at: T0,
  };
}

async function pushEntry(st: Station, change: ReturnType<typeof insert>, name = 'document.issue') {
  const res = await st.device.push([st.device.tx([{ name, entity: 'issued_document', entityId: change.id }], [change])]);
  return res.results[0]!;
}

describe.each(TEST_BACKENDS)('document keys on the server ($name)', (backend) => {
  let app: FastifyInstance;
  serverSuite(backend, (s) => (app = s.app), { university: true });
  const status = async (keyId: string, number: string) => (await app.inject({ method: 'POST', url: '/v1/verify/status', payload: { keyId, number } })).json<VerifyStatusResponse>();

  it('certifies each registrar workstation in its own series with the one root key, and refuses a dean’s office', async () => {
    const a = await registrarStation(app, 'registrar A');
    const b = await registrarStation(app, 'registrar B');
    expect([a.cert.series, b.cert.series]).toEqual(['S1', 'S2']);
    expect(a.root).toBe(b.root);
    expect((await app.inject({ method: 'GET', url: '/v1/root-key' })).json()).toEqual({ rootPublicKey: a.root });
    expect(certifiedBy(a.cert, a.root) && certifiedBy(b.cert, a.root)).toBe(true);
    expect(a.cert.validFrom).toBe(today);
    expect(a.cert.validTo > today).toBe(true);
    const clerk = await enrol(app, 'clerk', { kind: 'faculty', facultyId: F1 });
    const r = await clerk.post('/v1/signing-key', { protocol: PROTOCOL_VERSION, publicKey: rawPublicKey(newSigningKey().publicKey) });
    expect(r.statusCode).toBe(403);
    const listed = await app.inject({ method: 'GET', url: '/v1/signing-keys', headers: { authorization: basicAuth() } });
    expect(listed.json<{ keys: { series: string; deviceName: string }[] }>().keys.map((k) => [k.series, k.deviceName])).toEqual([['S1', 'registrar A'], ['S2', 'registrar B']]);
  });

  it('takes an entry only in a series certified to the pushing workstation, whose code verifies and names the same number', async () => {
    const a = await registrarStation(app, 'A');
    const b = await registrarStation(app, 'B');
    expect(await pushEntry(a, insert('issued_document', entry(a)))).toMatchObject({ status: 'applied' });
    // B numbering in A's series (a forged or copied replica)
    expect(await pushEntry(b, insert('issued_document', { ...entry(b), series: 'S1', number: 'S1-000009', seq: 9 }))).toMatchObject({ status: 'rejected', code: 'unknown_key' });
    // the signed number is not the entry's
    expect(await pushEntry(a, insert('issued_document', entry(a, { signedNumber: 'S1-000777' })))).toMatchObject({ status: 'rejected', code: 'invalid_row' });
  });

  it('an issued entry changes only by being revoked; the public status and the short code say so', async () => {
    const a = await registrarStation(app, 'A');
    const doc = entry(a);
    await pushEntry(a, insert('issued_document', doc));
    expect(await pushEntry(a, update('issued_document', doc, { purpose: 'в посольство' }))).toMatchObject({ status: 'rejected', code: 'document_issued' });
    expect(await status(a.cert.keyId, doc.number)).toEqual({ key: { state: 'valid', revokedAt: null, reason: null }, document: { state: 'valid', revokedAt: null, reason: null } });
    const check = shortCheck(JSON.parse(Buffer.from(doc.code, 'base64url').toString('utf8')).signature);
    const found = await app.inject({ method: 'POST', url: '/v1/verify/lookup', payload: { number: doc.number, check: check.toLowerCase() } });
    expect(found.json()).toEqual({ code: doc.code });
    expect((await app.inject({ method: 'POST', url: '/v1/verify/lookup', payload: { number: doc.number, check: 'AAAA-AAAA' } })).statusCode).toBe(404);
    const revoked = { revoked_at: '2026-12-04T10:00:00.000Z', revoke_reason: 'выдана по ошибке' };
    expect(await pushEntry(a, update('issued_document', doc, revoked), 'document.revoke')).toMatchObject({ status: 'applied' });
    expect((await status(a.cert.keyId, doc.number)).document).toEqual({ state: 'revoked', revokedAt: revoked.revoked_at, reason: 'выдана по ошибке' });
    expect((await status('no-such-key', 'S9-000001')).document.state).toBe('unknown');
  });

  it('a revoked key (a stolen laptop) issues nothing more, and revoking a device revokes its keys', async () => {
    const a = await registrarStation(app, 'A');
    const first = entry(a);
    await pushEntry(a, insert('issued_document', first));
    const r = await app.inject({ method: 'POST', url: `/v1/signing-keys/${a.cert.keyId}/revoke`, headers: { authorization: basicAuth() }, payload: { reason: 'ноутбук украден' } });
    expect(r.statusCode).toBe(200);
    expect((await status(a.cert.keyId, first.number)).key).toMatchObject({ state: 'revoked', reason: 'ноутбук украден' });
    expect(await pushEntry(a, insert('issued_document', entry(a)))).toMatchObject({ status: 'rejected', code: 'key_revoked' });
    // the offline check alone still passes: revocation is the online part
    expect(verifyCode(first.code, a.root).ok).toBe(true);

    const b = await registrarStation(app, 'B');
    await app.inject({ method: 'POST', url: `/v1/devices/${b.device.id}/revoke`, headers: { authorization: basicAuth() } });
    expect((await status(b.cert.keyId, 'S2-000001')).key.state).toBe('revoked');
    const noReason = await app.inject({ method: 'POST', url: `/v1/signing-keys/${a.cert.keyId}/revoke`, headers: { authorization: basicAuth() }, payload: {} });
    expect(noReason.statusCode).toBe(400);
  });

  it('serves the public page with the root key and its script', async () => {
    const a = await registrarStation(app, 'A');
    const page = await app.inject({ method: 'GET', url: '/verify' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain(`data-root="${a.root}"`);
    expect(page.body).toContain('src="verify/verify.js"');
  });
});
