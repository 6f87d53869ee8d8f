import type { Migration } from '../../../db/migrations/migration';
import { CAPTURED_COLUMNS_V10, captureTriggersSql } from '../../sync/migrations/0010-sync';

export const POSITION_COLUMNS_V15: readonly string[] = [...CAPTURED_COLUMNS_V10.position!, 'order_visa'];

/**
 * Approval visas on students' orders from settings (issue 12, "approval visas … from
 * settings"): a position whose holder visas every order carries its place in the list
 * ("СОГЛАСОВАНО:" 1 = first); NULL for the others. University-wide reference data, so the
 * column is synced and the position's capture triggers are re-created with it.
 */
export const m0015OrderVisas: Migration = {
  version: 15,
  name: 'order-visas',
  up: `
ALTER TABLE position ADD COLUMN order_visa INTEGER CHECK (order_visa IS NULL OR order_visa >= 1);
${captureTriggersSql({ position: POSITION_COLUMNS_V15 })}
`,
};
