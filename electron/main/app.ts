// The Electron app lifecycle: single instance, privileged app:// scheme, hardening, the core
// (database + handlers), IPC registration and the one main window. index.ts only calls startApp.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session as electronSession } from 'electron';
import { ERROR_MESSAGES, ServiceError, type ErrorCode } from '../../shared/contract';
import { createGuard } from '../ipc/guard';
import { registerOperations, type IpcMainLike } from '../ipc/register';
import { BACKUPS_DIR } from '../db/backup';
import type { Session } from '../ipc/types';
import type { Core, CoreOptions } from '../services';
import { openCoreOrRecovery } from '../services/recovery';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { mainAnalystPorts } from './analyst-ports';
import { mainBatchExportPorts, mainDeviceFingerprint } from './batch-export-ports';
import { electronPdfPrinter, PRINT_PARTITION } from './report-printer';
import { mainReportPorts } from './report-ports';
import { hardenSession, hardenWebContents } from './hardening';
import { chooseNativeBinding } from './native-binding';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedSender, mainWindowOptions } from './security';

export interface StartOptions {
  /** Injected so tests can run the shell over a stub core; production passes services' createCore. */
  createCore: (options: CoreOptions) => Pick<Core, 'handlers' | 'currentUser' | 'close'>;
  /** KHAOSAT_DATA_DIR moves the data folder, as it does for the CLI (electron/paths.ts). */
  env?: NodeJS.ProcessEnv;
}

export interface AppShell {
  /** Settles once the window is created, or the app has quit (second instance, bad database). */
  started: Promise<void>;
  mainWindow: () => BrowserWindow | null;
}

export const DATABASE_FILE = 'khaosat.sqlite';
/** Online backups of the database into <userData>/backups while the app runs. */
export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;
export const BACKUPS_KEPT = 8;

export function startApp(options: StartOptions): AppShell {
  let mainWindow: BrowserWindow | null = null;
  let core: Pick<Core, 'handlers' | 'currentUser' | 'close'> | null = null;
  // One Session (who is signed in) per window's WebContents; unknown senders get none.
  const sessions = new WeakMap<object, Session>();

  const dataDir = (options.env ?? process.env).KHAOSAT_DATA_DIR;
  if (dataDir) app.setPath('userData', dataDir);

  app.enableSandbox();
  // Must happen before 'ready': app:// becomes a standard, secure origin for the renderer.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve(), mainWindow: () => null };
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // A fieldwork laptop has one window; closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  const appRoot = app.getAppPath();

  function openCore(): boolean {
    const dbPath = join(app.getPath('userData'), DATABASE_FILE);
    const nativeBinding = chooseNativeBinding({ isPackaged: app.isPackaged, appRoot, exists: existsSync });
    try {
      // A lost database (missing or empty beside backups) opens the recovery handlers instead of
      // quitting: the window shows the recovery screen and can restore a backup.
      core = openCoreOrRecovery(options.createCore, {
        dbPath,
        appVersion: app.getVersion(),
        backups: {
          dir: join(app.getPath('userData'), BACKUPS_DIR),
          intervalMs: BACKUP_INTERVAL_MS,
          keep: BACKUPS_KEPT,
          onError: (err) => console.error('[khaosat] backup failed', err),
        },
        batchExport: mainBatchExportPorts({ safeStorage, dialog, userData: app.getPath('userData'), env: options.env ?? process.env }),
        deviceFingerprint: mainDeviceFingerprint({ safeStorage, userData: app.getPath('userData'), env: options.env ?? process.env }),
        analyst: {
          ...mainAnalystPorts({ safeStorage, dialog, env: options.env ?? process.env }),
          // analysis:reportPdf: the save dialog, and a hidden window's printToPDF.
          ...mainReportPorts({
            dialog,
            documentsDir: () => app.getPath('documents'),
            printer: () => electronPdfPrinter({ createWindow: (o) => new BrowserWindow(o), session: electronSession.fromPartition(PRINT_PARTITION) }),
          }),
        },
        ...(nativeBinding ? { nativeBinding } : {}),
      });
      return true;
    } catch (error) {
      // Nothing has been written: the core refuses a damaged, too-new, unprotected or read-only
      // file before migrating, each with its own message.
      const code: ErrorCode = error instanceof ServiceError ? error.code : 'internal';
      const m = ERROR_MESSAGES[code];
      const detail = code === 'internal' && error instanceof Error ? `\n\n${error.message}` : '';
      dialog.showErrorBox('KhaoSat', `${m.vi}\n\n${m.en}\n\n${dbPath}${detail}`);
      app.exit(1);
      return false;
    }
  }

  function createMainWindow(): BrowserWindow {
    const preload = join(appRoot, 'dist', 'electron', 'preload.cjs');
    // Sized to the screen it opens on: a 1024×600 netbook gets a window that fits, not 1280×820.
    const win = new BrowserWindow(mainWindowOptions(preload, screen.getPrimaryDisplay().workAreaSize));
    sessions.set(win.webContents, { user: null });
    // Keep the title "KhaoSat" whatever the page's <title> says.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    void win.loadURL(APP_ENTRY_URL);
    return win;
  }

  const started = app.whenReady().then(() => {
    // The camera and microphone only for the window where a surveyor is signed in (the Session
    // the guard keeps for that window's contents).
    hardenSession(electronSession.defaultSession, {
      surveyorSignedIn: (contents) => (contents ? sessions.get(contents)?.user?.role === 'surveyor' : false),
    });
    if (!openCore() || !core) return;

    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(appRoot, 'dist', 'renderer')));

    const guard = createGuard({
      handlers: core.handlers,
      currentUser: core.currentUser,
      isTrustedSender,
      onInternalError: (operation, error) => console.error(`[khaosat] ${operation} failed`, error),
    });
    registerOperations(ipcMain as unknown as IpcMainLike, {
      guard,
      sessionFor: (sender) => (typeof sender === 'object' && sender !== null ? sessions.get(sender) ?? null : null),
    });

    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createMainWindow();
    });
  });

  return { started, mainWindow: () => mainWindow };
}
