/**
 * The device side of sync (docs/sync.md): enrolment, one run (push, then pull, then a
 * heartbeat), and the background loop with exponential backoff and jitter. Everything it
 * needs to resume lives in the replica, so a restart simply carries on.
 */
import { enrolRequest, MAX_SENT_ASKED, type DeviceScope, type EnrolResponse, type HeartbeatResponse } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { APP_VERSION } from '../../app/version';
import { universityToday } from '../../platform/university-clock';
import { ensureCertifiedKey } from '../registrar/signing-key.service';
import { installCurrentCaptureTriggers } from './captured-columns';
import { bootstrap, pullAll, type PullOutcome } from './sync-pull';
import { createSyncHttp, SyncHttpError, type SyncHttp } from './sync-http';
import { pushAll, recoverLostChanges, type PushOutcome } from './sync-push';
import { firstUnsent, outboxTop, pendingSummary, readSyncState, recordAttempt, recordEnrolment, requeueForResend, sentMutationIds } from './sync-state.repository';

export interface EnrolOptions {
  serverUrl: string;
  username: string;
  password: string;
  deviceName: string;
  role: string;
  scope: DeviceScope;
  /** replace an earlier enrolment of this replica */
  force?: boolean;
  onProgress?: (table: string, rows: number) => void;
  http?: SyncHttp;
}

export class SyncNotEnrolled extends Error {
  constructor() {
    super('this replica is not enrolled with a server: run `unidesk sync enrol` first');
  }
}

/** Re-enrolling would drop unsent changes, and the user did not say to discard them. */
export class PendingWouldBeLost extends Error {
  constructor(
    readonly count: number,
    readonly reason: 'otherServer' | 'otherRole',
  ) {
    super(`${count} change(s) typed on this workstation are not on the server yet and would be lost (${reason}); sync them first, or pass --discard-pending to drop them`);
  }
}

/**
 * Enrols the replica as a device and loads its scope's snapshot. What the replica changed
 * before its first enrolment (the demo, an import) stays out of sync: the snapshot replaces it.
 * Enrolling again (--force) never loses typed work: what is pending is pushed with the old
 * enrolment if the server takes it, and what is left is carried over to the new one (its rows
 * kept through the snapshot) — unless it cannot be (another server or role), then it refuses
 * with the count, or the user passes `discardPending`.
 */
export async function enrol(db: Database, opts: EnrolOptions & { discardPending?: boolean }): Promise<{ deviceId: string; rows: number; carried: number }> {
  const old = readSyncState(db);
  if (old && !opts.force) throw new Error('this replica is already enrolled; use --force to enrol it again');
  const body = enrolRequest.omit({ protocol: true }).parse({
    username: opts.username,
    password: opts.password,
    deviceName: opts.deviceName,
    role: opts.role,
    scope: opts.scope,
  });
  const serverUrl = opts.serverUrl.replace(/\/+$/, '');
  // the same server and office: ask which of the changes sent before it does not know (restored from a backup)
  const sameSeat = old !== null && !opts.discardPending && serverUrl === old.serverUrl && opts.role === old.role;
  const sent = sameSeat ? sentMutationIds(db, MAX_SENT_ASKED) : [];
  let carried = 0;
  if (old && !opts.discardPending && pendingSummary(db, old.baselineSeq).count > 0) {
    // the old enrolment may still push (it is re-enrolled for another reason than revocation)
    await pushAll(db, opts.http ?? createSyncHttp(old.serverUrl), old).catch(() => undefined);
    carried = pendingSummary(db, old.baselineSeq).count;
    if (carried > 0 && (serverUrl !== old.serverUrl || opts.role !== old.role)) {
      throw new PendingWouldBeLost(carried, serverUrl !== old.serverUrl ? 'otherServer' : 'otherRole');
    }
  }
  const http = opts.http ?? createSyncHttp(opts.serverUrl);
  const res = await http.post<EnrolResponse>('/v1/enrol', sent.length ? { ...body, sentMutations: sent } : body);
  if (old && res.unknownMutations?.length) {
    requeueForResend(db, old.baselineSeq, res.unknownMutations);
    carried = pendingSummary(db, old.baselineSeq).count;
  }
  const firstPending = carried > 0 && old ? firstUnsent(db, old.baselineSeq) : null;
  recordEnrolment(
    db,
    {
      serverUrl,
      deviceId: res.deviceId,
      deviceName: opts.deviceName,
      token: res.token,
      role: res.role,
      scope: res.scope,
      // carried changes are the new device's first: numbered from 1
      baselineSeq: firstPending !== null ? firstPending - 1 : outboxTop(db),
      at: new Date().toISOString(),
      incarnation: res.incarnation ?? null,
      keepCaptured: firstPending !== null,
    },
    installCurrentCaptureTriggers,
  );
  // carried changes go first (as in every sync run): a row kept for one may hold a later state the server lost
  if (carried > 0) await pushAll(db, http, readSyncState(db)!);
  const rows = await bootstrap(db, http, readSyncState(db)!, 2000, opts.onProgress);
  // a registrar workstation gets its document-signing key certified now (each sync retries if this fails)
  await ensureCertifiedKey(db, http, universityToday()).catch(() => undefined);
  return { deviceId: res.deviceId, rows, carried };
}

export interface RunResult {
  push: PushOutcome;
  pull: PullOutcome;
  pending: number;
}

/**
 * Push everything, then (re)load the scope if the replica needs it, then pull. Pushing first
 * matters after a server restore: a change sent again is kept out of the snapshot while it is
 * pending, and the replica's copy of its row may be a later state the restored server lost (another
 * workstation's edit pulled before the restore) — loaded after the push, the row is the server's.
 */
