import type { SessionUser } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { verifyPassword } from '../../platform/password';
import { NOT_ON_THIS_WORKSTATION } from '../../../src-shared/sync/reference.rows';
import { findAccount, toSessionUser } from './users.repository';

// Verifying against a fixed hash when the user does not exist keeps the answer time the
// same, so the sign-in screen does not reveal which usernames exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function signIn(db: Database, username: string, password: string): Promise<SessionUser> {
  const user = findAccount(db, username);
  // the server keeps an account's hash off the workstations where it may not sign in
  if (user?.password_hash === NOT_ON_THIS_WORKSTATION) throw new AppError('unauthenticated', 'error.signIn.elsewhere');
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.active !== 1) throw new AppError('unauthenticated', 'error.signIn.failed');
  return toSessionUser(user);
}

/**
 * The account the command line acts as. Whoever runs `unidesk` on this computer can read its
 * replica file anyway, so no password is asked; the name decides rights, scope and the audit.
 */
export function localUser(db: Database, username: string): SessionUser | null {
  const user = findAccount(db, username);
  // an account that signs in on another office's workstation does not act here either
  return user && user.active === 1 && user.password_hash !== NOT_ON_THIS_WORKSTATION ? toSessionUser(user) : null;
}
