/**
 * What an office (a feature folder) gives the app: its handlers, a `Pick` of the contract's
 * operations it answers. src-main/app/features.manifest.ts lists the modules; the app composes
 * them, and the compiler refuses a contract operation no module answers.
 */
import type { OpName, SessionUser } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { Handlers, RequestContext } from '../host/dispatcher';
import { AppError } from '../host/app-error';
import type { SyncLoop } from './sync/sync-engine';
import type { Migration } from '../db/migrations/migration';
import type { SyncSlice } from '../../src-shared/sync/sync-slice';

/** What every module's handlers may use: the replica and the app's few shared settings. */
export interface FeatureDeps {
  db: Database;
  version: string;
  exportsDir?: string;
  syncLoop: SyncLoop | null;
}

export interface FeatureModule<K extends OpName> {
  /** the folder's name, for messages and the docs */
  name: string;
  handlers(deps: FeatureDeps): Pick<Handlers, K>;
  /** its tables' migrations (src-main/features/<office>/migrations/), numbered in the one list of db/migrations */
  migrations?: readonly Migration[];
  /** what it syncs (src-shared/sync/<office>.sync.ts), composed in src-shared/sync/slices.ts */
  sync?: readonly SyncSlice[];
  /**
   * Runs before every signed-in request of any office: work that follows from the passing of
   * time rather than from a request (an order coming into force on its date). Must be cheap
   * when there is nothing to do.
   */
  beforeRequest?(deps: FeatureDeps): (session: SessionUser) => void;
}

/** Declares a module, keeping the exact set of operations it answers in its type. */
export function defineFeature<K extends OpName>(module: FeatureModule<K>): FeatureModule<K> {
  return module;
}

export function signedIn(ctx: RequestContext): SessionUser {
  // The dispatcher refuses non-public operations without a session; this narrows the type.
  if (!ctx.session) throw new AppError('unauthenticated', 'error.unauthenticated');
  return ctx.session;
}
