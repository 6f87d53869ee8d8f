import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/connection';

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
}

/** The one audit writer: who, when, what, old and new — always inside the caller's transaction. */
export function writeAudit(db: Database, at: { txId: string; now: string; userId: string | null }, e: AuditInput): void {
  db.sync.run(
    db.kysely.insertInto('audit_log').values({
      id: uuidv7(),
      at: at.now,
      user_id: at.userId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      old_json: e.oldValue === undefined ? null : JSON.stringify(e.oldValue),
      new_json: e.newValue === undefined ? null : JSON.stringify(e.newValue),
      tx_id: at.txId,
    }),
  );
}

/** The newest audit entries, with the username of who made each; optionally for one record. */
export function auditRows(db: Database, f: { entityId?: string | undefined; limit: number }) {
  let q = db.kysely
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity', 'a.entity_id', 'a.old_json', 'a.new_json'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  return db.sync.all(q);
}
