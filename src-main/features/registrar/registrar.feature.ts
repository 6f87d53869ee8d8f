import { defineFeature, signedIn } from '../feature-module';
import { exportTranscript } from './transcript-document';
import { createRegister } from './register.service';
import { createTranscriptBatches } from './transcript-batch';
import { studentGrades } from './transcript.service';
import { m0016DocumentRegister } from './migrations/0016-document-register';
import { registrarSync } from '../../../src-shared/sync/registrar.sync';

/** The registrar's office: a student's grades and transcripts, certificates, the register and verification (issue 13). */
export const registrarFeature = defineFeature({
  name: 'registrar',
  migrations: [m0016DocumentRegister],
  sync: [registrarSync],
  handlers: ({ db, exportsDir }) => {
    const register = createRegister(db);
    const batches = createTranscriptBatches(db, { exportsDir });
    return {
      'transcripts.grades': async (req, ctx) => studentGrades(db, signedIn(ctx), req.studentId),
      'transcripts.export': async (req, ctx) => exportTranscript(db, signedIn(ctx), req),
      'transcripts.batchStart': async (req, ctx) => batches.start(signedIn(ctx), req),
      'transcripts.batchStatus': async (req, ctx) => batches.status(signedIn(ctx), req.jobId),
      'transcripts.batchCancel': async (req, ctx) => batches.cancel(signedIn(ctx), req.jobId),
      'transcripts.batchFile': async (req, ctx) => batches.file(signedIn(ctx), req.jobId),
      'transcripts.batchFolder': async (req, ctx) => batches.folder(signedIn(ctx), req.jobId),
      'register.issueCertificate': async (req, ctx) => register.issueCertificate(signedIn(ctx), req),
      'register.reprint': async (req, ctx) => register.reprint(signedIn(ctx), req),
      'register.revoke': async (req, ctx) => register.revoke(signedIn(ctx), req),
      'register.list': async (req, ctx) => register.list(signedIn(ctx), req),
      'register.verify': async (req, ctx) => (signedIn(ctx), register.verify(req.code)),
    };
  },
});
