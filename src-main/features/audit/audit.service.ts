import type { AuditEntry, SessionUser } from '../../../src-shared/contract';
import { can } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { forbidden } from '../../host/app-error';
import { auditRows } from './audit.repository';

export async function listAudit(
  db: Database,
  session: SessionUser,
  req: { entityId?: string | undefined; limit: number },
): Promise<{ rows: AuditEntry[] }> {
  if (!can(session.role, 'audit.read')) throw forbidden();
  const rows = auditRows(db, req);
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
