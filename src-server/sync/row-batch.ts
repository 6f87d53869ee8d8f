/**
 * A push's reads and writes against the row store, in a handful of statements instead of
 * several per row: the rows a local transaction touches (and their parents) are read up
 * front, the writes are kept in order and flushed together — change-log entries with
 * positions taken from the sequence in that order, and the rows, in one statement. Still inside
 * the push's advisory lock, so positions stay in commit order (row-store.repository.ts).
 * A refused local transaction's writes are dropped from memory (`mark` / `rollback`).
 */
import { sql, type Insertable } from 'kysely';
import type { ConflictTable } from '../db/schema';
import type { ServerKysely } from '../db/connection';
import type { ChangeOrigin, StoredWithTags } from './row-store.repository';
import type { Row, RowTags } from './scope';

const key = (table: string, id: string) => `${table}\u0000${id}`;

interface PendingLog {
  origin: ChangeOrigin;
  table: string;
  id: string;
  data: Row | null;
  tags: RowTags;
}

interface PendingRow {
  table: string;
  id: string;
  data: Row;
  version: number;
  tags: RowTags;
  deleted: boolean;
}

/** A conflict to record (a person resolves it later), kept with the writes so a refused transaction drops it too. */
export type PendingConflict = Insertable<ConflictTable>;

export class TxRowStore {
  private readonly rows = new Map<string, StoredWithTags | undefined>();
  private readonly logs: PendingLog[] = [];
  private readonly writes = new Map<string, PendingRow>();
  private readonly conflicts: PendingConflict[] = [];
  /** rows a person's "keep mine" settled: their open conflicts close */
  private readonly settled: { table: string; id: string }[] = [];
  /** what each write replaced, so a refused transaction's writes can be undone */
  private readonly journal: { key: string; row: StoredWithTags | undefined; write: PendingRow | undefined }[] = [];

  constructor(private readonly db: ServerKysely) {}

  /** A point to return to if the local transaction being applied is refused. */
  /** A point to return to if the local transaction being applied is refused. */
  mark(): { logs: number; conflicts: number; settled: number; journal: number } {
    return { logs: this.logs.length, conflicts: this.conflicts.length, settled: this.settled.length, journal: this.journal.length };
  }

  recordConflict(c: PendingConflict): void {
    this.conflicts.push(c);
  }

  settle(table: string, id: string): void {
    this.settled.push({ table, id });
  }

  rollback(m: ReturnType<TxRowStore['mark']>): void {
    this.logs.length = m.logs;
    this.conflicts.length = m.conflicts;
    this.settled.length = m.settled;
    // undo the writes, newest first, back to what each key held before
    while (this.journal.length > m.journal) {
      const j = this.journal.pop()!;
      this.rows.set(j.key, j.row);
      if (j.write) this.writes.set(j.key, j.write);
      else this.writes.delete(j.key);
    }
  }

  /** Reads the given rows in one statement per table; later `load`s answer from memory. */
  async preload(keys: { table: string; id: string }[]): Promise<void> {
    const byTable = new Map<string, Set<string>>();
    for (const k of keys) {
      if (this.rows.has(key(k.table, k.id))) continue;
      byTable.set(k.table, (byTable.get(k.table) ?? new Set()).add(k.id));
    }
    for (const [table, ids] of byTable) {
      const list = [...ids];
      for (const id of list) this.rows.set(key(table, id), undefined);
      // the ids as one array parameter: a list of 500 bound values is planned anew each time
      const found = await this.db
        .selectFrom('sync_row')
        .select(['id', 'data', 'version', 'deleted', 'faculty_id', 'contract', 'change_seq'])
        .where('tbl', '=', table)
        .where(sql<boolean>`id = ANY(${list}::text[])`)
        .execute();
      for (const r of found) {
        this.rows.set(key(table, r.id), {
          data: r.data as Row,
          version: r.version,
          deleted: r.deleted,
          facultyId: r.faculty_id,
          contract: r.contract,
          changeSeq: Number(r.change_seq),
        });
      }
    }
  }

  async load(table: string, id: string): Promise<StoredWithTags | undefined> {
    const k = key(table, id);
    if (!this.rows.has(k)) await this.preload([{ table, id }]);
    return this.rows.get(k);
  }

