import { defineFeature, signedIn } from '../feature-module';
import { createStudentsService } from './students.service';

/** The students list, the card and corrections. */
export const studentsFeature = defineFeature({
  name: 'students',
  handlers: ({ db }) => {
    const students = createStudentsService(db);
    return {
      'students.search': async (req, ctx) => students.search(signedIn(ctx), req),
      'students.get': async (req, ctx) => students.get(signedIn(ctx), req.id),
      'students.update': async (req, ctx) => students.update(signedIn(ctx), req),
    };
  },
});
