import type { Migration } from './migration';

/** Staff records and their positions (DOMAIN.md §2; the staff part of 3-НК, §5.7). */
export const m0003Staff: Migration = {
  version: 3,
  name: 'staff',
  up: `
CREATE TABLE position (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL CHECK (category IN ('rector', 'dean', 'head_of_chair', 'professor', 'docent',
    'senior_lecturer', 'lecturer', 'assistant', 'administrative')),
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  last_name TEXT NOT NULL CHECK (last_name <> ''),
  first_name TEXT NOT NULL CHECK (first_name <> ''),
  patronymic TEXT,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
  birth_date TEXT NOT NULL,
  pin TEXT CHECK (pin IS NULL OR (length(pin) = 14 AND pin NOT GLOB '*[^0-9]*')),
  citizenship TEXT NOT NULL REFERENCES country(code),
  degree TEXT CHECK (degree IS NULL OR degree IN ('doctor', 'candidate', 'phd')),
  title TEXT CHECK (title IS NULL OR title IN ('professor', 'docent')),
  hire_date TEXT NOT NULL,
  leave_date TEXT,
  last_training_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff_position (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  position_id TEXT NOT NULL REFERENCES position(id),
  faculty_id TEXT REFERENCES faculty(id),
  chair_id TEXT REFERENCES chair(id),
  -- rate in hundredths: 25 = 0.25 ставки … 150 = 1.5
  rate INTEGER NOT NULL CHECK (rate BETWEEN 25 AND 150),
  employment_type TEXT NOT NULL CHECK (employment_type IN ('main', 'internal_part_time', 'external_part_time',
    'hourly', 'civil_contract')),
  start_date TEXT NOT NULL,
  end_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_position_staff_idx ON staff_position(staff_id);
`,
};
