/** The device's sync bookkeeping in its replica: enrolment, cursor, health. Survives restarts by living in SQLite. */
import type { DeviceScope } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';

export interface SyncState {
  serverUrl: string;
  deviceId: string;
  deviceName: string;
  token: string;
  role: string;
  scope: DeviceScope;
  baselineSeq: number;
  cursor: string;
  bootstrapped: boolean;
  enrolledAt: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
}

export function readSyncState(db: Database): SyncState | null {
  const r = db.sync.first(db.kysely.selectFrom('sync_state').selectAll().where('id', '=', 1));
  if (!r) return null;
  return {
    serverUrl: r.server_url,
    deviceId: r.device_id,
    deviceName: r.device_name,
    token: r.token,
    role: r.role,
    scope: JSON.parse(r.scope_json) as DeviceScope,
    baselineSeq: r.baseline_seq,
    cursor: r.cursor,
    bootstrapped: r.bootstrapped === 1,
    enrolledAt: r.enrolled_at,
    lastSuccessAt: r.last_success_at,
    lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error,
    failures: r.failures,
    nextAttemptAt: r.next_attempt_at,
  };
}

/** Pending outbox entries since enrolment: how many, and since when (the sync panel and heartbeats show both). */
export function pendingSummary(db: Database, baselineSeq: number): { count: number; oldestAt: string | null } {
  const r = db.sqlite
    .prepare(`SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE seq > ? AND state IN ('pending', 'sent')`)
    .get(baselineSeq) as { n: number; oldest: string | null };
  return { count: r.n, oldestAt: r.oldest };
}

/** Rejected and conflicting changes still waiting for a person ("Needs attention"). */
export function openIssueCount(db: Database): number {
  return db.sqlite.prepare('SELECT count(*) FROM sync_issue WHERE resolved_at IS NULL').pluck().get() as number;
}

export function recordAttempt(db: Database, at: string, outcome: { ok: true } | { ok: false; error: string; nextAttemptAt: string | null }): void {
  if (outcome.ok) {
    db.sqlite
      .prepare('UPDATE sync_state SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, failures = 0, next_attempt_at = NULL WHERE id = 1')
      .run(at, at);
  } else {
    db.sqlite
      .prepare('UPDATE sync_state SET last_attempt_at = ?, last_error = ?, failures = failures + 1, next_attempt_at = ? WHERE id = 1')
      .run(at, outcome.error.slice(0, 500), outcome.nextAttemptAt);
  }
}

/** The highest outbox position so far: changes up to it predate the enrolment and are not sent. */
export function outboxTop(db: Database): number {
  return (db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number) ?? 0;
}

/** Records a new enrolment (replacing any earlier one) and starts capturing changes, in one transaction. */
export function recordEnrolment(
  db: Database,
  e: { serverUrl: string; deviceId: string; deviceName: string; token: string; role: string; scope: DeviceScope; baselineSeq: number; at: string },
  installTriggers: (sqlite: Database['sqlite']) => void,
): void {
  db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM sync_state').run();
    db.sqlite.prepare('DELETE FROM sync_change').run();
    db.sqlite
      .prepare(
        `INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.serverUrl, e.deviceId, e.deviceName, e.token, e.role, JSON.stringify(e.scope), e.baselineSeq, e.at);
    installTriggers(db.sqlite);
    db.sqlite.prepare('UPDATE sync_control SET capture = 1 WHERE id = 1').run();
  })();
}

export function setCursor(db: Database, cursor: string): void {
  db.sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

/** Empties the synced tables (children first) before a bootstrap; the replica is marked not bootstrapped. */
export function clearForBootstrap(db: Database, tablesChildrenFirst: readonly string[]): void {
  for (const t of tablesChildrenFirst) db.sqlite.prepare(`DELETE FROM ${t}`).run();
  db.sqlite.prepare(`UPDATE sync_state SET bootstrapped = 0, cursor = '0' WHERE id = 1`).run();
}

export function markBootstrapped(db: Database, cursor: string): void {
  db.sqlite.prepare(`UPDATE sync_state SET bootstrapped = 1, cursor = ? WHERE id = 1`).run(cursor);
}
