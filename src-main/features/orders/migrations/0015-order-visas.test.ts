import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt } from '../../../db/migrations/migration-test-kit';
import { installCaptureTriggers } from '../../sync/migrations/0010-sync';

describe('migration 0015 order visas', () => {
  it('leaves every position without a visa, refuses a place below 1, and an enrolled replica sends the new column', () => {
    const db = databaseAt(14);
    db.prepare(`INSERT INTO position (id, category, name_ky, name_ru, name_en) VALUES ('p', 'administrative', 'Окуу иштери боюнча проректор', 'Проректор по учебной работе', 'Vice-Rector')`).run();
    installCaptureTriggers(db);
    db.prepare('UPDATE sync_control SET capture = 1').run();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT order_visa FROM position`).get()).toEqual({ order_visa: null });
    expect(() => db.prepare(`UPDATE position SET order_visa = 0`).run()).toThrow(/CHECK/);

    db.prepare(`UPDATE position SET order_visa = 1 WHERE id = 'p'`).run();
    const sent = JSON.parse(db.prepare(`SELECT values_json FROM sync_change WHERE table_name = 'position'`).pluck().get() as string) as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 'p', order_visa: 1 });
  });
});
