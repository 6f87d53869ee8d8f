/**
 * The demo generator's SQL: plain prepared statements, one per table it fills, run inside the
 * generator's single transaction (a fresh file, 40,000 students and their history: Kysely's
 * per-row compilation would cost seconds here and buy nothing).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../db/connection';

/** Runs one prepared INSERT with its values in column order. */
export type Insert = (...values: unknown[]) => void;

function insert(sqlite: BetterSqlite3.Database, table: string, columns: string[], tail = ''): Insert {
  const st = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${tail}`);
  return (...values) => void st.run(...values);
}

/**
 * An INSERT for the millions of rows of the grade history: rows are buffered and written
 * `size` at a time by one multi-row statement (the per-statement cost, not SQLite's B-trees,
 * dominated single-row inserts there). `flush` writes the rest; call it before reading back.
 */
export interface BulkInsert {
  add: Insert;
  flush(): void;
}

function bulkInsert(sqlite: BetterSqlite3.Database, table: string, columns: string[], size = 100): BulkInsert {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const many = sqlite.prepare(head + Array.from({ length: size }, () => row).join(', '));
  const one = sqlite.prepare(head + row);
  let buffer: unknown[] = [];
  let rows = 0;
  return {
    add(...values) {
      for (const v of values) buffer.push(v);
      if (++rows === size) {
        many.run(buffer);
        buffer = [];
        rows = 0;
      }
    },
    flush() {
      for (let i = 0; i < rows; i++) one.run(buffer.slice(i * columns.length, (i + 1) * columns.length));
      buffer = [];
      rows = 0;
    },
  };
}

/** Prepares the statements once per generation. */
export function demoStore(db: Database) {
  const sqlite = db.sqlite;
  return {
    university: insert(sqlite, 'university', ['id', 'name_ky', 'name_ru', 'name_en', 'okpo', 'updated_at']),
    faculty: insert(sqlite, 'faculty', ['id', 'university_id', 'code', 'name_ky', 'name_ru', 'name_en', 'updated_at']),
    chair: insert(sqlite, 'chair', ['id', 'faculty_id', 'name_ky', 'name_ru', 'name_en', 'updated_at']),
    specialty: insert(sqlite, 'specialty', ['id', 'faculty_id', 'code', 'name_ky', 'name_ru', 'name_en', 'level', 'duration_years', 'updated_at']),
    group: insert(sqlite, 'student_group', ['id', 'faculty_id', 'specialty_id', 'name', 'form', 'intake_year', 'course', 'language', 'updated_at']),
    position: insert(sqlite, 'position', ['id', 'category', 'name_ky', 'name_ru', 'name_en']),
    academicYear: insert(sqlite, 'academic_year', ['id', 'starts_on', 'ends_on']),
    session: insert(sqlite, 'academic_session', ['id', 'academic_year_id', 'faculty_id', 'term', 'starts_on', 'ends_on', 'entry_opens_on', 'entry_closes_on', 'updated_at']),
    staff: insert(sqlite, 'staff', ['id', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'pin', 'citizenship', 'degree', 'title', 'hire_date', 'leave_date', 'last_training_date', 'updated_at']),
    staffPosition: insert(sqlite, 'staff_position', ['id', 'staff_id', 'position_id', 'faculty_id', 'chair_id', 'rate', 'employment_type', 'start_date', 'end_date', 'updated_at']),
    discipline: insert(sqlite, 'discipline', ['id', 'chair_id', 'name_ky', 'name_ru', 'name_en', 'updated_at']),
    curriculum: insert(sqlite, 'curriculum', ['id', 'specialty_id', 'intake_year', 'form', 'updated_at']),
    curriculumItem: insert(sqlite, 'curriculum_item', ['id', 'curriculum_id', 'discipline_id', 'semester', 'credits', 'hours', 'control_form', 'updated_at']),
    student: insert(sqlite, 'student', [
      'id', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'pin', 'citizenship', 'record_book_no', 'group_id', 'course', 'funding', 'base_education',
      'admission_year', 'status', 'flag_disability', 'flag_orphan', 'flag_targeted', 'flag_dormitory', 'flag_quota_foreigner', 'search_text', 'created_at', 'updated_at',
    ]),
    history: insert(sqlite, 'student_status_history', [
      'id', 'student_id', 'effective_date', 'kind', 'status', 'group_id', 'course', 'form', 'funding', 'last_name', 'first_name', 'patronymic', 'order_no', 'order_date',
      'created_at', 'order_id', 'order_item_id',
    ]),
    order: insert(sqlite, 'student_order', [
      'id', 'type', 'state', 'faculty_id', 'year', 'seq', 'number', 'order_date', 'effective_date', 'reason', 'reason_ru', 'expulsion_reason', 'created_by', 'signed_by', 'signed_at',
      'version', 'created_at', 'updated_at',
    ]),
    orderItem: insert(sqlite, 'student_order_item', [
      'id', 'order_id', 'student_id', 'position', 'target_group_id', 'target_course', 'target_funding', 'leave_from', 'leave_to', 'honours', 'before_json', 'after_json',
    ]),
    gradingScale: insert(sqlite, 'grading_scale', ['id', 'from_academic_year_id', 'scale_json', 'created_by', 'created_at']),
    registration: insert(sqlite, 'registration', ['id', 'student_id', 'curriculum_item_id', 'academic_year_id', 'term', 'group_id', 'source', 'created_at']),
    gradeSheet: insert(sqlite, 'grade_sheet', [
      'id', 'academic_year_id', 'seq', 'number', 'session_id', 'faculty_id', 'group_id', 'curriculum_item_id', 'kind', 'attempt', 'parent_sheet_id', 'exam_date', 'scale_id',
      'state', 'closed_at', 'closed_by', 'version', 'created_at', 'updated_at',
    ]),
    grade: bulkInsert(sqlite, 'grade', ['id', 'sheet_id', 'student_id', 'position', 'parts_json', 'mark', 'total', 'letter', 'updated_at', 'updated_by']),
    user: insert(sqlite, 'app_user', ['id', 'username', 'password_hash', 'role', 'faculty_id', 'display_name', 'created_at', 'updated_at']),
    setting: insert(sqlite, 'settings', ['key', 'value'], ' ON CONFLICT (key) DO UPDATE SET value = excluded.value'),

    /** Every curriculum item with what picks it: specialty, cohort, form and semester. */
    curriculumItemsAll(): { id: string; specialty_id: string; intake_year: number; form: string; semester: number; control_form: string }[] {
      return sqlite
        .prepare(
          `SELECT ci.id, c.specialty_id, c.intake_year, c.form, ci.semester, ci.control_form
           FROM curriculum_item ci JOIN curriculum c ON c.id = ci.curriculum_id ORDER BY ci.rowid`,
        )
        .all() as never;
    },

    studentNames(): { id: string; last_name: string; first_name: string; patronymic: string | null }[] {
      return sqlite.prepare('SELECT id, last_name, first_name, patronymic FROM student ORDER BY rowid').all() as never;
    },

    /** Every student's live history rows in the order they took effect. */
    liveHistory(): { student_id: string; effective_date: string; status: string; group_id: string; course: number }[] {
      return sqlite
        .prepare(
          `SELECT student_id, effective_date, status, group_id, course FROM student_status_history
           WHERE voided_by_order_id IS NULL ORDER BY student_id, effective_date, rowid`,
        )
        .all() as never;
    },

    /** Each active student with the disciplines of their first term this year (their curriculum's). */
    firstTermOfferings(): { student_id: string; item_id: string; group_id: string }[] {
      return sqlite
        .prepare(
          `SELECT s.id AS student_id, ci.id AS item_id, g.id AS group_id
           FROM student s
           JOIN student_group g ON g.id = s.group_id
           JOIN curriculum c ON c.specialty_id = g.specialty_id AND c.intake_year = g.intake_year AND c.form = g.form
           JOIN curriculum_item ci ON ci.curriculum_id = c.id AND ci.semester = (s.course - 1) * 2 + 1
           WHERE s.status = 'active'
           ORDER BY s.id, ci.semester, ci.id`,
        )
        .all() as { student_id: string; item_id: string; group_id: string }[];
    },
  };
}
export type DemoStore = ReturnType<typeof demoStore>;

/** The university's name when the file already has one (the demo only fills an empty file). */
export function existingUniversity(db: Database): string | null {
  return (db.sqlite.prepare('SELECT name_ru FROM university LIMIT 1').get() as { name_ru: string } | undefined)?.name_ru ?? null;
}

/** The generator's single transaction, taking the write lock at its start (BEGIN IMMEDIATE). */
export function inImmediateTransaction<T>(db: Database, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate();
}
