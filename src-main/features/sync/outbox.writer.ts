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
