import path from 'node:path';
import { createApp } from '../app/create-app';
import { startWebHost } from './web-host';

/** Starts main's services and the browser host, prints the address, stops cleanly on a signal. */
export async function runBrowserHost(opts: { dbFile: string; port?: number; rendererDir?: string }): Promise<void> {
  const app = await createApp({ dbFile: opts.dbFile });
  const host = await startWebHost({
    dispatch: app.dispatch,
    rendererDir: opts.rendererDir ?? path.join(__dirname, '..', 'renderer'),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
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
