/**
 * Roles and what each may do (DOMAIN.md §1). This table is the single source: main enforces
 * it on every request, the renderer only uses it to hide what would be refused anyway.
 */
export const ROLES = [
  'clerk',
  'students_hr',
  'hr',
  'planning_finance',
  'accountant',
  'registrar',
  'teaching',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'students.read'
  | 'students.write'
  | 'audit.read'
  | 'orders.read'
  | 'orders.draft'
  | 'orders.sign'
  | 'grades.read'
  | 'grades.enter'
  | 'grades.exception'
  | 'curricula.read'
  | 'curricula.edit'
  | 'grades.scale'
  /** what every printed order carries: its approval visas (university-wide settings) */
  | 'documents.settings'
  /** certificates and transcripts entered in the register (a dean's office: transcripts of its faculty) */
  | 'documents.issue'
  /** certificates of study and academic certificates (the registrar's office, "single window") */
  | 'documents.certify'
  /** revoking an issued document (the registrar's) */
  | 'documents.revoke'
  /** every office sees how its workstation syncs with the server */
  | 'sync.view'
  /** backups of the workstation's own replica: every office keeps its own (audited) */
  | 'backup.manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  // a clerk drafts orders for their faculty; only students' HR signs them (DOMAIN.md §4)
  clerk: ['students.read', 'students.write', 'orders.read', 'orders.draft', 'grades.read', 'grades.enter', 'curricula.read', 'documents.issue', 'sync.view', 'backup.manage'],
  students_hr: ['students.read', 'students.write', 'orders.read', 'orders.draft', 'orders.sign', 'sync.view', 'backup.manage'],
  hr: ['sync.view', 'backup.manage'],
  planning_finance: ['sync.view', 'backup.manage'],
  accountant: ['students.read', 'sync.view', 'backup.manage'],
  registrar: ['students.read', 'orders.read', 'grades.read', 'curricula.read', 'documents.issue', 'documents.certify', 'documents.revoke', 'sync.view', 'backup.manage'],
  // the teaching department keeps the curricula (DOMAIN.md §1); the other offices only read them
  teaching: ['students.read', 'grades.read', 'curricula.read', 'curricula.edit', 'sync.view', 'backup.manage'],
  // the grading scale is university-wide data (DOMAIN.md §3): the administrator keeps it
  admin: ['students.read', 'students.write', 'audit.read', 'orders.read', 'grades.read', 'grades.exception', 'curricula.read', 'grades.scale', 'documents.settings', 'sync.view', 'backup.manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
