import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../src-shared/contract';
import {
  app,
  BrowserWindow,
  callLog,
  dialog,
  fakeAutoUpdater,
  FakeEvent,
  ipcMain,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from './electron.fake';
import { dbFlagFrom, shellDbFile, startShell, type ShellServices } from './shell';

vi.mock('electron', () => import('./electron.fake'));
vi.mock('electron-updater', async () => ({ autoUpdater: (await import('./electron.fake')).fakeAutoUpdater }));

const quietLog = { info: vi.fn(), error: vi.fn() };

function fakeServices(): ShellServices & { closed: number } {
  const services = {
    dbFile: '/data/unidesk.sqlite',
    closed: 0,
    dispatch: vi.fn(async (): Promise<CallResult<unknown>> => ({ ok: true, data: 'hi' })),
    close: async () => {
      services.closed++;
    },
  };
  return services;
}

async function start(opts: { argv?: string[]; env?: NodeJS.ProcessEnv; createApp?: () => Promise<ShellServices> } = {}) {
  const services = fakeServices();
  const createApp = vi.fn(opts.createApp ?? (async () => services));
  await startShell({
    createApp,
    argv: opts.argv ?? ['electron', '.'],
    env: opts.env ?? {},
    rendererDir: '/app/dist/renderer',
    preloadPath: '/app/dist/electron/preload.cjs',
    log: quietLog,
  });
  return { services, createApp, window: BrowserWindow.instances[0] };
}

beforeEach(() => resetFakeElectron());

describe('startShell', () => {
  it('quits at once when another instance holds the lock', async () => {
    app.hasLock = false;
    const { createApp } = await start();
    expect(app.quitCount).toBe(1);
    expect(callLog).not.toContain('app.whenReady');
    expect(createApp).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('enables the sandbox and registers the app scheme before ready, serves it after', async () => {
    await start();
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const ready = callLog.indexOf('app.whenReady');
    expect(callLog.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(callLog.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(callLog.indexOf('protocol.handle app')).toBeGreaterThan(ready);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('wires services, IPC, a hardened window, menu and an idle updater', async () => {
    const { services, createApp, window } = await start();
    expect(createApp).toHaveBeenCalledWith({ dbFile: path.join('/fake/user-data', 'unidesk.sqlite'), log: quietLog });
    expect(callLog.indexOf('ipcMain.handle unidesk:call')).toBeLessThan(callLog.indexOf('new BrowserWindow'));

    expect(window?.loadedUrl).toBe('app://unidesk/index.html');
    expect(window?.options.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');

    // The window's web contents got the navigation guard through 'web-contents-created'.
    const nav = new FakeEvent('https://evil.example/');
    window?.webContents.emit('will-navigate', nav, nav.url);
    expect(nav.defaultPrevented).toBe(true);
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    // Session policies are installed on the default session.
    expect(session.defaultSession.headersListener).toBeTypeOf('function');
    expect(session.defaultSession.permissionCheckHandler?.()).toBe(false);

    // IPC from the window's main frame reaches this app's dispatcher.
    const handler = ipcMain.handlers.get('unidesk:call');
    const contents = window!.webContents;
    const envelope = { op: 'session.current', payload: {}, locale: 'ru' };
    await expect(handler?.({ sender: contents, senderFrame: contents.mainFrame }, envelope)).resolves.toEqual({ ok: true, data: 'hi' });
    expect(services.dispatch).toHaveBeenCalledWith(`ipc:${contents.id}`, envelope);

    expect(Menu.applicationMenu?.template.length).toBeGreaterThan(0);
    expect(fakeAutoUpdater.checks).toBe(0);
  });

  it('starts the updater when UNIDESK_UPDATE_URL is set', async () => {
    await start({ env: { UNIDESK_UPDATE_URL: 'https://updates.example.kg/' } });
    expect(fakeAutoUpdater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.kg/' }]);
    expect(fakeAutoUpdater.checks).toBe(1);
  });

  it('opens the database named by --db, else UNIDESK_DATA_DIR', async () => {
    const a = await start({ argv: ['UniDesk', '--db', '/tmp/x.sqlite'], env: { UNIDESK_DATA_DIR: '/srv/unidesk' } });
    expect(a.createApp).toHaveBeenCalledWith(expect.objectContaining({ dbFile: path.resolve('/tmp/x.sqlite') }));
    resetFakeElectron();
    const b = await start({ env: { UNIDESK_DATA_DIR: '/srv/unidesk' } });
    expect(b.createApp).toHaveBeenCalledWith(expect.objectContaining({ dbFile: path.join(path.resolve('/srv/unidesk'), 'unidesk.sqlite') }));
  });

  it('asks in the system language before a window with unsaved work closes, and keeps it open on "Stay"', async () => {
    app.locale = 'ky-KG';
    const { window } = await start();
    const stay = new FakeEvent();
    dialog.syncResponse = 1;
    window!.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    expect(dialog.messageBoxes.at(-1)).toMatchObject({ message: 'Бул экрандан чыгасызбы?', buttons: ['Чыгуу', 'Калуу'], cancelId: 1 });
    const leave = new FakeEvent();
    dialog.syncResponse = 0;
    window!.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
  });

  it('shows the error and quits, without a window, when the services cannot start', async () => {
    const { window } = await start({
      createApp: async () => {
        throw new Error('The database file is damaged. Restore it from a backup.');
      },
    });
    expect(dialog.errorBoxes).toEqual([{ title: 'UniDesk', content: 'The database file is damaged. Restore it from a backup.' }]);
    expect(app.quitCount).toBe(1);
    expect(window).toBeUndefined();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { window } = await start();
    window!.minimized = true;
    app.emit('second-instance', new FakeEvent(), ['UniDesk'], '/');
    expect(window?.minimized).toBe(false);
    expect(window?.visible).toBe(true);
    expect(window?.focused).toBe(true);
  });

  it('closes the services on quit, once, before quitting for real', async () => {
    const { services } = await start();
    const first = new FakeEvent();
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quitCount).toBe(1));
    expect(services.closed).toBe(1);
    // The second will-quit (from that app.quit()) lets the quit proceed.
    const second = new FakeEvent();
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(services.closed).toBe(1);
  });

  it('quits when the last window closes', async () => {
    await start();
    app.emit('window-all-closed');
    expect(app.quitCount).toBe(1);
  });
});

describe('database file', () => {
  it('reads --db FILE and --db=FILE', () => {
    expect(dbFlagFrom(['UniDesk', '--db', 'a.sqlite'])).toBe('a.sqlite');
    expect(dbFlagFrom(['UniDesk', '--db=b.sqlite'])).toBe('b.sqlite');
    expect(dbFlagFrom(['UniDesk', '--db'])).toBeUndefined();
    expect(dbFlagFrom(['UniDesk'])).toBeUndefined();
  });

  it('falls back to the userData folder', () => {
    expect(shellDbFile(['UniDesk'], {}, '/home/u/.config/UniDesk')).toBe(path.join('/home/u/.config/UniDesk', 'unidesk.sqlite'));
  });
});
