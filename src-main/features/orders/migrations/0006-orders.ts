import type { Migration } from '../../../db/migrations/migration';

/**
 * Orders drive every status change (DOMAIN.md §4). A student's course becomes their own
 * (it was the group's): students of one group can be on different courses after a leave,
 * and the history must say what course each was on.
 */
export const m0006Orders: Migration = {
  version: 6,
  name: 'orders',
  up: `
CREATE TABLE student_order (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('enrolment', 'promotion', 'transfer', 'academic_leave', 'return_from_leave',
    'expulsion', 'reinstatement', 'graduation', 'name_change', 'cancellation')),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signed', 'cancelled')),
  -- the faculty a draft belongs to (a clerk drafts for their faculty only); NULL: university-wide
  faculty_id TEXT REFERENCES faculty(id),
  -- numbering: unique per year and type series, given on signing
  year INTEGER,
  seq INTEGER,
  number TEXT,
  order_date TEXT,
  effective_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  expulsion_reason TEXT CHECK (expulsion_reason IS NULL OR expulsion_reason IN ('own_wish', 'academic_failure',
    'non_payment', 'attendance', 'transfer_out')),
  cancels_order_id TEXT REFERENCES student_order(id),
  cancelled_by_order_id TEXT REFERENCES student_order(id),
  created_by TEXT REFERENCES app_user(id),
  signed_by TEXT REFERENCES app_user(id),
  signed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (year, type, seq),
  CHECK (state = 'draft' OR (number IS NOT NULL AND order_date IS NOT NULL AND seq IS NOT NULL)),
  CHECK (type <> 'expulsion' OR expulsion_reason IS NOT NULL),
  CHECK (type <> 'cancellation' OR cancels_order_id IS NOT NULL)
) STRICT;
CREATE INDEX student_order_state_idx ON student_order(state, order_date);
CREATE INDEX student_order_faculty_idx ON student_order(faculty_id);

CREATE TABLE student_order_item (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES student_order(id) ON DELETE CASCADE,
  student_id TEXT NOT NULL REFERENCES student(id),
  position INTEGER NOT NULL,
  -- parameters; which apply depends on the order type
  target_group_id TEXT REFERENCES student_group(id),
  target_course INTEGER CHECK (target_course IS NULL OR target_course BETWEEN 1 AND 6),
  target_funding TEXT CHECK (target_funding IS NULL OR target_funding IN ('budget', 'contract')),
  leave_from TEXT,
  leave_to TEXT,
  honours INTEGER NOT NULL DEFAULT 0 CHECK (honours IN (0, 1)),
  new_last_name TEXT,
  new_first_name TEXT,
  new_patronymic TEXT,
  -- the student's state just before and just after, fixed on signing (for documents and audit)
  before_json TEXT,
  after_json TEXT,
  UNIQUE (order_id, student_id)
) STRICT;
CREATE INDEX student_order_item_student_idx ON student_order_item(student_id);

ALTER TABLE student ADD COLUMN course INTEGER NOT NULL DEFAULT 1 CHECK (course BETWEEN 1 AND 6);
UPDATE student SET course = (SELECT g.course FROM student_group g WHERE g.id = student.group_id);

ALTER TABLE student_status_history ADD COLUMN order_id TEXT REFERENCES student_order(id);
ALTER TABLE student_status_history ADD COLUMN order_item_id TEXT REFERENCES student_order_item(id);
-- a cancelled order's rows stay for the record but no longer count in as-of answers
ALTER TABLE student_status_history ADD COLUMN voided_by_order_id TEXT REFERENCES student_order(id);
-- "state on date D" seeks the latest live row per student; covering, so no table reads
CREATE INDEX student_status_history_live_idx ON student_status_history(student_id, effective_date)
  WHERE voided_by_order_id IS NULL;
`,
};