async function exchange(db: Database, client: SyncHttp): Promise<{ push: PushOutcome; pull: PullOutcome }> {
  const push = await pushAll(db, client, readSyncState(db)!);
  if (!readSyncState(db)!.bootstrapped) await bootstrap(db, client, readSyncState(db)!);
  const pull = await pullAll(db, client, readSyncState(db)!);
  return { push, pull };
}

/**
 * One sync: push everything, finish an interrupted bootstrap, pull everything, report in.
 * A server restored from a backup is noticed here — its change log is behind this device's
 * cursor, or it has fewer of this device's changes than it confirmed — and handled: what it
 * lost goes again (kept KEEP_SENT_DAYS), the replica reloads its scope, and the Sync screen says so.
 */
export async function syncOnce(db: Database, http?: SyncHttp): Promise<RunResult> {
  const state = readSyncState(db);
  if (!state) throw new SyncNotEnrolled();
  const client = http ?? createSyncHttp(state.serverUrl);
  const at = new Date().toISOString();
  try {
    if (state.tokenSealed) {
      throw new SyncHttpError('token_sealed', 'this workstation’s sync token is sealed by the UniDesk desktop app on this computer: sync from the app (or enrol this replica again here)', null);
    }
    let { push, pull } = await exchange(db, client);
    const seen = await heartbeat(db, client).catch(() => null);
    if (pull.restart || (seen && seen.lastSeq < readSyncState(db)!.confirmedSeq)) {
      // what the server has of this device's changes decides what goes again: ask if not known yet
      const serverLast = (seen ?? (await heartbeat(db, client)))?.lastSeq ?? 0;
      const resent = await recoverLostChanges(db, client, serverLast);
      const again = await exchange(db, client);
      push = { ...again.push, resent: again.push.resent + resent, applied: push.applied + again.push.applied };
      pull = again.pull;
      await heartbeat(db, client).catch(() => undefined);
    }
    await ensureCertifiedKey(db, client, universityToday()).catch(() => undefined);
    recordAttempt(db, at, { ok: true });
    return { push, pull, pending: pendingSummary(db, readSyncState(db)!.baselineSeq).count };
  } catch (e) {
    const err = e instanceof SyncHttpError ? e : new SyncHttpError('internal', e instanceof Error ? e.message : String(e), null);
    recordAttempt(db, at, { ok: false, error: `${err.code}: ${err.message}`, nextAttemptAt: nextAttempt(readSyncState(db)?.failures ?? 0, err) });
    await heartbeat(db, client).catch(() => undefined);
    throw err;
  }
}

async function heartbeat(db: Database, http: SyncHttp): Promise<HeartbeatResponse | null> {
  const state = readSyncState(db);
  if (!state) return null;
  const p = pendingSummary(db, state.baselineSeq);
  return http.post<HeartbeatResponse>('/v1/heartbeat', { pending: p.count, oldestPendingAt: p.oldestAt, appVersion: APP_VERSION, lastError: state.lastError }, { token: state.token });
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

/**
 * When to try again: 5 s, 10 s, 20 s … up to 10 minutes, each spread by ±50% so a hundred
 * offices coming back online after an outage do not all knock at the same second. A
 * refusal that waiting cannot fix (a revoked device, an app too old) waits the longest.
 */
export function nextAttempt(failures: number, err: SyncHttpError, now = Date.now(), random = Math.random): string {
  const base = err.transient ? Math.min(BASE_DELAY_MS * 2 ** failures, MAX_DELAY_MS) : MAX_DELAY_MS;
  return new Date(now + base * (0.5 + random())).toISOString();
}

export interface SyncLoop {
  /** ask for a run soon (after a change); never waits for it */
  poke(): void;
  /** run now and report (the "Sync now" button, the CLI) */
  runNow(): Promise<RunResult>;
  running(): boolean;
  /**
   * Runs `fn` with no sync run at the same time (waits for one under way, starts none meanwhile):
   * enrolment, re-enrolment and a restore change what a run reads.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  stop(): void;
}

/**
 * Runs sync in the background: after local changes (a short debounce) and every `intervalMs`,
 * never two at once, honouring the backoff recorded after failures. Network waits are async
 * and each SQLite step is a short transaction, so the UI stays responsive.
 */
export function startSyncLoop(db: Database, opts: { intervalMs?: number; tickMs?: number; onRun?: (r: RunResult | Error) => void } = {}): SyncLoop {
  const interval = opts.intervalMs ?? 3 * 60_000;
  let current: Promise<RunResult> | null = null;
  let poked = false;
  let stopped = false;
  let held = 0;

  const run = (): Promise<RunResult> => {
    if (current) return current;
    if (held > 0) return Promise.reject(new SyncHttpError('busy', 'this workstation is being connected or restored; sync runs when it is done', null));
    poked = false;
    current = syncOnce(db)
      .then((r) => {
        opts.onRun?.(r);
        return r;
      })
      .catch((e: Error) => {
        opts.onRun?.(e);
        throw e;
      })
      .finally(() => {
        current = null;
      });
    return current;
  };

  const tick = () => {
    if (stopped || current || held > 0) return;
    const state = readSyncState(db);
    if (!state) return;
    const now = Date.now();
    if (state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now) return;
    const since = state.lastAttemptAt ? now - Date.parse(state.lastAttemptAt) : Infinity;
    const pending = poked || pendingSummary(db, state.baselineSeq).count > 0;
    if (since >= interval || pending) run().catch(() => undefined);
  };
  const timer = setInterval(tick, opts.tickMs ?? 2_000);
  timer.unref();
  return {
    poke: () => {
      poked = true;
    },
    runNow: run,
    running: () => current !== null,
    async exclusive(fn) {
      held++;
      try {
        if (current) await current.catch(() => undefined);
        return await fn();
      } finally {
        held--;
      }
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
