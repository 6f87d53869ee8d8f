import { openDatabase, type Database } from '../db/connection';
import { createDispatcher, memorySessionStore, type Dispatch, type Logger } from '../host/dispatcher';
import { generateDemo } from '../features/demo/demo.generator';
import { createHandlers } from './handlers';
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
 * handlers and the dispatcher. An empty replica becomes the demo university on first launch.
 */
export async function createApp(opts: { dbFile: string; log?: Logger; demoIfEmpty?: boolean; exportsDir?: string }): Promise<UniDeskApp> {
  const db = openDatabase(opts.dbFile);
  try {
    if (opts.demoIfEmpty ?? true) {
      const existing = await db.kysely.selectFrom('university').select('id').executeTakeFirst();
      if (!existing) await generateDemo(db);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const dispatch = createDispatcher(createHandlers(db, APP_VERSION, { exportsDir: opts.exportsDir }), memorySessionStore(), opts.log ?? consoleLogger);
  return { dbFile: opts.dbFile, db, dispatch, close: () => db.close() };
}
