import type { OpName } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { Handlers, RequestContext } from '../host/dispatcher';
import type { FeatureDeps, FeatureModule } from '../features/feature-module';
import type { SyncLoop } from '../features/sync/sync-engine';
import { FEATURES } from './features.manifest';

/** The operations the listed modules answer, as one type (a union of Pick<Handlers, K>s merged). */
type AnsweredBy<M> = M extends FeatureModule<infer K> ? K : never;
type Answered = AnsweredBy<(typeof FEATURES)[number]>;
// A contract operation no module answers fails to compile here, naming the operation.
type Missing = Exclude<OpName, Answered>;
const everyOperationAnswered: [Missing] extends [never] ? true : Missing = true;
void everyOperationAnswered;

/** Every module's handlers in one map; an operation answered by two modules is a startup error. */
export function composeHandlers(modules: readonly FeatureModule<OpName>[], deps: FeatureDeps): Handlers {
  const all: Partial<Record<OpName, unknown>> = {};
  const before = modules.flatMap((m) => (m.beforeRequest ? [m.beforeRequest(deps)] : []));
  type Handler = (req: unknown, ctx: RequestContext) => Promise<unknown>;
  for (const m of modules) {
    for (const [op, handler] of Object.entries(m.handlers(deps)) as [OpName, Handler][]) {
      if (op in all) throw new Error(`operation ${op} is answered by two feature modules (the second: ${m.name})`);
      all[op] = before.length === 0 ? handler : async (req: unknown, ctx: RequestContext) => {
        if (ctx.session) {
          for (const b of before) {
            try {
              b(ctx.session);
            } catch (e) {
              // time's work never stands between a clerk and their request: it is tried again on the next one
              console.error(`${op}: work before the request failed`, e);
            }
          }
        }
        return handler(req, ctx);
      };
    }
  }
  return all as Handlers;
}

/** Operation name → feature handler, for every office in the manifest. */
export function createHandlers(db: Database, version: string, opts: { exportsDir?: string; syncLoop?: SyncLoop | null } = {}): Handlers {
  return composeHandlers(FEATURES as unknown as readonly FeatureModule<OpName>[], { db, version, exportsDir: opts.exportsDir, syncLoop: opts.syncLoop ?? null });
}
