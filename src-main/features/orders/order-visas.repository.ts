/** The SQL of order visas (order-visas.service.ts): which positions visa orders, and who holds them now. */
import { sql } from 'kysely';
import type { Database } from '../../db/connection';
import type { PositionTable } from '../../db/schema';
import type { WriteScope } from '../write-transaction';

/** A position with the one holding it now (null names: vacant). */
export type VisaPositionRow = PositionTable & { last_name: string | null; first_name: string | null; patronymic: string | null };

/**
 * The university's administration positions that may visa, with the one holding each now
 * (university-wide, not a faculty's); `visasOnly`: those that do, in their order.
 */
export function visaPositions(db: Database, visasOnly: boolean): VisaPositionRow[] {
  let q = db.kysely
    .selectFrom('position as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('staff_position as sp')
          .innerJoin('staff as st', 'st.id', 'sp.staff_id')
          .select(['sp.position_id', 'st.last_name', 'st.first_name', 'st.patronymic'])
          .where('sp.end_date', 'is', null)
          .where('sp.faculty_id', 'is', null)
          .as('h'),
      (j) => j.onRef('h.position_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.category', 'p.name_ky', 'p.name_ru', 'p.name_en', 'p.order_visa', 'h.last_name', 'h.first_name', 'h.patronymic'])
    .where('p.category', '=', 'administrative');
  // a faculty's own staff (methodists…) do not visa university orders: offered are positions held university-wide
  q = visasOnly ? q.where('p.order_visa', 'is not', null) : q.where((eb) => eb.or([eb('h.last_name', 'is not', null), eb('p.order_visa', 'is not', null)]));
  const rows = db.sync.all(q.orderBy(sql`p.order_visa IS NULL`).orderBy('p.order_visa').orderBy('p.name_ru'));
  // one row per position: the first holder found stands for it
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export function positionVisa(db: Database, id: string): { id: string; order_visa: number | null; category: string } | undefined {
  return db.sync.first(db.kysely.selectFrom('position').select(['id', 'order_visa', 'category']).where('id', '=', id));
}

export function setPositionVisa(w: WriteScope, id: string, place: number | null): void {
  w.sql.run(w.q.updateTable('position').set({ order_visa: place }).where('id', '=', id));
}
