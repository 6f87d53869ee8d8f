/** The device endpoints: enrol (admin credentials in the body), then push, pull, bootstrap, heartbeat by token. */
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../src-shared/domain/roles';
import { roleNeedsFaculty } from '../../src-shared/domain/scope-policy';
import {
  bootstrapRequest,
  enrolRequest,
  facultiesRequest,
  type FacultiesResponse,
  heartbeatRequest,
  knownRequest,
  type KnownResponse,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  pullRequest,
  pushRequest,
  rebaseRequest,
  type RebaseResponse,
  type EnrolResponse,
  type HeartbeatResponse,
} from '../../src-shared/sync/protocol';
import { checkAdmin } from '../auth/server-user.repository';
import type { ServerKysely } from '../db/connection';
import { enrolDevice, facultyList, recordHeartbeat, touchDevice, unknownMutations } from '../devices/device.repository';
import { bootstrapPage, pull, UnknownTable } from '../sync/pull.service';
import { BadPush, DeviceRevoked, pushBatch, rebaseDevice, ReplicaSuperseded } from '../sync/push.service';
import { PUSH_BODY_LIMIT } from './limits';
import { ADMIN_RATE_LIMIT, requireDevice, routeLimit } from './auth.hooks';
import { HttpError, parseBody } from './http-errors';

const superseded = () =>
  new HttpError(409, 'replica_superseded', 'another copy of this workstation\'s data (a restored backup or a copy on another PC) syncs as this device now; enrol this one again to keep its changes');

/** The server speaks this protocol and the previous one (protocol.ts). */
function checkProtocol(v: number): void {
  if (v < PROTOCOL_VERSION - 1) throw new HttpError(426, 'update_required', `this UniDesk speaks sync protocol ${v}; the server needs ${PROTOCOL_VERSION - 1} or newer. Update the app.`);
  if (v > PROTOCOL_VERSION) throw new HttpError(400, 'server_outdated', `this UniDesk speaks sync protocol ${v}; the server knows up to ${PROTOCOL_VERSION}. Ask IT to update the server.`);
}

