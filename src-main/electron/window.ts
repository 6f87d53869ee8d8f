/**
 * The main window. The renderer is treated as untrusted web content: isolated context,
 * OS sandbox, no Node, web security on. Its only door to main is the preload's
 * `window.unidesk.call`.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** absolute path to dist/electron/preload.cjs */
  preloadPath: string;
  url?: string;
  onLoadError?: (err: unknown) => void;
  /**
   * The page holds unsaved work and asked to stay open (its beforeunload): Electron shows no
   * prompt of its own, so this asks; true closes anyway.
   */
  confirmUnload?: () => boolean;
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    // Office screens are often 1366×768 with a taskbar; the grid layouts need at least this.
    minWidth: 1024,
    minHeight: 640,
    title: 'UniDesk',
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show' so clerks never see a white flash or a half-drawn page.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-prevent-unload', (event) => {
    // preventDefault here means "ignore the page's objection and unload"
    if (deps.confirmUnload?.()) event.preventDefault();
  });
  win.loadURL(deps.url ?? APP_ENTRY_URL).catch((err: unknown) => deps.onLoadError?.(err));
  return win;
}
