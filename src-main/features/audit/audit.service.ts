import type { AuditEntry, ParsedRequestOf, SessionUser } from '../../../src-shared/contract';
import { addDays } from '../../../src-shared/domain/dates';
import { fullName, shortName } from '../../../src-shared/domain/person';
import { can } from '../../../src-shared/domain/roles';
import { startOfDayIn } from '../../../src-shared/domain/today';
import type { Database } from '../../db/connection';
import { forbidden } from '../../host/app-error';
import { universityTimeZone } from '../../platform/university-clock';
import { auditRows, auditUsers } from './audit.repository';

type Row = ReturnType<typeof auditRows>[number];

/** What an entry is about, named as people name it (see AuditEntry.objectName). */
function objectName(r: Row): string | null {
  if (r.last_name !== null) return fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic });
  if (r.order_number) return `№ ${r.order_number}`;
  if (r.sheet_number) return `№ ${r.sheet_number}`;
  if (r.grade_sheet_number) {
    const who = r.g_last !== null ? ` · ${shortName({ lastName: r.g_last, firstName: r.g_first ?? '', patronymic: r.g_patronymic })}` : '';
    return `№ ${r.grade_sheet_number}${who}`;
  }
  return r.group_name;
}

export async function listAudit(db: Database, session: SessionUser, req: ParsedRequestOf<'audit.list'>): Promise<{ rows: AuditEntry[] }> {
  if (!can(session.role, 'audit.read')) throw forbidden();
  const tz = universityTimeZone();
  const rows = auditRows(db, {
    ...req,
    fromAt: req.from ? startOfDayIn(tz, req.from) : undefined,
    toAt: req.to ? startOfDayIn(tz, addDays(req.to, 1)) : undefined,
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      userName: r.display_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      objectName: objectName(r),
      oldValue: r.old_json === null ? null : JSON.parse(r.old_json),
      newValue: r.new_json === null ? null : JSON.parse(r.new_json),
    })),
  };
}

/** The people who appear in the log, for the "who" filter. */
export function listAuditUsers(db: Database, session: SessionUser): { rows: { id: string; username: string; name: string }[] } {
  if (!can(session.role, 'audit.read')) throw forbidden();
  return { rows: auditUsers(db).map((u) => ({ id: u.id, username: u.username, name: u.display_name })) };
}
