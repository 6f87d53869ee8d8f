import { describe, expect, it } from 'vitest';
import { databaseAt } from '../../../db/migrations/migration-test-kit';

const plan = (db: ReturnType<typeof databaseAt>, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 0008 curriculum item usage', () => {
  it('answers "which registrations and sheets use this item" by index, not by scanning', () => {
    const before = databaseAt(7);
    expect(plan(before, `SELECT count(*) FROM registration WHERE curriculum_item_id = 'x'`)).toMatch(/SCAN/);
    const db = databaseAt(8);
    expect(plan(db, `SELECT count(*) FROM registration WHERE curriculum_item_id = 'x'`)).toMatch(/USING COVERING INDEX registration_item_idx/);
    expect(plan(db, `SELECT count(*) FROM grade_sheet WHERE curriculum_item_id = 'x'`)).toMatch(/USING COVERING INDEX grade_sheet_item_idx/);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
  });
});
