import { z } from 'zod';
import type { Role } from '../domain/roles';
import { operation } from './define';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  facultyId: string | null;
}

export interface AppInfo {
  version: string;
  university: { ky: string; ru: string; en: string };
  /** the university's time zone: "today" on screen is the date there */
  timeZone: string;
}

export const sessionContract = {
  'app.info': operation<AppInfo>()(z.object({}), { public: true }),
  'session.signIn': operation<SessionUser>()(
    z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }),
    { public: true },
  ),
  'session.current': operation<SessionUser | null>()(z.object({}), { public: true }),
  'session.signOut': operation<null>()(z.object({})),
};
