import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { SessionUser } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { DB } from '../db/schema';
import type { SyncQueries } from '../db/sync-query';
import { writeAudit, type AuditInput } from './audit/audit.repository';
import { claimCapturedRows, enqueueMutation, type MutationInput } from './sync/outbox.repository';

export interface WriteScope {
  /** builds queries; run them with `sql` so they join this transaction */
  q: Kysely<DB>;
  sql: SyncQueries;
  txId: string;
  now: string;
  actor: SessionUser;
  audit(entry: AuditInput): void;
  outbox(mutation: MutationInput): void;
}

/**
 * Every write runs here: one synchronous SQLite transaction holding the change, its audit
 * entries and its outbox mutations, so either all land or none does. Being synchronous, no
 * other request can run between its statements (a single writer, as in Signal Desktop).
 */
export function withWrite<T>(
  db: Database,
  actor: SessionUser,
  fn: (w: WriteScope) => T,
  clock: () => Date = () => new Date(),
): T {
  return db.sqlite.transaction(() => {
    const at = { txId: uuidv7(), now: clock().toISOString(), userId: actor.id };
    let mutations = 0;
    const result = fn({
      q: db.kysely,
      sql: db.sync,
      txId: at.txId,
      now: at.now,
      actor,
      audit: (e) => writeAudit(db, at, e),
      outbox: (m) => {
        mutations++;
        enqueueMutation(db, at, m);
      },
    });
    claimCapturedRows(db, at.txId, mutations);
    return result;
  })();
}
