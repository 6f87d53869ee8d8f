import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src-shared/domain/roles';
import { catalogs } from '../../src-shared/i18n';
import { roleKey } from './labels';
import { sectionsFor } from './navigation';

describe('role navigation', () => {
  it('shows only what the role may do', () => {
    expect(sectionsFor('admin').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'curricula', 'gradingScale', 'audit', 'sync']);
    expect(sectionsFor('clerk').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'registrar', 'curricula', 'sync']);
    expect(sectionsFor('students_hr').map((s) => s.id)).toEqual(['students', 'orders', 'sync']);
    expect(sectionsFor('registrar').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'registrar', 'curricula', 'sync']);
    expect(sectionsFor('teaching').map((s) => s.id)).toEqual(['students', 'grades', 'curricula', 'sync']);
    expect(sectionsFor('accountant').map((s) => s.id)).toEqual(['students', 'sync']);
    expect(sectionsFor('hr').map((s) => s.id)).toEqual(['sync']);
    expect(sectionsFor('planning_finance').map((s) => s.id)).toEqual(['sync']);
  });

  it('has a label for every role in every language', () => {
    for (const r of ROLES) for (const l of ['ky', 'ru', 'en'] as const) expect(catalogs[l][roleKey(r)]).toBeTruthy();
  });
});
