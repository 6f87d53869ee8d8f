/**
 * Entry of the Electron main process, bundled by esbuild to dist/electron/main.cjs (CJS, so
 * __dirname is the dist/electron folder; import.meta is not available there).
 * Everything else lives in shell.ts so it can be tested without Electron.
 */
import path from 'node:path';
import { createApp } from '../app/create-app';
import { startShell } from './shell';

void startShell({
  createApp,
  argv: process.argv,
  env: process.env,
  rendererDir: path.join(__dirname, '..', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.cjs'),
});
