import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src-shared/domain/roles';
import { catalogs } from '../../src-shared/i18n';
import { roleKey } from './labels';
import { sectionsFor } from './navigation';

describe('role navigation', () => {
  it('shows only what the role may do', () => {
    expect(sectionsFor('admin').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'curricula', 'gradingScale', 'audit']);
    expect(sectionsFor('clerk').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'curricula']);
    expect(sectionsFor('students_hr').map((s) => s.id)).toEqual(['students', 'orders']);
    expect(sectionsFor('registrar').map((s) => s.id)).toEqual(['students', 'orders', 'grades', 'curricula']);
    expect(sectionsFor('teaching').map((s) => s.id)).toEqual(['students', 'grades', 'curricula']);
    expect(sectionsFor('accountant').map((s) => s.id)).toEqual(['students']);
    expect(sectionsFor('hr')).toEqual([]);
    expect(sectionsFor('planning_finance')).toEqual([]);
  });

  it('has a label for every role in every language', () => {
    for (const r of ROLES) for (const l of ['ky', 'ru', 'en'] as const) expect(catalogs[l][roleKey(r)]).toBeTruthy();
  });
});
