import type { Migration } from '../../../db/migrations/migration';
import { CAPTURED_COLUMNS_V10, captureTriggersSql } from '../../sync/migrations/0010-sync';

export const STUDENT_ORDER_COLUMNS_V14: readonly string[] = [...CAPTURED_COLUMNS_V10.student_order!, 'reason_ru'];

/**
 * An order's basis in Russian beside the Kyrgyz one (issue 12, item 5): a Russian order printed
 * the Kyrgyz text. NULL for orders written before (their paper carries the one basis they had).
 * The column is synced, so the order's capture triggers are re-created with it — harmless on a
 * replica not enrolled, where capture stays off.
 */
export const m0014OrderBasisRu: Migration = {
  version: 14,
  name: 'order-basis-ru',
  up: `
ALTER TABLE student_order ADD COLUMN reason_ru TEXT;
${captureTriggersSql({ student_order: STUDENT_ORDER_COLUMNS_V14 })}
`,
};
