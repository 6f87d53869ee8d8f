/**
 * The students screen's filters as plain data: which options each select offers given the
 * choices above it (faculty → specialty → course → form → group), and the search request.
 */
import type { GroupRef, ReferenceScope, RequestOf } from '../../../src-shared/contract';
import {
  FUNDINGS,
  STUDENT_STATUSES,
  STUDY_FORMS,
  type Funding,
  type StudentStatus,
  type StudyForm,
} from '../../../src-shared/domain/enums';

/** "" means "all" for every filter (it is also the value of the select's first option). */
export interface StudentFilters {
  facultyId: string;
  specialtyId: string;
  course: string;
  form: '' | StudyForm;
  groupId: string;
  funding: '' | Funding;
  status: '' | StudentStatus;
}

export const NO_FILTERS: StudentFilters = {
  facultyId: '',
  specialtyId: '',
  course: '',
  form: '',
  groupId: '',
  funding: '',
  status: '',
};

export const ALL_COURSES = [1, 2, 3, 4, 5, 6] as const;

/** A clerk's scope holds one faculty: the faculty filter is then fixed, not a choice. */
export function fixedFaculty(scope: ReferenceScope): string | null {
  return scope.faculties.length === 1 ? scope.faculties[0]!.id : null;
}

export function specialtiesFor(scope: ReferenceScope, f: StudentFilters) {
  return scope.specialties.filter((s) => !f.facultyId || s.facultyId === f.facultyId);
}

function groupsMatching(scope: ReferenceScope, f: StudentFilters, upTo: 'course' | 'form' | 'group'): GroupRef[] {
  return scope.groups.filter(
    (g) =>
      (!f.facultyId || g.facultyId === f.facultyId) &&
      (!f.specialtyId || g.specialtyId === f.specialtyId) &&
      (upTo === 'course' || !f.course || g.course === Number(f.course)) &&
      (upTo !== 'group' || !f.form || g.form === f.form),
  );
}

/** Courses that groups above offer; all six when the scope has no groups to go by. */
export function coursesFor(scope: ReferenceScope, f: StudentFilters): number[] {
  if (scope.groups.length === 0) return [...ALL_COURSES];
  const set = new Set(groupsMatching(scope, f, 'course').map((g) => g.course));
  return ALL_COURSES.filter((c) => set.has(c));
}

export function formsFor(scope: ReferenceScope, f: StudentFilters): StudyForm[] {
  if (scope.groups.length === 0) return [...STUDY_FORMS];
  const set = new Set(groupsMatching(scope, f, 'form').map((g) => g.form));
  return STUDY_FORMS.filter((x) => set.has(x));
}

/** Groups sorted by name the way people read them ("ЭК-1-23" before "ЭК-10-23"). */
export function groupsFor(scope: ReferenceScope, f: StudentFilters): GroupRef[] {
  const collator = new Intl.Collator('ky', { numeric: true, sensitivity: 'base' });
  return groupsMatching(scope, f, 'group').sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * After one filter changed: drops choices below it that are no longer offered (a group of
 * another faculty, a course that specialty does not have), so the request never asks for
 * an impossible combination the user cannot see.
 */
export function normalizeFilters(scope: ReferenceScope, f: StudentFilters): StudentFilters {
  const out = { ...f };
  if (out.facultyId && !scope.faculties.some((x) => x.id === out.facultyId)) out.facultyId = '';
  if (out.specialtyId && !specialtiesFor(scope, out).some((s) => s.id === out.specialtyId)) out.specialtyId = '';
  if (out.course && !coursesFor(scope, out).includes(Number(out.course))) out.course = '';
  if (out.form && !formsFor(scope, out).includes(out.form)) out.form = '';
  if (out.groupId && !groupsFor(scope, out).some((g) => g.id === out.groupId)) out.groupId = '';
  if (out.funding && !FUNDINGS.includes(out.funding)) out.funding = '';
  if (out.status && !STUDENT_STATUSES.includes(out.status)) out.status = '';
  return out;
}

export function hasFilters(f: StudentFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

export type StudentCriteria = Omit<RequestOf<'students.search'>, 'offset' | 'limit'>;

/** The search request without paging; only what is set (so the same choices give the same key). */
export function toCriteria(query: string, f: StudentFilters): StudentCriteria {
  const c: StudentCriteria = {};
  const q = query.trim().slice(0, 100);
  if (q) c.query = q;
  if (f.facultyId) c.facultyId = f.facultyId;
  if (f.specialtyId) c.specialtyId = f.specialtyId;
  if (f.groupId) c.groupId = f.groupId;
  if (f.course) c.course = Number(f.course);
  if (f.form) c.form = f.form;
  if (f.funding) c.funding = f.funding;
  if (f.status) c.status = f.status;
  return c;
}

export function criteriaKey(c: StudentCriteria): string {
  return JSON.stringify(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
