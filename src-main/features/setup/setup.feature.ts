import { defineFeature } from '../feature-module';
import { createSetupService } from './setup.service';

/** First start: the demo university, or connecting this workstation to the university's server. */
export const setupFeature = defineFeature({
  name: 'setup',
  handlers: ({ db, syncLoop }) => {
    const setup = createSetupService(db, syncLoop);
    return {
      'setup.state': async (_req, ctx) => setup.state(ctx.locale),
      'setup.demo': async (_req, ctx) => setup.demo(ctx.locale),
      'setup.faculties': async (req, ctx) => setup.faculties(req, ctx.locale),
      'setup.connect': async (req, ctx) => setup.connect(req, ctx.locale),
    };
  },
});
