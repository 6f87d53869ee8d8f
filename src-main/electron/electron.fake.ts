/**
 * A small stand-in for the `electron` module (and electron-updater's autoUpdater) for unit
 * tests: the real runtime cannot run under vitest. Each piece records what the code under
 * test did with it, so tests assert behaviour (options passed, handlers installed, what a
 * handler does) rather than implementation details. Use with
 *   vi.mock('electron', () => import('./electron.fake'))
 * and call resetFakeElectron() in beforeEach.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { fork as forkChild, type ChildProcess } from 'node:child_process';
type Listener = (...args: any[]) => any;

/** Ordered log of notable calls, for "X happens before Y" assertions. */
export const callLog: string[] = [];

class FakeEmitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(name, wrapped);
  }
  emit(name: string, ...args: any[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }
  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
  removeAll(): void {
    this.listeners.clear();
  }
}

/** Electron's preventable event; navigation events carry the target URL on it. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;
export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  mainFrame = new FakeWebFrame('app://unidesk/index.html');
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

class FakeApp extends FakeEmitter {
  hasLock = true;
  ready = false;
  isPackaged = false;
  quitCount = 0;
  sandboxEnabled = false;
  userDataDir = '/fake/user-data';
  requestSingleInstanceLock(): boolean {
    callLog.push('app.requestSingleInstanceLock');
    return this.hasLock;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('enableSandbox must be called before ready');
    callLog.push('app.enableSandbox');
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    callLog.push('app.whenReady');
    this.ready = true;
    return Promise.resolve();
  }
  quit(): void {
    callLog.push('app.quit');
    this.quitCount++;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake getPath: ${name}`);
    return this.userDataDir;
  }
  locale = 'ru-RU';
  getLocale(): string {
    return this.locale;
  }
  getName(): string {
    return 'UniDesk';
  }
  getVersion(): string {
    return '0.1.0';
  }
  reset(): void {
    this.removeAll();
    Object.assign(this, { hasLock: true, ready: false, isPackaged: false, quitCount: 0, sandboxEnabled: false, locale: 'ru-RU' });
  }
}
export const app = new FakeApp();

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  constructor(readonly options: any) {
    super();
    callLog.push('new BrowserWindow');
    BrowserWindow.instances.push(this);
    // Real Electron emits this for every new web contents.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

/**
 * Electron's utilityProcess, played by a real Node child process (child_process.fork): the
 * backend entry runs for real, only the channel differs (process.send instead of
 * process.parentPort, which backend.main.ts accepts both of). Tests can kill it like a crash.
 */
export class FakeUtilityProcess extends FakeEmitter {
  static instances: FakeUtilityProcess[] = [];
  readonly child: ChildProcess;
  exited = false;
  constructor(modulePath: string, args: string[], options: any) {
    super();
    callLog.push('utilityProcess.fork');
    this.child = forkChild(modulePath, args, { env: options?.env, serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child.stdout?.resume();
    this.child.stderr?.resume();
    this.child.on('message', (m) => this.emit('message', m));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.emit('exit', code ?? (signal ? 1 : 0));
    });
    FakeUtilityProcess.instances.push(this);
  }
  get pid(): number | undefined {
    return this.child.pid;
  }
  postMessage(message: unknown): void {
    if (!this.exited && this.child.connected) this.child.send(message as any);
  }
  kill(): boolean {
    return this.child.kill('SIGKILL');
  }
}

/** Safe storage as on a Linux box without a keyring: not available (token-key.test.ts covers the rest). */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (s: string) => Buffer.from(s),
  decryptString: (b: Buffer) => b.toString(),
};

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: any = {}): FakeUtilityProcess {
    return new FakeUtilityProcess(modulePath, args, options);
  },
};

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener): void {
    callLog.push(`ipcMain.handle ${channel}`);
    ipcMain.handlers.set(channel, handler);
  },
};

export const ipcRenderer = {
  invocations: [] as { channel: string; args: unknown[] }[],
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, data: null });
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, Listener>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
    callLog.push('protocol.registerSchemesAsPrivileged');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Listener): void {
    callLog.push(`protocol.handle ${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
};

export class FakeSession {
  headersListener: Listener | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: Listener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export const Menu = {
  applicationMenu: null as { template: any[] } | null,
  buildFromTemplate(template: any[]): { template: any[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: any[] } | null): void {
    Menu.applicationMenu = menu;
  },
};

/** Electron's shell: the folders shown to the fake user. */
export const shell = {
  shown: [] as string[],
  showItemInFolder(file: string): void {
    shell.shown.push(file);
  },
};

export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as unknown[],
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
  /** the button the fake user presses in a synchronous box */
  syncResponse: 0,
  showMessageBoxSync(_window: unknown, options: unknown): number {
    dialog.messageBoxes.push(options);
    return dialog.syncResponse;
  },
  showMessageBox(options: unknown): Promise<{ response: number }> {
    dialog.messageBoxes.push(options);
    return Promise.resolve({ response: 0 });
  },
};

/** electron-updater's autoUpdater, for vi.mock('electron-updater', …). */
export const fakeAutoUpdater = {
  feeds: [] as unknown[],
  checks: 0,
  checkResult: Promise.resolve(null) as Promise<unknown>,
  errorListeners: [] as Listener[],
  setFeedURL(options: unknown): void {
    fakeAutoUpdater.feeds.push(options);
  },
  checkForUpdatesAndNotify(): Promise<unknown> {
    fakeAutoUpdater.checks++;
    return fakeAutoUpdater.checkResult;
  },
  on(name: string, listener: Listener): unknown {
    if (name === 'error') fakeAutoUpdater.errorListeners.push(listener);
    return fakeAutoUpdater;
  },
};

export function resetFakeElectron(): void {
  shell.shown = [];
  for (const p of FakeUtilityProcess.instances) if (!p.exited) p.kill();
  FakeUtilityProcess.instances = [];
  callLog.length = 0;
  app.reset();
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  ipcRenderer.invocations = [];
  contextBridge.exposed.clear();
  protocol.privileged = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  Menu.applicationMenu = null;
  dialog.errorBoxes = [];
  dialog.messageBoxes = [];
  dialog.syncResponse = 0;
  Object.assign(fakeAutoUpdater, { feeds: [], checks: 0, checkResult: Promise.resolve(null), errorListeners: [] });
}
