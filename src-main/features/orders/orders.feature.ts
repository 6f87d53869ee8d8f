import { defineFeature, signedIn } from '../feature-module';
import { createStudentsService } from '../students/students.service';
import { exportOrder } from './order-document';
import { signOrder } from './order-signing';
import { bringOrdersIntoForce } from './order-in-force';
import { listVisaPositions, setVisaPositions } from './order-visas.service';
import { createOrdersService } from './orders.service';
import { studentStateOnFor } from './student-state.service';
import { m0006Orders } from './migrations/0006-orders';
import { m0014OrderBasisRu } from './migrations/0014-order-basis-ru';
import { m0015OrderVisas } from './migrations/0015-order-visas';

/** Students' orders: drafts, signing, printing, and a student's state on a date. */
export const ordersFeature = defineFeature({
  name: 'orders',
  migrations: [m0006Orders, m0014OrderBasisRu, m0015OrderVisas],
  // an order dated ahead comes into force on its date, on the first request of that day
  beforeRequest: ({ db }) => (session) => void bringOrdersIntoForce(db, session),
  handlers: ({ db }) => {
    const orders = createOrdersService(db);
    const students = createStudentsService(db);
    return {
      'orders.list': async (req, ctx) => orders.list(signedIn(ctx), req),
      'orders.toSign': async (_req, ctx) => orders.toSign(signedIn(ctx)),
      'orders.get': async (req, ctx) => orders.detail(signedIn(ctx), req.id, ctx.locale),
      'orders.create': async (req, ctx) => orders.create(signedIn(ctx), req, ctx.locale),
      'orders.update': async (req, ctx) => orders.update(signedIn(ctx), req, ctx.locale),
      'orders.delete': async (req, ctx) => orders.remove(signedIn(ctx), req),
      'orders.sign': async (req, ctx) => signOrder(db, orders, signedIn(ctx), req, ctx.locale),
      'orders.export': async (req, ctx) => exportOrder(db, orders, signedIn(ctx), req),
      'orders.visas': async (_req, ctx) => listVisaPositions(db, signedIn(ctx)),
      'orders.setVisas': async (req, ctx) => setVisaPositions(db, signedIn(ctx), req.positionIds),
      'students.stateOn': async (req, ctx) => studentStateOnFor(db, students, signedIn(ctx), req.id, req.date),
    };
  },
});
