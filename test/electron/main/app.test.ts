// The main-process shell against the stand-in electron module: lifecycle, window options,
// deny-by-default hardening, IPC registration, database failures and the app:// handler.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OPERATION_NAMES, ServiceError, type Result } from '../../../shared/contract';
import type { Handlers } from '../../../electron/ipc/types';
import type { Core, CoreOptions } from '../../../electron/services';
import { startApp } from '../../../electron/main/app';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { createFakeElectron, fake, FakeWebContents, fakeEvent, type FakeOptions } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

const DEVICE_ID = '0b0e4a4e-4c35-4d8f-9a53-7a3f5d3c1a11';

function stubCore() {
  const handlers = new Proxy(
    {},
    {
      get: (_t, name) =>
        name === 'app:status'
          ? () => ({ version: '0.1.0', deviceId: DEVICE_ID, deviceLabel: 'KS-0B0E4A4E', deviceFingerprint: null, needsSetup: true, user: null })
          : () => {
              throw new Error(`stub handler ${String(name)} not expected`);
            },
    },
  ) as Handlers;
  const close = vi.fn();
  const received: CoreOptions[] = [];
  return {
    close,
    received,
    createCore: (options: CoreOptions): Pick<Core, 'handlers' | 'currentUser' | 'close'> => {
      received.push(options);
      return { handlers, currentUser: () => null, close };
    },
  };
}

let tempRoots: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-main-'));
  tempRoots.push(dir);
  return dir;
}

async function start(options: FakeOptions = {}, core = stubCore(), env: NodeJS.ProcessEnv = {}) {
  fake.current = createFakeElectron(options);
  const shell = startApp({ createCore: core.createCore, env });
  await shell.started;
  return { shell, core, world: fake.current.world, electron: fake.current.module };
}

