import type { Migration } from '../../../db/migrations/migration';

/**
 * "Is this curriculum item in use?" asks registrations and grade sheets by item. Neither
 * table had an index led by the item (theirs start with student or group), so the question
 * scanned every registration — millions at a large university (DOMAIN.md §9) — each time the
 * teaching department opened or edited a curriculum.
 */
export const m0008CurriculumItemUsage: Migration = {
  version: 8,
  name: 'curriculum-item-usage',
  up: `
CREATE INDEX registration_item_idx ON registration(curriculum_item_id);
CREATE INDEX grade_sheet_item_idx ON grade_sheet(curriculum_item_id);
`,
};
