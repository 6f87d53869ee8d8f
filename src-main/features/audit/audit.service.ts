import type { AuditEntry, SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { forbidden } from '../../host/app-error';

export async function listAudit(
  db: Database,
  session: SessionUser,
  req: { entityId?: string | undefined; limit: number },
): Promise<{ rows: AuditEntry[] }> {
  if (!can(session.role, 'audit.read')) throw forbidden();
  let q = db.kysely
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.username', 'a.action', 'a.entity', 'a.entity_id', 'a.old_json', 'a.new_json'])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(req.limit);
  if (req.entityId) q = q.where('a.entity_id', '=', req.entityId);
  const rows = await q.execute();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      oldValue: r.old_json === null ? null : JSON.parse(r.old_json),
      newValue: r.new_json === null ? null : JSON.parse(r.new_json),
    })),
  };
}
