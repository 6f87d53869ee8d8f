/**
 * Loads rows straight into the store as the university's starting data (no change log: a
 * device's bootstrap snapshot carries them). Tables go in SYNC_TABLES order so a `via` row
 * finds its parent's faculty among rows already loaded.
 */
import { sql, type Insertable } from 'kysely';
import { rowProblem } from '../../src-shared/sync/row-schema';
import { syncTable } from '../../src-shared/sync/tables';
import type { ServerKysely } from '../db/connection';
import type { SyncRowTable } from '../db/schema';
import { PUSH_LOCK } from '../sync/push.service';
import { tagsOf, type Row, type RowTags } from '../sync/scope';

export interface ImportProblem {
  table: string;
  id: string;
  problem: string;
}

const CHUNK = 500;

/** A replica row's key: every synced table is keyed by a text `id` (tables.ts). */
const rowKey = (r: Row): string | undefined => (typeof r.id === 'string' && r.id !== '' ? r.id : undefined);

/** Upserts one table's rows; invalid rows and rows whose parent is missing are skipped and reported. */
export async function importTableRows(db: ServerKysely, table: string, rows: readonly Row[]): Promise<{ imported: number; problems: ImportProblem[] }> {
  const t = syncTable(table);
  if (!t) throw new Error(`${table} is not a synced table`);
  const problems: ImportProblem[] = [];
  let imported = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parentIds = t.scope.kind === 'via' ? [...new Set(chunk.map((r) => r[(t.scope as { column: string }).column]).filter((v): v is string => typeof v === 'string'))] : [];
    const parents = new Map<string, RowTags>();
    if (t.scope.kind === 'via' && parentIds.length > 0) {
      const found = await db.selectFrom('sync_row').select(['id', 'faculty_id', 'contract']).where('tbl', '=', t.scope.table).where('id', 'in', parentIds).execute();
      for (const p of found) parents.set(p.id, { facultyId: p.faculty_id, contract: p.contract });
    }
    const values: Insertable<SyncRowTable>[] = [];
    for (const r of chunk) {
      const id = rowKey(r);
      if (id === undefined) {
        problems.push({ table, id: '?', problem: 'no id' });
        continue;
      }
      // a bad row in the store would reach every device of its scope: refused here as on push
      const bad = rowProblem(t.row, r);
      if (bad) {
        problems.push({ table, id, problem: `${bad.column} ${bad.says}` });
        continue;
      }
      const tags = await tagsOf(t, r, async (_t, pid) => parents.get(pid));
      if (!tags) {
        problems.push({ table, id, problem: 'its parent row is missing' });
        continue;
      }
      const version = typeof r.version === 'number' ? r.version : 1;
      values.push({ tbl: table, id, data: JSON.stringify(r), version, faculty_id: tags.facultyId, contract: tags.contract, change_seq: 0 });
    }
    if (values.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      // the same lock as pushes: an import never interleaves with a device's transaction
      await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx);
      await trx
        .insertInto('sync_row')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['tbl', 'id']).doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            version: eb.ref('excluded.version'),
            faculty_id: eb.ref('excluded.faculty_id'),
            contract: eb.ref('excluded.contract'),
            deleted: false,
          })),
        )
        .execute();
    });
    imported += values.length;
  }
  return { imported, problems };
}

/**
 * Fresh planner statistics after a bulk load. Until autovacuum gets to a table that grew by
 * hundreds of thousands of rows, PostgreSQL may plan a push's lookup of its 500 rows as a scan
 * of the whole store (seen: a push five times slower for the first minutes after an import).
 */
export async function analyzeStore(db: ServerKysely): Promise<void> {
  await sql`ANALYZE sync_row`.execute(db);
}
