/** The device's sync bookkeeping in its replica: enrolment, cursor, health. Survives restarts by living in SQLite. */
import type { DeviceScope } from '../../../src-shared/sync/protocol';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection';
import { isSealed, openToken, sealToken, tokenKey } from '../../platform/token-seal';

export interface SyncState {
  serverUrl: string;
  deviceId: string;
  deviceName: string;
  token: string;
  /** the token is sealed by the desktop app's key, which this process does not have (the CLI, the browser host) */
  tokenSealed: boolean;
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
  /** which copy of the replica this is, as the server knows it (null: enrolled before incarnations) */
  incarnation: string | null;
  /** a pushed seq is outbox.seq − baselineSeq + seqShift (moved on when renumbered after a restore) */
  seqShift: number;
  /** the highest number the server confirmed: a server saying it has less was restored from a backup */
  confirmedSeq: number;
  /** which change the cursor points at, as the server marked it */
  cursorMark: string | null;
  /** when this device found the server restored from a backup, and what it did about it */
  serverRestoredAt: string | null;
  resent: number;
  tooOld: number;
  /** restored from a backup in the app: take new numbers from the server before sending */
  needsRebase: boolean;
}

function tokenOf(stored: string): { token: string; tokenSealed: boolean } {
  if (!isSealed(stored)) return { token: stored, tokenSealed: false };
  const key = tokenKey();
  const token = key ? openToken(stored, key) : null;
  return token === null ? { token: '', tokenSealed: true } : { token, tokenSealed: false };
}

/** Stored sealed when the desktop app's key is there; as it is otherwise (the replica is owner-only). */
const storedToken = (token: string) => {
  const key = tokenKey();
  return key ? sealToken(token, key) : token;
};

/** The desktop app seals a token the command line stored in the clear (an enrolment made by IT's script). */
export function sealStoredToken(db: Database): boolean {
  const r = db.sqlite.prepare('SELECT token FROM sync_state WHERE id = 1').get() as { token: string } | undefined;
  if (!r || isSealed(r.token) || !tokenKey()) return false;
  db.sqlite.prepare('UPDATE sync_state SET token = ? WHERE id = 1').run(storedToken(r.token));
  return true;
}

export function readSyncState(db: Database): SyncState | null {
  const r = db.sync.first(db.kysely.selectFrom('sync_state').selectAll().where('id', '=', 1));
  if (!r) return null;
  return {
    serverUrl: r.server_url,
    deviceId: r.device_id,
    deviceName: r.device_name,
    ...tokenOf(r.token),
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
    incarnation: r.incarnation,
    seqShift: r.seq_shift,
    confirmedSeq: r.confirmed_seq,
    cursorMark: r.cursor_mark,
    serverRestoredAt: r.server_restored_at,
    resent: r.resent,
    tooOld: r.too_old,
    needsRebase: r.needs_rebase === 1,
  };
}

/** The seq the server knows an outbox entry by, and back. */
export const pushedSeq = (s: SyncState, outboxSeq: number) => outboxSeq - s.baselineSeq + s.seqShift;
export const outboxSeqOf = (s: SyncState, seq: number) => seq + s.baselineSeq - s.seqShift;

/**
 * After a restore or a copy: the server gave this replica a new incarnation and its last seq;
 * the first unconfirmed change is numbered right after it, the others follow. Returns how many
 * changes were renumbered.
 */
export function renumberUnconfirmed(db: Database, incarnation: string, serverLastSeq: number): number {
  return db.sqlite.transaction(() => {
    const s = readSyncState(db)!;
    const shift = shiftPast(db, s, serverLastSeq);
    db.sqlite.prepare('UPDATE sync_state SET incarnation = ?, seq_shift = ?, needs_rebase = 0, next_incarnation = NULL WHERE id = 1').run(incarnation, shift);
    return pendingSummary(db, s.baselineSeq).count;
  })();
}

