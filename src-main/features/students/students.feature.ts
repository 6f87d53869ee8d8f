import { defineFeature, signedIn } from '../feature-module';
import { createStudentsService } from './students.service';
import { m0002Students } from './migrations/0002-students';
import { m0013LooseSearchText } from './migrations/0013-loose-search-text';
import { m0017StudentLatinName } from './migrations/0017-student-latin-name';
import { studentsSync } from '../../../src-shared/sync/students.sync';

/** The students list, the card and corrections. */
export const studentsFeature = defineFeature({
  name: 'students',
  migrations: [m0002Students, m0013LooseSearchText, m0017StudentLatinName],
  sync: [studentsSync],
  handlers: ({ db }) => {
    const students = createStudentsService(db);
    return {
      'students.search': async (req, ctx) => students.search(signedIn(ctx), req),
      'students.get': async (req, ctx) => students.get(signedIn(ctx), req.id),
      'students.update': async (req, ctx) => students.update(signedIn(ctx), req),
    };
  },
});
