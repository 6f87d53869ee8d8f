import { defineFeature, signedIn } from '../feature-module';
import { listAudit, listAuditUsers } from '../audit/audit.service';
import { referenceScope } from './reference.service';
import { referenceSync } from '../../../src-shared/sync/reference.sync';

/** The university's structure as the caller may see it, and the audit log. */
export const referenceFeature = defineFeature({
  name: 'reference',
  sync: [referenceSync],
  handlers: ({ db }) => ({
    'reference.scope': async (_req, ctx) => referenceScope(db, signedIn(ctx)),
    'audit.list': async (req, ctx) => listAudit(db, signedIn(ctx), req),
    'audit.users': async (_req, ctx) => listAuditUsers(db, signedIn(ctx)),
  }),
});
