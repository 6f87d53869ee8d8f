import { defineFeature, signedIn } from '../feature-module';
import { createSyncService } from './sync.service';
import { reenrol, unenrol } from './sync-reenrol';
import { m0010Sync } from './migrations/0010-sync';
import { m0011SyncResilience } from './migrations/0011-sync-resilience';
import { m0012SyncRecovery } from './migrations/0012-sync-recovery';

/** How this workstation syncs with the university server, and what needs a person's decision. */
export const syncFeature = defineFeature({
  name: 'sync',
  migrations: [m0010Sync, m0011SyncResilience, m0012SyncRecovery],
  handlers: ({ db, syncLoop }) => {
    const sync = createSyncService(db, syncLoop);
    return {
      'sync.status': async (_req, ctx) => sync.status(signedIn(ctx), ctx.locale),
      'sync.now': async (_req, ctx) => sync.now(signedIn(ctx), ctx.locale),
      'sync.issues': async (_req, ctx) => sync.issues(signedIn(ctx), ctx.locale),
      'sync.reenrol': async (req, ctx) => reenrol(db, syncLoop, signedIn(ctx), req),
      'sync.unenrol': async (req, ctx) => unenrol(db, syncLoop, signedIn(ctx), req),
      'sync.resolve': async (req, ctx) => sync.resolve(signedIn(ctx), req, ctx.locale),
    };
  },
});
