import type { ReferenceScope, SessionUser } from '../../../src-shared/contract';
import type { InstructionLanguage, Level, StudyForm } from '../../../src-shared/domain/enums';
import { facultyLimit } from '../../../src-shared/domain/scope-policy';
import type { Database } from '../../db/connection';

const localized = (r: { name_ky: string; name_ru: string; name_en: string }) => ({
  ky: r.name_ky,
  ru: r.name_ru,
  en: r.name_en,
});

/** The structure a user works in: a clerk gets their faculty only, others the whole university. */
export async function referenceScope(db: Database, session: SessionUser): Promise<ReferenceScope> {
  const facultyId = facultyLimit(session, 'groups');
  let faculties = db.kysely.selectFrom('faculty').selectAll().orderBy('code');
  let specialties = db.kysely.selectFrom('specialty').selectAll().orderBy('code');
  let groups = db.kysely.selectFrom('student_group').selectAll().orderBy('course').orderBy('name');
  if (facultyId) {
    faculties = faculties.where('id', '=', facultyId);
    specialties = specialties.where('faculty_id', '=', facultyId);
    groups = groups.where('faculty_id', '=', facultyId);
  }
  const [f, s, g, c] = await Promise.all([
    faculties.execute(),
    specialties.execute(),
    groups.execute(),
    db.kysely.selectFrom('country').selectAll().orderBy('code').execute(),
  ]);
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
export async function universityNames(db: Database): Promise<{ ky: string; ru: string; en: string }> {
  const u = await db.kysely.selectFrom('university').select(['name_ky', 'name_ru', 'name_en']).executeTakeFirst();
  return { ky: u?.name_ky ?? '', ru: u?.name_ru ?? '', en: u?.name_en ?? '' };
}
