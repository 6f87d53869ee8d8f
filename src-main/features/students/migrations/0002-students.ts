import type { Migration } from '../../../db/migrations/migration';

/**
 * Groups, students and their status history (DOMAIN.md §2, §4). The student row holds the
 * current state for fast lists; the history holds every change with the order behind it.
 */
export const m0002Students: Migration = {
  version: 2,
  name: 'students',
  up: `
CREATE TABLE student_group (
  id TEXT PRIMARY KEY,
  faculty_id TEXT NOT NULL REFERENCES faculty(id),
  specialty_id TEXT NOT NULL REFERENCES specialty(id),
  name TEXT NOT NULL UNIQUE,
  form TEXT NOT NULL REFERENCES study_form(code),
  intake_year INTEGER NOT NULL,
  course INTEGER NOT NULL CHECK (course BETWEEN 1 AND 6),
  language TEXT NOT NULL CHECK (language IN ('ky', 'ru', 'en')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX student_group_faculty_idx ON student_group(faculty_id);

CREATE TABLE student (
  id TEXT PRIMARY KEY,
  last_name TEXT NOT NULL CHECK (last_name <> ''),
  first_name TEXT NOT NULL CHECK (first_name <> ''),
  patronymic TEXT,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
  birth_date TEXT NOT NULL,
  pin TEXT CHECK (pin IS NULL OR (length(pin) = 14 AND pin NOT GLOB '*[^0-9]*')),
  citizenship TEXT NOT NULL REFERENCES country(code),
  record_book_no TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL REFERENCES student_group(id),
  funding TEXT NOT NULL CHECK (funding IN ('budget', 'contract')),
  base_education TEXT NOT NULL CHECK (base_education IN ('school', 'college')),
  admission_year INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applicant', 'active', 'on_leave', 'expelled', 'graduated')),
  flag_disability INTEGER NOT NULL DEFAULT 0 CHECK (flag_disability IN (0, 1)),
  flag_orphan INTEGER NOT NULL DEFAULT 0 CHECK (flag_orphan IN (0, 1)),
  flag_targeted INTEGER NOT NULL DEFAULT 0 CHECK (flag_targeted IN (0, 1)),
  flag_dormitory INTEGER NOT NULL DEFAULT 0 CHECK (flag_dormitory IN (0, 1)),
  flag_quota_foreigner INTEGER NOT NULL DEFAULT 0 CHECK (flag_quota_foreigner IN (0, 1)),
  -- lower-cased "names ПИН record-book" for substring search; kept by the students service
  search_text TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX student_group_idx ON student(group_id);
CREATE INDEX student_pin_idx ON student(pin);

CREATE TABLE student_status_history (
  id TEXT PRIMARY KEY,
  student_id TEXT NOT NULL REFERENCES student(id),
  effective_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applicant', 'active', 'on_leave', 'expelled', 'graduated')),
  group_id TEXT NOT NULL REFERENCES student_group(id),
  course INTEGER NOT NULL CHECK (course BETWEEN 1 AND 6),
  form TEXT NOT NULL REFERENCES study_form(code),
  funding TEXT NOT NULL CHECK (funding IN ('budget', 'contract')),
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  patronymic TEXT,
  order_no TEXT,
  order_date TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX student_status_history_student_idx ON student_status_history(student_id, effective_date);
`,
};
