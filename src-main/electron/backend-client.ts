/**
 * Electron main's side of the backend process (backend.main.ts): forks it, routes every call
 * to it and its answer back, mirrors sign-ins, and restarts it if it dies. Main itself stays a
 * thin router, so the window moves and repaints whatever the backend is doing.
 *
 * A call in flight when the backend dies is answered with an error the user can act on (each
 * write is one SQLite transaction: it either committed before the crash or left nothing), and
 * the next call goes to a fresh backend with the same sign-ins.
 */
import { pickLocale, translate } from '../../src-shared/i18n';
import type { CallResult, SessionUser } from '../../src-shared/contract';
import { isFromBackend, type FromBackend, type ToBackend } from '../host/backend-protocol';
import type { ShellServices } from './shell';

/** What this file needs of Electron's UtilityProcess (and of the fake's). */
export interface BackendChild {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  kill(): boolean;
}
export type ForkBackend = (modulePath: string, args: string[], options: { serviceName: string; env: NodeJS.ProcessEnv }) => BackendChild;

export interface BackendLog {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface BackendOptions {
  fork: ForkBackend;
  /** the bundled backend entry (dist/electron/backend.cjs) */
  entry: string;
  dbFile: string;
  env: NodeJS.ProcessEnv;
  log: BackendLog;
  /** the key that seals the device token (from safeStorage), base64; null where it is not available */
  tokenKey?: string | null;
  /** restarts allowed within a minute before giving up (a backend that dies at once would loop) */
  maxRestarts?: number;
}

interface Running {
  child: BackendChild;
  ready: Promise<void>;
}

export async function startBackend(opts: BackendOptions): Promise<ShellServices> {
  const sessions = new Map<string, SessionUser>();
  const pending = new Map<number, { resolve(r: CallResult<unknown>): void; locale: unknown }>();
  const restarts: number[] = [];
  let nextId = 1;
  let closing = false;
  let dbFile = opts.dbFile;
  let running: Running;

  const spawn = (): Running => {
    const child = opts.fork(opts.entry, [], { serviceName: 'UniDesk backend', env: opts.env });
    let settle!: { resolve(): void; reject(e: Error): void };
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    let started = false;
    child.on('message', (m: unknown) => {
      if (!isFromBackend(m)) return;
      handle(m, settle, () => (started = true));
    });
    child.on('exit', (code: number) => {
      if (!started) settle.reject(new Error(`UniDesk's service stopped while starting (exit code ${code}).`));
      if (closing || running?.child !== child) return;
      crashed(code);
    });
    child.postMessage({ type: 'init', dbFile: opts.dbFile, sessions: [...sessions], tokenKey: opts.tokenKey ?? null });
    return { child, ready };
  };

  const handle = (m: FromBackend, settle: { resolve(): void; reject(e: Error): void }, markStarted: () => void) => {
    switch (m.type) {
      case 'ready':
        markStarted();
        dbFile = m.dbFile;
        settle.resolve();
        break;
      case 'failed':
        markStarted();
        settle.reject(new Error(m.message));
        break;
      case 'result':
        pending.get(m.id)?.resolve(m.result);
        pending.delete(m.id);
        break;
      case 'session':
        if (m.user) sessions.set(m.key, m.user);
        else sessions.delete(m.key);
        break;
      case 'progress':
        opts.log.info(`starting: ${m.task} ${m.done}/${m.total}`);
        break;
      case 'closed':
        break;
    }
  };

  const crashed = (code: number) => {
    opts.log.error(`UniDesk's service stopped unexpectedly (exit code ${code}); restarting it`);
    for (const [id, call] of pending) {
      call.resolve({ ok: false, error: { code: 'internal', message: translate(pickLocale(call.locale), 'error.backendRestarted') } });
      pending.delete(id);
    }
    const now = Date.now();
    while (restarts.length && now - restarts[0]! > 60_000) restarts.shift();
    if (restarts.length >= (opts.maxRestarts ?? 5)) {
      opts.log.error('UniDesk\'s service keeps stopping; not restarting it again');
      running = { child: running.child, ready: Promise.reject(new Error(translate('en', 'error.backendRestarted'))) };
      running.ready.catch(() => undefined);
      return;
    }
    restarts.push(now);
    running = spawn();
    running.ready.catch((err: unknown) => opts.log.error('restarting the service failed', err));
  };

  running = spawn();
  await running.ready;

  return {
    get dbFile() {
      return dbFile;
    },
    async dispatch(sessionKey: string, envelope: unknown): Promise<CallResult<unknown>> {
      const locale = (envelope as { locale?: unknown } | null)?.locale;
      try {
        await running.ready;
      } catch {
        return { ok: false, error: { code: 'internal', message: translate(pickLocale(locale), 'error.backendRestarted') } };
      }
      const id = nextId++;
      return new Promise<CallResult<unknown>>((resolve) => {
        pending.set(id, { resolve, locale });
        running.child.postMessage({ type: 'call', id, sessionKey, envelope });
      });
    },
    async close(): Promise<void> {
      closing = true;
      const child = running.child;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 10_000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.postMessage({ type: 'close' });
      });
    },
  };
}
