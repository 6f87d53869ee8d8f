import type { Migration } from '../../../db/migrations/migration';
import { CAPTURED_COLUMNS_V10, captureTriggersSql } from '../../sync/migrations/0010-sync';

export const STUDENT_COLUMNS_V17: readonly string[] = [...CAPTURED_COLUMNS_V10.student!, 'latin_name'];

/**
 * The student's name in Latin letters as their passport spells it (issue 13): the English
 * transcript and certificate print it; empty, they fall back to ICAO 9303 transliteration. The
 * column is synced, so the student's capture triggers are re-created with it.
 */
export const m0017StudentLatinName: Migration = {
  version: 17,
  name: 'student-latin-name',
  up: `
ALTER TABLE student ADD COLUMN latin_name TEXT;
${captureTriggersSql({ student: STUDENT_COLUMNS_V17 })}
`,
};
