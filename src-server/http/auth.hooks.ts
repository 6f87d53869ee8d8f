/** Who is calling: a device by its bearer token, an administrator by HTTP Basic. */
import type { FastifyRequest } from 'fastify';
import { checkAdmin } from '../auth/server-user.repository';
import type { ServerKysely } from '../db/connection';
import { deviceByToken, type Device } from '../devices/device.repository';
import { HttpError } from './http-errors';

/** Requests a minute per client address on the endpoints that check an administrator's password. */
export const ADMIN_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 };

/** A route's rate-limit config in @fastify/rate-limit's terms. */
export function routeLimit(limit: { max: number; timeWindowMs: number }): { rateLimit: { max: number; timeWindow: number } } {
  return { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } };
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

export async function requireDevice(db: ServerKysely, req: FastifyRequest): Promise<Device> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'unauthenticated', 'send the device token as "Authorization: Bearer <token>"');
  const device = await deviceByToken(db, token);
  if (!device) throw new HttpError(401, 'unauthenticated', 'unknown device token; enrol this device again');
  if (device.revoked) throw new HttpError(401, 'device_revoked', 'this device was revoked by the administrator; enrol it again to sync');
  return device;
}

const basicChallenge = { 'www-authenticate': 'Basic realm="unidesk-server", charset="UTF-8"' };

export async function requireAdmin(db: ServerKysely, req: FastifyRequest): Promise<string> {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(h) : null;
  const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new HttpError(401, 'unauthenticated', 'sign in as a server administrator (HTTP Basic)', basicChallenge);
  const check = await checkAdmin(db, decoded.slice(0, colon), decoded.slice(colon + 1));
  if (!check.ok && check.reason === 'forbidden') throw new HttpError(403, 'forbidden', 'this server user is not an administrator');
  if (!check.ok) throw new HttpError(401, 'unauthenticated', 'wrong username or password', basicChallenge);
  return check.username;
}
