/**
 * Hand-kept Kysely table types, one interface per table of ./migrations. The migration tests
 * compare these column lists with the real schema, so the two cannot drift silently.
 */
import type { Generated } from 'kysely';

type Flag = 0 | 1;

export interface SettingsTable {
  key: string;
  value: string;
}
export interface UniversityTable {
  id: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  okpo: string | null;
  version: Generated<number>;
  updated_at: string;
}
export interface FacultyTable {
  id: string;
  university_id: string;
  code: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  version: Generated<number>;
  updated_at: string;
}
export interface ChairTable {
  id: string;
  faculty_id: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  version: Generated<number>;
  updated_at: string;
}
export interface SpecialtyTable {
  id: string;
  faculty_id: string;
  code: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  level: string;
  duration_years: number;
  version: Generated<number>;
  updated_at: string;
}
export interface NamedCodeTable {
  code: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
}
export interface StudentGroupTable {
  id: string;
  faculty_id: string;
  specialty_id: string;
  name: string;
  form: string;
  intake_year: number;
  course: number;
  language: string;
  version: Generated<number>;
  updated_at: string;
}
export interface StudentTable {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  sex: string;
  birth_date: string;
  pin: string | null;
  citizenship: string;
  record_book_no: string;
  group_id: string;
  funding: string;
  base_education: string;
  admission_year: number;
  status: string;
  flag_disability: Generated<Flag>;
  flag_orphan: Generated<Flag>;
  flag_targeted: Generated<Flag>;
  flag_dormitory: Generated<Flag>;
  flag_quota_foreigner: Generated<Flag>;
  search_text: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  course: Generated<number>;
  /** the passport's Latin spelling (0017); null: transliterate */
  latin_name: string | null;
}
export interface StudentStatusHistoryTable {
  id: string;
  student_id: string;
  effective_date: string;
  kind: string;
  status: string;
  group_id: string;
  course: number;
  form: string;
  funding: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  order_no: string | null;
  order_date: string | null;
  created_at: string;
  order_id: string | null;
  order_item_id: string | null;
  voided_by_order_id: string | null;
}
export interface StudentOrderTable {
  id: string;
  type: string;
  state: Generated<string>;
  faculty_id: string | null;
  year: number | null;
  seq: number | null;
  number: string | null;
  order_date: string | null;
  effective_date: string;
  reason: Generated<string>;
  expulsion_reason: string | null;
  cancels_order_id: string | null;
  cancelled_by_order_id: string | null;
  created_by: string | null;
  signed_by: string | null;
  signed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** the basis in Russian; `reason` is the Kyrgyz one (NULL: written before 0014) */
  reason_ru: string | null;
}
export interface StudentOrderItemTable {
  id: string;
  order_id: string;
  student_id: string;
  position: number;
  target_group_id: string | null;
  target_course: number | null;
  target_funding: string | null;
  leave_from: string | null;
  leave_to: string | null;
  honours: Generated<0 | 1>;
  new_last_name: string | null;
  new_first_name: string | null;
  new_patronymic: string | null;
  before_json: string | null;
  after_json: string | null;
}
export interface PositionTable {
  id: string;
  category: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  /** place among the visas of students' orders; null: no visa */
  order_visa: number | null;
}
export interface StaffTable {
  id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  sex: string;
  birth_date: string;
  pin: string | null;
  citizenship: string;
  degree: string | null;
  title: string | null;
  hire_date: string;
  leave_date: string | null;
  last_training_date: string | null;
  version: Generated<number>;
  updated_at: string;
}
export interface StaffPositionTable {
  id: string;
  staff_id: string;
  position_id: string;
  faculty_id: string | null;
  chair_id: string | null;
  rate: number;
  employment_type: string;
  start_date: string;
  end_date: string | null;
  version: Generated<number>;
  updated_at: string;
}
export interface DisciplineTable {
  id: string;
  chair_id: string | null;
  name_ky: string;
  name_ru: string;
  name_en: string;
  version: Generated<number>;
  updated_at: string;
}
export interface CurriculumTable {
  id: string;
  specialty_id: string;
  intake_year: number;
  form: string;
  version: Generated<number>;
  updated_at: string;
}
export interface CurriculumItemTable {
  id: string;
  curriculum_id: string;
  discipline_id: string;
  semester: number;
  credits: number;
  hours: number;
  control_form: string;
  version: Generated<number>;
  updated_at: string;
}
export interface AcademicYearTable {
  id: string;
  starts_on: string;
  ends_on: string;
}
export interface AcademicSessionTable {
  id: string;
  academic_year_id: string;
  faculty_id: string | null;
  term: string;
  starts_on: string;
  ends_on: string;
  entry_opens_on: string;
  entry_closes_on: string;
  version: Generated<number>;
  updated_at: string;
}
export interface AppUserTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  faculty_id: string | null;
  display_name: string;
  active: Generated<Flag>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  old_json: string | null;
  new_json: string | null;
  tx_id: string;
}
export interface OutboxTable {
  seq: Generated<number>;
  mutation_id: string;
  tx_id: string;
  name: string;
  entity: string;
  entity_id: string;
  payload_json: string;
  base_version: number | null;
  user_id: string | null;
  schema_version: number;
  created_at: string;
  state: Generated<string>;
  pushed_seq: number | null;
}

