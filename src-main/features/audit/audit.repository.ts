import { sql } from 'kysely';
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

export interface AuditFilter {
  entityId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  /** ISO instants bounding `at` (inclusive from, exclusive to) */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  limit: number;
}

/**
 * The newest audit entries with who made each and the names of what they concern (student,
 * order number, sheet number, group), for people to read rather than UUIDs.
 */
export function auditRows(db: Database, f: AuditFilter) {
  let q = db.kysely
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('student as s', (j) => j.onRef('s.id', '=', 'a.entity_id').on('a.entity', '=', 'student'))
    .leftJoin('student_order as o', (j) => j.onRef('o.id', '=', 'a.entity_id').on('a.entity', '=', 'student_order'))
    .leftJoin('grade_sheet as gs', (j) => j.onRef('gs.id', '=', 'a.entity_id').on('a.entity', '=', 'grade_sheet'))
    .leftJoin('grade as gr', (j) => j.onRef('gr.id', '=', 'a.entity_id').on('a.entity', '=', 'grade'))
    .leftJoin('grade_sheet as gs2', 'gs2.id', 'gr.sheet_id')
    .leftJoin('student as s2', 's2.id', 'gr.student_id')
    .leftJoin('student_group as g', (j) => j.onRef('g.id', '=', 'a.entity_id').on('a.entity', '=', 'student_group'))
    .select([
      'a.id', 'a.at', 'a.user_id', 'u.username', 'u.display_name', 'a.action', 'a.entity', 'a.entity_id', 'a.old_json', 'a.new_json',
      's.last_name', 's.first_name', 's.patronymic', 'o.number as order_number', 'gs.number as sheet_number',
      'gs2.number as grade_sheet_number', 's2.last_name as g_last', 's2.first_name as g_first', 's2.patronymic as g_patronymic', 'g.name as group_name',
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.userId) q = q.where('a.user_id', '=', f.userId);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.action) {
    const family = `${f.action}.`;
    // a prefix compare, not LIKE: action names contain "_", which LIKE reads as a wildcard
    q = q.where((w) => w.or([w('a.action', '=', f.action!), w(sql<string>`substr(a.action, 1, ${family.length})`, '=', family)]));
  }
  if (f.fromAt) q = q.where('a.at', '>=', f.fromAt);
  if (f.toAt) q = q.where('a.at', '<', f.toAt);
  return db.sync.all(q);
}

/** Everyone who appears in the log, for the "who" filter. */
export function auditUsers(db: Database) {
  return db.sync.all(
    db.kysely
      .selectFrom('app_user as u')
      .select(['u.id', 'u.username', 'u.display_name'])
      .where((w) => w.exists(w.selectFrom('audit_log as a').select('a.id').whereRef('a.user_id', '=', 'u.id')))
      .orderBy('u.display_name'),
  );
}
