import { defineFeature, signedIn } from '../feature-module';
import { listAudit } from '../audit/audit.service';
import { referenceScope } from './reference.service';

/** The university's structure as the caller may see it, and the audit log. */
export const referenceFeature = defineFeature({
  name: 'reference',
  handlers: ({ db }) => ({
    'reference.scope': async (_req, ctx) => referenceScope(db, signedIn(ctx)),
    'audit.list': async (req, ctx) => listAudit(db, signedIn(ctx), req),
  }),
});
