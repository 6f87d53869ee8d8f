/**
 * The server's rows and change log. Writes happen only inside a push transaction that holds
 * the push advisory lock (push.service.ts), which is what makes change_log.seq commit order.
 */
import { sql } from 'kysely';
import type { PulledChange } from '../../src-shared/sync/protocol';
import type { ServerKysely } from '../db/connection';
import type { StoredRow } from './row-rules';
import type { Row, RowTags } from './scope';

export interface StoredWithTags extends StoredRow, RowTags {
  changeSeq: number;
}

export async function loadRow(db: ServerKysely, table: string, id: string): Promise<StoredWithTags | undefined> {
  const r = await db
    .selectFrom('sync_row')
    .select(['data', 'version', 'deleted', 'faculty_id', 'contract', 'change_seq'])
    .where('tbl', '=', table)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { data: r.data as Row, version: r.version, deleted: r.deleted, facultyId: r.faculty_id, contract: r.contract, changeSeq: Number(r.change_seq) };
}

export interface ChangeOrigin {
  deviceId: string | null;
  userId: string | null;
  txId: string | null;
}

async function logChange(db: ServerKysely, table: string, id: string, data: Row | null, tags: RowTags, origin: ChangeOrigin): Promise<number> {
  const r = await db
    .insertInto('change_log')
    .values({
      tbl: table,
      id,
      op: data === null ? 'delete' : 'upsert',
      data: data === null ? null : JSON.stringify(data),
      faculty_id: tags.facultyId,
      contract: tags.contract,
      device_id: origin.deviceId,
      user_id: origin.userId,
      tx_id: origin.txId,
    })
    .returning(sql<string>`seq::text`.as('seq'))
    .executeTakeFirstOrThrow();
  return Number(r.seq);
}

/**
 * Stores a row (or its deletion) and logs it. When a row moves out of some devices' sight
 * (its faculty or contract flag changes), a delete under the old tags goes first, so those
 * devices drop their copy; devices that still see it apply the delete, then the new row.
 */
export async function writeRow(
  db: ServerKysely,
  w: { table: string; id: string; data: Row | null; version: number; tags: RowTags; before: StoredWithTags | undefined; origin: ChangeOrigin },
): Promise<number> {
  const { before } = w;
  if (w.data !== null && before && !before.deleted && (before.facultyId !== w.tags.facultyId || before.contract !== w.tags.contract)) {
    await logChange(db, w.table, w.id, null, before, w.origin);
  }
  const seq = await logChange(db, w.table, w.id, w.data, w.tags, w.origin);
  const row = {
    data: JSON.stringify(w.data ?? before?.data ?? {}),
    version: w.version,
    faculty_id: w.tags.facultyId,
    contract: w.tags.contract,
    deleted: w.data === null,
    change_seq: seq,
  };
  await db
    .insertInto('sync_row')
    .values({ tbl: w.table, id: w.id, ...row })
    .onConflict((oc) => oc.columns(['tbl', 'id']).doUpdateSet(row))
    .execute();
  return seq;
}

/** The server's row as a device should hold it now: a deleted, missing or out-of-sight row is a delete. */
export function asPulled(table: string, id: string, stored: StoredWithTags | undefined, visible: (t: RowTags) => boolean): PulledChange {
  if (!stored || stored.deleted || !visible(stored)) return { table, id, op: 'delete', values: null };
  return { table, id, op: 'upsert', values: stored.data };
}

/** Who last changed a row on the server, for the person reading a conflict. */
export async function lastChangedBy(db: ServerKysely, changeSeq: number): Promise<{ by: string | null; at: string | null }> {
  if (changeSeq <= 0) return { by: null, at: null };
  const r = await db
    .selectFrom('change_log')
    .leftJoin('device', 'device.id', 'change_log.device_id')
    .select(['change_log.user_id', 'device.name', 'change_log.at'])
    .where('change_log.seq', '=', changeSeq)
    .executeTakeFirst();
  if (!r) return { by: null, at: null };
  return { by: r.user_id ?? (r.name ? `device:${r.name}` : null), at: new Date(r.at).toISOString() };
}
