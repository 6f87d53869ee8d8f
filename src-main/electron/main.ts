/**
 * Entry of the Electron main process, bundled by esbuild to dist/electron/main.cjs (CJS, so
 * __dirname is the dist/electron folder; import.meta is not available there).
 * Everything else lives in shell.ts so it can be tested without Electron.
 */
import path from 'node:path';
import { safeStorage, utilityProcess } from 'electron';
import { startBackend } from './backend-client';
import { consoleLog, startShell } from './shell';
import { loadTokenKey } from './token-key';

void startShell({
  // the services run in a utility process (dist/electron/backend.cjs); main only routes calls
  createApp: ({ dbFile, log }) =>
    startBackend({
      fork: (entry, args, options) => utilityProcess.fork(entry, args, options),
      entry: path.join(__dirname, 'backend.cjs'),
      dbFile,
      env: process.env,
      log: log ?? consoleLog,
      // the device token is sealed with a key only this OS user's safe storage opens
      tokenKey: loadTokenKey(path.dirname(dbFile), safeStorage, log ?? consoleLog),
    }),
  argv: process.argv,
  env: process.env,
  rendererDir: path.join(__dirname, '..', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.cjs'),
});
