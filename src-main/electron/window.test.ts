import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, FakeEvent, resetFakeElectron } from './electron.fake';
import { createMainWindow } from './window';

beforeEach(() => resetFakeElectron());

function create(): BrowserWindow {
  return createMainWindow({ BrowserWindow: BrowserWindow as never, preloadPath: '/app/dist/electron/preload.cjs' }) as unknown as BrowserWindow;
}

describe('createMainWindow', () => {
  it('isolates and sandboxes the renderer', () => {
    const win = create();
    const prefs = win.options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('loads the app origin and shows only when ready to show', () => {
    const win = create();
    expect(win.loadedUrl).toBe('app://unidesk/index.html');
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('has a size that fits a 1366×768 office screen', () => {
    const { width, height, minWidth, minHeight } = create().options;
    expect(minWidth).toBeLessThanOrEqual(1366);
    expect(minHeight).toBeLessThanOrEqual(728);
    expect(width).toBeGreaterThanOrEqual(minWidth);
    expect(height).toBeGreaterThanOrEqual(minHeight);
  });

  it('asks before closing a window whose page holds unsaved work, and closes only when told to', () => {
    let answer = false;
    const asked: number[] = [];
    const win = createMainWindow({
      BrowserWindow: BrowserWindow as never,
      preloadPath: '/p.cjs',
      confirmUnload: () => {
        asked.push(1);
        return answer;
      },
    }) as unknown as BrowserWindow;
    const stay = new FakeEvent();
    win.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    answer = true;
    const leave = new FakeEvent();
    win.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
