/**
 * The server's rows and change log. Writes (row-batch.ts) happen only inside a push transaction that holds
 * the push advisory lock (push.service.ts), which is what makes change_log.seq commit order.
 */
import type { PulledChange } from '../../src-shared/sync/protocol';
import type { ServerKysely } from '../db/connection';
import type { StoredRow } from './row-rules';
import type { RowTags } from './scope';

export interface StoredWithTags extends StoredRow, RowTags {
  changeSeq: number;
}

export interface ChangeOrigin {
  deviceId: string | null;
  userId: string | null;
  txId: string | null;
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
