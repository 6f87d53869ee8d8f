/**
 * The backend process: Electron starts it with utilityProcess.fork (dist/electron/backend.cjs)
 * and talks to it over `process.parentPort`; under plain Node (the fake `electron` module in
 * tests) it is a child_process.fork and talks over `process.send`. It opens the replica, runs
 * the dispatcher and every service, so SQLite, signing a 3,000-student order or making a PDF
 * never holds the window's main thread.
 */
import type { SessionUser } from '../../src-shared/contract';
import { createApp, consoleLogger, type UniDeskApp } from '../app/create-app';
import { isToBackend, type FromBackend } from './backend-protocol';
import { setTokenKey } from '../platform/token-seal';
import { memorySessionStore, type SessionStore } from './dispatcher';

interface Port {
  on(event: 'message', listener: (message: unknown) => void): void;
  postMessage(message: FromBackend): void;
}

/** Electron's parentPort delivers `{ data }`; Node's IPC channel delivers the message itself. */
function parentPort(): Port {
  const electronPort = (process as NodeJS.Process & { parentPort?: { on(e: 'message', l: (ev: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (electronPort) return { on: (_e, l) => electronPort.on('message', (ev) => l(ev.data)), postMessage: (m) => electronPort.postMessage(m) };
  if (!process.send) throw new Error('backend.main must be started by the UniDesk shell');
  return { on: (_e, l) => process.on('message', l), postMessage: (m) => process.send!(m) };
}

/** The dispatcher's sign-ins, each change also told to main. */
function mirroredSessions(port: Port, initial: [string, SessionUser][]): SessionStore {
  const store = memorySessionStore();
  for (const [k, u] of initial) store.set(k, u);
  return {
    get: (k) => store.get(k),
    set: (k, u) => {
      store.set(k, u);
      port.postMessage({ type: 'session', key: k, user: u });
    },
    delete: (k) => {
      store.delete(k);
      port.postMessage({ type: 'session', key: k, user: null });
    },
  };
}

function main(): void {
  const port = parentPort();
  let app: UniDeskApp | null = null;
  port.on('message', (message) => {
    if (!isToBackend(message)) return;
    if (message.type === 'init') {
      setTokenKey(message.tokenKey ? Buffer.from(message.tokenKey, 'base64') : null);
      createApp({
        dbFile: message.dbFile,
        sessions: mirroredSessions(port, message.sessions),
        onProgress: (task, done, total) => port.postMessage({ type: 'progress', task, done, total }),
      }).then(
        (created) => {
          app = created;
          port.postMessage({ type: 'ready', dbFile: created.dbFile });
        },
        (err: unknown) => {
          port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
          process.exitCode = 1;
        },
      );
    } else if (message.type === 'call') {
      const { id } = message;
      if (!app) return port.postMessage({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: 'UniDesk is still starting.' } } });
      app.dispatch(message.sessionKey, message.envelope).then(
        (result) => port.postMessage({ type: 'result', id, result }),
        (err: unknown) => {
          consoleLogger.error('dispatch failed', err);
          port.postMessage({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: 'Internal error.' } } });
        },
      );
    } else {
      const closing = app;
      app = null;
      void (closing?.close() ?? Promise.resolve())
        .catch((err: unknown) => consoleLogger.error('closing failed', err))
        .finally(() => {
          port.postMessage({ type: 'closed' });
          process.exit(0);
        });
    }
  });
}

main();
