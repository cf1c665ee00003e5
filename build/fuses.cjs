// The Electron fuses KhaoSat ships with, and where the packaged Electron binary is. Fuses are
// bits in the binary itself, so they hold even if someone edits the app's files or environment.
'use strict';
const path = require('node:path');
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** @param {{ platform: string }} opts */
function fuseConfig({ platform }) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks macOS's ad-hoc signature; re-sign ad hoc so the app still starts.
    resetAdHocDarwinSignature: platform === 'darwin',
    // ELECTRON_RUN_AS_NODE would turn the app into a general-purpose Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS could inject --require scripts into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect flags would let anyone attach a debugger to the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar must match the hash electron-builder embedded (macOS and Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Load the app only from app.asar, never from a loose resources/app folder.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Cookies and other Chromium secrets on disk encrypted with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // We serve app:// and never file://, so file: pages need no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * The Electron executable inside electron-builder's appOutDir.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName ?? name);
  }
}

module.exports = { fuseConfig, electronBinaryPath };
