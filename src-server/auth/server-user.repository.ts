import type { ServerKysely } from '../db/connection';
import { hashPassword, verifyPassword } from '../../src-main/platform/password';

export type AdminCheck = { ok: true; username: string } | { ok: false; reason: 'invalid_credentials' | 'forbidden' };

/** Creates an admin, or sets a new password for an existing one (the bootstrap command is re-runnable). */
export async function upsertAdmin(db: ServerKysely, username: string, password: string): Promise<'created' | 'updated'> {
  const hash = await hashPassword(password);
  const existing = await db.selectFrom('server_user').select('username').where('username', '=', username).executeTakeFirst();
  if (existing) {
    await db.updateTable('server_user').set({ password_hash: hash, role: 'admin' }).where('username', '=', username).execute();
    return 'updated';
  }
  await db.insertInto('server_user').values({ username, password_hash: hash, role: 'admin' }).execute();
  return 'created';
}

/** An admin's username and password: wrong ones and non-admins are told apart for the HTTP status only. */
export async function checkAdmin(db: ServerKysely, username: string, password: string): Promise<AdminCheck> {
  const user = await db.selectFrom('server_user').selectAll().where('username', '=', username).executeTakeFirst();
  // hash even for an unknown user, so the answer's timing does not reveal which usernames exist
  const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!user || !ok) return { ok: false, reason: 'invalid_credentials' };
  if (user.role !== 'admin') return { ok: false, reason: 'forbidden' };
  return { ok: true, username: user.username };
}