export interface SyncControlTable {
  id: number;
  capture: Generated<number>;
}
export interface SyncStateTable {
  id: number;
  server_url: string;
  device_id: string;
  device_name: string;
  token: string;
  role: string;
  scope_json: string;
  baseline_seq: number;
  cursor: Generated<string>;
  bootstrapped: Generated<number>;
  enrolled_at: string;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  failures: Generated<number>;
  next_attempt_at: string | null;
  incarnation: string | null;
  seq_shift: Generated<number>;
  confirmed_seq: Generated<number>;
  cursor_mark: string | null;
  server_restored_at: string | null;
  resent: Generated<number>;
  too_old: Generated<number>;
  needs_rebase: Generated<number>;
  next_incarnation: string | null;
}
export interface SyncSentMutationTable {
  mutation_id: string;
  outbox_seq: number;
  tx_id: string;
  name: string;
  entity: string;
  entity_id: string;
  payload_json: string;
  base_version: number | null;
  user_id: string | null;
  schema_version: number;
  created_at: string;
  answered_at: string;
}
export interface SyncSentTable {
  seq: number;
  tx_id: string;
  table_name: string;
  row_id: string;
  op: string;
  values_json: string | null;
  old_json: string | null;
  answered_at: string;
}
export interface SyncChangeTable {
  seq: Generated<number>;
  tx_id: string | null;
  table_name: string;
  row_id: string;
  op: string;
  values_json: string | null;
  old_json: string | null;
}
export interface SyncIssueTable {
  id: string;
  kind: string;
  outbox_seq: number | null;
  mutation_name: string | null;
  user_id: string | null;
  table_name: string | null;
  row_id: string | null;
  code: string | null;
  message: string | null;
  device_json: string | null;
  server_json: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface GradingScaleTable {
  id: string;
  from_academic_year_id: string;
  version: Generated<number>;
  scale_json: string;
  created_by: string | null;
  created_at: string;
}
export interface RegistrationTable {
  id: string;
  student_id: string;
  curriculum_item_id: string;
  academic_year_id: string;
  term: string;
  group_id: string;
  source: string;
  created_at: string;
}
export interface GradeSheetTable {
  id: string;
  academic_year_id: string;
  seq: number;
  number: string;
  session_id: string;
  faculty_id: string;
  group_id: string;
  curriculum_item_id: string;
  kind: string;
  attempt: number;
  parent_sheet_id: string | null;
  examiner_staff_id: string | null;
  exam_date: string | null;
  scale_id: string;
  state: Generated<string>;
  closed_at: string | null;
  closed_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export interface GradeTable {
  id: string;
  sheet_id: string;
  student_id: string;
  position: number;
  parts_json: Generated<string>;
  mark: string | null;
  total: number | null;
  letter: string | null;
  version: Generated<number>;
  updated_at: string;
  updated_by: string | null;
}
export interface GradeEntryExceptionTable {
  id: string;
  sheet_id: string;
  opens_on: string;
  closes_on: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

/** The register of issued documents (migration 0016): one row per certificate or transcript issued. */
export interface IssuedDocumentTable {
  id: string;
  number: string;
  series: string;
  seq: number;
  type: 'study' | 'academic' | 'transcript';
  student_id: string;
  faculty_id: string;
  issued_on: string;
  lang: 'ky' | 'ru' | 'en';
  purpose: Generated<string>;
  fields_json: string;
  content_hash: string;
  key_id: string;
  code: string;
  duplicate_of: string | null;
  issued_by: string | null;
  workstation: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
/** This workstation's signing keys (never synced); private_key is sealed at rest. */
export interface SigningKeyTable {
  key_id: string;
  series: string;
  certificate_json: string;
  private_key: string;
  created_at: string;
  retired_at: string | null;
}
export interface DB {
  settings: SettingsTable;
  university: UniversityTable;
  faculty: FacultyTable;
  chair: ChairTable;
  specialty: SpecialtyTable;
  study_form: NamedCodeTable;
  country: NamedCodeTable;
  student_group: StudentGroupTable;
  student: StudentTable;
  student_status_history: StudentStatusHistoryTable;
  position: PositionTable;
  staff: StaffTable;
  staff_position: StaffPositionTable;
  discipline: DisciplineTable;
  curriculum: CurriculumTable;
  curriculum_item: CurriculumItemTable;
  academic_year: AcademicYearTable;
  academic_session: AcademicSessionTable;
  role: NamedCodeTable;
  app_user: AppUserTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  student_order: StudentOrderTable;
  student_order_item: StudentOrderItemTable;
  grading_scale: GradingScaleTable;
  registration: RegistrationTable;
  grade_sheet: GradeSheetTable;
  grade: GradeTable;
  grade_entry_exception: GradeEntryExceptionTable;
  sync_control: SyncControlTable;
  sync_state: SyncStateTable;
  sync_change: SyncChangeTable;
  sync_sent: SyncSentTable;
  sync_sent_mutation: SyncSentMutationTable;
  sync_issue: SyncIssueTable;
  issued_document: IssuedDocumentTable;
  signing_key: SigningKeyTable;
}