  /**
   * A row (or its deletion) as the transaction leaves it. When the row leaves some devices'
   * sight (faculty or contract flag changes), a delete under the old tags is logged first.
   */
  write(w: { table: string; id: string; data: Row | null; version: number; tags: RowTags; before: StoredWithTags | undefined; origin: ChangeOrigin }): void {
    const { before } = w;
    if (w.data !== null && before && !before.deleted && (before.facultyId !== w.tags.facultyId || before.contract !== w.tags.contract)) {
      this.logs.push({ origin: w.origin, table: w.table, id: w.id, data: null, tags: before });
    }
    this.logs.push({ origin: w.origin, table: w.table, id: w.id, data: w.data, tags: w.tags });
    const data = w.data ?? before?.data ?? {};
    const k = key(w.table, w.id);
    this.journal.push({ key: k, row: this.rows.get(k), write: this.writes.get(k) });
    this.writes.set(key(w.table, w.id), { table: w.table, id: w.id, data, version: w.version, tags: w.tags, deleted: w.data === null });
    this.rows.set(key(w.table, w.id), { data, version: w.version, deleted: w.data === null, facultyId: w.tags.facultyId, contract: w.tags.contract, changeSeq: 0 });
  }

  /**
   * Writes the change log and the rows: one statement for everything written since the last
   * flush, taking the entries and the rows as one JSON parameter each (PostgreSQL unpacks them
   * with jsonb_to_recordset) — thousands of rows without thousands of bound parameters.
   */
  async flush(): Promise<void> {
    if (this.conflicts.length > 0) await this.db.insertInto('conflict').values(this.conflicts).execute();
    for (const r of this.settled) {
      await this.db.updateTable('conflict').set({ resolved_at: new Date() }).where('tbl', '=', r.table).where('row_id', '=', r.id).where('resolved_at', 'is', null).execute();
    }
    this.conflicts.length = 0;
    this.settled.length = 0;
    if (this.logs.length === 0) return;
    const logs = this.logs.map((l, n) => ({
      n,
      tbl: l.table,
      id: l.id,
      op: l.data === null ? 'delete' : 'upsert',
      data: l.data,
      faculty_id: l.tags.facultyId,
      contract: l.tags.contract,
      device_id: l.origin.deviceId,
      user_id: l.origin.userId,
      tx_id: l.origin.txId,
    }));
    const rows = [...this.writes.values()].map((w) => ({
      tbl: w.table,
      id: w.id,
      data: w.data,
      version: w.version,
      faculty_id: w.tags.facultyId,
      contract: w.tags.contract,
      deleted: w.deleted,
    }));
    // one statement: the log entries take their positions in the order they were written
    // (INSERT … SELECT … ORDER BY draws the sequence row by row in that order), and each row
    // records the position of the last entry written for it
    await sql`
      WITH logged AS (
        INSERT INTO change_log (tbl, id, op, data, faculty_id, contract, device_id, user_id, tx_id)
        SELECT tbl, id, op, data, faculty_id, contract, device_id, user_id, tx_id
        FROM jsonb_to_recordset(${JSON.stringify(logs)}::jsonb)
          AS x(n integer, tbl text, id text, op text, data jsonb, faculty_id text, contract boolean, device_id text, user_id text, tx_id text)
        ORDER BY n
        RETURNING seq, tbl, id
      ), last AS (
        SELECT tbl, id, max(seq) AS seq FROM logged GROUP BY tbl, id
      )
      INSERT INTO sync_row (tbl, id, data, version, faculty_id, contract, deleted, change_seq)
      SELECT r.tbl, r.id, r.data, r.version, r.faculty_id, r.contract, r.deleted, last.seq
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(tbl text, id text, data jsonb, version integer, faculty_id text, contract boolean, deleted boolean)
      JOIN last ON last.tbl = r.tbl AND last.id = r.id
      ON CONFLICT (tbl, id) DO UPDATE SET data = excluded.data, version = excluded.version, faculty_id = excluded.faculty_id,
        contract = excluded.contract, deleted = excluded.deleted, change_seq = excluded.change_seq`.execute(this.db);
    this.logs.length = 0;
    this.writes.clear();
    this.journal.length = 0;
  }
}
