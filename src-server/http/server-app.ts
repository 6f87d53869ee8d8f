/**
 * The HTTP server (Fastify). It keeps nothing in memory that matters — devices, sequences
 * and the change log are in the database — so any number of instances can serve one
 * PostgreSQL. The rate-limit counters are per instance: a limit, not state.
 */
import rateLimit from '@fastify/rate-limit';
import { createGunzip } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { tokenHash } from '../auth/device-token';
import type { ServerKysely } from '../db/connection';
import { adminRoutes } from './admin.routes';
import { bearerToken } from './auth.hooks';
import { handleError, HttpError } from './http-errors';
import { MAX_COMPRESSED } from './limits';
import { keysRoutes } from './keys.routes';
import { syncRoutes } from './sync.routes';

export interface ServerAppOptions {
  db: ServerKysely;
  /** requests per window per device token (else per client address) */
  rateLimit?: { max: number; timeWindowMs: number };
  /** requests per window per client address on the endpoints that check an administrator's password */
  adminRateLimit?: { max: number; timeWindowMs: number };
  /** the largest body accepted: a full push (~1 MB of JSON) with headroom */
  bodyLimit?: number;
  /** the largest (unpacked) push: a single local transaction is never split (see limits.ts) */
  pushBodyLimit?: number;
  logger?: boolean;
  /** behind a load balancer: take the client address from X-Forwarded-For */
  trustProxy?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1_572_864;
export const DEFAULT_RATE_LIMIT = { max: 600, timeWindowMs: 60_000 };

export async function buildServerApp(opts: ServerAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false });
  app.setErrorHandler(handleError);
  // Content-Encoding: gzip — Fastify reads what this returns, and checks sizes against the unpacked length
  app.addHook('preParsing', async (req, _reply, payload) => {
    const encoding = req.headers['content-encoding'];
    if (!encoding || encoding === 'identity') return payload;
    if (encoding !== 'gzip') throw new HttpError(415, 'unsupported_encoding', `content-encoding ${encoding} is not supported; send gzip or plain JSON`);
    if (Number(req.headers['content-length'] ?? 0) > MAX_COMPRESSED) throw new HttpError(413, 'too_large', `a compressed body may be at most ${MAX_COMPRESSED} bytes`);
    const gunzip = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength?: number };
    let encoded = 0;
    payload.on('data', (chunk: Buffer) => {
      encoded += chunk.length;
      gunzip.receivedEncodedLength = encoded;
    });
    payload.on('error', (e) => gunzip.destroy(e));
    return payload.pipe(gunzip);
  });
  const limit = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    keyGenerator: (req) => {
      const token = bearerToken(req);
      return token ? `device:${tokenHash(token)}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: 'rate_limited', message: `too many requests; retry in ${ctx.after}` }),
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no endpoint ${req.method} ${req.url.split('?')[0]}` }));
  syncRoutes(app, opts.db, opts.pushBodyLimit, opts.adminRateLimit);
  adminRoutes(app, opts.db, opts.adminRateLimit);
  keysRoutes(app, opts.db, opts.adminRateLimit);
  await app.ready();
  return app;
}
