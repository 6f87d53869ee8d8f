import type { Migration } from '../../../db/migrations/migration';

/**
 * Grading scale versions (issue 4): an administrator may change the scale of an academic year
 * more than once, and every change is a new version — sheets keep the exact version they were
 * generated with (DOMAIN.md §3). 0007 allowed one scale per year (UNIQUE from_academic_year_id),
 * so the table is rebuilt with a per-year version number; existing rows become version 1.
 */
export const m0009GradingScaleVersions: Migration = {
  version: 9,
  name: 'grading-scale-versions',
  rebuildsTables: true,
  up: `
CREATE TABLE grading_scale_new (
  id TEXT PRIMARY KEY,
  from_academic_year_id TEXT NOT NULL REFERENCES academic_year(id),
  -- 1, 2, … within the academic year; the latest version of the latest year at or before a
  -- sheet's year is the one new sheets get
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  scale_json TEXT NOT NULL,
  created_by TEXT REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  UNIQUE (from_academic_year_id, version)
) STRICT;
INSERT INTO grading_scale_new (id, from_academic_year_id, version, scale_json, created_by, created_at)
  SELECT id, from_academic_year_id, 1, scale_json, created_by, created_at FROM grading_scale;
DROP TABLE grading_scale;
ALTER TABLE grading_scale_new RENAME TO grading_scale;

-- a version a sheet may point at never changes: a change is a new version
CREATE TRIGGER grading_scale_immutable BEFORE UPDATE ON grading_scale
BEGIN
  SELECT RAISE(ABORT, 'grading_scale versions are immutable; save a new version');
END;
`,
};
