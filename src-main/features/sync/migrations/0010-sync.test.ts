import { describe, expect, it } from 'vitest';
import { CAPTURED_COLUMNS_V10, installCaptureTriggers } from './0010-sync';
import { databaseAt } from '../../../db/migrations/migration-test-kit';

describe('migration 0010 sync', () => {
  it('installs no capture triggers until a device is enrolled', () => {
    const db = databaseAt(10);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`).pluck().get()).toBe(0);
    installCaptureTriggers(db);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`).pluck().get()).toBe(3 * Object.keys(CAPTURED_COLUMNS_V10).length);
  });

  it('records whole rows while capture is on, nothing while it is off, and skips updates that change nothing', () => {
    const db = databaseAt(10);
    installCaptureTriggers(db);
    const T = '2026-01-01T00:00:00Z';
    db.exec(`INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2025-2026', '2025-09-01', '2026-08-31')`);
    expect(db.prepare('SELECT count(*) FROM sync_change').pluck().get()).toBe(0);
    db.exec(`UPDATE sync_control SET capture = 1`);
    db.exec(`INSERT INTO academic_year (id, starts_on, ends_on) VALUES ('2026-2027', '2026-09-01', '2027-08-31')`);
    db.exec(`UPDATE academic_year SET ends_on = '2027-08-30' WHERE id = '2026-2027'`);
    db.exec(`UPDATE academic_year SET ends_on = '2027-08-30' WHERE id = '2026-2027'`);
    db.exec(`INSERT INTO discipline (id, name_ky, name_ru, name_en, updated_at) VALUES ('d1', 'Тарых', 'История', 'History', '${T}')`);
    db.exec(`DELETE FROM discipline WHERE id = 'd1'`);
    const rows = db.prepare('SELECT table_name, row_id, op, values_json, old_json FROM sync_change ORDER BY seq').all() as Record<string, string | null>[];
    expect(rows.map((r) => [r.table_name, r.row_id, r.op])).toEqual([
      ['academic_year', '2026-2027', 'insert'],
      ['academic_year', '2026-2027', 'update'],
      ['discipline', 'd1', 'insert'],
      ['discipline', 'd1', 'delete'],
    ]);
    expect(JSON.parse(rows[1]!.values_json!)).toEqual({ id: '2026-2027', starts_on: '2026-09-01', ends_on: '2027-08-30' });
    expect(JSON.parse(rows[1]!.old_json!)).toMatchObject({ ends_on: '2027-08-31' });
    expect(JSON.parse(rows[3]!.old_json!)).toMatchObject({ name_ky: 'Тарых', version: 1 });
  });
});
