/**
 * Documents anyone can verify (issue 13), the server's part: a registrar workstation gets its
 * signing key certified by the root key; IT lists and revokes keys (a stolen laptop); anyone —
 * no account — opens /verify (the QR's address), whose script checks the code in the browser
 * with the root public key and then asks whether the key or the document was revoked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { can, ROLES, type Role } from '../../src-shared/domain/roles';
import { decodeCode, shortCheck } from '../../src-shared/domain/document-code';
import {
  signingKeyRequest,
  verifyLookupRequest,
  verifyStatusRequest,
  type SigningKeyResponse,
  type VerifyLookupResponse,
  type VerifyStatusResponse,
} from '../../src-shared/sync/protocol';
import { universityToday } from '../../src-main/platform/university-clock';
import type { ServerKysely } from '../db/connection';
import { certifyDeviceKey, listSigningKeys, registerEntry, revokeSigningKey, rootPublicKeyOnServer, signingKey, type SigningKeyView } from '../keys/signing-key.repository';
import { verifyPageHtml } from '../keys/verify-page.html';
import { ADMIN_RATE_LIMIT, requireAdmin, requireDevice, routeLimit } from './auth.hooks';
import { HttpError, parseBody } from './http-errors';

/** The page's script, bundled by scripts/build.mjs beside the server (dist/server/verify-page.js). */
function verifyScript(): string | null {
  const candidates = [path.join(__dirname, 'verify-page.js'), path.join(process.cwd(), 'dist', 'server', 'verify-page.js')];
  const file = candidates.find((f) => fs.existsSync(f));
  return file ? fs.readFileSync(file, 'utf8') : null;
}

export function keysRoutes(app: FastifyInstance, db: ServerKysely, adminLimit = ADMIN_RATE_LIMIT): void {
  app.post('/v1/signing-key', async (req, reply): Promise<SigningKeyResponse> => {
    const device = await requireDevice(db, req);
    const body = parseBody(signingKeyRequest, req.body);
    if (!ROLES.includes(device.role as Role) || !can(device.role as Role, 'documents.certify')) {
      throw new HttpError(403, 'forbidden', `this device works as "${device.role}", which does not sign documents`);
    }
    reply.code(201);
    return certifyDeviceKey(db, device.id, body.publicKey, universityToday());
  });

  app.get('/v1/signing-keys', { config: routeLimit(adminLimit) }, async (req): Promise<{ keys: SigningKeyView[] }> => {
    await requireAdmin(db, req);
    return { keys: await listSigningKeys(db) };
  });

  app.post<{ Params: { keyId: string } }>('/v1/signing-keys/:keyId/revoke', { config: routeLimit(adminLimit) }, async (req): Promise<{ key: SigningKeyView }> => {
    await requireAdmin(db, req);
    const reason = typeof (req.body as { reason?: unknown } | null)?.reason === 'string' ? (req.body as { reason: string }).reason.trim() : '';
    if (!reason) throw new HttpError(400, 'bad_request', 'reason: say why the key is revoked (e.g. "laptop stolen 03.12.2026")');
    const key = await revokeSigningKey(db, req.params.keyId, reason.slice(0, 500));
    if (!key) throw new HttpError(404, 'not_found', `no signing key ${req.params.keyId}`);
    return { key };
  });

  // public: what the page and the app ask after the offline check
  app.get('/v1/root-key', async () => ({ rootPublicKey: await rootPublicKeyOnServer(db) }));

  app.post('/v1/verify/status', async (req): Promise<VerifyStatusResponse> => {
    const body = parseBody(verifyStatusRequest, req.body);
    const key = await signingKey(db, body.keyId);
    const entry = await registerEntry(db, body.number);
    return {
      key: key ? { state: key.revokedAt ? 'revoked' : 'valid', revokedAt: key.revokedAt, reason: key.revokeReason } : { state: 'unknown', revokedAt: null, reason: null },
      document: entry ? { state: entry.revokedAt ? 'revoked' : 'valid', revokedAt: entry.revokedAt, reason: entry.revokeReason } : { state: 'unknown', revokedAt: null, reason: null },
    };
  });

  // the short code: the number and eight characters of the signature find the full code
  app.post('/v1/verify/lookup', { config: routeLimit(adminLimit) }, async (req): Promise<VerifyLookupResponse> => {
    const body = parseBody(verifyLookupRequest, req.body);
    const entry = await registerEntry(db, body.number);
    const signature = entry ? decodeCode(entry.code)?.signature : undefined;
    const wanted = body.check.replace('-', '');
    if (!entry || !signature || shortCheck(signature).replace('-', '') !== wanted) {
      throw new HttpError(404, 'not_found', 'no document with this number and code in the register');
    }
    return { code: entry.code };
  });

  app.get('/verify', async (_req, reply) => {
    const root = await rootPublicKeyOnServer(db);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:").send(verifyPageHtml(root));
  });

  app.get('/verify/verify.js', async (_req, reply) => {
    const script = verifyScript();
    if (!script) throw new HttpError(503, 'not_built', 'the verify page script is not built (npm run build)');
    return reply.type('text/javascript; charset=utf-8').send(script);
  });
}
