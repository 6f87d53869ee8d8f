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
import { serverRefusal } from './server-refusal';
import { pendingSummary, readSyncState, removeEnrolment } from './sync-state.repository';
import { createSyncHttp } from './sync-http';
import { CAPTURED_COLUMNS_V10 } from './migrations/0010-sync';

/**
 * Disconnects this workstation: the server revokes it (the administrator's sign-in, checked by
 * the server), then it stops syncing and keeps its data. Changes not yet sent refuse it, with
 * their count, unless the user explicitly drops them.
 */
export async function unenrol(db: Database, loop: SyncLoop | null, session: SessionUser, req: { username: string; password: string; discardPending: boolean }, http?: SyncHttp): Promise<{ dropped: number }> {
  if (!can(session.role, 'sync.view')) throw forbidden();
  const state = readSyncState(db);
  if (!state) throw new AppError('conflict', 'sync.error.notEnrolled');
  const pending = pendingSummary(db, state.baselineSeq).count;
  if (pending > 0 && !req.discardPending) throw new AppError('conflict', 'sync.unenrol.pending', { count: pending });
  const run = async () => {
    try {
      await (http ?? createSyncHttp(state.serverUrl)).post(`/v1/devices/${encodeURIComponent(state.deviceId)}/revoke`, {}, { basic: { username: req.username, password: req.password } });
    } catch (e) {
      // already gone on the server (revoked, or a restored server never knew it): nothing to undo there
      if (!(e instanceof SyncHttpError && e.status === 404)) throw e;
    }
    removeEnrolment(db, Object.keys(CAPTURED_COLUMNS_V10));
    withWrite(db, session, (w) => w.audit({ action: 'sync.unenrol', entity: 'device', entityId: state.deviceId, oldValue: { serverUrl: state.serverUrl, pending }, newValue: null }));
    return { dropped: pending };
  };
  try {
    return await (loop ? loop.exclusive(run) : run());
  } catch (e) {
    throw serverRefusal(e, state.serverUrl);
  }
}

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
    throw serverRefusal(e, state.serverUrl);
  }
}
