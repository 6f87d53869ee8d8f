import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/connection';
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
