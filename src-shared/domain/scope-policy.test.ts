/**
 * The scope policy as a table: for every role, resource and action, whether a row of the
 * user's own faculty, of another faculty, a contract student's and a budget student's is
 * reachable. The expected table is written out here by hand, apart from the policy, so a
 * changed grant shows up as a changed line.
 */
import { describe, expect, it } from 'vitest';
import { can, ROLES, type Permission, type Role } from './roles';
import { deviceScopeKindOf, RESOURCES, roleNeedsFaculty, rowInScope, scopeOf, type Resource, type ScopeAction } from './scope-policy';

const OWN = 'F-ECON';
const actor = (role: Role) => ({ role, facultyId: OWN });
const ROWS = {
  own: { facultyId: OWN, funding: 'budget' },
  other: { facultyId: 'F-LAW', funding: 'budget' },
  contract: { facultyId: 'F-LAW', funding: 'contract' },
} as const;

/** What each role reaches: a letter per row kind (o: own faculty, x: other faculty, c: other faculty's contract student). */
type Reach = '' | 'o' | 'oxc' | 'c';
const EXPECTED: Record<Role, Partial<Record<Resource, [read: Reach, write: Reach]>>> = {
  clerk: { students: ['o', 'o'], groups: ['o', ''], gradeSheets: ['o', 'o'], orders: ['o', 'o'], curricula: ['oxc', ''], documentsIssued: ['o', 'o'] },
  students_hr: { students: ['oxc', 'oxc'], groups: ['oxc', ''], orders: ['oxc', 'oxc'], curricula: ['oxc', ''] },
  hr: { staff: ['oxc', 'oxc'], hrOrders: ['oxc', 'oxc'], reports: ['oxc', ''] },
  planning_finance: { staff: ['oxc', ''], tariffs: ['oxc', ''], reports: ['oxc', 'oxc'] },
  accountant: { students: ['c', ''], groups: ['oxc', ''], tariffs: ['oxc', 'oxc'], contracts: ['c', 'c'], ledgerEntries: ['c', 'c'], reports: ['oxc', ''] },
  registrar: { students: ['oxc', ''], groups: ['oxc', ''], gradeSheets: ['oxc', ''], orders: ['oxc', ''], curricula: ['oxc', ''], documentsIssued: ['oxc', 'oxc'] },
  teaching: { students: ['oxc', ''], groups: ['oxc', ''], gradeSheets: ['oxc', ''], curricula: ['oxc', 'oxc'], reports: ['oxc', ''] },
  admin: {
    students: ['oxc', 'oxc'],
    groups: ['oxc', ''],
    gradeSheets: ['oxc', 'oxc'],
    orders: ['oxc', ''],
    curricula: ['oxc', ''],
    gradingScale: ['oxc', 'oxc'],
    audit: ['oxc', ''],
    documentsIssued: ['oxc', ''],
    reports: ['oxc', ''],
  },
};

const cases = ROLES.flatMap((role) =>
  RESOURCES.flatMap((resource) =>
    (['read', 'write'] as ScopeAction[]).flatMap((action) =>
      (Object.keys(ROWS) as (keyof typeof ROWS)[]).map((row) => {
        const reach = EXPECTED[role][resource]?.[action === 'read' ? 0 : 1] ?? '';
        const letter = row === 'own' ? 'o' : row === 'other' ? 'x' : 'c';
        return { role, resource, action, row, allowed: reach.includes(letter) };
      }),
    ),
  ),
);

describe('the scope policy, role × resource × action × row', () => {
  it.each(cases)('$role $action $resource, $row row → $allowed', ({ role, resource, action, row, allowed }) => {
    expect(rowInScope(scopeOf(actor(role), resource, action), ROWS[row])).toBe(allowed);
  });

  it('gives a faculty-bound role with no faculty nothing, never everything', () => {
    expect(scopeOf({ role: 'clerk', facultyId: null }, 'students', 'read')).toEqual({ kind: 'none' });
    expect(rowInScope(scopeOf({ role: 'clerk', facultyId: null }, 'gradeSheets', 'write'), { facultyId: null })).toBe(false);
  });

  it('lets accounting reach rows of no student (a tariff) but only contract students among students', () => {
    const s = scopeOf(actor('accountant'), 'tariffs', 'write');
    expect(rowInScope(s, { facultyId: null })).toBe(true);
    expect(rowInScope(scopeOf(actor('accountant'), 'students', 'read'), { facultyId: null, funding: 'budget' })).toBe(false);
  });
});

/** Operations a permission opens, and the rows they need: a granted permission must reach some rows. */
const NEEDS: [Permission, Resource, ScopeAction][] = [
  ['students.read', 'students', 'read'],
  ['students.write', 'students', 'write'],
  ['orders.read', 'orders', 'read'],
  ['orders.draft', 'orders', 'write'],
  ['orders.sign', 'orders', 'write'],
  ['grades.read', 'gradeSheets', 'read'],
  ['grades.enter', 'gradeSheets', 'write'],
  ['grades.exception', 'gradeSheets', 'write'],
  ['curricula.read', 'curricula', 'read'],
  ['curricula.edit', 'curricula', 'write'],
  ['audit.read', 'audit', 'read'],
  ['grades.scale', 'gradingScale', 'write'],
];

describe('permissions and the scope policy agree', () => {
  it.each(ROLES.flatMap((role) => NEEDS.map(([p, resource, action]) => ({ role, p, resource, action }))))(
    '$role: $p reaches rows of $resource ($action) when granted',
    ({ role, p, resource, action }) => {
      if (can(role, p)) expect(scopeOf(actor(role), resource, action).kind).not.toBe('none');
    },
  );

  it('binds to a faculty exactly the roles the policy limits to one', () => {
    expect(ROLES.filter(roleNeedsFaculty)).toEqual(['clerk']);
  });

  it('gives each office the sync device scope of what it reads of students', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, deviceScopeKindOf(r)]))).toEqual({
      clerk: 'faculty',
      students_hr: 'all',
      hr: 'hr',
      planning_finance: 'hr',
      accountant: 'contract',
      registrar: 'all',
      teaching: 'all',
      admin: 'all',
    });
  });
});
