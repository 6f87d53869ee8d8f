import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt } from '../../../db/migrations/migration-test-kit';

describe('migration 0012 sync recovery', () => {
  it('keeps the outbox and the enrolment, with nothing confirmed or resent yet', () => {
    const db = databaseAt(11);
    db.prepare(`INSERT INTO sync_state (id, server_url, device_id, device_name, token, role, scope_json, baseline_seq, enrolled_at) VALUES (1, 'http://s', 'd', 'PC', 't', 'clerk', '{}', 3, '2026-01-01')`).run();
    db.prepare(`INSERT INTO outbox (mutation_id, tx_id, name, entity, entity_id, payload_json, schema_version, created_at, state) VALUES ('m', 't', 'grade.set', 'grade', 'g', '{}', 11, '2026-01-01', 'applied')`).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT confirmed_seq, cursor_mark, server_restored_at, resent, too_old FROM sync_state').get()).toEqual({ confirmed_seq: 0, cursor_mark: null, server_restored_at: null, resent: 0, too_old: 0 });
    expect(db.prepare('SELECT state, pushed_seq FROM outbox').get()).toEqual({ state: 'applied', pushed_seq: null });
  });

  it('keeps answered rows with the time of their answer', () => {
    const db = databaseAt(12);
    expect(() => db.prepare(`INSERT INTO sync_sent (seq, tx_id, table_name, row_id, op) VALUES (1, 't', 'grade', 'g', 'update')`).run()).toThrow(/NOT NULL/);
    db.prepare(`INSERT INTO sync_sent (seq, tx_id, table_name, row_id, op, answered_at) VALUES (1, 't', 'grade', 'g', 'update', '2026-01-01')`).run();
    expect(() => db.prepare(`INSERT INTO sync_sent (seq, tx_id, table_name, row_id, op, answered_at) VALUES (2, 't', 'grade', 'g', 'upsert', '2026-01-01')`).run()).toThrow(/CHECK/);
  });
});
