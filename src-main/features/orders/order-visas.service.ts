/**
 * Approval visas on students' orders, from settings (issue 12): the administrator chooses which
 * university positions visa every order and in which order; the order prints their current
 * holders under "СОГЛАСОВАНО: / МАКУЛДАШЫЛДЫ:", after the dean's visa of a faculty's order.
 * The choice is a column of the synced position table, so every workstation prints the same.
 */
import type { SessionUser, VisaPosition } from '../../../src-shared/contract';
import type { Localized } from '../../../src-shared/contract/common';
import { can } from '../../../src-shared/domain/roles';
import { signatureName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import type { Database } from '../../db/connection';
import { AppError, forbidden } from '../../host/app-error';
import { withWrite } from '../write-transaction';
import { positionVisa, setPositionVisa, visaPositions, type VisaPositionRow } from './order-visas.repository';

const holderOf = (r: VisaPositionRow) => (r.last_name ? signatureName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic }) : null);
const view = (r: VisaPositionRow): VisaPosition => ({ id: r.id, name: { ky: r.name_ky, ru: r.name_ru, en: r.name_en }, holder: holderOf(r), place: r.order_visa });

function requireSettings(session: SessionUser): void {
  if (!can(session.role, 'documents.settings')) throw forbidden();
}

export function listVisaPositions(db: Database, session: SessionUser): { positions: VisaPosition[] } {
  requireSettings(session);
  return { positions: visaPositions(db, false).map(view) };
}

export function setVisaPositions(db: Database, session: SessionUser, positionIds: readonly string[]): { positions: VisaPosition[] } {
  requireSettings(session);
  const problems = positionIds.flatMap((id, i): { path: string; key: MessageKey }[] => {
    const p = positionVisa(db, id);
    if (!p || p.category !== 'administrative') return [{ path: `positionIds.${i}`, key: 'error.visa.position' }];
    return positionIds.indexOf(id) !== i ? [{ path: `positionIds.${i}`, key: 'error.visa.twice' }] : [];
  });
  if (problems.length) throw new AppError('validation', 'error.validation', {}, problems);
  withWrite(db, session, (w) => {
    const before = visaPositions(db, true);
    const wanted = new Map(positionIds.map((id, i) => [id, i + 1]));
    const current = new Map(before.map((p) => [p.id, p.order_visa]));
    const changes = [
      ...[...wanted].filter(([id, place]) => current.get(id) !== place),
      ...[...current.keys()].filter((id) => !wanted.has(id)).map((id) => [id, null] as const),
    ];
    if (changes.length === 0) return;
    for (const [id, place] of changes) setPositionVisa(w, id, place);
    // the list is the record: audited and synced under its first position (or the one it had)
    const entityId = positionIds[0] ?? before[0]!.id;
    w.audit({ action: 'orders.visas', entity: 'position', entityId, oldValue: { visas: before.map((r) => r.name_ru) }, newValue: { visas: visaPositions(db, true).map((r) => r.name_ru) } });
    w.outbox({ name: 'orders.visas', entity: 'position', entityId, payload: { positionIds }, baseVersion: null });
  });
  return listVisaPositions(db, session);
}

/** The visas an order prints after the dean's: each chosen position with its holder now. */
export function orderVisas(db: Database): { position: Localized; name: string }[] {
  return visaPositions(db, true).map((r) => ({ position: { ky: r.name_ky, ru: r.name_ru, en: r.name_en }, name: holderOf(r) ?? '' }));
}
