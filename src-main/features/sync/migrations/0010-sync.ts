import type { Migration } from '../../../db/migrations/migration';

/**
 * The columns of every synced table at this version (src-shared/sync/tables.ts). The capture
 * triggers copy whole rows, so a later migration that adds a column must re-create them —
 * the migration test compares these lists with the live tables to make that impossible to miss.
 */
export const CAPTURED_COLUMNS_V10: Readonly<Record<string, readonly string[]>> = {
  university: ['id', 'name_ky', 'name_ru', 'name_en', 'okpo', 'version', 'updated_at'],
  faculty: ['id', 'university_id', 'code', 'name_ky', 'name_ru', 'name_en', 'version', 'updated_at'],
  chair: ['id', 'faculty_id', 'name_ky', 'name_ru', 'name_en', 'version', 'updated_at'],
  specialty: ['id', 'faculty_id', 'code', 'name_ky', 'name_ru', 'name_en', 'level', 'duration_years', 'version', 'updated_at'],
  student_group: ['id', 'faculty_id', 'specialty_id', 'name', 'form', 'intake_year', 'course', 'language', 'version', 'updated_at'],
  app_user: ['id', 'username', 'password_hash', 'role', 'faculty_id', 'display_name', 'active', 'version', 'created_at', 'updated_at'],
  position: ['id', 'category', 'name_ky', 'name_ru', 'name_en'],
  staff: ['id', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'pin', 'citizenship', 'degree', 'title', 'hire_date', 'leave_date', 'last_training_date', 'version', 'updated_at'],
  staff_position: ['id', 'staff_id', 'position_id', 'faculty_id', 'chair_id', 'rate', 'employment_type', 'start_date', 'end_date', 'version', 'updated_at'],
  discipline: ['id', 'chair_id', 'name_ky', 'name_ru', 'name_en', 'version', 'updated_at'],
  curriculum: ['id', 'specialty_id', 'intake_year', 'form', 'version', 'updated_at'],
  curriculum_item: ['id', 'curriculum_id', 'discipline_id', 'semester', 'credits', 'hours', 'control_form', 'version', 'updated_at'],
  academic_year: ['id', 'starts_on', 'ends_on'],
  academic_session: ['id', 'academic_year_id', 'faculty_id', 'term', 'starts_on', 'ends_on', 'entry_opens_on', 'entry_closes_on', 'version', 'updated_at'],
  grading_scale: ['id', 'from_academic_year_id', 'version', 'scale_json', 'created_by', 'created_at'],
  student: [
    'id', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'pin', 'citizenship', 'record_book_no', 'group_id', 'funding',
    'base_education', 'admission_year', 'status', 'flag_disability', 'flag_orphan', 'flag_targeted', 'flag_dormitory', 'flag_quota_foreigner',
    'search_text', 'version', 'created_at', 'updated_at', 'course',
  ],
  student_order: [
    'id', 'type', 'state', 'faculty_id', 'year', 'seq', 'number', 'order_date', 'effective_date', 'reason', 'expulsion_reason',
    'cancels_order_id', 'cancelled_by_order_id', 'created_by', 'signed_by', 'signed_at', 'version', 'created_at', 'updated_at',
  ],
  student_order_item: [
    'id', 'order_id', 'student_id', 'position', 'target_group_id', 'target_course', 'target_funding', 'leave_from', 'leave_to', 'honours',
    'new_last_name', 'new_first_name', 'new_patronymic', 'before_json', 'after_json',
  ],
  student_status_history: [
    'id', 'student_id', 'effective_date', 'kind', 'status', 'group_id', 'course', 'form', 'funding', 'last_name', 'first_name', 'patronymic',
    'order_no', 'order_date', 'created_at', 'order_id', 'order_item_id', 'voided_by_order_id',
  ],
  registration: ['id', 'student_id', 'curriculum_item_id', 'academic_year_id', 'term', 'group_id', 'source', 'created_at'],
  grade_sheet: [
    'id', 'academic_year_id', 'seq', 'number', 'session_id', 'faculty_id', 'group_id', 'curriculum_item_id', 'kind', 'attempt',
    'parent_sheet_id', 'examiner_staff_id', 'exam_date', 'scale_id', 'state', 'closed_at', 'closed_by', 'version', 'created_at', 'updated_at',
  ],
  grade: ['id', 'sheet_id', 'student_id', 'position', 'parts_json', 'mark', 'total', 'letter', 'version', 'updated_at', 'updated_by'],
  grade_entry_exception: ['id', 'sheet_id', 'opens_on', 'closes_on', 'reason', 'created_by', 'created_at'],
};

