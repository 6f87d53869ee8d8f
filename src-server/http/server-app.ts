/**
 * The HTTP server (Fastify). It keeps nothing in memory that matters — devices, sequences
 * and the change log are in the database — so any number of instances can serve one
 * PostgreSQL. The rate-limit counters are per instance: a limit, not state.
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { tokenHash } from '../auth/device-token';
import type { ServerKysely } from '../db/connection';
import { adminRoutes } from './admin.routes';
import { bearerToken } from './auth.hooks';
import { handleError } from './http-errors';
import { syncRoutes } from './sync.routes';

export interface ServerAppOptions {
  db: ServerKysely;
  /** requests per window per device token (else per client address) */
  rateLimit?: { max: number; timeWindowMs: number };
  /** the largest body accepted: a full push (~1 MB of JSON) with headroom */
  bodyLimit?: number;
  logger?: boolean;
  /** behind a load balancer: take the client address from X-Forwarded-For */
  trustProxy?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1_572_864;
export const DEFAULT_RATE_LIMIT = { max: 600, timeWindowMs: 60_000 };

export async function buildServerApp(opts: ServerAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false });
  app.setErrorHandler(handleError);
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
  syncRoutes(app, opts.db);
  adminRoutes(app, opts.db);
  await app.ready();
  return app;
}
