import type { Migration } from '../../../db/migrations/migration';

/** Curricula, disciplines and the academic calendar (DOMAIN.md §2, §3). */
export const m0004Curricula: Migration = {
  version: 4,
  name: 'curricula',
  up: `
CREATE TABLE discipline (
  id TEXT PRIMARY KEY,
  chair_id TEXT REFERENCES chair(id),
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE curriculum (
  id TEXT PRIMARY KEY,
  specialty_id TEXT NOT NULL REFERENCES specialty(id),
  intake_year INTEGER NOT NULL,
  form TEXT NOT NULL REFERENCES study_form(code),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (specialty_id, intake_year, form)
) STRICT;

CREATE TABLE curriculum_item (
  id TEXT PRIMARY KEY,
  curriculum_id TEXT NOT NULL REFERENCES curriculum(id),
  discipline_id TEXT NOT NULL REFERENCES discipline(id),
  semester INTEGER NOT NULL CHECK (semester BETWEEN 1 AND 12),
  credits INTEGER NOT NULL CHECK (credits BETWEEN 1 AND 60),
  hours INTEGER NOT NULL CHECK (hours > 0),
  control_form TEXT NOT NULL CHECK (control_form IN ('exam', 'credit', 'graded_credit', 'course_work',
    'practice', 'state_exam')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (curriculum_id, semester, discipline_id)
) STRICT;

CREATE TABLE academic_year (
  id TEXT PRIMARY KEY CHECK (id GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL
) STRICT;

-- exam sessions; grade entry is accepted only between entry_opens_on and entry_closes_on
CREATE TABLE academic_session (
  id TEXT PRIMARY KEY,
  academic_year_id TEXT NOT NULL REFERENCES academic_year(id),
  faculty_id TEXT REFERENCES faculty(id),
  term TEXT NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  entry_opens_on TEXT NOT NULL,
  entry_closes_on TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  CHECK (starts_on <= ends_on AND entry_opens_on <= entry_closes_on)
) STRICT;
`,
};