const rowJson = (alias: 'NEW' | 'OLD', cols: readonly string[]) => `json_object(${cols.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;

/** Installs (or re-creates) the capture triggers for the columns listed; enrolment calls it. */
export function installCaptureTriggers(sqlite: { exec(sql: string): unknown }, columns: Readonly<Record<string, readonly string[]>> = CAPTURED_COLUMNS_V10): void {
  sqlite.exec(captureTriggersSql(columns));
}

/** AFTER INSERT/UPDATE/DELETE triggers writing the whole row into sync_change while capture is on. */
export function captureTriggersSql(columns: Readonly<Record<string, readonly string[]>>): string {
  const on = `(SELECT capture FROM sync_control WHERE id = 1) = 1`;
  return Object.entries(columns)
    .map(([t, cols]) =>
      [
        `DROP TRIGGER IF EXISTS sync_capture_${t}_insert;`,
        `DROP TRIGGER IF EXISTS sync_capture_${t}_update;`,
        `DROP TRIGGER IF EXISTS sync_capture_${t}_delete;`,
        `CREATE TRIGGER sync_capture_${t}_insert AFTER INSERT ON ${t} WHEN ${on} BEGIN
  INSERT INTO sync_change (table_name, row_id, op, values_json, old_json) VALUES ('${t}', NEW.id, 'insert', ${rowJson('NEW', cols)}, NULL);
END;`,
        // an UPDATE that changes nothing (e.g. a version-guarded no-op) is not a change to sync
        `CREATE TRIGGER sync_capture_${t}_update AFTER UPDATE ON ${t} WHEN ${on} AND ${rowJson('NEW', cols)} IS NOT ${rowJson('OLD', cols)} BEGIN
  INSERT INTO sync_change (table_name, row_id, op, values_json, old_json) VALUES ('${t}', NEW.id, 'update', ${rowJson('NEW', cols)}, ${rowJson('OLD', cols)});
END;`,
        `CREATE TRIGGER sync_capture_${t}_delete AFTER DELETE ON ${t} WHEN ${on} BEGIN
  INSERT INTO sync_change (table_name, row_id, op, values_json, old_json) VALUES ('${t}', OLD.id, 'delete', NULL, ${rowJson('OLD', cols)});
END;`,
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Sync's own bookkeeping on the device (docs/sync.md): the enrolment and cursor, the rows each
 * local transaction wrote (captured by triggers, so no service can forget one), and the
 * "Needs attention" list. The capture triggers are installed by enrolment (installCaptureTriggers):
 * a replica that never syncs pays nothing — even a trigger whose WHEN is false costs each
 * insert, and the demo or an import writes hundreds of thousands of rows.
 */
export const m0010Sync: Migration = {
  version: 10,
  name: 'sync',
  up: `
CREATE TABLE sync_control (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  capture INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1))
) STRICT;
INSERT INTO sync_control (id, capture) VALUES (1, 0);

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL,
  token TEXT NOT NULL,
  role TEXT NOT NULL,
  scope_json TEXT NOT NULL,
  -- outbox entries up to here were made before enrolment: the server's snapshot replaced them
  baseline_seq INTEGER NOT NULL,
  cursor TEXT NOT NULL DEFAULT '0',
  bootstrapped INTEGER NOT NULL DEFAULT 0,
  enrolled_at TEXT NOT NULL,
  last_success_at TEXT,
  last_attempt_at TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT
) STRICT;

CREATE TABLE sync_change (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tx_id TEXT,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  values_json TEXT,
  old_json TEXT
) STRICT;
CREATE INDEX sync_change_tx_idx ON sync_change(tx_id, seq);
CREATE INDEX sync_change_row_idx ON sync_change(table_name, row_id);

CREATE TABLE sync_issue (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('rejected', 'conflict')),
  outbox_seq INTEGER NOT NULL,
  mutation_name TEXT NOT NULL,
  user_id TEXT,
  table_name TEXT,
  row_id TEXT,
  code TEXT,
  message TEXT,
  -- what this device wanted, and what the server holds (conflicts: per field, with who and when)
  device_json TEXT,
  server_json TEXT,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs', 'dismissed'))
) STRICT;
CREATE INDEX sync_issue_open_idx ON sync_issue(resolved_at, created_at);
`,
};
