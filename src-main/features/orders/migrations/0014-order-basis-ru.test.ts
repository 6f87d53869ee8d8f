import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt, T } from '../../../db/migrations/migration-test-kit';
import { installCaptureTriggers } from '../../sync/migrations/0010-sync';

describe('migration 0014 order basis in Russian', () => {
  it('keeps existing orders with no Russian basis, and an enrolled replica sends the new column', () => {
    const db = databaseAt(13);
    db.prepare(`INSERT INTO student_order (id, type, state, effective_date, reason, created_at, updated_at) VALUES ('o', 'promotion', 'draft', '2026-09-01', 'Кеңештин чечими', ?, ?)`).run(T, T);
    installCaptureTriggers(db);
    db.prepare('UPDATE sync_control SET capture = 1').run();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT reason, reason_ru FROM student_order`).get()).toEqual({ reason: 'Кеңештин чечими', reason_ru: null });
    expect(db.prepare('SELECT count(*) FROM sync_change').pluck().get()).toBe(0);

    db.prepare(`UPDATE student_order SET reason_ru = 'Решение совета' WHERE id = 'o'`).run();
    const sent = JSON.parse(db.prepare(`SELECT values_json FROM sync_change WHERE table_name = 'student_order'`).pluck().get() as string) as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 'o', reason: 'Кеңештин чечими', reason_ru: 'Решение совета' });
  });
});