beforeEach(() => {
  tempRoots = [];
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('lifecycle', () => {
  test('enables the sandbox and registers app:// as a standard secure scheme before ready', async () => {
    const { world } = await start();
    expect(world.sandboxEnabled).toBe(true);
    expect(world.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(world.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(world.calls.indexOf('ready'));
  });

  test('a second instance quits at once without a window, database or handlers', async () => {
    const core = stubCore();
    const { world } = await start({ singleInstanceLock: false }, core);
    expect(world.quitCalled).toBe(true);
    expect(world.windows).toHaveLength(0);
    expect(core.received).toHaveLength(0);
    expect(world.ipcHandlers.size).toBe(0);
  });

  test('when another instance starts, the existing window is restored and focused', async () => {
    const { world, electron } = await start();
    const win = world.windows[0]!;
    win.minimized = true;
    electron.app.emit('second-instance', fakeEvent(), ['khaosat'], '/');
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBe(1);
  });

  test('closing the window quits, and quitting closes the database', async () => {
    const { world, electron, core } = await start();
    electron.app.emit('window-all-closed');
    expect(world.quitCalled).toBe(true);
    electron.app.emit('will-quit', fakeEvent());
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});

describe('main window', () => {
  test.each([
    [{ width: 1366, height: 728 }, { width: 1280, height: 728, minWidth: 960, minHeight: 560 }],
    [{ width: 1024, height: 560 }, { width: 1024, height: 560, minWidth: 960, minHeight: 560 }],
    [{ width: 800, height: 480 }, { width: 800, height: 480, minWidth: 800, minHeight: 480 }],
  ])('fits the work area of the screen it opens on (%o)', async (workArea, size) => {
    const { world } = await start({ workArea });
    expect(world.windows[0]!.options).toMatchObject(size);
  });

  test('is created with exactly the hardened options and the bundled preload', async () => {
    const appPath = tempDir();
    const { world } = await start({ appPath });
    expect(world.windows).toHaveLength(1);
    expect(world.windows[0]!.options).toEqual({
      title: 'KhaoSat',
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 560,
      show: false,
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
      webPreferences: {
        preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      },
    });
  });

  test('loads app://khaosat/index.html, stays hidden until ready-to-show, keeps its title', async () => {
    const { world } = await start();
    const win = world.windows[0]!;
    expect(win.loadedUrl).toBe('app://khaosat/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    const titleEvent = fakeEvent();
    win.emit('page-title-updated', titleEvent, 'Something else');
    expect(titleEvent.defaultPrevented).toBe(true);
  });
});

describe('deny by default', () => {
  test('new windows, navigation (even to the app itself), redirects and webviews are refused', async () => {
    const { world } = await start();
    const contents = world.windows[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://khaosat/index.html' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://khaosat/index.html')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });

  test('any other web contents created later is hardened too', async () => {
    const { electron } = await start();
    const other = new FakeWebContents();
    electron.app.emit('web-contents-created', fakeEvent(), other);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(other.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  test('permission requests and checks are all denied while no surveyor is signed in', async () => {
    const { world } = await start();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      world.permissionRequestHandler!(
        ...([world.windows[0]!.webContents, permission, callback, { requestingUrl: 'app://khaosat/index.html', isMainFrame: true, mediaTypes: ['video'] }] as never[]),
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        world.permissionCheckHandler!(
          ...([world.windows[0]!.webContents, permission, 'app://khaosat', { requestingUrl: 'app://khaosat/index.html', isMainFrame: true, mediaType: 'video' }] as never[]),
        ),
      ).toBe(false);
    }
    expect(world.devicePermissionHandler!(...([{ deviceType: 'usb' }] as never[]))).toBe(false);
  });

  test('network requests leave only the app origin, data: and blob: through', async () => {
    const { world } = await start();
    const decide = (url: string) => {
      const callback = vi.fn();
      world.beforeRequestHandler!(...([{ url }, callback] as never[]));
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(decide('https://evil.example/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://khaosat/assets/index.js')).toBe(false);
    expect(decide('app://other/assets/index.js')).toBe(true);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('IPC', () => {
  type Listener = (event: unknown, payload: unknown) => Promise<Result<unknown>>;
  const call = (world: typeof fake.current.world, channel: string, event: unknown, payload: unknown) =>
    (world.ipcHandlers.get(channel) as unknown as Listener)(event, payload);

  test('every contract operation is registered exactly once, and nothing else', async () => {
    const { world } = await start();
    expect([...world.ipcHandlers.keys()].sort()).toEqual([...OPERATION_NAMES].sort());
  });

  test("the app's own page gets a result through the guard", async () => {
    const { world } = await start();
    const sender = world.windows[0]!.webContents;
    const result = await call(world, 'app:status', { sender, senderFrame: { url: 'app://khaosat/index.html' } }, {});
    expect(result).toEqual({
      ok: true,
      value: { version: '0.1.0', deviceId: DEVICE_ID, deviceLabel: 'KS-0B0E4A4E', deviceFingerprint: null, needsSetup: true, user: null },
    });
  });

  test('a call from a foreign page url is refused with foreign_sender', async () => {
    const { world } = await start();
    const sender = world.windows[0]!.webContents;
    const result = await call(world, 'app:status', { sender, senderFrame: { url: 'https://evil.example/' } }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('foreign_sender');
  });

  test('a call without a sender frame, or from web contents that is not our window, is refused', async () => {
    const { world } = await start();
    const sender = world.windows[0]!.webContents;
    const noFrame = await call(world, 'app:status', { sender, senderFrame: null }, {});
    expect(!noFrame.ok && noFrame.error.code).toBe('foreign_sender');
    const stranger = await call(
      world,
      'app:status',
      { sender: new FakeWebContents(), senderFrame: { url: 'app://khaosat/index.html' } },
      {},
    );
    expect(!stranger.ok && stranger.error.code).toBe('foreign_sender');
  });
});

describe('database', () => {
  test.each([
    ['database_damaged', 'Tệp dữ liệu bị hỏng', 'The database file is damaged'],
    ['database_too_new', 'phiên bản KhaoSat mới hơn', 'written by a newer KhaoSat'],
    ['database_unprotected', 'thiếu lớp bảo vệ', 'missing a protective trigger'],
    ['database_readonly', 'chỉ đọc', 'read-only'],
  ] as const)('%s: explains in Vietnamese and English and exits without a window', async (code, vi_, en) => {
    const core = stubCore();
    const failing = {
      ...core,
      createCore: (options: CoreOptions) => {
        core.received.push(options);
        throw new ServiceError(code, 'test');
      },
    };
    const { world } = await start({ userData: '/data/KhaoSat' }, failing);
    expect(world.errorBoxes).toHaveLength(1);
    expect(world.errorBoxes[0]!.content).toContain(vi_);
    expect(world.errorBoxes[0]!.content).toContain(en);
    expect(world.errorBoxes[0]!.content).toContain(join('/data/KhaoSat', 'khaosat.sqlite'));
    expect(world.exitCode).toBe(1);
    expect(world.windows).toHaveLength(0);
    expect(world.ipcHandlers.size).toBe(0);
    expect(world.protocolHandlers.size).toBe(0);
  });

  test('KHAOSAT_DATA_DIR moves the data folder, as for the CLI', async () => {
    const { core } = await start({ userData: '/data/KhaoSat' }, stubCore(), { KHAOSAT_DATA_DIR: '/srv/khaosat' });
    expect(core.received[0]).toMatchObject({ dbPath: join('/srv/khaosat', 'khaosat.sqlite') });
  });

  test('opens khaosat.sqlite in userData with the app version, backing it up into userData/backups', async () => {
    const { core } = await start({ userData: '/data/KhaoSat' });
    expect(core.received).toEqual([
      {
        dbPath: join('/data/KhaoSat', 'khaosat.sqlite'),
        appVersion: '0.1.0',
        backups: { dir: join('/data/KhaoSat', 'backups'), intervalMs: 15 * 60 * 1000, keep: 8, onError: expect.any(Function) },
        batchExport: { deviceKey: expect.any(Function), chooseFolder: expect.any(Function), recipientFor: expect.any(Function) },
        deviceFingerprint: expect.any(Function),
        analyst: { keyProtector: expect.any(Function), chooseKeyFolder: expect.any(Function), chooseImport: expect.any(Function), chooseExportFolder: expect.any(Function), chooseReportFile: expect.any(Function), pdfPrinter: expect.any(Function) },
      },
    ]);
  });

  test("batch export's folder chooser is Electron's open dialog (the stand-in cancels); no keychain and no passphrase → key_unavailable", async () => {
    const { core } = await start({ userData: tempDir() });
    const ports = core.received[0]!.batchExport!;
    expect(await ports.chooseFolder!()).toBeNull();
    await expect(ports.deviceKey!()).rejects.toMatchObject({ code: 'key_unavailable' });
    // The analyst's dialogs are the same open dialog; no keychain and no passphrase: no protector.
    const analyst = core.received[0]!.analyst!;
    expect(await analyst.chooseKeyFolder!()).toBeNull();
    expect(await analyst.chooseImport!('folder')).toBeNull();
    expect(await analyst.chooseExportFolder!()).toBeNull();
    expect(analyst.keyProtector!()).toBeNull();
  });

  test('in development the Electron-ABI build is passed as nativeBinding when it exists', async () => {
    const appPath = tempDir();
    const binding = join(appPath, '.electron-native', 'better_sqlite3.node');
    mkdirSync(join(binding, '..'), { recursive: true });
    writeFileSync(binding, '');
    const dev = await start({ appPath });
    expect(dev.core.received[0]?.nativeBinding).toBe(binding);
    const packaged = await start({ appPath, isPackaged: true });
    expect(packaged.core.received[0]).not.toHaveProperty('nativeBinding');
  });
});

describe('app:// protocol', () => {
  test('serves the built renderer from dist/renderer with the CSP header', async () => {
    const appPath = tempDir();
    mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>KhaoSat</title>');
    writeFileSync(join(appPath, 'secret.txt'), 'not for the page');
    const { world } = await start({ appPath });
    const handler = world.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://khaosat/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('KhaoSat');
    const escape = await handler(new Request('app://khaosat/..%2fsecret.txt'));
    expect([403, 404]).toContain(escape.status);
  });
});
