/** The administrator's endpoints (HTTP Basic, a server_user with role admin) and the health check. */
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DeviceView } from '../../src-shared/sync/protocol';
import type { ServerKysely } from '../db/connection';
import { listDevices, revokeDevice } from '../devices/device.repository';
import { revokeDeviceKeys } from '../keys/signing-key.repository';
import { ADMIN_RATE_LIMIT, requireAdmin, routeLimit } from './auth.hooks';
import { HttpError } from './http-errors';

export function adminRoutes(app: FastifyInstance, db: ServerKysely, adminLimit = ADMIN_RATE_LIMIT): void {
  app.get('/v1/devices', { config: routeLimit(adminLimit) }, async (req): Promise<{ devices: DeviceView[] }> => {
    await requireAdmin(db, req);
    return { devices: await listDevices(db) };
  });

  app.post<{ Params: { id: string } }>('/v1/devices/:id/revoke', { config: routeLimit(adminLimit) }, async (req): Promise<{ device: DeviceView }> => {
    await requireAdmin(db, req);
    const device = await revokeDevice(db, req.params.id);
    if (!device) throw new HttpError(404, 'not_found', `no device ${req.params.id}`);
    // a stolen laptop: its document-signing keys go with its token
    await revokeDeviceKeys(db, device.id, `device revoked ${device.revokedAt ?? ''}`.trim());
    return { device };
  });

  // a load balancer's probe: healthy only when the database answers
  app.get('/health', async (req, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { ok: true };
    } catch (e) {
      req.log.error(e);
      return reply.code(503).send({ error: 'db_unavailable', message: 'the database does not answer' });
    }
  });
}
