import { describe, expect, it } from 'vitest';
import { SYNC_TABLES } from '../../../src-shared/sync/tables';
import { MIGRATIONS } from '../../db/migrations';
import { databaseAt } from '../../db/migrations/migration-test-kit';
import { CAPTURED_COLUMNS } from './captured-columns';

describe('captured columns', () => {
  it('captures every column of every synced table (a later column without new triggers fails here)', () => {
    const db = databaseAt(MIGRATIONS.at(-1)!.version);
    expect(Object.keys(CAPTURED_COLUMNS).sort()).toEqual(SYNC_TABLES.map((t) => t.name).sort());
    for (const t of SYNC_TABLES) {
      const live = (db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => c.name);
      expect(CAPTURED_COLUMNS[t.name], t.name).toEqual(live);
    }
  });
});
