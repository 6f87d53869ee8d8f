import { describe, expect, it } from 'vitest';
import type { ReferenceScope } from '../../../src-shared/contract';
import {
  coursesFor,
  criteriaKey,
  fixedFaculty,
  formsFor,
  groupsFor,
  NO_FILTERS,
  normalizeFilters,
  specialtiesFor,
  toCriteria,
} from './student-filters';

const L = (s: string) => ({ ky: s, ru: s, en: s });
const scope: ReferenceScope = {
  faculties: [
    { id: 'F1', code: 'ЭФ', name: L('Экономика') },
    { id: 'F2', code: 'ЮФ', name: L('Юридический') },
  ],
  specialties: [
    { id: 'S1', facultyId: 'F1', code: '580100', name: L('Экономика'), level: 'bachelor', durationYears: 4 },
    { id: 'S2', facultyId: 'F2', code: '530500', name: L('Юриспруденция'), level: 'bachelor', durationYears: 4 },
  ],
  groups: [
    { id: 'G10', facultyId: 'F1', specialtyId: 'S1', name: 'ЭК-10-23', form: 'full_time', course: 2, intakeYear: 2023, language: 'ky' },
    { id: 'G1', facultyId: 'F1', specialtyId: 'S1', name: 'ЭК-1-23', form: 'full_time', course: 2, intakeYear: 2023, language: 'ru' },
    { id: 'G2', facultyId: 'F1', specialtyId: 'S1', name: 'ЭК-1-24з', form: 'correspondence', course: 1, intakeYear: 2024, language: 'ru' },
    { id: 'G3', facultyId: 'F2', specialtyId: 'S2', name: 'ЮР-1-21', form: 'evening', course: 4, intakeYear: 2021, language: 'ky' },
  ],
  countries: [],
};

describe('student filters', () => {
  it('narrows each list by the choices above it', () => {
    const f = { ...NO_FILTERS, facultyId: 'F1' };
    expect(specialtiesFor(scope, f).map((s) => s.id)).toEqual(['S1']);
    expect(coursesFor(scope, f)).toEqual([1, 2]);
    expect(formsFor(scope, { ...f, course: '2' })).toEqual(['full_time']);
    expect(groupsFor(scope, { ...f, course: '2' }).map((g) => g.name)).toEqual(['ЭК-1-23', 'ЭК-10-23']);
    expect(groupsFor(scope, { ...f, form: 'correspondence' }).map((g) => g.id)).toEqual(['G2']);
  });

  it('drops a choice that the new parent no longer offers', () => {
    const before = { ...NO_FILTERS, facultyId: 'F1', specialtyId: 'S1', course: '2', groupId: 'G1', status: 'active' as const };
    const after = normalizeFilters(scope, { ...before, facultyId: 'F2' });
    expect(after).toEqual({ ...NO_FILTERS, facultyId: 'F2', status: 'active' });
    expect(normalizeFilters(scope, before)).toEqual(before);
  });

  it('offers all courses and forms when the scope has no groups', () => {
    const empty = { ...scope, groups: [] };
    expect(coursesFor(empty, NO_FILTERS)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(formsFor(empty, NO_FILTERS)).toEqual(['full_time', 'evening', 'correspondence', 'distance']);
  });

  it('fixes the faculty when the scope has exactly one', () => {
    expect(fixedFaculty(scope)).toBeNull();
    expect(fixedFaculty({ ...scope, faculties: [scope.faculties[0]!] })).toBe('F1');
  });

  it('builds the request from what is set, Kyrgyz letters as typed', () => {
    const c = toCriteria('  Үсөнбаев Ң ', { ...NO_FILTERS, course: '3', funding: 'contract' });
    expect(c).toEqual({ query: 'Үсөнбаев Ң', course: 3, funding: 'contract' });
    expect(toCriteria('', NO_FILTERS)).toEqual({});
    expect(criteriaKey({ course: 3, query: 'a' })).toBe(criteriaKey({ query: 'a', course: 3 }));
    expect(criteriaKey({ course: 3 })).not.toBe(criteriaKey({ course: 4 }));
  });
});
