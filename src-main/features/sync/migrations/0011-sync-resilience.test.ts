import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt } from '../../../db/migrations/migration-test-kit';

describe('migration 0011 sync resilience', () => {
  it('keeps the open Needs-attention entries and takes received rows without an outbox entry', () => {
    const db = databaseAt(10);
    db.prepare(`INSERT INTO sync_issue (id, kind, outbox_seq, mutation_name, created_at) VALUES ('i1', 'rejected', 7, 'grade.set', '2026-01-01T00:00:00Z')`).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT id, kind, outbox_seq, mutation_name FROM sync_issue').all()).toEqual([{ id: 'i1', kind: 'rejected', outbox_seq: 7, mutation_name: 'grade.set' }]);
    db.prepare(`INSERT INTO sync_issue (id, kind, table_name, row_id, message, created_at) VALUES ('i2', 'received', 'grade', 'g1', 'total must be from 0 to 100', '2026-01-01T00:00:00Z')`).run();
    expect(() => db.prepare(`INSERT INTO sync_issue (id, kind, created_at) VALUES ('i3', 'rejected', '2026-01-01T00:00:00Z')`).run()).toThrow(/CHECK/);
  });

  it('gives an enrolled replica an unknown incarnation and no renumbering yet', () => {
    const db = databaseAt(10);
    db.prepare(`INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at) VALUES (1, 'http://s', 'd', 'PC', 't', 'clerk', '{}', 3, '2026-01-01')`).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT incarnation, seq_shift FROM sync_state').get()).toEqual({ incarnation: null, seq_shift: 0 });
  });
});