/** The seq shift that numbers the first unsent change right after `serverLastSeq` (the others follow). */
function shiftPast(db: Database, s: SyncState, serverLastSeq: number): number {
  const first = firstUnsent(db, s.baselineSeq);
  return first === null ? s.seqShift : serverLastSeq + 1 - (first - s.baselineSeq);
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
  e: { serverUrl: string; deviceId: string; deviceName: string; token: string; role: string; scope: DeviceScope; baselineSeq: number; at: string; incarnation: string | null; keepCaptured?: boolean },
  installTriggers: (sqlite: Database['sqlite']) => void,
): void {
  db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM sync_state').run();
    // the captured rows of changes carried over to the new enrolment stay: they are what it sends
    if (!e.keepCaptured) db.sqlite.prepare('DELETE FROM sync_change').run();
    else db.sqlite.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'sent' AND seq > ?`).run(e.baselineSeq);
    db.sqlite
      .prepare(
        `INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at, incarnation, seq_shift)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.serverUrl, e.deviceId, e.deviceName, storedToken(e.token), e.role, JSON.stringify(e.scope), e.baselineSeq, e.at, e.incarnation, 0);
    installTriggers(db.sqlite);
    db.sqlite.prepare('UPDATE sync_control SET capture = 1 WHERE id = 1').run();
  })();
}

export function setCursor(db: Database, cursor: string, mark: string | null): void {
  db.sqlite.prepare('UPDATE sync_state SET cursor = ?, cursor_mark = ? WHERE id = 1').run(cursor, mark);
}

/** The first outbox entry not yet answered by the server. */
export function firstUnsent(db: Database, baselineSeq: number): number | null {
  return db.sqlite.prepare(`SELECT min(seq) FROM outbox WHERE seq > ? AND state IN ('pending', 'sent')`).pluck().get(baselineSeq) as number | null;
}

/**
 * Empties the synced tables (children first) before a bootstrap — except rows with a change on
 * its way (carried over from an earlier enrolment): they keep what the clerk typed.
 */
export function clearForBootstrap(db: Database, tablesChildrenFirst: readonly string[]): void {
  for (const t of tablesChildrenFirst) db.sqlite.prepare(`DELETE FROM ${t} WHERE id NOT IN (SELECT row_id FROM sync_change WHERE table_name = ?)`).run(t);
  db.sqlite.prepare(`UPDATE sync_state SET bootstrapped = 0, cursor = '0' WHERE id = 1`).run();
}

export function markBootstrapped(db: Database, cursor: string): void {
  db.sqlite.prepare(`UPDATE sync_state SET bootstrapped = 1, cursor = ?, cursor_mark = NULL WHERE id = 1`).run(cursor);
}

/** The mutations this replica sent and still keeps (its journal), newest first, at most `max`: what it asks the server about. */
export function sentMutationIds(db: Database, max: number): string[] {
  return db.sqlite.prepare('SELECT mutation_id FROM sync_sent_mutation ORDER BY created_at DESC, outbox_seq DESC LIMIT ?').pluck().all(max) as string[];
}

type OutboxLike = Record<string, unknown> & { mutation_id: string; tx_id: string; created_at: string; seq: number | null };

/**
 * Puts the given mutations (answered once; the server lost them) back on their way, together
 * with what is pending, in the order they were made, at the end of the outbox — so what goes is
 * one unbroken run and a row's changes reach the server in their order. A mutation no longer in
 * the outbox (a replica restored from an older backup) comes from the journal. Their rows come
 * back from `sync_sent`. Returns how many were put back.
 */
