/**
 * The sections of the shell and who sees them. Hiding is a courtesy: main refuses anything a
 * role may not do whatever the UI shows (src-shared/domain/roles.ts is the single source).
 */
import { can, type Permission, type Role } from '../../src-shared/domain/roles';
import type { MessageKey } from '../../src-shared/i18n';

export type SectionId = 'students' | 'orders' | 'grades' | 'registrar' | 'curricula' | 'gradingScale' | 'audit' | 'sync';

export interface Section {
  id: SectionId;
  permission: Permission;
  label: MessageKey;
}

export const SECTIONS: readonly Section[] = [
  { id: 'students', permission: 'students.read', label: 'nav.students' },
  { id: 'orders', permission: 'orders.read', label: 'nav.orders' },
  { id: 'grades', permission: 'grades.read', label: 'nav.grades' },
  { id: 'registrar', permission: 'documents.issue', label: 'nav.registrar' },
  { id: 'curricula', permission: 'curricula.read', label: 'nav.curricula' },
  { id: 'gradingScale', permission: 'grades.scale', label: 'nav.gradingScale' },
  { id: 'audit', permission: 'audit.read', label: 'nav.audit' },
  { id: 'sync', permission: 'sync.view', label: 'nav.sync' },
];

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => can(role, s.permission));
}
