import type { CountryRef, FacultyRef, GroupRef, ReferenceScope, SpecialtyRef } from '../../src-shared/contract';

/** The user's scope with id → record lookups, built once per sign-in. */
export interface ReferenceIndex {
  scope: ReferenceScope;
  faculty: Map<string, FacultyRef>;
  specialty: Map<string, SpecialtyRef>;
  group: Map<string, GroupRef>;
  country: Map<string, CountryRef>;
}

export const EMPTY_SCOPE: ReferenceScope = { faculties: [], specialties: [], groups: [], countries: [] };

export function indexScope(scope: ReferenceScope): ReferenceIndex {
  return {
    scope,
    faculty: new Map(scope.faculties.map((f) => [f.id, f])),
    specialty: new Map(scope.specialties.map((s) => [s.id, s])),
    group: new Map(scope.groups.map((g) => [g.id, g])),
    country: new Map(scope.countries.map((c) => [c.code, c])),
  };
}
