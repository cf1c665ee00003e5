// The fuse configuration applied at packaging time (build/afterPack.cjs).
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, test } from 'vitest';
import { electronBinaryPath, fuseConfig } from '../../../build/fuses.cjs';

describe('fuseConfig', () => {
  test('turns off Node entry points and turns on asar-only loading, integrity and cookie encryption', () => {
    const config = fuseConfig({ platform: 'win32' }) as Record<string | number, unknown>;
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  test('re-signs ad hoc only on macOS', () => {
    expect(fuseConfig({ platform: 'darwin' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ platform: 'win32' }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ platform: 'linux' }).resetAdHocDarwinSignature).toBe(false);
  });
});

test('finds the Electron executable for each platform', () => {
  const packager = { appInfo: { productFilename: 'KhaoSat' }, executableName: 'khaosat' };
  expect(electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'win32', packager })).toBe(join('/out', 'KhaoSat.exe'));
  expect(electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'linux', packager })).toBe(join('/out', 'khaosat'));
  expect(electronBinaryPath({ appOutDir: '/out', electronPlatformName: 'darwin', packager })).toBe(join('/out', 'KhaoSat.app'));
});
