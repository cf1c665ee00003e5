// Where the Electron-ABI build of better-sqlite3 lives and when it must be (re)built. Two builds
// are kept apart: node_modules/ is for plain Node (tests, CLI), .electron-native/ is for `npm start`.
// How that build is made (outside the project tree) is planned in electron-native-build.ts.
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';

export interface ElectronNativePaths {
  /** The folder in the project that holds the finished Electron build (nothing is compiled here). */
  dir: string;
  /** The compiled addon passed to better-sqlite3 as `nativeBinding`. */
  binding: string;
  /** Records which Electron and better-sqlite3 versions the binding was built for. */
  stamp: string;
}

export function electronNativePaths(appRoot: string): ElectronNativePaths {
  const dir = join(appRoot, ELECTRON_NATIVE_DIR);
  return {
    dir,
    binding: join(dir, 'better_sqlite3.node'),
    stamp: join(dir, 'stamp.json'),
  };
}

export interface NativeBuildTarget {
  electronVersion: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}

export function stampContent(target: NativeBuildTarget): string {
  return `${JSON.stringify(target, null, 2)}\n`;
}

/** A rebuild is needed unless the binding exists and its stamp names exactly this target. */
export function needsRebuild(input: {
  target: NativeBuildTarget;
  existingStamp: string | null;
  bindingExists: boolean;
}): boolean {
  if (!input.bindingExists || input.existingStamp === null) return true;
  let recorded: unknown;
  try {
    recorded = JSON.parse(input.existingStamp);
  } catch {
    return true;
  }
  if (typeof recorded !== 'object' || recorded === null) return true;
  const r = recorded as Record<string, unknown>;
  const t = input.target;
  return !(
    r.electronVersion === t.electronVersion &&
    r.betterSqlite3Version === t.betterSqlite3Version &&
    r.platform === t.platform &&
    r.arch === t.arch
  );
}

/**
 * The `nativeBinding` for createCore. Packaged: undefined, because electron-builder's npmRebuild
 * already compiled node_modules/better-sqlite3 for Electron inside the app. Development: the
 * .electron-native build when present; otherwise undefined, and opening the database will fail
 * with a NODE_MODULE_VERSION error that names the fix (`node scripts/electron-native.mjs`).
 */
export function chooseNativeBinding(input: {
  isPackaged: boolean;
  appRoot: string;
  exists: (path: string) => boolean;
}): string | undefined {
  if (input.isPackaged) return undefined;
  const { binding } = electronNativePaths(input.appRoot);
  return input.exists(binding) ? binding : undefined;
}
