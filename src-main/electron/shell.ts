/**
 * The Electron shell's startup sequence, kept apart from main.ts so tests can run it with a
 * fake `electron` module and a fake createApp. Order matters and follows Electron's rules:
 * single-instance lock, sandbox and scheme privileges BEFORE ready; protocol, session
 * policies, services, IPC, window, menu and updater after.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { DB_FILE_NAME, resolveDbFile } from '../db/data-dir';
import type { Dispatch } from '../host/dispatcher';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { registerIpc } from './ipc';
import { aboutText, buildMenuTemplate } from './menu';
import { applySessionSecurity, hardenWebContents } from './security';
import { startUpdater, type UpdaterLog } from './updater';
import { createMainWindow } from './window';
import { pickLocale, translate } from '../../src-shared/i18n';

/** The shape of src-main/app/create-app.ts's UniDeskApp, restated so this file needs only the shape. */
export interface ShellServices {
  dbFile: string;
  dispatch: Dispatch;
  close(): Promise<void>;
}
export type CreateServices = (opts: { dbFile: string; log?: UpdaterLog }) => Promise<ShellServices>;

export interface ShellOptions {
  createApp: CreateServices;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** absolute path of the built renderer (dist/renderer) */
  rendererDir: string;
  /** absolute path of the preload bundle (dist/electron/preload.cjs) */
  preloadPath: string;
  log?: UpdaterLog;
}

export const consoleLog: UpdaterLog = {
  info: (message) => console.log(`[unidesk] ${message}`),
  error: (message, err) => console.error(`[unidesk] ${message}`, err ?? ''),
};

/** `--db FILE` or `--db=FILE`; the last one wins, like most CLIs. */
export function dbFlagFrom(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--db' && argv[i + 1]) found = argv[i + 1];
    else if (arg.startsWith('--db=') && arg.length > 5) found = arg.slice(5);
  });
  return found;
}

/** `--db`, then UNIDESK_DATA_DIR, then Electron's userData folder (same as resolveDbFile's default). */
export function shellDbFile(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const dbFlag = dbFlagFrom(argv);
  if (dbFlag || env.UNIDESK_DATA_DIR) return resolveDbFile({ dbFlag, env });
  return path.join(userDataDir, DB_FILE_NAME);
}

function messageOf(err: unknown): string {
  return err instanceof Error && err.message ? err.message : String(err);
}

/** Resolves once startup has finished (or been abandoned); never rejects. */
export async function startShell(opts: ShellOptions): Promise<void> {
  const log = opts.log ?? consoleLog;

  // A second copy would open the same SQLite file with a second writer; hand over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  let mainWindow: BrowserWindow | null = null;
  let services: ShellServices | null = null;
  let quitting = false;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // The services (and the database) close on quit, so quit when the last window goes.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!services) return;
    // Hold the quit until the database is closed cleanly, then quit for real.
    event.preventDefault();
    const closing = services;
    services = null;
    closing
      .close()
      .catch((err: unknown) => log.error('closing services failed', err))
      .finally(() => app.quit());
  });

  try {
    await app.whenReady();
    protocol.handle(APP_SCHEME, createAppProtocolHandler(opts.rendererDir));
    applySessionSecurity(session.defaultSession);

    const dbFile = shellDbFile(opts.argv, opts.env, app.getPath('userData'));
    const created = await opts.createApp({ dbFile, log });
    if (quitting) {
      // The user quit while the database was opening: close it and stop here.
      await created.close().catch((err: unknown) => log.error('closing services failed', err));
      return;
    }
    services = created;
    log.info(`database: ${created.dbFile}`);

    registerIpc(ipcMain, created.dispatch, log, (file) => shell.showItemInFolder(file));
    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: opts.preloadPath,
      url: APP_ENTRY_URL,
      onLoadError: (err) => log.error('loading the UI failed', err),
      confirmUnload: () => {
        // the system's language: the page's own choice is not known here, and ky/ru/en cover the offices
        const locale = pickLocale(app.getLocale().slice(0, 2));
        const say = (key: 'leave.go' | 'leave.stay' | 'leave.title' | 'leave.window') => translate(locale, key);
        const choice = dialog.showMessageBoxSync(mainWindow!, {
          type: 'question',
          title: app.getName(),
          message: say('leave.title'),
          detail: say('leave.window'),
          buttons: [say('leave.go'), say('leave.stay')],
          defaultId: 1,
          cancelId: 1,
        });
        return choice === 0;
      },
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          appName: app.getName(),
          version: app.getVersion(),
          isPackaged: app.isPackaged,
          platform: process.platform,
          showAbout: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: `About ${app.getName()}`,
              message: aboutText(app.getName(), app.getVersion()),
            });
          },
        }),
      ),
    );

    startUpdater({ getUpdater: () => autoUpdater, env: opts.env, log });
  } catch (err) {
    // createApp's messages are written for the user (e.g. "the database file is damaged…").
    log.error('startup failed', err);
    dialog.showErrorBox('UniDesk', messageOf(err));
    app.quit();
  }
}
