// How the Electron-ABI build is made without touching node_modules/: the Electron binary check,
// the workspace outside the project, and @electron/rebuild's own module walk given our options.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  MISSING_ELECTRON_MESSAGE,
  electronBinary,
  headerOverrides,
  isWithin,
  rebuildOptions,
  rebuildWorkspace,
  workspaceProblem,
} from '../../../electron/main/electron-native-build';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('electronBinary', () => {
  const electronDir = '/repo/node_modules/electron';
  const files = (entries: Record<string, string>) => ({
    exists: (p: string) => p in entries,
    readText: (p: string) => entries[p] ?? '',
  });

  test('the executable named by path.txt under dist/', () => {
    const fs = files({ [join(electronDir, 'path.txt')]: 'electron\n', [join(electronDir, 'dist', 'electron')]: '' });
    expect(electronBinary({ electronDir, env: {}, ...fs })).toBe(join(electronDir, 'dist', 'electron'));
  });

  test('none when the package was installed with the download skipped (no path.txt)', () => {
    expect(electronBinary({ electronDir, env: {}, ...files({}) })).toBeNull();
  });

  test('none when path.txt names a file that is not there (download interrupted)', () => {
    const fs = files({ [join(electronDir, 'path.txt')]: 'electron' });
    expect(electronBinary({ electronDir, env: {}, ...fs })).toBeNull();
  });

  test('ELECTRON_OVERRIDE_DIST_PATH replaces dist/, as in the electron package', () => {
    const fs = files({ '/opt/electron/electron': '' });
    expect(electronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...fs })).toBe('/opt/electron/electron');
    expect(electronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, ...fs })).toBeNull();
  });

  test('the message is one line, Vietnamese first, naming both ways to install', () => {
    expect(MISSING_ELECTRON_MESSAGE).not.toContain('\n');
    expect(MISSING_ELECTRON_MESSAGE.indexOf('Chưa có Electron')).toBe(0);
    expect(MISSING_ELECTRON_MESSAGE.indexOf('Electron binary missing')).toBeGreaterThan(0);
    expect(MISSING_ELECTRON_MESSAGE).toContain('npm install');
    expect(MISSING_ELECTRON_MESSAGE).toContain('npx install-electron');
  });
});

describe('the rebuild workspace', () => {
  test('isWithin', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b/c/d')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/a/b', '/a')).toBe(false);
  });

  test('a workspace in the temporary folder is outside this project', () => {
    const ws = rebuildWorkspace(join(tmpdir(), 'khaosat-electron-native-x'));
    expect(workspaceProblem(ws, ROOT)).toBeNull();
    expect(ws.builtBinding).toBe(join(ws.projectDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  });

  test('a workspace inside the project (the old .electron-native/ layout) is refused', () => {
    expect(workspaceProblem(rebuildWorkspace(join(ROOT, '.electron-native')), ROOT)).toMatch(/inside the project/);
    expect(workspaceProblem(rebuildWorkspace(tmpdir()), join(tmpdir(), 'project'))).toMatch(/inside the build folder/);
  });

  test('the rebuild is told to build in the workspace and to stop its upward walk there', () => {
    const ws = rebuildWorkspace('/tmp/ws');
    const options = rebuildOptions(ws, '45.5.0');
    expect(options.buildPath).toBe('/tmp/ws');
    expect(options.projectRootPath).toBe('/tmp/ws');
    expect(options.onlyModules).toEqual(['better-sqlite3']);
  });
});

test("npm's nodedir (Debian sets /usr) is removed so node-gyp fetches Electron's headers, not the system Node's", () => {
  expect(headerOverrides({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_cache: '/c', PATH: '/bin' }).sort()).toEqual([
    'NPM_CONFIG_NODEDIR',
    'npm_config_nodedir',
  ]);
  expect(headerOverrides({ PATH: '/bin' })).toEqual([]);
});

describe("@electron/rebuild's module walk with these options", () => {
  // A project with its own node_modules/better-sqlite3 and a workspace placed inside it: the
  // situation that rebuilt the project's Node build for Electron. The walk is the library's own
  // (its Rebuilder, imported by file because the package exports only rebuild()); nothing compiles.
  const project = mkdtempSync(join(tmpdir(), 'khaosat-walk-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function fakeModule(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    writeFileSync(join(dir, 'binding.gyp'), '{ "targets": [] }');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', dependencies: { 'better-sqlite3': '12.11.1' } }));
  fakeModule(join(project, 'node_modules', 'better-sqlite3'));
  const ws = rebuildWorkspace(join(project, '.electron-native'));
  fakeModule(ws.moduleDir);
  writeFileSync(join(ws.projectDir, 'package.json'), JSON.stringify({ name: 'w', dependencies: { 'better-sqlite3': '12.11.1' } }));

  async function modulesFound(options: Record<string, unknown>): Promise<string[]> {
    const lib = pathToFileURL(join(ROOT, 'node_modules', '@electron', 'rebuild', 'lib', 'rebuild.js')).href;
    const { Rebuilder } = (await import(lib)) as { Rebuilder: new (o: unknown) => { modulesToRebuild(): Promise<string[]> } };
    return new Rebuilder({ ...options, lifecycle: new EventEmitter() }).modulesToRebuild();
  }

  test('without projectRootPath the walk climbs into the project and finds its node_modules/better-sqlite3', async () => {
    const { projectRootPath: _dropped, ...withoutStop } = rebuildOptions(ws, '45.5.0');
    const found = await modulesFound(withoutStop);
    expect(found).toContain(join(project, 'node_modules', 'better-sqlite3'));
  });

  test('a linked prebuild-install in the workspace is not rebuilt, and the walk still stays there', async () => {
    const helper = join(project, 'node_modules', 'prebuild-install');
    mkdirSync(helper, { recursive: true });
    writeFileSync(join(helper, 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }));
    symlinkSync(helper, ws.prebuildInstallLink, 'junction');
    try {
      expect(await modulesFound(rebuildOptions(ws, '45.5.0'))).toEqual([ws.moduleDir]);
    } finally {
      rmSync(ws.prebuildInstallLink);
    }
  });

  test('with our options only the workspace copy is found', async () => {
    const found = await modulesFound(rebuildOptions(ws, '45.5.0'));
    expect(found).toEqual([ws.moduleDir]);
  });
});
