/**
 * No poison pills (issue 11, item 2): a row from the server this replica cannot store is set
 * aside in Needs attention (table, row, reason) and everything else of the page still applies;
 * the cursor moves on, the entry is not repeated, and the row's later good version settles it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BootstrapPage, PulledChange, PullResponse } from '../../../src-shared/sync/protocol';
import type { Database } from '../../db/connection';
import { createFixtureDb, IDS, USERS } from '../../testing/fixture';
import { createSyncService } from './sync.service';
import { enrolLocally } from './sync.test-kit';
import { bootstrap, pullAll } from './sync-pull';
import type { SyncHttp } from './sync-http';
import { readSyncState } from './sync-state.repository';

let db: Database;
beforeEach(async () => {
  db = await createFixtureDb();
  enrolLocally(db, { deviceName: 'test', role: 'admin', enrolledAt: '2026-11-22T00:00:00Z', baselineSeq: 0 });
});
afterEach(() => db.close());

const studentRow = (changes: Record<string, unknown>) => ({ ...(db.sqlite.prepare('SELECT * FROM student WHERE id = ?').get(IDS.studentAigerim) as Record<string, unknown>), ...changes });
const otherRow = (changes: Record<string, unknown>) => ({ ...(db.sqlite.prepare('SELECT * FROM student WHERE id = ?').get(IDS.studentUmut) as Record<string, unknown>), ...changes });

/** A server that answers pulls from a list of pages, one per call. */
function pagesOf(pages: PulledChange[][]): SyncHttp {
  let call = 0;
  return {
    post: async <T,>(path: string): Promise<T> => {
      if (path !== '/v1/pull') throw new Error(`unexpected ${path}`);
      const changes = pages[call] ?? [];
      call++;
      return { changes, cursor: String(call * 10), hasMore: call < pages.length } satisfies PullResponse as T;
    },
  } as SyncHttp;
}

describe('a row the replica cannot store', () => {
  it('goes to Needs attention naming table, row and reason; the rest of the page applies and the cursor moves on', async () => {
    const bad: PulledChange = { table: 'student', id: IDS.studentAigerim, op: 'upsert', values: studentRow({ group_id: null, version: 9 }) };
    const good: PulledChange = { table: 'student', id: IDS.studentUmut, op: 'upsert', values: otherRow({ patronymic: 'Асан уулу', version: 5 }) };
    const out = await pullAll(db, pagesOf([[bad, good], [bad]]), readSyncState(db)!);
    expect(out).toMatchObject({ pages: 2, applied: 1 });
    expect(readSyncState(db)!.cursor).toBe('20');
    expect(db.sqlite.prepare('SELECT patronymic FROM student WHERE id = ?').pluck().get(IDS.studentUmut)).toBe('Асан уулу');
    expect(db.sqlite.prepare('SELECT group_id FROM student WHERE id = ?').pluck().get(IDS.studentAigerim)).toBe(IDS.groupEcon1);
    const issues = db.sqlite.prepare(`SELECT kind, table_name, row_id, message FROM sync_issue WHERE resolved_at IS NULL`).all();
    expect(issues).toEqual([{ kind: 'received', table_name: 'student', row_id: IDS.studentAigerim, message: `student ${IDS.studentAigerim}: group_id must not be empty (null)` }]);
    const view = createSyncService(db, null).issues(USERS.admin, 'ru').rows;
    expect(view).toEqual([expect.objectContaining({ kind: 'received', reason: expect.stringContaining('group_id must not be empty') })]);
    // fixed on the server: its next version applies and settles the entry
    await pullAll(db, pagesOf([[{ ...bad, values: studentRow({ patronymic: 'Бакытовна', version: 10 }) }]]), readSyncState(db)!);
    expect(db.sqlite.prepare('SELECT patronymic FROM student WHERE id = ?').pluck().get(IDS.studentAigerim)).toBe('Бакытовна');
    expect(db.sqlite.prepare(`SELECT count(*) FROM sync_issue WHERE resolved_at IS NULL`).pluck().get()).toBe(0);
  });

  it('never leaves an enrolment empty: bootstrap sets the bad row aside and loads the rest', async () => {
    // the server's snapshot of students (read before bootstrap empties the replica)
    const students = [studentRow({}), otherRow({ sex: 'X' }), studentRow({ id: 'new-student', record_book_no: 'rb-new' })];
    const http: SyncHttp = {
      post: async <T,>(_path: string, body: unknown): Promise<T> => {
        const rows = (body as { table: string }).table === 'student' ? students : [];
        return { table: (body as { table: string }).table, rows, next: null, cursor: '5' } satisfies BootstrapPage as T;
      },
    } as SyncHttp;
    await bootstrap(db, http, readSyncState(db)!);
    expect(db.sqlite.prepare('SELECT id FROM student ORDER BY id').pluck().all()).toEqual([IDS.studentAigerim, 'new-student'].sort());
    expect(db.sqlite.prepare(`SELECT row_id, message FROM sync_issue`).all()).toEqual([{ row_id: IDS.studentUmut, message: `student ${IDS.studentUmut}: sex must be one of F, M` }]);
    expect(readSyncState(db)).toMatchObject({ bootstrapped: true, cursor: '5' });
  });
});

describe('a student pulled from the server', () => {
  it('is indexed for search by this device, whatever search text it arrived with', async () => {
    // another device's field merge on the server, or an older version of the app, may have sent
    // a search text for other names; the replica's search must find the names it holds
    const pulled: PulledChange = { table: 'student', id: IDS.studentAigerim, op: 'upsert', values: studentRow({ last_name: 'Жеңишова', search_text: 'асанова', version: 7 }) };
    await pullAll(db, pagesOf([[pulled]]), readSyncState(db)!);
    const text = db.sqlite.prepare('SELECT search_text FROM student WHERE id = ?').pluck().get(IDS.studentAigerim) as string;
    expect(text).toContain('жениш'); // found by a keyboard without ң
    expect(text).toContain('жеңиш');
    expect(text).not.toContain('асанова');
  });
});
