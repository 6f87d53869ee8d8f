/**
 * Pull and bootstrap (docs/sync.md). Pull pages through the change log in seq order — safe
 * because pushes commit in seq order (push.service.ts) — showing each device only its scope.
 * Bootstrap hands out one table's visible rows in id order with the change-log position the
 * snapshot is consistent with.
 */
import { sql } from 'kysely';
import type { PulledChange, PullResponse, BootstrapPage } from '../../src-shared/sync/protocol';
import { syncTable } from '../../src-shared/sync/tables';
import type { Transaction } from 'kysely';
import type { ServerKysely } from '../db/connection';
import type { ServerSchema } from '../db/schema';
import { scopeCondition, type Row } from './scope';
import { forDevice, type DeviceIdentity } from './account-redaction';

export class UnknownTable extends Error {}

/** A change's mark: its commit time in microseconds — a restored server's change at that seq, if any, has another. */
const markOf = (trx: Transaction<ServerSchema>, seq: string) =>
  trx
    .selectFrom('change_log')
    .select(sql<string>`(extract(epoch from at) * 1000000)::bigint::text`.as('mark'))
    .where(sql<boolean>`seq = ${seq}::bigint`)
    .executeTakeFirst()
    .then((r) => r?.mark ?? null);

export async function pull(db: ServerKysely, device: DeviceIdentity, cursor: string, limit: number, mark?: string): Promise<PullResponse> {
  const scope = device.scope;
  // one snapshot for the high-water mark and the page, so rows between them are not skipped
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const top = await trx.selectFrom('change_log').select(sql<string>`coalesce(max(seq), 0)::text`.as('top')).executeTakeFirstOrThrow();
      // a cursor this log never reached, or one pointing at another change than the device saw:
      // the server was restored from a backup, and paging on would skip what it has now
      if (BigInt(cursor) > BigInt(top.top) || (mark !== undefined && cursor !== '0' && (await markOf(trx, cursor)) !== mark)) {
        return { changes: [], cursor, hasMore: false, restart: true };
      }
      const rows = await trx
        .selectFrom('change_log')
        .select([sql<string>`seq::text`.as('seq_text'), 'tbl', 'id', 'op', 'data'])
        .where(sql<boolean>`seq > ${cursor}::bigint`)
        .where(sql<boolean>`seq <= ${top.top}::bigint`)
        .where(scopeCondition(scope))
        .orderBy('change_log.seq')
        .limit(limit)
        .execute();
      const changes: PulledChange[] = rows.map((r) => ({ table: r.tbl, id: r.id, op: r.op, values: r.op === 'delete' ? null : forDevice(device, r.tbl, r.data as Row) }));
      // a short page read everything up to the top: rows this device may not see move the cursor too
      const hasMore = rows.length === limit;
      const next = hasMore ? rows[rows.length - 1]!.seq_text : BigInt(top.top) > BigInt(cursor) ? top.top : cursor;
      return { changes, cursor: next, hasMore, mark: next === '0' ? null : next === cursor && mark !== undefined ? mark : await markOf(trx, next) };
    });
}

export async function bootstrapPage(db: ServerKysely, device: DeviceIdentity, table: string, after: string, limit: number): Promise<BootstrapPage> {
  const scope = device.scope;
  if (!syncTable(table)) throw new UnknownTable(table);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const top = await trx.selectFrom('change_log').select(sql<string>`coalesce(max(seq), 0)::text`.as('top')).executeTakeFirstOrThrow();
      const rows = await trx
        .selectFrom('sync_row')
        .select(['id', 'data'])
        .where('tbl', '=', table)
        .where('deleted', '=', false)
        .where('id', '>', after)
        .where(scopeCondition(scope))
        .orderBy('id')
        .limit(limit)
        .execute();
      const next = rows.length === limit ? rows[rows.length - 1]!.id : null;
      return { table, rows: rows.map((r) => forDevice(device, table, r.data as Row)), next, cursor: top.top };
    });
}
