import type { Localized, ReferenceScope, SessionUser } from '../../../src-shared/contract';
import type { InstructionLanguage, Level, StudyForm } from '../../../src-shared/domain/enums';
import { facultyLimit } from '../../../src-shared/domain/scope-policy';
import type { Database } from '../../db/connection';
import { signatureName } from '../../../src-shared/domain/person';
import { currentHolder, structureRows, universityNameRow } from './reference.repository';

const localized = (r: { name_ky: string; name_ru: string; name_en: string }) => ({
  ky: r.name_ky,
  ru: r.name_ru,
  en: r.name_en,
});

/** The structure a user works in: a clerk gets their faculty only, others the whole university. */
export async function referenceScope(db: Database, session: SessionUser): Promise<ReferenceScope> {
  const facultyId = facultyLimit(session, 'groups');
  const { faculties: f, specialties: s, groups: g, countries: c } = structureRows(db, facultyId);
  return {
    faculties: f.map((r) => ({ id: r.id, code: r.code, name: localized(r) })),
    specialties: s.map((r) => ({
      id: r.id,
      facultyId: r.faculty_id,
      code: r.code,
      name: localized(r),
      level: r.level as Level,
      durationYears: r.duration_years,
    })),
    groups: g.map((r) => ({
      id: r.id,
      facultyId: r.faculty_id,
      specialtyId: r.specialty_id,
      name: r.name,
      form: r.form as StudyForm,
      course: r.course,
      intakeYear: r.intake_year,
      language: r.language as InstructionLanguage,
    })),
    countries: c.map((r) => ({ code: r.code, name: localized(r) })),
  };
}

/** The university's name in the three languages (the title of every screen and document). */
export function universityNames(db: Database): Localized {
  const u = universityNameRow(db);
  return { ky: u?.name_ky ?? '', ru: u?.name_ru ?? '', en: u?.name_en ?? '' };
}

/** Who signs as the holder of a position now, "С. Б. Козлов" (a faculty's dean with `facultyId`); null when nobody holds it. */
export function holderSignature(db: Database, category: string, facultyId?: string): string | null {
  const h = currentHolder(db, category, facultyId);
  return h ? signatureName({ lastName: h.last_name, firstName: h.first_name, patronymic: h.patronymic }) : null;
}
