/**
 * Pull and bootstrap: the server's change log, a page at a time, each page applied in one
 * SQLite transaction together with its cursor — a crash between pages loses nothing and
 * repeats nothing that matters (applying a row twice leaves the same row).
 */
import type { BootstrapPage, PullResponse } from '../../../src-shared/sync/protocol';
import { SYNC_TABLES } from '../../../src-shared/sync/tables';
import type { Database } from '../../db/connection';
import { TABLES_CHILDREN_FIRST, withServerRows } from './sync-apply.repository';
import type { SyncHttp } from './sync-http';
import { clearForBootstrap, markBootstrapped, setCursor, type SyncState } from './sync-state.repository';

export interface PullOutcome {
  pages: number;
  applied: number;
  /** rows left alone because this device has a change to them on its way */
  skipped: number;
  /** the server does not have what this device saw: it was restored from a backup */
  restart: boolean;
}

export async function pullAll(db: Database, http: SyncHttp, state: SyncState, pageSize = 1000): Promise<PullOutcome> {
  const out: PullOutcome = { pages: 0, applied: 0, skipped: 0, restart: false };
  let cursor = state.cursor;
  let mark = state.cursorMark;
  for (let page = 0; page < 1_000_000; page++) {
    const res = await http.post<PullResponse>('/v1/pull', { cursor, limit: pageSize, ...(mark ? { mark } : {}) }, { token: state.token });
    if (res.restart) {
      out.restart = true;
      break;
    }
    withServerRows(db, (writer) => {
      for (const c of res.changes) {
        if (writer.apply(c, { respectPending: true, monotonic: true })) out.applied++;
        else out.skipped++;
      }
      setCursor(db, res.cursor, res.mark ?? null);
    });
    out.pages++;
    cursor = res.cursor;
    mark = res.mark ?? null;
    if (!res.hasMore) break;
  }
  return out;
}

/**
 * A new device starts from its scope's snapshot: the synced tables are emptied (but for rows
 * with a change carried over from an earlier enrolment, which keep the clerk's values) and filled
 * from the server, table by table in dependency order, then pulls from the snapshot's cursor
 * (rows changed meanwhile come again with the pull, and applying them twice is harmless).
 * Until it completes the replica is marked not bootstrapped, and a restart begins it again.
 */
export async function bootstrap(db: Database, http: SyncHttp, state: SyncState, pageSize = 2000, onProgress?: (table: string, rows: number) => void): Promise<number> {
  withServerRows(db, () => {
    clearForBootstrap(db, TABLES_CHILDREN_FIRST);
  });
  let snapshotCursor: string | null = null;
  let total = 0;
  for (const t of SYNC_TABLES) {
    let after = '';
    for (;;) {
      const page: BootstrapPage = await http.post<BootstrapPage>('/v1/bootstrap', { table: t.name, after, limit: pageSize }, { token: state.token });
      snapshotCursor ??= page.cursor;
      withServerRows(db, (writer) => {
        for (const values of page.rows) writer.apply({ table: t.name, id: String(values.id), op: 'upsert', values }, { respectPending: true });
      });
      total += page.rows.length;
      onProgress?.(t.name, total);
      if (page.next === null) break;
      after = page.next;
    }
  }
  markBootstrapped(db, snapshotCursor ?? '0');
  return total;
}
