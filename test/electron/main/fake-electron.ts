// A stand-in for the 'electron' module (there is no Electron binary on CI): records windows and
// their options, ipcMain handlers, protocol registrations, session handlers and bridge exposures,
// and enforces the ordering rules Electron enforces (schemes before ready, handle after ready).
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits `name` with a fresh event and says whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export interface FakeOptions {
  /** The primary display's usable area (screen.getPrimaryDisplay().workAreaSize). */
  workArea?: { width: number; height: number };
  singleInstanceLock?: boolean;
  appPath?: string;
  userData?: string;
  isPackaged?: boolean;
}

export function createFakeElectron(options: FakeOptions = {}) {
  const world = {
    isReady: false,
    calls: [] as string[],
    exitCode: null as number | null,
    quitCalled: false,
    sandboxEnabled: false,
    userDataOverride: null as string | null,
    errorBoxes: [] as { title: string; content: string }[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Listener>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; args: unknown[] }[],
    windows: [] as FakeBrowserWindowInstance[],
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    devicePermissionHandler: null as Listener | null,
    beforeRequestHandler: null as Listener | null,
  };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    enableSandbox() {
      world.sandboxEnabled = true;
    },
    requestSingleInstanceLock() {
      return options.singleInstanceLock ?? true;
    },
    quit() {
      world.quitCalled = true;
    },
    exit(code = 0) {
      world.exitCode = code;
    },
    getAppPath: () => options.appPath ?? '/nonexistent/khaosat',
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`fake getPath(${name}) not supported`);
      return world.userDataOverride ?? options.userData ?? '/nonexistent/userData';
    },
    setPath: (name: string, value: string) => {
      if (name !== 'userData') throw new Error(`fake setPath(${name}) not supported`);
      if (world.isReady) throw new Error('userData must be set before ready');
      world.userDataOverride = value;
    },
    getVersion: () => '0.1.0',
    whenReady: () =>
      Promise.resolve().then(() => {
        world.isReady = true;
        world.calls.push('ready');
      }),
  });

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = false;
    focusCount = 0;
    minimized = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      if (!world.isReady) throw new Error('BrowserWindow created before ready');
      world.windows.push(this);
      world.calls.push('new BrowserWindow');
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focusCount += 1;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
  }

  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      if (world.isReady) throw new Error('registerSchemesAsPrivileged must be called before ready');
      world.privilegedSchemes.push(...schemes);
      world.calls.push('registerSchemesAsPrivileged');
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (!world.isReady) throw new Error('protocol.handle before ready');
      if (world.protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} handled twice`);
      world.protocolHandlers.set(scheme, handler);
    },
  };

  const ipcMain = {
    handle(channel: string, listener: Listener) {
      // Electron's own rule: one handler per channel.
      if (world.ipcHandlers.has(channel)) {
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      }
      world.ipcHandlers.set(channel, listener);
    },
  };

  const defaultSession = {
    setPermissionRequestHandler(handler: Listener) {
      world.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      world.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Listener) {
      world.devicePermissionHandler = handler;
    },
    webRequest: {
      onBeforeRequest(handler: Listener) {
        world.beforeRequestHandler = handler;
      },
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    ipcMain,
    session: { defaultSession },
    screen: {
      getPrimaryDisplay() {
        if (!world.isReady) throw new Error('screen used before ready');
        return { workAreaSize: options.workArea ?? { width: 1920, height: 1040 } };
      },
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        world.errorBoxes.push({ title, content });
      },
      async showOpenDialog(_options: unknown) {
        return { canceled: true, filePaths: [] as string[] };
      },
    },
    // No keychain in the stand-in (as on Linux without one).
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (): Buffer => {
        throw new Error('no keychain');
      },
      decryptString: (): string => {
        throw new Error('no keychain');
      },
    },
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown) {
        if (world.exposed.has(key)) throw new Error(`${key} exposed twice`);
        world.exposed.set(key, value);
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        world.invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };

  return { world, module };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
type FakeBrowserWindowInstance = {
  options: Record<string, unknown>;
  webContents: FakeWebContents;
  loadedUrl: string | null;
  shown: boolean;
  focusCount: number;
  minimized: boolean;
  emit(name: string, ...args: unknown[]): boolean;
};

/** The current fake; tests replace it in beforeEach, and the mocked module reads through it. */
export const fake: { current: FakeElectron } = { current: createFakeElectron() };

/** What `vi.mock('electron', ...)` returns: getters so each test sees its own fresh fake. */
export function electronModule() {
  const m = () => fake.current.module;
  return {
    get app() {
      return m().app;
    },
    get BrowserWindow() {
      return m().BrowserWindow;
    },
    get protocol() {
      return m().protocol;
    },
    get ipcMain() {
      return m().ipcMain;
    },
    get session() {
      return m().session;
    },
    get screen() {
      return m().screen;
    },
    get dialog() {
      return m().dialog;
    },
    get safeStorage() {
      return m().safeStorage;
    },
    get contextBridge() {
      return m().contextBridge;
    },
    get ipcRenderer() {
      return m().ipcRenderer;
    },
  };
}
