import { universityTimeZone } from '../../platform/university-clock';
import { signIn } from '../auth/session.service';
import { defineFeature } from '../feature-module';
import { universityNames } from '../reference/reference.service';

/** Who is signed in, and what the app is: the operations the sign-in screen uses. */
export const sessionFeature = defineFeature({
  name: 'session',
  handlers: ({ db, version }) => ({
    'app.info': async () => ({ version, university: universityNames(db), timeZone: universityTimeZone() }),
    'session.signIn': async (req, ctx) => {
      const user = await signIn(db, req.username, req.password);
      ctx.setSession(user);
      return user;
    },
    'session.current': async (_req, ctx) => ctx.session,
    'session.signOut': async (_req, ctx) => {
      ctx.setSession(null);
      return null;
    },
  }),
});
