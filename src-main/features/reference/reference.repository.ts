/** The university's structure (faculties, specialties, groups, countries): the reference feature's SQL. */
import type { Database } from '../../db/connection';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** A faculty by its code as offices name it (ЭФ, LAW…) or by id. */
export function findFaculty(db: Database, codeOrId: string): { id: string; code: string } | undefined {
  return db.sync.first(db.kysely.selectFrom('faculty').select(['id', 'code']).where((eb) => eb.or([eb('code', '=', codeOrId), eb('id', '=', codeOrId)])));
}

export function universityNamesRow(k: Kysely<DB>) {
  return k.selectFrom('university').select(['name_ky', 'name_ru', 'name_en']);
}
