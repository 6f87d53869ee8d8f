import type { Migration } from './migration';

/** University structure and closed vocabularies (DOMAIN.md §2). */
export const m0001Reference: Migration = {
  version: 1,
  name: 'reference',
  up: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE university (
  id TEXT PRIMARY KEY,
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  okpo TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE faculty (
  id TEXT PRIMARY KEY,
  university_id TEXT NOT NULL REFERENCES university(id),
  code TEXT NOT NULL UNIQUE,
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE chair (
  id TEXT PRIMARY KEY,
  faculty_id TEXT NOT NULL REFERENCES faculty(id),
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX chair_faculty_idx ON chair(faculty_id);

CREATE TABLE specialty (
  id TEXT PRIMARY KEY,
  faculty_id TEXT NOT NULL REFERENCES faculty(id),
  code TEXT NOT NULL CHECK (length(code) = 6 AND code NOT GLOB '*[^0-9]*'),
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('bachelor', 'specialist', 'master', 'postgraduate')),
  duration_years INTEGER NOT NULL CHECK (duration_years BETWEEN 1 AND 6),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  UNIQUE (code, level)
) STRICT;
CREATE INDEX specialty_faculty_idx ON specialty(faculty_id);

CREATE TABLE study_form (
  code TEXT PRIMARY KEY,
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;
INSERT INTO study_form (code, name_ky, name_ru, name_en) VALUES
  ('full_time', 'күндүзгү', 'очная', 'full-time'),
  ('evening', 'кечки', 'вечерняя', 'evening'),
  ('correspondence', 'сырттан', 'заочная', 'correspondence'),
  ('distance', 'аралыктан', 'дистанционная', 'distance');

CREATE TABLE country (
  code TEXT PRIMARY KEY CHECK (length(code) = 2),
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;
INSERT INTO country (code, name_ky, name_ru, name_en) VALUES
  ('KG', 'Кыргызстан', 'Кыргызстан', 'Kyrgyzstan'),
  ('KZ', 'Казакстан', 'Казахстан', 'Kazakhstan'),
  ('UZ', 'Өзбекстан', 'Узбекистан', 'Uzbekistan'),
  ('TJ', 'Тажикстан', 'Таджикистан', 'Tajikistan'),
  ('RU', 'Россия', 'Россия', 'Russia'),
  ('CN', 'Кытай', 'Китай', 'China'),
  ('TR', 'Түркия', 'Турция', 'Turkey'),
  ('IN', 'Индия', 'Индия', 'India'),
  ('PK', 'Пакистан', 'Пакистан', 'Pakistan'),
  ('AF', 'Афганистан', 'Афганистан', 'Afghanistan'),
  ('TM', 'Түркмөнстан', 'Туркменистан', 'Turkmenistan');
`,
};
