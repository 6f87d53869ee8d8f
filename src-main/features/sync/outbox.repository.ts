import { uuidv7 } from 'uuidv7';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/schema';
import { SCHEMA_VERSION } from '../../db/migrations';

export interface MutationInput {
  /** e.g. "student.update"; the server re-validates it by name (issue 5) */
  name: string;
  entity: string;
  entityId: string;
  payload: unknown;
  /** the record version the change was made against; stale ones become conflicts on the server */
  baseVersion: number | null;
}

/** The one outbox writer: a named mutation in the same transaction as the change it describes. */
export function enqueueMutation(db: Database, at: { txId: string; now: string; userId: string | null }, m: MutationInput): void {
  db.sync.run(
    db.kysely.insertInto('outbox').values({
      mutation_id: uuidv7(),
      tx_id: at.txId,
      name: m.name,
      entity: m.entity,
      entity_id: m.entityId,
      payload_json: JSON.stringify(m.payload),
      base_version: m.baseVersion,
      user_id: at.userId,
      schema_version: SCHEMA_VERSION,
      created_at: at.now,
    }),
  );
}

/**
 * Ties the rows this transaction wrote (captured by the sync triggers while the device is
 * enrolled) to the transaction, so a push carries them with its mutations. A synced write
 * without a named mutation would never reach the server: refuse it here, loudly, in tests.
 */
export function claimCapturedRows(db: Database, txId: string, mutations: number): void {
  const claimed = db.sqlite.prepare('UPDATE sync_change SET tx_id = ? WHERE tx_id IS NULL').run(txId).changes;
  if (claimed > 0 && mutations === 0) throw new Error('a write to synced tables without an outbox mutation would never reach the server');
}

/** An outbox row as stored. */
export type OutboxRow = Selectable<DB['outbox']>;

export interface ChangeRow {
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  values_json: string | null;
  old_json: string | null;
}

/** Mutations still to be sent (pending, or sent without an answer), in order. */
export function unsentMutations(db: Database, afterSeq: number, limit: number): OutboxRow[] {
  return db.sqlite.prepare(`SELECT * FROM outbox WHERE seq > ? AND state IN ('pending', 'sent') ORDER BY seq LIMIT ?`).all(afterSeq, limit) as OutboxRow[];
}

/** The rows one local transaction wrote, as the capture triggers recorded them. */
export function capturedRowsReader(db: Database): (txId: string) => ChangeRow[] {
  const st = db.sqlite.prepare('SELECT table_name, row_id, op, values_json, old_json FROM sync_change WHERE tx_id = ? ORDER BY seq');
  return (txId) => st.all(txId) as ChangeRow[];
}

export interface IssueInput {
  id: string;
  kind: string;
  outboxSeq: number;
  mutationName: string;
  userId: string | null;
  table: string;
  rowId: string;
  code: string | null;
  message: string | null;
  deviceJson: string;
  serverJson: string | null;
  createdAt: string;
}

/** How long answered changes stay on the device, to be sent again to a server restored from an older backup. */
export const KEEP_SENT_DAYS = 30;

/**
 * What recording the server's answers writes: an outbox state and the number the server knows
 * it by, the transaction's captured rows moved to `sync_sent` (kept KEEP_SENT_DAYS), an entry in
 * Needs attention.
 */
export function pushAnswerWriter(db: Database, answeredAt: string) {
  const setState = db.sqlite.prepare('UPDATE outbox SET state = ?, pushed_seq = ? WHERE seq = ?');
  const journal = db.sqlite.prepare(
    `INSERT OR REPLACE INTO sync_sent_mutation (mutation_id, outbox_seq, tx_id, name, entity, entity_id, payload_json, base_version, user_id, schema_version, created_at, answered_at)
     SELECT mutation_id, seq, tx_id, name, entity, entity_id, payload_json, base_version, user_id, schema_version, created_at, ? FROM outbox WHERE seq = ?`,
  );
  const keep = db.sqlite.prepare(
    `INSERT OR REPLACE INTO sync_sent (seq, tx_id, table_name, row_id, op, values_json, old_json, answered_at)
     SELECT seq, tx_id, table_name, row_id, op, values_json, old_json, ? FROM sync_change WHERE tx_id = ?`,
  );
  const drop = db.sqlite.prepare('DELETE FROM sync_change WHERE tx_id = ?');
  const issue = db.sqlite.prepare(
    `INSERT INTO sync_issue (id, kind, outbox_seq, mutation_name, user_id, table_name, row_id, code, message, device_json, server_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    setState: (state: string, outboxSeq: number, pushedSeq: number) => {
      setState.run(state, pushedSeq, outboxSeq);
      journal.run(answeredAt, outboxSeq);
    },
    dropChanges: (txId: string) => {
      keep.run(answeredAt, txId);
      drop.run(txId);
    },
    addIssue: (i: IssueInput) =>
      void issue.run(i.id, i.kind, i.outboxSeq, i.mutationName, i.userId, i.table, i.rowId, i.code, i.message, i.deviceJson, i.serverJson, i.createdAt),
  };
}

/** Forgets answered rows older than KEEP_SENT_DAYS; records the highest number the server confirmed. */
export function settleAnswers(db: Database, now: Date, confirmedSeq: number): void {
  const cutoff = new Date(now.getTime() - KEEP_SENT_DAYS * 86_400_000).toISOString();
  db.sqlite.prepare('DELETE FROM sync_sent WHERE answered_at < ?').run(cutoff);
  db.sqlite.prepare('DELETE FROM sync_sent_mutation WHERE answered_at < ?').run(cutoff);
  db.sqlite.prepare('UPDATE sync_state SET confirmed_seq = max(confirmed_seq, ?) WHERE id = 1').run(confirmedSeq);
}
