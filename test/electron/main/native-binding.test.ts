// The two native builds kept apart: where the Electron-ABI build lives, when it is rebuilt,
// and which binding the main process passes to the core.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  chooseNativeBinding,
  electronNativePaths,
  needsRebuild,
  stampContent,
  type NativeBuildTarget,
} from '../../../electron/main/native-binding';

const target: NativeBuildTarget = {
  electronVersion: '45.5.0',
  betterSqlite3Version: '12.11.1',
  platform: 'linux',
  arch: 'x64',
};

test('the Electron build is one file under .electron-native/, never in node_modules/', () => {
  const paths = electronNativePaths('/repo');
  expect(paths.dir).toBe(join('/repo', '.electron-native'));
  expect(paths.binding).toBe(join('/repo', '.electron-native', 'better_sqlite3.node'));
  expect(paths.stamp).toBe(join('/repo', '.electron-native', 'stamp.json'));
  expect(paths.binding.startsWith(join('/repo', 'node_modules'))).toBe(false);
  // No node_modules/ inside .electron-native/: nothing there for a rebuild's module walk to find.
  expect(paths.binding.includes('node_modules')).toBe(false);
});

describe('needsRebuild', () => {
  test('not when the binding exists and the stamp names the same target', () => {
    expect(needsRebuild({ target, existingStamp: stampContent(target), bindingExists: true })).toBe(false);
  });

  test('when the binding or the stamp is missing', () => {
    expect(needsRebuild({ target, existingStamp: stampContent(target), bindingExists: false })).toBe(true);
    expect(needsRebuild({ target, existingStamp: null, bindingExists: true })).toBe(true);
  });

  test.each([
    ['electronVersion', '46.0.0'],
    ['betterSqlite3Version', '12.12.0'],
    ['platform', 'win32'],
    ['arch', 'arm64'],
  ] as const)('when the stamp differs in %s', (key, value) => {
    const other = stampContent({ ...target, [key]: value });
    expect(needsRebuild({ target, existingStamp: other, bindingExists: true })).toBe(true);
  });

  test('when the stamp is not valid JSON', () => {
    expect(needsRebuild({ target, existingStamp: '{oops', bindingExists: true })).toBe(true);
    expect(needsRebuild({ target, existingStamp: 'null', bindingExists: true })).toBe(true);
  });
});

describe('chooseNativeBinding', () => {
  const binding = electronNativePaths('/repo').binding;

  test('development uses the .electron-native build when it exists', () => {
    expect(chooseNativeBinding({ isPackaged: false, appRoot: '/repo', exists: (p) => p === binding })).toBe(binding);
  });

  test('development without that build passes nothing', () => {
    expect(chooseNativeBinding({ isPackaged: false, appRoot: '/repo', exists: () => false })).toBeUndefined();
  });

  test('the packaged app passes nothing: electron-builder rebuilt node_modules for Electron', () => {
    expect(chooseNativeBinding({ isPackaged: true, appRoot: '/repo', exists: () => true })).toBeUndefined();
  });
});