export function syncRoutes(app: FastifyInstance, db: ServerKysely, pushBodyLimit = PUSH_BODY_LIMIT, adminLimit = ADMIN_RATE_LIMIT): void {
  // admin credentials are checked here: a tight limit per address keeps password guessing slow
  app.post('/v1/enrol', { config: routeLimit(adminLimit) }, async (req, reply): Promise<EnrolResponse> => {
    const body = parseBody(enrolRequest, req.body);
    checkProtocol(body.protocol);
    if (!ROLES.includes(body.role as Role)) throw new HttpError(400, 'bad_request', `role: unknown role "${body.role}"`);
    if (roleNeedsFaculty(body.role as Role) && body.scope.kind !== 'faculty') throw new HttpError(400, 'bad_request', `scope: a ${body.role} device works for one faculty`);
    const admin = await checkAdmin(db, body.username, body.password);
    if (!admin.ok && admin.reason === 'forbidden') throw new HttpError(403, 'forbidden', 'only a server administrator can enrol a device');
    if (!admin.ok) throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    const d = await enrolDevice(db, { name: body.deviceName, role: body.role, scope: body.scope, enrolledBy: admin.username });
    const unknown = body.sentMutations?.length ? await unknownMutations(db, body.sentMutations) : [];
    if (unknown.length) req.log.warn({ deviceId: d.id, unknown: unknown.length }, 'a workstation enrolling again had sent changes this server does not know (restored from a backup?): it sends them again');
    reply.code(201);
    return { deviceId: d.id, token: d.token, scope: body.scope, role: body.role, incarnation: d.incarnation, ...(body.sentMutations ? { unknownMutations: unknown } : {}) };
  });

  // the faculties a workstation may be connected to (the app's "Connect" form), for an administrator
  app.post('/v1/faculties', { config: routeLimit(adminLimit) }, async (req): Promise<FacultiesResponse> => {
    const body = parseBody(facultiesRequest, req.body);
    checkProtocol(body.protocol);
    const admin = await checkAdmin(db, body.username, body.password);
    if (!admin.ok && admin.reason === 'forbidden') throw new HttpError(403, 'forbidden', 'only a server administrator can connect a workstation');
    if (!admin.ok) throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    return { faculties: await facultyList(db) };
  });

  app.post('/v1/push', { bodyLimit: pushBodyLimit }, async (req) => {
    const device = await requireDevice(db, req);
    const body = parseBody(pushRequest, req.body);
    checkProtocol(body.protocol);
    const total = body.transactions.reduce((n, t) => n + t.mutations.length, 0);
    if (body.transactions.length > 1 && total > MAX_PUSH_MUTATIONS) {
      throw new HttpError(400, 'bad_request', `transactions: at most ${MAX_PUSH_MUTATIONS} mutations in one push (got ${total})`);
    }
    try {
      const res = await pushBatch(db, device, body);
      if (res.gapAt !== undefined) req.log.warn({ deviceId: device.id, lastSeq: res.lastSeq }, 'device sends changes after ones this server does not have (was the server restored from a backup?): it sends them again from its copy');
      return res;
    } catch (e) {
      if (e instanceof BadPush) throw new HttpError(400, 'bad_request', e.message);
      if (e instanceof DeviceRevoked) throw new HttpError(401, 'device_revoked', 'this device was revoked by the administrator; enrol it again to sync');
      if (e instanceof ReplicaSuperseded) throw superseded();
      throw e;
    }
  });

  app.post('/v1/rebase', async (req): Promise<RebaseResponse> => {
    const device = await requireDevice(db, req);
    const body = parseBody(rebaseRequest, req.body);
    checkProtocol(body.protocol);
    try {
      const r = await rebaseDevice(db, device, body.incarnation, body.next);
      req.log.warn({ deviceId: device.id, lastSeq: r.lastSeq }, 'device replica restored or copied: its unconfirmed changes are renumbered past the server\'s last seq');
      return r;
    } catch (e) {
      if (e instanceof DeviceRevoked) throw new HttpError(401, 'device_revoked', 'this device was revoked by the administrator; enrol it again to sync');
      if (e instanceof ReplicaSuperseded) throw superseded();
      throw e;
    }
  });

  app.post('/v1/known', async (req): Promise<KnownResponse> => {
    await requireDevice(db, req);
    const body = parseBody(knownRequest, req.body);
    checkProtocol(body.protocol);
    return { unknown: await unknownMutations(db, body.mutationIds) };
  });

  app.post('/v1/pull', async (req) => {
    const device = await requireDevice(db, req);
    const body = parseBody(pullRequest, req.body);
    checkProtocol(body.protocol);
    const page = await pull(db, device, body.cursor, body.limit, body.mark);
    if (page.restart) req.log.warn({ deviceId: device.id, cursor: body.cursor }, 'device has seen changes this server does not have (was the server restored from a backup?): the device sends again what it keeps and reloads its data');
    await touchDevice(db, device.id);
    return page;
  });

  app.post('/v1/bootstrap', async (req) => {
    const device = await requireDevice(db, req);
    const body = parseBody(bootstrapRequest, req.body);
    checkProtocol(body.protocol);
    try {
      return await bootstrapPage(db, device, body.table, body.after, body.limit);
    } catch (e) {
      if (e instanceof UnknownTable) throw new HttpError(400, 'bad_request', `table: "${body.table}" is not synced`);
      throw e;
    }
  });

  app.post('/v1/heartbeat', async (req): Promise<HeartbeatResponse> => {
    const device = await requireDevice(db, req);
    const body = parseBody(heartbeatRequest, req.body);
    checkProtocol(body.protocol);
    const view = await recordHeartbeat(db, device.id, body);
    return { lastSeq: view.lastSeq, serverTime: new Date().toISOString() };
  });
}
