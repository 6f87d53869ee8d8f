import { z } from 'zod';
import type { Level, StudyForm, InstructionLanguage } from '../domain/enums';
import type { Localized } from './common';
import { operation } from './define';

export interface FacultyRef {
  id: string;
  code: string;
  name: Localized;
}
export interface SpecialtyRef {
  id: string;
  facultyId: string;
  code: string;
  name: Localized;
  level: Level;
  durationYears: number;
}
export interface GroupRef {
  id: string;
  facultyId: string;
  specialtyId: string;
  name: string;
  form: StudyForm;
  course: number;
  intakeYear: number;
  language: InstructionLanguage;
}
export interface CountryRef {
  code: string;
  name: Localized;
}

/** What the signed-in user's scope contains, for filters and for resolving ids to names. */
export interface ReferenceScope {
  faculties: FacultyRef[];
  specialties: SpecialtyRef[];
  groups: GroupRef[];
  countries: CountryRef[];
}

export const referenceContract = {
  'reference.scope': operation<ReferenceScope>()(z.object({})),
};
