import type { Migration } from '../../../db/migrations/migration';

/**
 * Grades (DOMAIN.md §3): the versioned grading scale, registrations of students to the
 * disciplines of a semester, grade sheets (one per group × discipline × attempt) and their
 * grades, and per-sheet exceptions to the entry window.
 */
export const m0007Grades: Migration = {
  version: 7,
  name: 'grades',
  up: `
-- a scale version applies from its academic year on; a sheet keeps the version it was made with
CREATE TABLE grading_scale (
  id TEXT PRIMARY KEY,
  from_academic_year_id TEXT NOT NULL UNIQUE REFERENCES academic_year(id),
  scale_json TEXT NOT NULL,
  created_by TEXT REFERENCES app_user(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE registration (
  id TEXT PRIMARY KEY,
  student_id TEXT NOT NULL REFERENCES student(id),
  curriculum_item_id TEXT NOT NULL REFERENCES curriculum_item(id),
  academic_year_id TEXT NOT NULL REFERENCES academic_year(id),
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  -- the group the student takes the discipline with
  group_id TEXT NOT NULL REFERENCES student_group(id),
  source TEXT NOT NULL CHECK (source IN ('group', 'individual')),
  created_at TEXT NOT NULL,
  UNIQUE (student_id, curriculum_item_id, academic_year_id)
) STRICT;
CREATE INDEX registration_offering_idx ON registration(group_id, curriculum_item_id, academic_year_id);

CREATE TABLE grade_sheet (
  id TEXT PRIMARY KEY,
  academic_year_id TEXT NOT NULL REFERENCES academic_year(id),
  seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES academic_session(id),
  faculty_id TEXT NOT NULL REFERENCES faculty(id),
  group_id TEXT NOT NULL REFERENCES student_group(id),
  curriculum_item_id TEXT NOT NULL REFERENCES curriculum_item(id),
  kind TEXT NOT NULL CHECK (kind IN ('main', 'retake', 'individual')),
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  parent_sheet_id TEXT REFERENCES grade_sheet(id),
  examiner_staff_id TEXT REFERENCES staff(id),
  exam_date TEXT,
  scale_id TEXT NOT NULL REFERENCES grading_scale(id),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'filled', 'closed')),
  closed_at TEXT,
  closed_by TEXT REFERENCES app_user(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (academic_year_id, seq),
  UNIQUE (academic_year_id, number),
  CHECK (kind = 'main' OR parent_sheet_id IS NOT NULL),
  CHECK (state <> 'closed' OR closed_at IS NOT NULL)
) STRICT;
-- one main sheet per group, discipline and year
CREATE UNIQUE INDEX grade_sheet_main_uq ON grade_sheet(group_id, curriculum_item_id, academic_year_id) WHERE kind = 'main';
CREATE INDEX grade_sheet_session_idx ON grade_sheet(session_id, faculty_id);

CREATE TABLE grade (
  id TEXT PRIMARY KEY,
  sheet_id TEXT NOT NULL REFERENCES grade_sheet(id),
  student_id TEXT NOT NULL REFERENCES student(id),
  position INTEGER NOT NULL,
  -- points per part of the sheet's scale, e.g. {"m1":25,"m2":27,"exam":35}
  parts_json TEXT NOT NULL DEFAULT '{}',
  mark TEXT CHECK (mark IS NULL OR mark IN ('absent', 'not_admitted')),
  total INTEGER CHECK (total IS NULL OR total BETWEEN 0 AND 100),
  letter TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES app_user(id),
  UNIQUE (sheet_id, student_id)
) STRICT;
CREATE INDEX grade_student_idx ON grade(student_id);

CREATE TABLE grade_entry_exception (
  id TEXT PRIMARY KEY,
  sheet_id TEXT NOT NULL REFERENCES grade_sheet(id),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  created_by TEXT REFERENCES app_user(id),
  created_at TEXT NOT NULL,
  CHECK (opens_on <= closes_on)
) STRICT;
CREATE INDEX grade_entry_exception_sheet_idx ON grade_entry_exception(sheet_id);
`,
};
