// How scripts/electron-native.mjs makes the Electron-ABI build of better-sqlite3 without touching
// node_modules/: first make sure there is an Electron to build for, then compile a private copy in
// a temporary folder OUTSIDE the project and copy only the finished .node file into
// .electron-native/. Pure decisions here, tested; the script does the file work.
//
// Why outside: @electron/rebuild collects every node_modules/ folder while walking UP from its
// buildPath, for as long as each folder has a package.json (search-module.js). A build folder
// inside the project (the old .electron-native/ layout) therefore also found the project's own
// node_modules/better-sqlite3 and rebuilt it for Electron, breaking `npm test` and the CLI.
// Setting projectRootPath to the build folder stops that walk there as well; both guards are kept.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** One line, Vietnamese then English: what is missing and the two ways to get it. */
export const MISSING_ELECTRON_MESSAGE =
  'Chưa có Electron: chạy `npm install` khi có Internet, hoặc `npx install-electron` (= node node_modules/electron/install.js). / ' +
  'Electron binary missing: run `npm install` with internet access, or `npx install-electron` (= node node_modules/electron/install.js).';

/**
 * The Electron executable `electron .` would start, or null when it is not there. Mirrors the
 * electron package's index.js (path.txt names the file under dist/, ELECTRON_OVERRIDE_DIST_PATH
 * replaces dist/) but never calls it: requiring `electron` without a binary starts a download.
 */
export function electronBinary(input: {
  electronDir: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  readText: (path: string) => string;
}): string | null {
  const pathFile = join(input.electronDir, 'path.txt');
  const name = input.exists(pathFile) ? input.readText(pathFile).trim() : '';
  const override = input.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable: string;
  if (override) executable = join(override, name || 'electron');
  else if (name) executable = join(input.electronDir, 'dist', name);
  else return null;
  return input.exists(executable) ? executable : null;
}

export interface RebuildWorkspace {
  /** The throw-away project handed to @electron/rebuild (package.json + node_modules/better-sqlite3). */
  projectDir: string;
  /** The private copy of the better-sqlite3 sources that gets compiled. */
  moduleDir: string;
  /** Where the compiled addon appears inside the workspace. */
  builtBinding: string;
  /**
   * A link to the project's prebuild-install, where @electron/rebuild looks for it: with internet
   * it then downloads better-sqlite3's prebuilt Electron binary into the workspace copy instead
   * of compiling for minutes. It is not rebuilt (onlyModules) and writes only into the copy.
   */
  prebuildInstallLink: string;
}

export function rebuildWorkspace(tempDir: string): RebuildWorkspace {
  const moduleDir = join(tempDir, 'node_modules', 'better-sqlite3');
  return {
    projectDir: tempDir,
    moduleDir,
    builtBinding: join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
    prebuildInstallLink: join(tempDir, 'node_modules', 'prebuild-install'),
  };
}

/** True when `path` is `dir` or lies under it. */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Refuses a workspace inside the project (or a project inside the workspace): from there the
 * rebuild's upward walk reaches the project's node_modules/. Returns the reason, or null.
 */
export function workspaceProblem(workspace: RebuildWorkspace, appRoot: string): string | null {
  if (isWithin(appRoot, workspace.projectDir)) {
    return `the build folder ${workspace.projectDir} is inside the project ${appRoot}`;
  }
  if (isWithin(workspace.projectDir, appRoot)) {
    return `the project ${appRoot} is inside the build folder ${workspace.projectDir}`;
  }
  return null;
}

/** The options for @electron/rebuild's rebuild(): only the workspace's copy, walk stopped there. */
export function rebuildOptions(workspace: RebuildWorkspace, electronVersion: string) {
  return {
    buildPath: workspace.projectDir,
    projectRootPath: workspace.projectDir,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    types: ['prod'] as ('prod' | 'dev' | 'optional')[],
    force: true,
    mode: 'sequential' as const,
  };
}

/** What Electron 45 and its build tools (@electron/rebuild, @electron/get, node-abi) declare. */
export const DESKTOP_NODE_MIN = '22.12.0';

/** `a.b.c ≥ x.y.z`, numerically; a leading `v` is ignored. */
export function versionAtLeast(version: string, min: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parse(version), parse(min)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * One line (vi / en) when this Node is older than the Electron tools declare, or null. A warning,
 * not a stop: the tools often work on Node 20, and the message says what to do if they do not.
 */
export function oldNodeWarning(nodeVersion: string): string | null {
  if (versionAtLeast(nodeVersion, DESKTOP_NODE_MIN)) return null;
  const v = nodeVersion.replace(/^v/, '');
  return (
    `Công cụ build của Electron 45 cần Node ≥ ${DESKTOP_NODE_MIN} (đang chạy ${v}); nếu biên dịch lỗi, hãy dùng Node ${DESKTOP_NODE_MIN}+. / ` +
    `Electron 45's build tools need Node ≥ ${DESKTOP_NODE_MIN} (this is ${v}); if the build fails, use Node ${DESKTOP_NODE_MIN}+.`
  );
}

/**
 * Environment keys to remove before the rebuild. npm passes its config to scripts as
 * `npm_config_*`, and Debian's npm sets `nodedir=/usr`: node-gyp then compiles against the
 * system Node's headers instead of Electron's, and the "Electron" build has Node's ABI (seen on
 * these machines under `npm start`/`npx`).
 */
export function headerOverrides(env: Record<string, string | undefined>): string[] {
  return Object.keys(env).filter((k) => k.toLowerCase() === 'npm_config_nodedir');
}
