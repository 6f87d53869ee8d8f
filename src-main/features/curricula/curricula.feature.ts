import { defineFeature, signedIn } from '../feature-module';
import { createCurriculaService } from './curricula.service';
import { m0004Curricula } from './migrations/0004-curricula';
import { m0008CurriculumItemUsage } from './migrations/0008-curriculum-item-usage';
import { curriculaSync } from '../../../src-shared/sync/curricula.sync';

/** The teaching department's curricula and discipline list. */
export const curriculaFeature = defineFeature({
  name: 'curricula',
  migrations: [m0004Curricula, m0008CurriculumItemUsage],
  sync: [curriculaSync],
  handlers: ({ db }) => {
    const curricula = createCurriculaService(db);
    return {
      'curricula.list': async (req, ctx) => curricula.list(signedIn(ctx), req),
      'curricula.get': async (req, ctx) => curricula.get(signedIn(ctx), req.id),
      'curricula.create': async (req, ctx) => curricula.create(signedIn(ctx), req),
      'curricula.setItem': async (req, ctx) => curricula.setItem(signedIn(ctx), req, ctx.locale),
      'curricula.removeItem': async (req, ctx) => curricula.removeItem(signedIn(ctx), req, ctx.locale),
      'disciplines.search': async (req, ctx) => curricula.searchDisciplines(signedIn(ctx), req, ctx.locale),
      'disciplines.create': async (req, ctx) => curricula.createDiscipline(signedIn(ctx), req),
    };
  },
});
