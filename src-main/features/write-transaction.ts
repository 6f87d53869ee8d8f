import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { SessionUser } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { DB } from '../db/schema';
import { writeAudit, type AuditInput } from './audit/audit.writer';
import { enqueueMutation, type MutationInput } from './sync/outbox.writer';

export interface WriteScope {
  trx: Transaction<DB>;
  txId: string;
  now: string;
  actor: SessionUser;
  audit(entry: AuditInput): Promise<void>;
  outbox(mutation: MutationInput): Promise<void>;
}

/**
 * Every write runs here: one SQLite transaction holding the change, its audit entry and its
 * outbox mutation, so either all three land or none does.
 */
export async function withWrite<T>(
  db: Database,
  actor: SessionUser,
  fn: (w: WriteScope) => Promise<T>,
  clock: () => Date = () => new Date(),
): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    const at = { txId: uuidv7(), now: clock().toISOString(), userId: actor.id };
    return fn({
      trx,
      txId: at.txId,
      now: at.now,
      actor,
      audit: (e) => writeAudit(trx, at, e),
      outbox: (m) => enqueueMutation(trx, at, m),
    });
  });
}
