/**
 * Which rows each role may read and write: the one scope policy (issue 10). Permissions
 * (roles.ts) say which operations a role may call; this table says which rows those
 * operations reach. Main applies it through one query helper (src-main/db/scope-query.ts)
 * and one check (src-main/features/scope.ts); nothing else in main or on the server decides
 * scope by role name.
 */
import type { Role } from './roles';

export const RESOURCES = [
  'students',
  'groups',
  'gradeSheets',
  'orders',
  'curricula',
  'gradingScale',
  'audit',
  // the offices coming next
  'staff',
  'hrOrders',
  'tariffs',
  'contracts',
  'ledgerEntries',
  'documentsIssued',
  'reports',
] as const;
export type Resource = (typeof RESOURCES)[number];
export type ScopeAction = 'read' | 'write';

/**
 * none: no rows; all: every row; ownFaculty: rows of the user's faculty (a user with no
 * faculty gets none); contractStudents: rows of contract-funded students (and rows that belong
 * to no student, such as a tariff).
 */
export type ScopeRule = 'none' | 'all' | 'ownFaculty' | 'contractStudents';

type Grants = Partial<Record<Resource, { read: ScopeRule; write: ScopeRule }>>;
const R = (read: ScopeRule, write: ScopeRule = 'none') => ({ read, write });

/** The table. A resource a role does not list is 'none' for it. */
export const SCOPE_POLICY: Record<Role, Grants> = {
  // a dean's office works inside its faculty (DOMAIN.md §1)
  clerk: { students: R('ownFaculty', 'ownFaculty'), groups: R('ownFaculty'), gradeSheets: R('ownFaculty', 'ownFaculty'), orders: R('ownFaculty', 'ownFaculty'), curricula: R('all'), documentsIssued: R('ownFaculty', 'ownFaculty') },
  students_hr: { students: R('all', 'all'), groups: R('all'), orders: R('all', 'all'), curricula: R('all') },
  hr: { staff: R('all', 'all'), hrOrders: R('all', 'all'), reports: R('all') },
  planning_finance: { staff: R('all'), tariffs: R('all'), reports: R('all', 'all') },
  // accounting serves the people who pay
  accountant: { students: R('contractStudents'), groups: R('all'), tariffs: R('all', 'all'), contracts: R('contractStudents', 'contractStudents'), ledgerEntries: R('contractStudents', 'contractStudents'), reports: R('all') },
  registrar: { students: R('all'), groups: R('all'), gradeSheets: R('all'), orders: R('all'), curricula: R('all'), documentsIssued: R('all', 'all') },
  teaching: { students: R('all'), groups: R('all'), gradeSheets: R('all'), curricula: R('all', 'all'), reports: R('all') },
  // the administrator sees everything and keeps university-wide data (the grading scale)
  admin: {
    students: R('all', 'all'),
    groups: R('all'),
    // opening entry for one sheet after its window closed is a write (an exception, with a reason)
    gradeSheets: R('all', 'all'),
    orders: R('all'),
    curricula: R('all'),
    gradingScale: R('all', 'all'),
    audit: R('all'),
    documentsIssued: R('all'),
    reports: R('all'),
  },
};

/** A rule made concrete for one user: what a query filters on. */
export type RowScope = { kind: 'none' } | { kind: 'all' } | { kind: 'faculty'; facultyId: string } | { kind: 'contract' };

export interface Actor {
  role: Role;
  facultyId: string | null;
}

export function ruleOf(role: Role, resource: Resource, action: ScopeAction): ScopeRule {
  return SCOPE_POLICY[role][resource]?.[action] ?? 'none';
}

export function scopeOf(actor: Actor, resource: Resource, action: ScopeAction): RowScope {
  switch (ruleOf(actor.role, resource, action)) {
    case 'all':
      return { kind: 'all' };
    case 'ownFaculty':
      return actor.facultyId ? { kind: 'faculty', facultyId: actor.facultyId } : { kind: 'none' };
    case 'contractStudents':
      return { kind: 'contract' };
    case 'none':
      return { kind: 'none' };
  }
}

/** What a row says about itself for the policy: its faculty, and its student's funding when it has one. */
export interface ScopedRow {
  facultyId: string | null;
  funding?: string | null;
}

export function rowInScope(scope: RowScope, row: ScopedRow): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'faculty':
      return row.facultyId === scope.facultyId;
    case 'contract':
      // a row of no student (a tariff) is everyone's in accounting; a student's only if they pay
      return row.funding === undefined || row.funding === 'contract';
  }
}

/** The faculty a user's work is limited to for a resource, or null when it spans the university. */
export function facultyLimit(actor: Actor, resource: Resource, action: ScopeAction = 'read'): string | null {
  const s = scopeOf(actor, resource, action);
  return s.kind === 'faculty' ? s.facultyId : null;
}

/** Roles whose accounts must name a faculty: those the policy limits to one. */
export function roleNeedsFaculty(role: Role): boolean {
  return Object.values(SCOPE_POLICY[role]).some((g) => g.read === 'ownFaculty' || g.write === 'ownFaculty');
}

/**
 * The rows a workstation of this role keeps in its replica and may send (the sync server's
 * device scope): what it may read of students. Offices that read no students (HR,
 * planning-finance) get only the university-wide rows.
 */
export type DeviceScopeKind = 'all' | 'faculty' | 'contract' | 'hr';
export function deviceScopeKindOf(role: Role): DeviceScopeKind {
  switch (ruleOf(role, 'students', 'read')) {
    case 'all':
      return 'all';
    case 'ownFaculty':
      return 'faculty';
    case 'contractStudents':
      return 'contract';
    case 'none':
      return 'hr';
  }
}
