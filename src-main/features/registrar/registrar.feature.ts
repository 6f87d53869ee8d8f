import { defineFeature, signedIn } from '../feature-module';
import { exportTranscript } from './transcript-document';
import { studentGrades } from './transcript.service';
import { m0016DocumentRegister } from './migrations/0016-document-register';

/** The registrar's office: a student's grades and transcripts (issue 13). */
export const registrarFeature = defineFeature({
  name: 'registrar',
  migrations: [m0016DocumentRegister],
  handlers: ({ db }) => ({
    'transcripts.grades': async (req, ctx) => studentGrades(db, signedIn(ctx), req.studentId),
    'transcripts.export': async (req, ctx) => exportTranscript(db, signedIn(ctx), req),
  }),
});
