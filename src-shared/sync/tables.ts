/**
 * What syncs, how conflicts are settled and who may push what (docs/sync.md, "Policies").
 * One table for both sides: the device installs its change-capture triggers from it, the
 * server authorizes and merges with it.
 */
import type { Permission } from '../domain/roles';

/**
 * - `reference`: university-wide data kept by one office; a change applies when its base
 *   version is the server's, otherwise the device is told it was changed elsewhere.
 * - `field-merge`: people's records; each changed field is applied on its own (different
 *   fields changed on two devices both survive; the same field: the later push wins, and
 *   the overwritten value stays in the server's change log).
 * - `grade`: never last-write-wins. A stale base version with a different value becomes a
 *   conflict a person resolves; the server keeps its value until then.
 * - `append`: rows with client-generated ids that are only added (history, registrations,
 *   exceptions); a row the server already has is a duplicate, not a conflict.
 * - `versioned`: documents with a lifecycle (orders): a change needs the server's version,
 *   else it is refused and the server's row comes back to the device. (Grade sheets merge
 *   per field instead: two clerks entering different students' grades both touch the sheet.)
 */
export type SyncPolicy = 'reference' | 'field-merge' | 'grade' | 'append' | 'versioned';

/** How the server finds the faculty a row belongs to (null: the whole university sees it). */
export type ScopeRule =
  | { kind: 'university' }
  | { kind: 'column'; column: string }
  /** the faculty of the row this column points at, in `table` (itself scoped) */
  | { kind: 'via'; column: string; table: string };

export interface SyncTable {
  name: string;
  policy: SyncPolicy;
  scope: ScopeRule;
  /** a student row counts as "contract" (accounting's scope) by this column */
  contractColumn?: string;
}

/**
 * Every synced table has a text `id` key. (Countries, study forms and roles are not here:
 * each replica gets them from its migrations.) In dependency order: a parent before the rows that point at it (bootstrap and pull apply in this order). */
export const SYNC_TABLES: readonly SyncTable[] = [
  { name: 'university', policy: 'reference', scope: { kind: 'university' } },
  { name: 'faculty', policy: 'reference', scope: { kind: 'university' } },
  { name: 'chair', policy: 'reference', scope: { kind: 'university' } },
  { name: 'specialty', policy: 'reference', scope: { kind: 'university' } },
  // groups belong to a faculty: a student's faculty is found through its group
  { name: 'student_group', policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } },
  { name: 'app_user', policy: 'reference', scope: { kind: 'university' } },
  { name: 'position', policy: 'reference', scope: { kind: 'university' } },
  { name: 'staff', policy: 'field-merge', scope: { kind: 'university' } },
  { name: 'staff_position', policy: 'field-merge', scope: { kind: 'university' } },
  { name: 'discipline', policy: 'reference', scope: { kind: 'university' } },
  { name: 'curriculum', policy: 'reference', scope: { kind: 'university' } },
  { name: 'curriculum_item', policy: 'reference', scope: { kind: 'university' } },
  { name: 'academic_year', policy: 'append', scope: { kind: 'university' } },
  { name: 'academic_session', policy: 'reference', scope: { kind: 'university' } },
  { name: 'grading_scale', policy: 'append', scope: { kind: 'university' } },
  { name: 'student', policy: 'field-merge', scope: { kind: 'via', column: 'group_id', table: 'student_group' }, contractColumn: 'funding' },
  { name: 'student_order', policy: 'versioned', scope: { kind: 'column', column: 'faculty_id' } },
  { name: 'student_order_item', policy: 'versioned', scope: { kind: 'via', column: 'order_id', table: 'student_order' } },
  { name: 'student_status_history', policy: 'append', scope: { kind: 'via', column: 'student_id', table: 'student' } },
  { name: 'registration', policy: 'append', scope: { kind: 'via', column: 'group_id', table: 'student_group' } },
  { name: 'grade_sheet', policy: 'field-merge', scope: { kind: 'column', column: 'faculty_id' } },
  { name: 'grade', policy: 'grade', scope: { kind: 'via', column: 'sheet_id', table: 'grade_sheet' } },
  { name: 'grade_entry_exception', policy: 'append', scope: { kind: 'via', column: 'sheet_id', table: 'grade_sheet' } },
];

export const SYNC_TABLE_NAMES: ReadonlySet<string> = new Set(SYNC_TABLES.map((t) => t.name));
export const syncTable = (name: string): SyncTable | undefined => SYNC_TABLES.find((t) => t.name === name);

/** Columns that are a device's own bookkeeping, never sent: the search index is rebuilt locally. */
export const LOCAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {};

export interface MutationRule {
  permission: Permission;
  /** the tables a transaction carrying this mutation may write */
  tables: readonly string[];
}

/**
 * Every mutation name a device may push. The server re-authorizes each against the device's
 * role and refuses row changes to tables none of the transaction's mutations may write.
 */
export const MUTATION_RULES: Readonly<Record<string, MutationRule>> = {
  'student.update': { permission: 'students.write', tables: ['student'] },
  'order.save': { permission: 'orders.draft', tables: ['student_order', 'student_order_item'] },
  'order.delete': { permission: 'orders.draft', tables: ['student_order', 'student_order_item'] },
  'order.sign': {
    permission: 'orders.sign',
    tables: ['student_order', 'student_order_item', 'student', 'student_status_history', 'student_group'],
  },
  'registration.add': { permission: 'grades.enter', tables: ['registration', 'grade', 'grade_sheet'] },
  'registration.remove': { permission: 'grades.enter', tables: ['registration', 'grade'] },
  'grade.add': { permission: 'grades.enter', tables: ['grade', 'grade_sheet'] },
  'grade.remove': { permission: 'grades.enter', tables: ['grade'] },
  'grade.set': { permission: 'grades.enter', tables: ['grade', 'grade_sheet'] },
  'gradeSheet.create': { permission: 'grades.enter', tables: ['grade_sheet', 'grade'] },
  'gradeSheet.close': { permission: 'grades.enter', tables: ['grade_sheet'] },
  'gradeSheet.examiner': { permission: 'grades.enter', tables: ['grade_sheet'] },
  'gradeSheet.exception': { permission: 'grades.exception', tables: ['grade_entry_exception'] },
  'curriculum.create': { permission: 'curricula.edit', tables: ['curriculum', 'curriculum_item'] },
  'curriculum_item.set': { permission: 'curricula.edit', tables: ['curriculum_item'] },
  'curriculum_item.remove': { permission: 'curricula.edit', tables: ['curriculum_item'] },
  'discipline.create': { permission: 'curricula.edit', tables: ['discipline'] },
  'grading_scale.save': { permission: 'grades.scale', tables: ['grading_scale', 'academic_year'] },
  'academic_year.add': { permission: 'grades.scale', tables: ['academic_year'] },
  /** a person settling a conflict or a refusal from the "Needs attention" list */
  'sync.resolve': { permission: 'grades.enter', tables: ['grade'] },
};
