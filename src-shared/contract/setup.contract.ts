import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { operation } from './define';

/** First start (issue 11, item 11): a workstation with no data becomes the demo university or connects to the server. */
export interface SetupJobView {
  kind: 'demo' | 'connect';
  /** what is being done now, e.g. a table being loaded */
  stage: string;
  done: number;
  total: number | null;
  finished: boolean;
  /** why it stopped, in the caller's language */
  error: string | null;
}

export interface SetupStateView {
  /** the replica has no university yet: the app offers the choice instead of sign-in */
  needsSetup: boolean;
  job: SetupJobView | null;
}

export interface SetupFacultyView {
  id: string;
  code: string;
  name: string;
}

const serverUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'an http(s) address' });
const credentials = { serverUrl, username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) };

export const setupContract = {
  'setup.state': operation<SetupStateView>()(z.object({}), { public: true }),
  'setup.demo': operation<SetupStateView>()(z.object({}), { public: true }),
  'setup.faculties': operation<{ faculties: SetupFacultyView[] }>()(z.object(credentials), { public: true }),
  'setup.connect': operation<SetupStateView>()(
    z.object({
      ...credentials,
      role: z.enum(ROLES),
      facultyId: z.string().min(1).max(100).nullable(),
      deviceName: z.string().trim().min(1).max(100),
    }),
    { public: true },
  ),
};
