import type { SessionUser } from '../../../src-shared/contract';
import type { Role } from '../../../src-shared/domain/roles';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { verifyPassword } from '../../platform/password';

// Verifying against a fixed hash when the user does not exist keeps the answer time the
// same, so the sign-in screen does not reveal which usernames exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function signIn(db: Database, username: string, password: string): Promise<SessionUser> {
  const user = await db.kysely
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'faculty_id', 'password_hash', 'active'])
    .where('username', '=', username.trim())
    .executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.active !== 1) throw new AppError('unauthenticated', 'error.signIn.failed');
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    facultyId: user.faculty_id,
  };
}
