import type { Migration } from './migration';

/** Users and roles, the audit trail, and the outbox that sync pushes (issue 5). */
export const m0005AccountsAuditOutbox: Migration = {
  version: 5,
  name: 'accounts-audit-outbox',
  up: `
CREATE TABLE role (
  code TEXT PRIMARY KEY,
  name_ky TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;
INSERT INTO role (code, name_ky, name_ru, name_en) VALUES
  ('clerk', 'Деканаттын адиси', 'Специалист деканата', 'Dean''s office clerk'),
  ('students_hr', 'Студенттик кадрлар бөлүмү', 'Студенческий отдел кадров', 'Students'' HR'),
  ('hr', 'Кадрлар бөлүмү', 'Отдел кадров', 'HR'),
  ('planning_finance', 'Пландоо-финансы бөлүмү', 'Планово-финансовый отдел', 'Planning and finance'),
  ('accountant', 'Бухгалтер', 'Бухгалтер', 'Accountant'),
  ('registrar', 'Офис-регистратор', 'Офис-регистратор', 'Registrar'),
  ('teaching', 'Окуу бөлүмү', 'Учебный отдел', 'Teaching department'),
  ('admin', 'Администратор', 'Администратор', 'Administrator');

CREATE TABLE app_user (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL REFERENCES role(code),
  faculty_id TEXT REFERENCES faculty(id),
  display_name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- a dean's office clerk is always bound to one faculty
  CHECK (role <> 'clerk' OR faculty_id IS NOT NULL)
) STRICT;

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES app_user(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  old_json TEXT,
  new_json TEXT,
  tx_id TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id, at);

-- one row per named mutation, written in the same transaction as the change it describes
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  tx_id TEXT NOT NULL,
  name TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  base_version INTEGER,
  user_id TEXT,
  schema_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'applied', 'rejected', 'conflict'))
) STRICT;
CREATE INDEX outbox_state_idx ON outbox(state, seq);
`,
};