export function requeueForResend(db: Database, baselineSeq: number, mutationIds: readonly string[]): number {
  if (mutationIds.length === 0) return 0;
  return db.sqlite.transaction(() => {
    const lost = new Set(mutationIds);
    const inOutbox = (db.sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxLike[]).filter(
      (r) => lost.has(r.mutation_id) || ((r.state === 'pending' || r.state === 'sent') && (r.seq as number) > baselineSeq),
    );
    const present = new Set(inOutbox.map((r) => r.mutation_id));
    const fromJournal = (db.sqlite.prepare('SELECT *, outbox_seq AS seq FROM sync_sent_mutation').all() as OutboxLike[]).filter((r) => lost.has(r.mutation_id) && !present.has(r.mutation_id));
    const all = [...inOutbox, ...fromJournal].sort((a, b) => a.created_at.localeCompare(b.created_at) || (a.seq ?? 0) - (b.seq ?? 0));
    const drop = db.sqlite.prepare('DELETE FROM outbox WHERE mutation_id = ?');
    const add = db.sqlite.prepare(
      `INSERT INTO outbox (mutation_id, tx_id, name, entity, entity_id, payload_json, base_version, user_id, schema_version, created_at, state)
       VALUES (@mutation_id, @tx_id, @name, @entity, @entity_id, @payload_json, @base_version, @user_id, @schema_version, @created_at, 'pending')`,
    );
    const back = db.sqlite.prepare(
      `INSERT OR IGNORE INTO sync_change (seq, tx_id, table_name, row_id, op, values_json, old_json)
       SELECT seq, tx_id, table_name, row_id, op, values_json, old_json FROM sync_sent WHERE tx_id = ?`,
    );
    const forget = db.sqlite.prepare('DELETE FROM sync_sent WHERE tx_id = ?');
    const unjournal = db.sqlite.prepare('DELETE FROM sync_sent_mutation WHERE mutation_id = ?');
    for (const r of all) drop.run(r.mutation_id);
    for (const r of all) {
      add.run({ mutation_id: r.mutation_id, tx_id: r.tx_id, name: r.name, entity: r.entity, entity_id: r.entity_id, payload_json: r.payload_json, base_version: r.base_version, user_id: r.user_id, schema_version: r.schema_version, created_at: r.created_at });
      back.run(r.tx_id);
      forget.run(r.tx_id);
      unjournal.run(r.mutation_id);
    }
    return all.filter((r) => lost.has(r.mutation_id)).length;
  })();
}

/**
 * After the server was found restored from a backup and what it lost was put back on its way:
 * the unsent changes are numbered from the server's last seq for this device + 1, the replica
 * reloads its scope (not bootstrapped; rows with a change on its way keep it), and the Sync
 * screen learns when and how many went again.
 */
export function markServerRestored(db: Database, serverLastSeq: number, at: Date, resent: number, keepDays: number): void {
  db.sqlite.transaction(() => {
    const s = readSyncState(db)!;
    // confirmed once, past what the server has now, and no longer kept to send again
    const cutoff = new Date(at.getTime() - keepDays * 86_400_000).toISOString();
    const tooOld = db.sqlite
      .prepare(
        `SELECT count(*) FROM outbox WHERE seq > ? AND state NOT IN ('pending', 'sent') AND pushed_seq > ? AND created_at < ?
           AND mutation_id NOT IN (SELECT mutation_id FROM sync_sent_mutation)`,
      )
      .pluck()
      .get(s.baselineSeq, serverLastSeq, cutoff) as number;
    const shift = shiftPast(db, s, serverLastSeq);
    db.sqlite
      .prepare(
        `UPDATE sync_state SET seq_shift = ?, confirmed_seq = ?, server_restored_at = ?, resent = resent + ?, too_old = too_old + ?,
           bootstrapped = 0, cursor = '0', cursor_mark = NULL WHERE id = 1`,
      )
      .run(shift, serverLastSeq, at.toISOString(), resent, tooOld);
  })();
}

/** The incarnation a rebase asks for: made once and kept until the server's answer is recorded. */
export function nextIncarnation(db: Database): string {
  const kept = db.sqlite.prepare('SELECT next_incarnation FROM sync_state WHERE id = 1').pluck().get() as string | null;
  if (kept) return kept;
  const next = randomUUID();
  db.sqlite.prepare('UPDATE sync_state SET next_incarnation = ? WHERE id = 1').run(next);
  return next;
}

/**
 * This workstation stops syncing (unenrolled from the Sync screen): the enrolment goes, capture
 * stops and its triggers are dropped; the data stays. One transaction.
 */
export function removeEnrolment(db: Database, tables: readonly string[]): void {
  db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM sync_state').run();
    db.sqlite.prepare('DELETE FROM sync_change').run();
    db.sqlite.prepare('UPDATE sync_control SET capture = 0 WHERE id = 1').run();
    for (const t of tables) for (const op of ['insert', 'update', 'delete']) db.sqlite.exec(`DROP TRIGGER IF EXISTS sync_capture_${t}_${op}`);
  })();
}
