/** The local accounts (app_user): the auth feature's SQL. */
import type { SessionUser } from '../../../src-shared/contract';
import type { Role } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  faculty_id: string | null;
  password_hash: string;
  active: number;
}

export function findAccount(db: Database, username: string): AccountRow | undefined {
  return db.sync.first(
    db.kysely.selectFrom('app_user').select(['id', 'username', 'display_name', 'role', 'faculty_id', 'password_hash', 'active']).where('username', '=', username.trim()),
  );
}

export function toSessionUser(a: AccountRow): SessionUser {
  return { id: a.id, username: a.username, displayName: a.display_name, role: a.role as Role, facultyId: a.faculty_id };
}

/** People by id → display name: orders and documents show people by name, not by login. */
export function displayNames(db: Database): Map<string, string> {
  return new Map(db.sync.all(db.kysely.selectFrom('app_user').select(['id', 'display_name'])).map((u) => [u.id, u.display_name]));
}
