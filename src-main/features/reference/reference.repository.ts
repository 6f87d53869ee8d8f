/** The university's structure (faculties, specialties, groups, countries): the reference feature's SQL. */
import type { Database } from '../../db/connection';

/** A faculty by its code as offices name it (ЭФ, LAW…) or by id. */
export function findFaculty(db: Database, codeOrId: string): { id: string; code: string } | undefined {
  return db.sync.first(db.kysely.selectFrom('faculty').select(['id', 'code']).where((eb) => eb.or([eb('code', '=', codeOrId), eb('id', '=', codeOrId)])));
}

/** Whether the replica holds a university yet (an empty file becomes the demo on first start). */
export function hasUniversity(db: Database): boolean {
  return db.sync.first(db.kysely.selectFrom('university').select('id')) !== undefined;
}

export function universityNameRow(db: Database) {
  return db.sync.first(db.kysely.selectFrom('university').select(['name_ky', 'name_ru', 'name_en']));
}

export function facultyNameRow(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('faculty').select(['name_ky', 'name_ru', 'name_en']).where('id', '=', id));
}

export function groupName(db: Database, id: string): string | undefined {
  return db.sync.first(db.kysely.selectFrom('student_group').select('name').where('id', '=', id))?.name;
}

/** Faculties, specialties and groups (of one faculty, or all), and the countries. */
export function structureRows(db: Database, facultyId: string | null) {
  let faculties = db.kysely.selectFrom('faculty').selectAll().orderBy('code');
  let specialties = db.kysely.selectFrom('specialty').selectAll().orderBy('code');
  let groups = db.kysely.selectFrom('student_group').selectAll().orderBy('course').orderBy('name');
  if (facultyId) {
    faculties = faculties.where('id', '=', facultyId);
    specialties = specialties.where('faculty_id', '=', facultyId);
    groups = groups.where('faculty_id', '=', facultyId);
  }
  return {
    faculties: db.sync.all(faculties),
    specialties: db.sync.all(specialties),
    groups: db.sync.all(groups),
    countries: db.sync.all(db.kysely.selectFrom('country').selectAll().orderBy('code')),
  };
}

/** Every group with its specialty's code and names (documents print both). */
export function groupsWithSpecialty(db: Database) {
  return db.sync.all(
    db.kysely
      .selectFrom('student_group as g')
      .innerJoin('specialty as s', 's.id', 'g.specialty_id')
      .select(['g.id', 'g.name', 's.code', 's.name_ky', 's.name_ru', 's.name_en', 's.level']),
  );
}

/**
 * Who holds a position of a category now, with the position's names: the rector (who signs
 * student orders), or with `facultyId` a faculty's dean (who signs its grade sheets).
 */
export function currentHolder(db: Database, category: string, facultyId?: string) {
  let q = db.kysely
    .selectFrom('staff_position as sp')
    .innerJoin('position as p', 'p.id', 'sp.position_id')
    .innerJoin('staff as st', 'st.id', 'sp.staff_id')
    .select(['p.name_ky', 'p.name_ru', 'p.name_en', 'st.last_name', 'st.first_name', 'st.patronymic'])
    .where('p.category', '=', category)
    .where('sp.end_date', 'is', null);
  if (facultyId !== undefined) q = q.where('sp.faculty_id', '=', facultyId);
  return db.sync.first(q);
}

export function staffName(db: Database, id: string) {
  return db.sync.first(db.kysely.selectFrom('staff').select(['id', 'last_name', 'first_name', 'patronymic']).where('id', '=', id));
}


/** Staff working now in positions of these categories at a faculty (any of its chairs). */
export function currentStaffOfFaculty(db: Database, facultyId: string, categories: readonly string[]) {
  return db.sync.all(
    db.kysely
      .selectFrom('staff as s')
      .innerJoin('staff_position as p', 'p.staff_id', 's.id')
      .innerJoin('position as pos', 'pos.id', 'p.position_id')
      .leftJoin('chair as c', 'c.id', 'p.chair_id')
      .select(['s.id', 's.last_name', 's.first_name', 's.patronymic'])
      .distinct()
      .where('p.end_date', 'is', null)
      .where('s.leave_date', 'is', null)
      .where('pos.category', 'in', categories)
      .where((eb) => eb.or([eb('p.faculty_id', '=', facultyId), eb('c.faculty_id', '=', facultyId)])),
  );
}
