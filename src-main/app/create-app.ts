import { openDatabase, type Database } from '../db/connection';
import { createDispatcher, memorySessionStore, type Dispatch, type Logger, type SessionStore } from '../host/dispatcher';
import { generateDemo } from '../features/demo/demo.generator';
import { createHandlers } from './handlers';
import { hasUniversity } from '../features/reference/reference.repository';
import { startSyncLoop } from '../features/sync/sync-engine';
import { sealStoredToken } from '../features/sync/sync-state.repository';
import { startDailyBackups } from '../features/backup/backup.service';

/** UNIDESK_SYNC_INTERVAL_S shortens the background period (tests, a lab); the default is three minutes. */
function syncIntervalFromEnv(): number | undefined {
  const s = Number(process.env.UNIDESK_SYNC_INTERVAL_S);
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined;
}
import { APP_VERSION } from './version';

export interface UniDeskApp {
  dbFile: string;
  db: Database;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export const consoleLogger: Logger = {
  error: (message, err) => console.error(`[unidesk] ${message}`, err),
};

/**
 * Main's services, whatever hosts them (Electron, the browser host, tests): the replica, the
 * handlers and the dispatcher. An empty replica waits for the first-start choice (features/setup).
 */
export interface CreateAppOptions {
  dbFile: string;
  log?: Logger;
  demoIfEmpty?: boolean;
  exportsDir?: string;
  syncIntervalMs?: number;
  /** where sign-ins live (the backend process mirrors them to Electron's main) */
  sessions?: SessionStore;
  /** the daily backup of the replica (on unless a test says otherwise) */
  dailyBackups?: boolean;
  /** progress of long startup work (the demo university) */
  onProgress?: (task: string, done: number, total: number) => void;
}

export async function createApp(opts: CreateAppOptions): Promise<UniDeskApp> {
  const db = openDatabase(opts.dbFile);
  try {
    // by default the first start asks (the setup screen: demo or connect); tests and the CLI may say
    if (opts.demoIfEmpty ?? false) {
      if (!hasUniversity(db)) await generateDemo(db, { onProgress: opts.onProgress });
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  // the desktop app seals a token that IT's command line stored in the clear
  sealStoredToken(db);
  // sync runs in the background whenever the replica is enrolled (it checks, cheaply, every few seconds)
  const syncLoop = startSyncLoop(db, { intervalMs: opts.syncIntervalMs ?? syncIntervalFromEnv() });
  const log = opts.log ?? consoleLogger;
  const backups = opts.dailyBackups === false ? null : startDailyBackups(db, (e) => log.error('daily backup failed', e));
  const dispatch = createDispatcher(createHandlers(db, APP_VERSION, { exportsDir: opts.exportsDir, syncLoop }), opts.sessions ?? memorySessionStore(), log);
  return {
    dbFile: opts.dbFile,
    db,
    dispatch,
    close: async () => {
      syncLoop.stop();
      await backups?.stop();
      return db.close();
    },
  };
}
