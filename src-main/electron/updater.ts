/**
 * Auto-update through electron-updater. Idle by default: universities host their own update
 * server (or none), so nothing is contacted until IT configures a URL via the
 * `UNIDESK_UPDATE_URL` environment variable or the `update-url` setting. Update failures are
 * logged and never stop the app: clerks must keep working offline.
 */
import type { AppUpdater } from 'electron-updater';

export interface UpdaterLog {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export type UpdaterLike = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdatesAndNotify' | 'on'>;

export interface StartUpdaterOptions {
  /** returns electron-updater's autoUpdater; a function so it is only loaded when configured */
  getUpdater: () => UpdaterLike;
  env?: NodeJS.ProcessEnv;
  /** the `update-url` setting, if the caller has one; the environment variable wins */
  settingUrl?: string | null;
  log: UpdaterLog;
}

/**
 * Only https feeds: an update is code the app will run, so a plain-http feed (anyone on the
 * network path could answer it), file: or a typo is treated as "not configured". A lab without
 * certificates may allow http explicitly with UNIDESK_UPDATE_ALLOW_HTTP=1 (never for offices).
 */
export function updateUrlFrom(env: NodeJS.ProcessEnv, settingUrl?: string | null): string | null {
  const raw = (env.UNIDESK_UPDATE_URL ?? '').trim() || (settingUrl ?? '').trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return url.toString();
    return url.protocol === 'http:' && env.UNIDESK_UPDATE_ALLOW_HTTP === '1' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Returns whether an update check was started. Never throws. */
export function startUpdater(opts: StartUpdaterOptions): boolean {
  const url = updateUrlFrom(opts.env ?? process.env, opts.settingUrl);
  if (!url) {
    opts.log.info('updates: no update URL configured, updater idle');
    return false;
  }
  try {
    const updater = opts.getUpdater();
    // Without a listener an 'error' event would throw from the EventEmitter.
    updater.on('error', (err) => opts.log.error('updates: update failed', err));
    updater.setFeedURL({ provider: 'generic', url });
    updater.checkForUpdatesAndNotify().catch((err: unknown) => opts.log.error('updates: check failed', err));
    opts.log.info(`updates: checking ${url}`);
    return true;
  } catch (err) {
    opts.log.error('updates: could not start', err);
    return false;
  }
}
