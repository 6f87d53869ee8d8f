import path from 'node:path';
import { createApp } from '../app/create-app';
import { startWebHost, type WebHost } from './web-host';

/**
 * The browser host's usual port. A page keeps typed work that is not saved yet (a refused grade
 * cell, an order's edits) in the browser's storage, which belongs to the address: the same port
 * from one start to the next brings that work back after a restart.
 */
export const USUAL_PORT = 47_810;

/** Listens on the port asked for, else the usual one, else (taken by another program) any free one. */
export async function listenOnUsualPort(start: (port: number) => Promise<WebHost>, port?: number): Promise<{ host: WebHost; moved: boolean }> {
  if (port !== undefined) return { host: await start(port), moved: false };
  try {
    return { host: await start(USUAL_PORT), moved: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return { host: await start(0), moved: true };
  }
}

/** Starts main's services and the browser host, prints the address, stops cleanly on a signal. */
export async function runBrowserHost(opts: { dbFile: string; port?: number; rendererDir?: string }): Promise<void> {
  const app = await createApp({ dbFile: opts.dbFile });
  const { host, moved } = await listenOnUsualPort(
    (port) => startWebHost({ dispatch: app.dispatch, rendererDir: opts.rendererDir ?? path.join(__dirname, '..', 'renderer'), port }),
    opts.port,
  );
  if (moved) console.log(`Port ${USUAL_PORT} is taken by another program: unsaved work kept in the browser for that address will not show here.`);
  console.log(`UniDesk (browser host) is running. Open: ${host.openUrl}`);
  console.log(`Data: ${app.dbFile}`);
  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
