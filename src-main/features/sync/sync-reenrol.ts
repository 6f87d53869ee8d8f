/**
 * Connecting this workstation again from the Sync screen (issue 11, items 5 and 11): the same
 * server, office and scope, with the server administrator's sign-in — what a revoked or
 * superseded workstation needs. Typed work is kept: pending changes go with the old enrolment
 * if the server takes them, the rest are carried to the new one; what a restored server lost is
 * sent again. Another office or scope is IT's command line.
 */
import type { SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { enrol, type SyncLoop } from './sync-engine';
import { SyncHttpError, type SyncHttp } from './sync-http';
import { readSyncState } from './sync-state.repository';

export async function reenrol(db: Database, loop: SyncLoop | null, session: SessionUser, req: { username: string; password: string }, http?: SyncHttp): Promise<{ carried: number }> {
  if (!can(session.role, 'sync.view')) throw forbidden();
  const state = readSyncState(db);
  if (!state) throw new AppError('conflict', 'sync.error.notEnrolled');
  const exclusive = <T>(fn: () => Promise<T>) => (loop ? loop.exclusive(fn) : fn());
  try {
    const r = await exclusive(() => enrol(db, { serverUrl: state.serverUrl, username: req.username, password: req.password, deviceName: state.deviceName, role: state.role, scope: state.scope, force: true, ...(http ? { http } : {}) }));
    withWrite(db, session, (w) =>
      w.audit({ action: 'sync.reenrol', entity: 'device', entityId: r.deviceId, oldValue: { deviceId: state.deviceId }, newValue: { deviceId: r.deviceId, carried: r.carried } }),
    );
    return { carried: r.carried };
  } catch (e) {
    if (e instanceof SyncHttpError && e.code === 'invalid_credentials') throw new AppError('unauthenticated', 'setup.error.credentials');
    if (e instanceof SyncHttpError && e.code === 'forbidden') throw new AppError('forbidden', 'setup.error.notAdmin');
    if (e instanceof SyncHttpError && (e.code === 'network' || e.code === 'timeout')) throw new AppError('unavailable', 'setup.error.network', { url: state.serverUrl });
    if (e instanceof SyncHttpError) throw new AppError('unavailable', 'setup.error.other', { detail: e.message });
    throw e;
  }
}
